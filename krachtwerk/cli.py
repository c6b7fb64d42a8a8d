"""The command line of design §8: render a PDF, check a conversation file, write a demo case.

Bad input never shows a traceback: one line on stderr and exit status 2. A photo that cannot be
used is skipped: the page is still written without it, with that one line and exit status 2.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from krachtwerk.axes import mode_axes
from krachtwerk.content import catalogue
from krachtwerk.conversation_file import (
    MAX_FILE_BYTES,
    FileProblem,
    describe,
    read_conversation,
    write_conversation,
)
from krachtwerk.demos import demo_names, load_demo
from krachtwerk.model import Conversation

PROG = "krachtwerk"
EXIT_OK = 0
EXIT_BUG = 1
EXIT_BAD_INPUT = 2

PHOTO_REASONS = {
    "not_an_image": "it is not a photo",
    "corrupt": "it is damaged or cannot be opened",
}


class BadInput(Exception):
    """Something the person running the command can fix; the message is the one line shown."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise BadInput(f"{message} (see: python -m {PROG} --help)")


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
        _say_error(f"internal error ({type(bug).__name__}); nothing was written")
        return EXIT_BUG


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=f"python -m {PROG}", description="Krachtkompas on the command line.")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)

    pdf = commands.add_parser("pdf", help="render the current meeting of a file as a one-page PDF")
    pdf.add_argument("file", type=Path, metavar="FILE.json")
    pdf.add_argument("-o", "--output", type=Path, metavar="OUT.pdf")
    pdf.add_argument("--photo", type=Path, metavar="IMG")
    pdf.set_defaults(run=_pdf)

    check = commands.add_parser("check", help="check a conversation file and summarise it")
    check.add_argument("file", type=Path, metavar="FILE.json")
    check.set_defaults(run=_check)

    team = commands.add_parser(
        "team", help="write the anonymised page for a Team Kracht Bespreking (for the team only)"
    )
    team.add_argument("file", type=Path, metavar="FILE.json")
    team.add_argument("-o", "--output", type=Path, metavar="OUT.pdf")
    team.add_argument("--question", default="", metavar="TEXT", help="your question to the team")
    team.add_argument(
        "--with-validation", action="store_true", help="also print what is going on (left out)"
    )
    team.set_defaults(run=_team)

    export = commands.add_parser(
        "export", help="write the scores of every meeting as CSV (one row per meeting and axis)"
    )
    export.add_argument("file", type=Path, metavar="FILE.json")
    export.add_argument("-o", "--output", type=Path, metavar="OUT.csv")
    export.set_defaults(run=_export)

    content = commands.add_parser(
        "content", help="check or start an organisation's own content (KRACHTKOMPAS_CONTENT)"
    )
    actions = content.add_subparsers(title="actions", metavar="ACTION", required=True)
    check_content = actions.add_parser(
        "check", help="check a folder of own content: one line per problem, exit 2 if any"
    )
    check_content.add_argument("folder", type=Path, metavar="FOLDER")
    check_content.set_defaults(run=_content_check)
    init = actions.add_parser("init", help="write a starter folder, every setting explained")
    init.add_argument("folder", type=Path, metavar="FOLDER")
    init.set_defaults(run=_content_init)

    demo = commands.add_parser("demo", help="list the demo cases, or write one as a file")
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
        _say(f"photo skipped: {problem} ({args.photo}); the page was made without it")
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
        return ["scores per meeting: none given"]
    wide = given.pivot(index=["meeting", "date"], columns="axis", values="score")
    wide = wide.loc[:, [axis for axis in table["axis"].unique() if axis in wide.columns]]
    text = wide.astype("string").fillna("-").to_string()
    return ["scores per meeting:", *text.splitlines()]


def _content_check(args: argparse.Namespace) -> int:
    from krachtwerk.organisation import load_overlay

    checked = load_overlay(args.folder)
    t = catalogue("en").texts()
    for problem in checked.problems:
        _say(problem.text(t))
    texts = sum(len(keys) for keys in checked.texts.values())
    added = sum(len(keys) for keys in checked.additions.values())
    print(
        f"{args.folder}: {texts} texts replaced, {added} lists added to, "
        f"{len(checked.pictograms)} pictograms, name: {checked.name or 'none'}, "
        f"logo: {'yes' if checked.logo else 'no'}; {len(checked.problems)} problems"
    )
    return EXIT_BAD_INPUT if checked.problems else EXIT_OK


