import io
import json
import os
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from krachtwerk import cli
from krachtwerk.axes import mode_axes
from krachtwerk.cli import main
from krachtwerk.demos import DEMO_DIR, load_demo

ROOT = Path(__file__).resolve().parents[1]
NOOR = DEMO_DIR / "noor.json"
WIM = DEMO_DIR / "wim.json"


def _one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "Traceback" not in captured.err
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith("krachtwerk: error: ")
    return lines[0]


def _file(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), "orange").save(out, format="PNG")
    return out.getvalue()


def _pdf_text(path: Path) -> tuple[int, str]:
    reader = PdfReader(path)
    return len(reader.pages), " ".join(page.extract_text() for page in reader.pages)


RIA = DEMO_DIR / "ria.json"


# export and the scores over time


def test_export_writes_the_scores_of_every_meeting(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["export", str(RIA)]) == 0

    written = tmp_path / "krachtkompas-scores-2026-06-15.csv"  # neutral: no name in it
    assert capsys.readouterr().out.strip() == str(written)
    lines = written.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "meeting,date,axis,quadrant,score,focus,outcome"
    ria = load_demo("ria")
    assert len(lines) == 1 + len(ria.meetings) * len(mode_axes(ria.mode).ids)
    first = ria.meetings[0]
    focus = first.kompas.focus
    outcome = ria.meetings[1].review.outcome
    assert f"1,{first.date},{focus},thuis,{first.kompas.scores[focus]},True,{outcome}" in lines
    assert "Ria" not in written.read_text(encoding="utf-8")


def test_check_prints_the_scores_per_meeting(capsys: pytest.CaptureFixture[str]) -> None:
    ria = load_demo("ria")
    axes = mode_axes(ria.mode).ids
    assert main(["check", str(RIA)]) == 0

    out = capsys.readouterr().out.splitlines()
    table = out[out.index("scores per meeting:") + 1 :]
    assert table[0].split() == ["axis", *axes]
    for number, (row, meeting) in enumerate(zip(table[2:], ria.meetings, strict=True), start=1):
        scores = [str(meeting.kompas.scores[axis]) for axis in axes]
        assert row.split() == [str(number), meeting.date.isoformat(), *scores]


def test_team_writes_the_anonymised_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["team", str(WIM), "--question", "Hoe help ik Wim verder?"]) == 0

    written = tmp_path / "krachtkompas-team.pdf"  # neutral: no name, no date
    assert capsys.readouterr().out.strip() == str(written)
    pages, text = _pdf_text(written)
    assert pages == 1
    wim = load_demo("wim")
    for name in (wim.resident.name, wim.professional.name, "Marga", "Joop"):
        assert name not in text
    assert "Hoe help ik de bewoner verder?" in " ".join(text.split())
    assert wim.current.validation.situation.split(".")[0] not in text  # left out by default


# demo


def test_demo_lists_names_and_titles(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo"]) == 0

    out = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in out[:3]] == ["noor", "wim", "samira"]
    assert "Wim wants to visit his brother" in out[1]


def test_demo_writes_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "noor.json"

    assert main(["demo", "noor", "-o", str(out)]) == 0

    assert out.read_bytes() == NOOR.read_bytes()
    assert capsys.readouterr().out.strip() == str(out)


def test_demo_without_output_prints_the_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "samira"]) == 0

    printed = capsys.readouterr().out
    assert json.loads(printed)["mode"] == "eenvoudig"
    assert printed.encode() == (DEMO_DIR / "samira.json").read_bytes()


# check


def test_check_summarises_without_resident_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(NOOR)]) == 0

    out = capsys.readouterr().out
    assert "language: nl" in out
    assert "mode: jongere (address: je)" in out
    assert "meetings: 1" in out
    assert "current meeting: 2026-02-10" in out
    assert "scored axes: 10 of 10" in out
    assert "focus: vrije_tijd" in out
    assert "action: set" in out
    assert "Noor" not in out
    assert "cake" not in out


