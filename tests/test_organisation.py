"""An organisation's own content (KRACHTKOMPAS_CONTENT): what is fine is used, each problem is
one message (file, key, what), and ours stays for everything else."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from krachtwerk.content.catalogue import catalogue_as_shipped, catalogue_with, structure_with
from krachtwerk.organisation import LOGO_HEIGHT, Overlay, load_overlay

ROOT = Path(__file__).resolve().parents[1]
OURS = ROOT / "assets" / "pictograms"
SVG_NS = 'xmlns="http://www.w3.org/2000/svg"'


def folder_with(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    folder = tmp_path / "organisation"
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    folder.mkdir(exist_ok=True)
    return folder


def problems(checked: Overlay) -> set[tuple[str, str, str]]:
    return {(p.file, p.key, p.code) for p in checked.problems}


def logo(size: tuple[int, int] = (600, 200), fmt: str = "PNG") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (0, 110, 120)).save(out, format=fmt)
    return out.getvalue()


def test_a_partial_override_changes_only_what_it_names(tmp_path: Path) -> None:
    folder = folder_with(
        tmp_path,
        {
            "nl/texts.toml": '[pdf]\naction = "Dit ga ik echt doen"\n'
            '[domains.wonen]\nquestions = ["Hoe woon je nu?", "Wat wil je houden?"]\n'
            '[add.domains.geld]\nexample_actions = ["Samen de post openen"]\n',
            "ar/page.toml": '[pdf]\ndone = "تمّ!"\n',
        },
    )

    checked = load_overlay(folder)
    nl, ours = catalogue_with("nl", checked).texts(), catalogue_as_shipped("nl").texts()

    assert not checked.problems
    assert nl("pdf.action") == "Dit ga ik echt doen"
    assert nl("pdf.goal") == ours("pdf.goal")  # the rest of the section stays ours
    assert nl.list("domains.wonen.questions") == ["Hoe woon je nu?", "Wat wil je houden?"]
    assert nl.list("domains.geld.example_actions") == [
        *ours.list("domains.geld.example_actions"),
        "Samen de post openen",
    ]
    assert catalogue_with("ar", checked).texts()("pdf.done") == "تمّ!"
    english = catalogue_with("en", checked).texts()  # another language: untouched
    assert english("pdf.action") == catalogue_as_shipped("en").texts()("pdf.action")


def test_a_bad_key_is_reported_and_the_good_ones_beside_it_are_used(tmp_path: Path) -> None:
    folder = folder_with(
        tmp_path,
        {
            "nl/texts.toml": '[pdf]\naction = "Mijn stap"\nbestaat_niet = "x"\n'
            'title_named = "Het kompas van {naam}"\ndone = ["Gelukt!"]\n'
            '[domains.wonen]\nquestions = "Eén vraag"\n[language]\nname = "Hollands"\n'
            '[add.pdf]\ndone = ["nog een"]\n',
        },
    )

    checked = load_overlay(folder)
    nl, ours = catalogue_with("nl", checked).texts(), catalogue_as_shipped("nl").texts()

    assert problems(checked) == {
        ("nl/texts.toml", "pdf.bestaat_niet", "unknown_key"),
        ("nl/texts.toml", "pdf.title_named", "unknown_placeholder"),
        ("nl/texts.toml", "pdf.done", "want_text"),
        ("nl/texts.toml", "domains.wonen.questions", "want_list"),
        ("nl/texts.toml", "language.name", "fixed_key"),
        ("nl/texts.toml", "add.pdf.done", "not_a_list"),
    }
    assert nl("pdf.action") == "Mijn stap"
    for key in ("pdf.title_named", "pdf.done", "language.name"):
        assert nl(key) == ours(key), key
    assert nl.list("domains.wonen.questions") == ours.list("domains.wonen.questions")


def test_bad_toml_leaves_out_that_file_only(tmp_path: Path) -> None:
    folder = folder_with(
        tmp_path,
        {"nl/a.toml": "this = is [not toml\n", "nl/b.toml": '[pdf]\naction = "Mijn stap"\n'},
    )

    checked = load_overlay(folder)

    assert problems(checked) == {("nl/a.toml", "", "bad_toml")}
    assert "line 1" in checked.problems[0].text(catalogue_as_shipped("en").texts())
    assert catalogue_with("nl", checked).texts()("pdf.action") == "Mijn stap"


def test_a_folder_for_a_language_that_is_not_there_is_reported(tmp_path: Path) -> None:
    checked = load_overlay(folder_with(tmp_path, {"xx/texts.toml": '[pdf]\naction = "x"\n'}))

    assert problems(checked) == {("xx/", "", "unknown_language")}
    message = checked.problems[0].text(catalogue_as_shipped("nl").texts())
    assert "nl, " in message and "ar" in message  # names the languages there are


@pytest.mark.parametrize(
    ("svg", "code"),
    [
        (f'<svg {SVG_NS} viewBox="0 0 48 48"><script>alert(1)</script></svg>', "svg_element"),
        (f'<svg {SVG_NS} viewBox="0 0 48 48"><text>Hi</text></svg>', "svg_element"),
        (f'<svg {SVG_NS} viewBox="0 0 48 48"><image href="http://x/y.png"/></svg>', "svg_element"),
        (f'<svg {SVG_NS} viewBox="0 0 9 9"><path style="fill:red" d="M0 0"/></svg>', "svg_element"),
        (f'<svg {SVG_NS}><circle cx="4" cy="4" r="2"/></svg>', "svg_no_viewbox"),
        (f'<svg {SVG_NS} viewBox="0 0 48 48"><path d="M 10 10 Q"/></svg>', "svg_not_drawn"),
        ("<svg", "svg_not_svg"),
        ('<!DOCTYPE s [<!ENTITY a "aaaa">]><svg/>', "svg_not_svg"),
        ("<html/>", "svg_not_svg"),
    ],
)
def test_a_bad_pictogram_is_reported_and_ours_stays(tmp_path: Path, svg: str, code: str) -> None:
    checked = load_overlay(folder_with(tmp_path, {"pictograms/wonen.svg": svg}))

    assert problems(checked) == {("pictograms/wonen.svg", "", code)}
    assert structure_with(checked.pictograms).domain("wonen").pictogram == OURS / "wonen.svg"


def test_a_good_pictogram_replaces_ours_and_an_unknown_name_is_reported(tmp_path: Path) -> None:
    own = (OURS / "werk.svg").read_text().replace("</svg>", '<circle cx="24" cy="24" r="5"/></svg>')
    folder = folder_with(tmp_path, {"pictograms/wonen.svg": own, "pictograms/huis.svg": own})

    checked = load_overlay(folder)

    assert problems(checked) == {("pictograms/huis.svg", "", "unknown_pictogram")}
    shape = structure_with(checked.pictograms)
    assert shape.domain("wonen").pictogram == folder / "pictograms" / "wonen.svg"
    assert shape.domain("werk").pictogram == OURS / "werk.svg"


@pytest.mark.parametrize(
    ("settings", "files", "code"),
    [
        ('logo = "logo.png"', {}, "missing_logo"),
        ('logo = "../logo.png"', {}, "missing_logo"),
        ('logo = "logo.png"', {"logo.png": b"not a picture"}, "bad_logo"),
        ('logo = "logo.gif"', {"logo.gif": b"GIF89a" + bytes(40)}, "bad_logo"),
        ('logo = "logo.png"', {"logo.png": logo((5000, 10))}, "logo_too_big"),
        ('name = "' + "x" * 61 + '"', {}, "bad_name"),
        ('colour = "red"', {}, "unknown_setting"),
    ],
)
def test_a_bad_setting_is_reported_and_left_out(
    tmp_path: Path, settings: str, files: dict[str, bytes], code: str
) -> None:
    toml = f"[organisation]\n{settings}\n"
    checked = load_overlay(folder_with(tmp_path, {"organisation.toml": toml, **files}))

    assert [p.code for p in checked.problems] == [code]
    assert checked.logo is None and checked.name == ""


def test_the_name_and_a_logo_are_kept_small_and_clean(tmp_path: Path) -> None:
    toml = '[organisation]\nname = "  Wijkteam   Noord "\nlogo = "logo.jpg"\n'
    checked = load_overlay(
        folder_with(tmp_path, {"organisation.toml": toml, "logo.jpg": logo((1200, 600), "JPEG")})
    )

    assert not checked.problems
    assert checked.name == "Wijkteam Noord"
    with Image.open(io.BytesIO(checked.logo or b"")) as kept:
        assert kept.format == "PNG" and kept.height == LOGO_HEIGHT and not kept.info.get("exif")


def test_a_folder_that_is_not_there_is_one_problem(tmp_path: Path) -> None:
    checked = load_overlay(tmp_path / "nothing")

    assert [p.code for p in checked.problems] == ["no_folder"]
    assert catalogue_with("nl", checked) is catalogue_as_shipped("nl")


# --- the command line and the app, as processes -------------------------------------------------


def run(*args: str, content: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("KRACHTKOMPAS_CONTENT", None)
    if content:
        env["KRACHTKOMPAS_CONTENT"] = str(content)
    return subprocess.run(
        [sys.executable, "-m", "krachtwerk", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=ROOT,
    )


def test_init_writes_a_starter_that_checks_clean_and_never_overwrites(tmp_path: Path) -> None:
    folder = tmp_path / "ours"

    made = run("content", "init", str(folder))

    assert made.returncode == 0, made.stderr
    assert (folder / "organisation.toml").is_file() and (folder / "nl" / "texts.toml").is_file()
    checked = run("content", "check", str(folder))
    assert checked.returncode == 0, checked.stderr
    assert "0 problems" in checked.stdout
    # Every text and example of the starter works when its "# " is taken away.
    texts = folder / "nl" / "texts.toml"
    lines = texts.read_text(encoding="utf-8").splitlines()
    code = [line[2:] if " = " in line or line.startswith("# [") else line for line in lines]
    texts.write_text("\n".join(code), encoding="utf-8")
    assert run("content", "check", str(folder)).returncode == 0
    again = run("content", "init", str(folder))
    assert again.returncode == 2
    assert "not an empty folder" in again.stderr


def test_check_gives_one_line_per_problem_and_exit_2(tmp_path: Path) -> None:
    folder = folder_with(
        tmp_path,
        {
            "nl/texts.toml": '[pdf]\nbestaat_niet = "x"\naction = "Mijn stap"\n',
            "nl/kapot.toml": "= nope",
            "organisation.toml": '[organisation]\nlogo = "weg.png"\n',
        },
    )

    checked = run("content", "check", str(folder))

    assert checked.returncode == 2
    lines = checked.stderr.strip().splitlines()
    assert len(lines) == 3
    assert "nl/texts.toml, pdf.bestaat_niet: the app has no text by this name" in checked.stderr
    assert "nl/kapot.toml: not valid TOML" in checked.stderr
    assert "organisation.toml, organisation.logo: the logo weg.png is not in this folder" in (
        checked.stderr
    )
    assert "1 texts replaced" in checked.stdout


def test_the_page_carries_the_organisation_and_its_texts(tmp_path: Path) -> None:
    folder = folder_with(
        tmp_path,
        {
            "organisation.toml": '[organisation]\nname = "Wijkteam Noord"\nlogo = "logo.png"\n',
            "logo.png": logo(),
            "nl/texts.toml": '[pdf]\naction = "Dit ga ik echt doen"\nfout = "x"\n',
        },
    )
    out = tmp_path / "page.pdf"

    ria = ROOT / "krachtwerk" / "demos" / "ria.json"
    made = run("pdf", str(ria), "-o", str(out), content=folder)

    assert made.returncode == 0, made.stderr
    assert "pdf.fout" in made.stderr  # the problem is said, the page is still made
    page = PdfReader(out).pages[0]
    text = " ".join(page.extract_text().split())
    assert "Wijkteam Noord · Gemaakt met Krachtkompas" in text
    assert "Dit ga ik echt doen" in text
    assert len(page.images) == 1  # the logo


def test_nothing_of_a_default_run_changes_without_an_overlay() -> None:
    checked = run("check", str(ROOT / "krachtwerk" / "demos" / "ria.json"))

    assert checked.returncode == 0 and checked.stderr == ""
    assert json.loads(run("demo", "ria").stdout)["resident"]["name"] == "Ria"