def _content_init(args: argparse.Namespace) -> int:
    from krachtwerk.organisation import write_starter

    folder: Path = args.folder
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise BadInput(f"{folder}: not an empty folder; nothing was written")
    if not folder.parent.is_dir():
        raise BadInput(f"{folder}: the folder {folder.parent} does not exist")
    for path in write_starter(folder):
        print(path)
    return EXIT_OK


def _demo(args: argparse.Namespace) -> int:
    if args.name is None:
        if args.output:
            raise BadInput("name a demo to write, for example: demo noor -o noor.json")
        titles = catalogue("en").texts()
        for name in demo_names():
            print(f"{name:<8} {titles(f'demos.{name}.title')}")
        return EXIT_OK
    try:
        data = write_conversation(load_demo(args.name))
    except KeyError:
        raise BadInput(
            f"unknown demo {args.name!r}; choose one of: {', '.join(demo_names())}"
        ) from None
    if args.output:
        _write(args.output, data)
        print(args.output)
    else:
        _stdout_bytes(data)
    return EXIT_OK


def _summary(conversation: Conversation) -> list[str]:
    meeting = conversation.meetings[-1] if conversation.meetings else None
    lines = [
        f"ok: a valid conversation file (format {conversation.format}, version "
        f"{conversation.version})",
        f"language: {conversation.language}"
        + (f" (page: {conversation.page_language})" if conversation.page_language else ""),
        f"mode: {conversation.mode} (address: {conversation.resident.address})",
        f"meetings: {len(conversation.meetings)}",
    ]
    if meeting is None:
        return lines
    axes = mode_axes(conversation.mode)
    scored = list(axes.scores(meeting.kompas))
    next_meeting = meeting.action.next_meeting
    lines += [
        f"current meeting: {meeting.date.isoformat()}",
        f"scored axes: {len(scored)} of {len(axes.ids)}"
        + (f" ({', '.join(scored)})" if scored else ""),
        f"focus: {axes.focus(meeting.kompas) or 'none'}",
        f"action: {'set' if meeting.action.what.strip() else 'not set'}",
        f"next meeting: {next_meeting.isoformat() if next_meeting else 'none'}",
    ]
    return lines


def _load(path: Path) -> Conversation:
    data = _read(path, MAX_FILE_BYTES)
    try:
        return read_conversation(data)
    except FileProblem as problem:
        raise BadInput(f"{path}: {describe(problem, 'en')}") from None


def _photo(path: Path) -> tuple[bytes | None, str]:
    """The photo ready to print, or None and why it cannot be used."""
    from krachtwerk.photo import MAX_INPUT_BYTES, MAX_PIXELS, PhotoError, prepare_photo

    try:
        return prepare_photo(_read_bytes(path, MAX_INPUT_BYTES)), ""
    except OSError as error:
        return None, _unreadable(error)
    except PhotoError as problem:
        if problem.reason == "too_big":
            limits = f"{MAX_INPUT_BYTES // 2**20} MB or {MAX_PIXELS // 10**6} megapixels"
            return None, f"it is too big (over {limits})"
        return None, PHOTO_REASONS.get(problem.reason, "it cannot be read")


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
        return "the file was not found"
    if isinstance(error, IsADirectoryError):
        return "it is a folder, not a file"
    return f"the file cannot be read ({error.strerror or 'unknown'})"


def _write(path: Path, data: bytes) -> None:
    if not path.parent.is_dir():
        raise BadInput(f"{path}: the folder {path.parent} does not exist")
    try:
        path.write_bytes(data)
    except IsADirectoryError:
        raise BadInput(f"{path}: is a folder; give a file name") from None
    except OSError as error:
        raise BadInput(f"{path}: cannot write the file ({error.strerror or 'unknown'})") from None


def _stdout_bytes(data: bytes) -> None:
    """Write UTF-8 as is, whatever the terminal's encoding claims."""
    sys.stdout.flush()
    if buffer := getattr(sys.stdout, "buffer", None):
        buffer.write(data)
        buffer.flush()
    else:
        sys.stdout.write(data.decode("utf-8"))


def _say_error(message: str) -> None:
    _say(f"error: {message}")


def _say(message: str) -> None:
    print(f"{PROG}: {' '.join(message.split())}", file=sys.stderr)