def test_check_counts_the_meetings_of_a_follow_up(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(WIM)]) == 0

    out = capsys.readouterr().out
    assert "meetings: 2" in out
    assert "current meeting: 2026-02-17" in out


def test_check_of_an_empty_conversation(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _file(tmp_path / "leeg.json", '{"format": "krachtwerk-kompas", "version": 1}')

    assert main(["check", str(path)]) == 0

    out = capsys.readouterr().out
    assert "scored axes: 0 of 10" in out
    assert "focus: none" in out
    assert "action: not set" in out


# pdf


def test_pdf_writes_one_page_named_by_date(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)

    assert main(["pdf", str(NOOR)]) == 0

    written = tmp_path / "krachtkompas-2026-02-10.pdf"
    assert capsys.readouterr().out.strip() == str(written)
    pages, text = _pdf_text(written)
    assert pages == 1
    assert "cake" in text
    for validation_word in ("hoest", "ruzie", "logisch"):
        assert validation_word not in text


def _images(path: Path) -> int:
    return len(PdfReader(path).pages[0].images)


def test_pdf_with_output_and_photo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    photo = _file(tmp_path / "foto.png", _png())
    out = tmp_path / "wim.pdf"

    assert main(["pdf", str(WIM), "-o", str(out), "--photo", str(photo)]) == 0

    captured = capsys.readouterr()
    assert captured.out.strip() == str(out)
    assert captured.err == ""
    assert _pdf_text(out)[0] == 1
    assert _images(out) == 1


def test_a_photo_is_known_by_its_content_not_its_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    photo = _file(tmp_path / "foto.jpg", _png())  # a PNG with a .jpg name
    out = tmp_path / "noor.pdf"

    assert main(["pdf", str(NOOR), "-o", str(out), "--photo", str(photo)]) == 0

    assert capsys.readouterr().err == ""
    assert _images(out) == 1


# a photo that cannot be used: the page is made without it, one line, exit 2


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def _bad_photos(tmp: Path) -> dict[str, tuple[Path, str]]:
    jpeg = io.BytesIO()
    Image.new("RGB", (600, 400), "orange").save(jpeg, format="JPEG")
    header = struct.pack(">IIBBBBB", 60_000, 60_000, 8, 2, 0, 0, 0)  # claims 60000 x 60000 px
    bomb = (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", zlib.compress(b"\0"))
    )
    (tmp / "map").mkdir()
    return {
        "text named .jpg": (_file(tmp / "foto.jpg", b"dit is geen foto"), "it is not a photo"),
        "empty file": (_file(tmp / "leeg.jpg", b""), "it is not a photo"),
        "pdf named .png": (_file(tmp / "scan.png", b"%PDF-1.7\n%%EOF\n"), "it is not a photo"),
        "truncated": (_file(tmp / "half.jpg", jpeg.getvalue()[:2000]), "it is damaged"),
        "bomb": (_file(tmp / "bom.png", bomb), "it is too big"),
        "missing": (tmp / "weg.jpg", "the file was not found"),
        "folder": (tmp / "map", "it is a folder"),
    }


PHOTO_CASES = [
    "text named .jpg",
    "empty file",
    "pdf named .png",
    "truncated",
    "bomb",
    "missing",
    "folder",
]


@pytest.mark.parametrize("case", PHOTO_CASES)
def test_a_bad_photo_is_skipped_and_the_page_still_made(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cases = _bad_photos(tmp_path)
    assert set(cases) == set(PHOTO_CASES)
    photo, reason = cases[case]
    out = tmp_path / "blad.pdf"

    assert main(["pdf", str(NOOR), "-o", str(out), "--photo", str(photo)]) == 2

    captured = capsys.readouterr()
    assert captured.out.strip() == str(out)
    assert "Traceback" not in captured.err
    [line] = captured.err.splitlines()
    assert line.startswith(f"krachtwerk: photo skipped: {reason}")
    assert line.endswith(f"({photo}); the page was made without it")
    pages, text = _pdf_text(out)
    assert pages == 1
    assert "cake" in text
    assert _images(out) == 0


def test_a_bad_conversation_wins_over_a_bad_photo(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = [*_bad_cases(tmp_path)["invalid conversation"], "--photo", str(tmp_path / "weg.jpg")]

    assert main(argv) == 2

    assert "compass" in _one_line_error(capsys)
    assert not list(tmp_path.glob("*.pdf"))


# bad input: exit 2, one line, no traceback


def _bad_cases(tmp: Path) -> dict[str, list[str]]:
    newer = _file(tmp / "nieuw.json", '{"format": "krachtwerk-kompas", "version": 2}')
    broken = _file(tmp / "kapot.json", '{"format": "krachtwerk-kompas", "vers')
    invalid = _file(
        tmp / "fout.json",
        '{"format": "krachtwerk-kompas", "version": 1,'
        ' "meetings": [{"kompas": {"scores": {"gezin": 11}}}]}',
    )
    empty = _file(tmp / "leeg.json", b"")
    return {
        "missing file": ["check", str(tmp / "bestaat-niet.json")],
        "folder as file": ["check", str(tmp)],
        "invalid json": ["check", str(broken)],
        "empty file": ["check", str(empty)],
        "newer version": ["check", str(newer)],
        "invalid conversation": ["pdf", str(invalid)],
        "unknown demo": ["demo", "bestaat-niet"],
        "no command": [],
        "unknown command": ["frob"],
        "missing argument": ["check"],
        "unknown option": ["pdf", str(NOOR), "--kleur", "rood"],
        "option without value": ["demo", "noor", "-o"],
        "output without demo name": ["demo", "-o", str(tmp / "x.json")],
        "output folder missing": ["pdf", str(NOOR), "-o", str(tmp / "weg" / "x.pdf")],
        "output is a folder": ["demo", "noor", "-o", str(tmp)],
        "export of a missing file": ["export", str(tmp / "bestaat-niet.json")],
        "export of invalid json": ["export", str(broken), "-o", str(tmp / "s.csv")],
        "export of an invalid conversation": ["export", str(invalid)],
        "export into a missing folder": ["export", str(NOOR), "-o", str(tmp / "weg" / "s.csv")],
        "team of a missing file": ["team", str(tmp / "bestaat-niet.json")],
        "team of an invalid conversation": ["team", str(invalid), "-o", str(tmp / "t.pdf")],
    }


BAD_CASES = [
    "missing file",
    "folder as file",
    "invalid json",
    "empty file",
    "newer version",
    "invalid conversation",
    "unknown demo",
    "no command",
    "unknown command",
    "missing argument",
    "unknown option",
    "option without value",
    "output without demo name",
    "output folder missing",
    "output is a folder",
    "export of a missing file",
    "export of invalid json",
    "export of an invalid conversation",
    "export into a missing folder",
    "team of a missing file",
    "team of an invalid conversation",
]


@pytest.mark.parametrize("case", BAD_CASES)
def test_bad_input_gives_exit_2_and_one_line(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cases = _bad_cases(tmp_path)
    assert set(cases) == set(BAD_CASES)
    argv = cases[case]

    assert main(argv) == 2

    _one_line_error(capsys)
    assert not list(tmp_path.glob("*.pdf")) and not list(tmp_path.glob("*.csv"))


def test_newer_version_is_said_plainly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(_bad_cases(tmp_path)["newer version"]) == 2

    assert "newer version of Krachtkompas" in _one_line_error(capsys)


def test_an_invalid_conversation_names_the_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(_bad_cases(tmp_path)["invalid conversation"]) == 2

    assert "meeting 1 → compass → scores → Family" in _one_line_error(capsys)


def test_a_bug_is_one_line_without_resident_text(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*_: object) -> list[str]:
        raise RuntimeError("Noor slaapt bij oma")

    monkeypatch.setattr(cli, "_summary", broken)

    assert main(["check", str(NOOR)]) == 1

    assert "Noor" not in _one_line_error(capsys)


def test_help_exits_cleanly(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0

    assert "pdf" in capsys.readouterr().out


# the real entry point


def _run(*args: str, cwd: Path, language: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "KRACHTKOMPAS_LANGUAGE": language}
    return subprocess.run(
        [sys.executable, "-m", "krachtwerk", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def test_python_m_krachtwerk_writes_and_checks_a_demo(tmp_path: Path) -> None:
    written = _run("demo", "wim", "-o", "wim.json", cwd=tmp_path)
    checked = _run("check", "wim.json", cwd=tmp_path)

    assert written.returncode == 0, written.stderr
    assert (tmp_path / "wim.json").read_bytes() == WIM.read_bytes()
    assert checked.returncode == 0, checked.stderr
    assert "meetings: 2" in checked.stdout


def test_python_m_krachtwerk_renders_a_pdf(tmp_path: Path) -> None:
    result = _run("pdf", str(NOOR), cwd=tmp_path)

    assert result.returncode == 0, result.stderr
    assert _pdf_text(tmp_path / "krachtkompas-2026-02-10.pdf")[0] == 1


def test_python_m_krachtwerk_skips_a_bad_photo(tmp_path: Path) -> None:
    _file(tmp_path / "foto.jpg", b"<html>geen foto</html>")

    result = _run("pdf", str(NOOR), "--photo", "foto.jpg", cwd=tmp_path)

    assert result.returncode == 2
    assert result.stdout.strip() == str(tmp_path / "krachtkompas-2026-02-10.pdf")
    assert result.stderr == (
        "krachtwerk: photo skipped: it is not a photo (foto.jpg); the page was made without it\n"
    )
    assert _pdf_text(tmp_path / "krachtkompas-2026-02-10.pdf")[0] == 1


@pytest.mark.parametrize("args", [["check", "bestaat-niet.json"], ["demo", "x"], ["--kleur"]])
def test_python_m_krachtwerk_refuses_bad_input_in_one_line(args: list[str], tmp_path: Path) -> None:
    result = _run(*args, cwd=tmp_path)

    assert result.returncode == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("", "error: missing.json: the file was not found"),
        ("xx", "error: missing.json: the file was not found"),  # not a language: English
        ("nl", "fout: missing.json: het bestand is niet gevonden"),
        ("NL", "fout: missing.json: het bestand is niet gevonden"),
    ],
)
def test_the_command_line_speaks_the_language_it_is_asked_to(
    tmp_path: Path, language: str, said: str
) -> None:
    done = _run("check", "missing.json", cwd=tmp_path, language=language)

    assert done.returncode == 2
    assert done.stderr.strip() == f"krachtwerk: {said}"


def test_check_in_dutch_summarises_in_dutch(tmp_path: Path) -> None:
    written = _run("demo", "ria", "-o", "ria.json", cwd=tmp_path)
    assert written.returncode == 0

    checked = _run("check", "ria.json", cwd=tmp_path, language="nl")

    assert checked.returncode == 0, checked.stderr
    assert checked.stdout.startswith("ok: een geldig gespreksbestand")
    assert "gesprekken: 4" in checked.stdout
    assert "scores per gesprek:" in checked.stdout


def test_escape_sequences_in_a_file_never_reach_the_terminal(tmp_path: Path) -> None:
    """A file's key is quoted in the message about it: its escape sequences (which could recolour
    the terminal or move its cursor) are shown as codes."""
    data = json.loads(_run("demo", "noor", cwd=tmp_path).stdout)
    data["\x1b[2J\x1b[31mzzz\x07"] = 1
    (tmp_path / "bad.json").write_text(json.dumps(data), encoding="utf-8")

    done = _run("check", "bad.json", cwd=tmp_path)

    assert done.returncode == 2
    assert not any(not char.isprintable() for char in done.stderr.rstrip("\n"))
    assert "zzz" in done.stderr
