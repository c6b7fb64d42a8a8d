"""The command line of design §8: render a PDF, check a conversation file, write a demo case,
check an organisation's own content.

Bad input never shows a traceback: one line on stderr and exit status 2. A photo that cannot be
used is skipped: the page is still written without it, with that one line and exit status 2.
Every message is a catalogue text (content/<language>/cli.toml): English, or the language of the
screens that KRACHTKOMPAS_LANGUAGE names.
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from krachtwerk.axes import mode_axes
from krachtwerk.content import catalogue
from krachtwerk.content.catalogue import Texts
from krachtwerk.conversation_file import (
    MAX_FILE_BYTES,
    FileProblem,
    describe,
    read_conversation,
    write_conversation,
)
from krachtwerk.demos import demo_names, load_demo
from krachtwerk.model import LANGUAGES, Conversation

PROG = "krachtwerk"
EXIT_OK = 0
EXIT_BUG = 1
EXIT_BAD_INPUT = 2

LANGUAGE_ENV = "KRACHTKOMPAS_LANGUAGE"
PHOTO_REASONS = ("not_an_image", "corrupt", "shape")


def language() -> str:
    """English, or the screen language KRACHTKOMPAS_LANGUAGE names."""
    chosen = os.environ.get(LANGUAGE_ENV, "").strip().lower()
    return chosen if chosen in LANGUAGES else "en"


@functools.cache
def texts() -> Texts:
    return catalogue(language()).texts()


def t(key: str, **values: object) -> str:
    return texts()(f"cli.{key}", **values)


class BadInput(Exception):
    """Something the person running the command can fix; the message is the one line shown."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise BadInput(t("see_help", message=message, prog=PROG))


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
        return args.run(args)
    except SystemExit as done:  # --help
        return done.code if isinstance(done.code, int) else EXIT_OK
    except BadInput as problem:
        _say_error(str(problem))
        return EXIT_BAD_INPUT
    except Exception as bug:  # a traceback could show resident text; say what broke, not where
        _say_error(t("internal_error", kind=type(bug).__name__))
        return EXIT_BUG


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=f"python -m {PROG}", description=t("description"))
    commands = parser.add_subparsers(title=t("commands"), metavar="COMMAND", required=True)

    pdf = commands.add_parser("pdf", help=t("help.pdf"))
    pdf.add_argument("file", type=Path, metavar="FILE.json")
    pdf.add_argument("-o", "--output", type=Path, metavar="OUT.pdf")
    pdf.add_argument("--photo", type=Path, metavar="IMG")
    pdf.set_defaults(run=_pdf)

    check = commands.add_parser("check", help=t("help.check"))
    check.add_argument("file", type=Path, metavar="FILE.json")
    check.set_defaults(run=_check)

    team = commands.add_parser("team", help=t("help.team"))
    team.add_argument("file", type=Path, metavar="FILE.json")
    team.add_argument("-o", "--output", type=Path, metavar="OUT.pdf")
    team.add_argument("--question", default="", metavar="TEXT", help=t("help.question"))
    team.add_argument("--with-validation", action="store_true", help=t("help.with_validation"))
    team.set_defaults(run=_team)

    export = commands.add_parser("export", help=t("help.export"))
    export.add_argument("file", type=Path, metavar="FILE.json")
    export.add_argument("-o", "--output", type=Path, metavar="OUT.csv")
    export.set_defaults(run=_export)

    content = commands.add_parser("content", help=t("help.content"))
    actions = content.add_subparsers(title=t("actions"), metavar="ACTION", required=True)
    check_content = actions.add_parser("check", help=t("help.content_check"))
    check_content.add_argument("folder", type=Path, metavar="FOLDER")
    check_content.set_defaults(run=_content_check)
    init = actions.add_parser("init", help=t("help.content_init"))
    init.add_argument("folder", type=Path, metavar="FOLDER")
    init.set_defaults(run=_content_init)

    demo = commands.add_parser("demo", help=t("help.demo"))
    demo.add_argument("name", nargs="?", metavar="NAME")
    demo.add_argument("-o", "--output", type=Path, metavar="FILE.json")
    demo.set_defaults(run=_demo)
    return parser


def _pdf(args: argparse.Namespace) -> int:
    # Imported here so `check` and `demo` work without the PDF stack.
    from krachtwerk.pdf import pdf_filename, render_pdf

    conversation = _load(args.file)
    photo, problem = _photo(args.photo) if args.photo else (None, "")
    out: Path = args.output or Path.cwd() / pdf_filename(conversation)
    _write(out, render_pdf(conversation, photo))
    print(out)
    if problem:
        _say(t("photo.skipped", problem=problem, path=args.photo))
        return EXIT_BAD_INPUT
    return EXIT_OK


def _check(args: argparse.Namespace) -> int:
    conversation = _load(args.file)
    for line in _summary(conversation):
        print(line)
    for line in _scores_per_meeting(conversation):
        print(line)
    return EXIT_OK


def _team(args: argparse.Namespace) -> int:
    from krachtwerk.pdf.team import TEAM_FILENAME, render_team_pdf
    from krachtwerk.team import BLOCKS, team_case

    conversation = _load(args.file)
    case = team_case(conversation, args.question)
    if args.with_validation:
        case = case.edited(shown=frozenset({*BLOCKS, "validation"}))
    out: Path = args.output or Path.cwd() / TEAM_FILENAME
    _write(out, render_team_pdf(conversation, case))
    print(out)
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    # Imported here: pandas is only needed by the commands that show scores over time.
    from krachtwerk.history import export_csv, export_filename, meetings_table

    conversation = _load(args.file)
    out: Path = args.output or Path.cwd() / export_filename(conversation)
    _write(out, export_csv(meetings_table(conversation)))
    print(out)
    return EXIT_OK


def _scores_per_meeting(conversation: Conversation) -> list[str]:
    """The scores as a table: a row per meeting, a column per axis that was ever scored."""
    from krachtwerk.history import meetings_table

    table = meetings_table(conversation)
    given = table.dropna(subset=["score"])
    if given.empty:
        return [t("check.no_scores")]
    wide = given.pivot(index=["meeting", "date"], columns="axis", values="score")
    wide = wide.loc[:, [axis for axis in table["axis"].unique() if axis in wide.columns]]
    text = wide.astype("string").fillna("-").to_string()
    return [t("check.scores"), *text.splitlines()]


def _content_check(args: argparse.Namespace) -> int:
    from krachtwerk.organisation import load_overlay

    checked = load_overlay(args.folder)
    for problem in checked.problems:
        _say(problem.text(texts()))
    summary = t(
        "content.summary",
        folder=args.folder,
        texts=sum(len(keys) for keys in checked.texts.values()),
        added=sum(len(keys) for keys in checked.additions.values()),
        pictograms=len(checked.pictograms),
        name=checked.name or t("content.none"),
        logo=t("content.yes") if checked.logo else t("content.no"),
        problems=len(checked.problems),
    )
    print(summary)
    return EXIT_BAD_INPUT if checked.problems else EXIT_OK


def _content_init(args: argparse.Namespace) -> int:
    from krachtwerk.organisation import write_starter

    folder: Path = args.folder
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise BadInput(t("content.not_empty", folder=folder))
    if not folder.parent.is_dir():
        raise BadInput(t("files.no_folder", path=folder, folder=folder.parent))
    for path in write_starter(folder):
        print(path)
    return EXIT_OK


def _demo(args: argparse.Namespace) -> int:
    if args.name is None:
        if args.output:
            raise BadInput(t("demo.name_one"))
        titles = texts()
        for name in demo_names():
            print(f"{name:<8} {titles(f'demos.{name}.title')}")
        return EXIT_OK
    try:
        data = write_conversation(load_demo(args.name))
    except KeyError:
        names = ", ".join(demo_names())
        raise BadInput(t("demo.unknown", name=repr(args.name), names=names)) from None
    if args.output:
        _write(args.output, data)
        print(args.output)
    else:
        _stdout_bytes(data)
    return EXIT_OK


def _summary(conversation: Conversation) -> list[str]:
    meeting = conversation.meetings[-1] if conversation.meetings else None
    language = conversation.language
    lines = [
        t("check.ok", format=conversation.format, version=conversation.version),
        t("check.page_language", language=language, page=conversation.page_language)
        if conversation.page_language
        else t("check.language", language=language),
        t("check.mode", mode=conversation.mode, address=conversation.resident.address),
        t("check.meetings", count=len(conversation.meetings)),
    ]
    if meeting is None:
        return lines
    axes = mode_axes(conversation.mode)
    scored = list(axes.scores(meeting.kompas))
    next_meeting = meeting.action.next_meeting
    count, total = len(scored), len(axes.ids)
    lines += [
        t("check.current", date=meeting.date.isoformat()),
        t("check.scored_which", count=count, total=total, axes=", ".join(scored))
        if scored
        else t("check.scored", count=count, total=total),
        t("check.focus", focus=axes.focus(meeting.kompas) or t("check.none")),
        t("check.action_set") if meeting.action.what.strip() else t("check.action_not_set"),
        t("check.next_meeting", date=next_meeting.isoformat() if next_meeting else t("check.none")),
    ]
    return lines


def _load(path: Path) -> Conversation:
    data = _read(path, MAX_FILE_BYTES)
    try:
        return read_conversation(data)
    except FileProblem as problem:
        raise BadInput(f"{path}: {describe(problem, language())}") from None


def _photo(path: Path) -> tuple[bytes | None, str]:
    """The photo ready to print, or None and why it cannot be used."""
    from krachtwerk.photo import MAX_INPUT_BYTES, MAX_PIXELS, PhotoError, prepare_photo

    try:
        return prepare_photo(_read_bytes(path, MAX_INPUT_BYTES)), ""
    except OSError as error:
        return None, _unreadable(error)
    except PhotoError as problem:
        if problem.reason == "too_big":
            megabytes, megapixels = MAX_INPUT_BYTES // 2**20, MAX_PIXELS // 10**6
            return None, t("photo.too_big", megabytes=megabytes, megapixels=megapixels)
        known = problem.reason in PHOTO_REASONS
        return None, t(f"photo.{problem.reason}" if known else "photo.unreadable")


def _read(path: Path, limit: int) -> bytes:
    try:
        return _read_bytes(path, limit)
    except OSError as error:
        raise BadInput(f"{path}: {_unreadable(error)}") from None


def _read_bytes(path: Path, limit: int) -> bytes:
    """At most limit + 1 bytes: enough to tell the reader the file is too big."""
    with path.open("rb") as file:
        return file.read(limit + 1)


def _unreadable(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return t("files.not_found")
    if isinstance(error, IsADirectoryError):
        return t("files.is_folder")
    return t("files.unreadable", reason=error.strerror or t("files.unknown_reason"))


def _write(path: Path, data: bytes) -> None:
    if not path.parent.is_dir():
        raise BadInput(t("files.no_folder", path=path, folder=path.parent))
    try:
        path.write_bytes(data)
    except IsADirectoryError:
        raise BadInput(t("files.write_folder", path=path)) from None
    except OSError as error:
        reason = error.strerror or t("files.unknown_reason")
        raise BadInput(t("files.cannot_write", path=path, reason=reason)) from None


def _stdout_bytes(data: bytes) -> None:
    """Write UTF-8 as is, whatever the terminal's encoding claims."""
    sys.stdout.flush()
    if buffer := getattr(sys.stdout, "buffer", None):
        buffer.write(data)
        buffer.flush()
    else:
        sys.stdout.write(data.decode("utf-8"))


def _say_error(message: str) -> None:
    _say(t("error", message=message))


def _say(message: str) -> None:
    """One line on stderr. Whatever a file or a name holds that is not printable (an escape
    sequence that would recolour or move the terminal) is shown as its code, never sent."""
    line = " ".join(message.split())
    visible = "".join(char if char.isprintable() else f"\\x{ord(char):02x}" for char in line)
    print(f"{PROG}: {visible}", file=sys.stderr)
