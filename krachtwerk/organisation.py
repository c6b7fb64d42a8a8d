"""An organisation's own content, kept outside the package so an upgrade never touches it.

``KRACHTKOMPAS_CONTENT=/path/to/folder`` names a folder that holds only what the organisation
changes (docs/organisation.md; ``python -m krachtwerk content init FOLDER`` writes a starter):

- ``organisation.toml``: its name and an optional logo, both for the page's footer;
- ``<language>/*.toml``: texts that replace ours, by their catalogue key, in any language; an
  ``[add]`` table adds items to a list of ours (example questions, example actions);
- ``pictograms/<name>.svg``: its own pictogram in place of one of ours, by file name.

Everything is checked once, when the process starts. Each problem is one message (file, key,
what is wrong) and is left out; everything that is fine is used, and ours stays for the rest.
It is the organisation's configuration, never anything about a resident.
"""

from __future__ import annotations

import copy
import functools
import io
import logging
import os
import string
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from krachtwerk.languages import described
from krachtwerk.pictograms import MAX_BYTES as MAX_SVG_BYTES
from krachtwerk.pictograms import svg_problem

ENV = "KRACHTKOMPAS_CONTENT"
SETTINGS = "organisation.toml"
PICTOGRAMS = "pictograms"
MAX_TOML_BYTES = 1_000_000
MAX_LOGO_BYTES = 2_000_000
MAX_LOGO_SIDE = 4_000  # pixels, read from the header before anything is decoded
LOGO_HEIGHT = 240  # pixels kept: sharp at 8 mm in print
MAX_NAME = 60
SETTING_KEYS = frozenset({"name", "logo"})

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Problem:
    """One thing in the folder that is not used, and why (``code``: a text of content.problems)."""

    file: str
    key: str
    code: str
    values: tuple[tuple[str, str], ...] = ()

    def text(self, t: Any) -> str:
        where = ", ".join(part for part in (self.file, self.key) if part)
        what = t(f"content.problems.{self.code}", **dict(self.values))
        return f"{where}: {what}" if where else what


@dataclass(frozen=True)
class Overlay:
    """What an organisation changes, checked: only what is fine is in here."""

    folder: Path | None = None
    texts: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)  # language → key → value
    additions: Mapping[str, Mapping[str, list[str]]] = field(default_factory=dict)
    pictograms: Mapping[str, Path] = field(default_factory=dict)  # "wonen.svg" → its file
    name: str = ""
    logo: bytes | None = None  # a small PNG
    problems: tuple[Problem, ...] = ()


NONE = Overlay()


@functools.cache
def overlay() -> Overlay:
    """This process's overlay, from ``KRACHTKOMPAS_CONTENT`` (none when it is not set). Its
    problems are logged once, in English: the log is read by whoever hosts the app."""
    folder = os.environ.get(ENV, "").strip()
    if not folder:
        return NONE
    loaded = load_overlay(Path(folder))
    from krachtwerk.content.catalogue import catalogue_as_shipped

    english = catalogue_as_shipped("en").texts()
    for problem in loaded.problems:
        log.warning("%s %s: %s", ENV, loaded.folder, problem.text(english))
    return loaded


def load_overlay(folder: Path) -> Overlay:
    """The organisation's folder, checked. Never raises: a problem is reported and left out."""
    problems: list[Problem] = []
    if not folder.is_dir():
        return Overlay(folder, problems=(Problem(str(folder), "", "no_folder"),))
    name, logo = _settings(folder, problems)
    texts: dict[str, dict[str, Any]] = {}
    additions: dict[str, dict[str, list[str]]] = {}
    for sub in sorted(p for p in folder.iterdir() if p.is_dir() and p.name != PICTOGRAMS):
        if sub.name.startswith("."):
            continue
        if sub.name not in described():
            known = (("languages", ", ".join(described())),)
            problems.append(Problem(f"{sub.name}/", "", "unknown_language", known))
            continue
        for path in sorted(sub.glob("*.toml")):
            _texts(folder, path, sub.name, texts, additions, problems)
    pictograms = _pictograms(folder, problems)
    return Overlay(folder, texts, additions, pictograms, name, logo, tuple(problems))


# --- name and logo ------------------------------------------------------------------------------


def _settings(folder: Path, problems: list[Problem]) -> tuple[str, bytes | None]:
    path = folder / SETTINGS
    if not path.is_file():
        return "", None
    raw = _toml(folder, path, problems)
    if raw is None:
        return "", None
    settings = raw.get("organisation", {})
    for key in sorted(set(raw) - {"organisation"}):
        problems.append(Problem(SETTINGS, key, "unknown_setting"))
    if not isinstance(settings, dict):
        problems.append(Problem(SETTINGS, "organisation", "not_a_table"))
        return "", None
    for key in sorted(set(settings) - SETTING_KEYS):
        problems.append(Problem(SETTINGS, f"organisation.{key}", "unknown_setting"))
    name = settings.get("name", "")
    if not isinstance(name, str) or len(name.strip()) > MAX_NAME or "\n" in name:
        problems.append(
            Problem(SETTINGS, "organisation.name", "bad_name", (("max", str(MAX_NAME)),))
        )
        name = ""
    logo = None
    if "logo" in settings:
        logo = _logo(folder, settings["logo"], problems)
    return " ".join(name.split()), logo


def _logo(folder: Path, file: object, problems: list[Problem]) -> bytes | None:
    key = "organisation.logo"
    path = folder / str(file)
    inside = isinstance(file, str) and path.resolve().parent == folder.resolve()
    if not inside or not path.is_file():
        problems.append(Problem(SETTINGS, key, "missing_logo", (("file", str(file)),)))
        return None
    from PIL import Image, UnidentifiedImageError

    data = path.read_bytes()[: MAX_LOGO_BYTES + 1]
    if len(data) > MAX_LOGO_BYTES:
        problems.append(Problem(SETTINGS, key, "logo_too_big", (("file", str(file)),)))
        return None
    try:
        with Image.open(io.BytesIO(data), formats=("PNG", "JPEG")) as image:
            if max(image.size) > MAX_LOGO_SIDE:
                problems.append(Problem(SETTINGS, key, "logo_too_big", (("file", str(file)),)))
                return None
            image.load()
            picture = image.convert("RGBA")
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        problems.append(Problem(SETTINGS, key, "bad_logo", (("file", str(file)),)))
        return None
    if picture.height > LOGO_HEIGHT:
        width = max(1, round(picture.width * LOGO_HEIGHT / picture.height))
        picture = picture.resize((width, LOGO_HEIGHT), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    picture.save(out, format="PNG", optimize=True)  # nothing of the file but its pixels
    return out.getvalue()


# --- texts --------------------------------------------------------------------------------------


def _toml(folder: Path, path: Path, problems: list[Problem]) -> dict[str, Any] | None:
    where = str(path.relative_to(folder))
    try:
        data = path.read_bytes()[: MAX_TOML_BYTES + 1]
        if len(data) > MAX_TOML_BYTES:
            problems.append(Problem(where, "", "file_too_big"))
            return None
        return tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        problems.append(Problem(where, "", "not_utf8"))
    except tomllib.TOMLDecodeError as error:
        problems.append(Problem(where, "", "bad_toml", (("error", str(error)),)))
    except OSError as error:
        problems.append(Problem(where, "", "unreadable", (("error", error.strerror or ""),)))
    return None


def _texts(
    folder: Path,
    path: Path,
    language: str,
    texts: dict[str, dict[str, Any]],
    additions: dict[str, dict[str, list[str]]],
    problems: list[Problem],
) -> None:
    raw = _toml(folder, path, problems)
    if raw is None:
        return
    from krachtwerk.content.catalogue import catalogue_as_shipped

    ours = catalogue_as_shipped(language)
    where = str(path.relative_to(folder))
    added = raw.pop("add", {})
    for key, value in _leaves(raw):
        if code := _text_problem(ours, key, value):
            problems.append(Problem(where, key, *code))
        else:
            texts.setdefault(language, {})[key] = value
    for key, value in _leaves(added if isinstance(added, dict) else {}):
        if code := _addition_problem(ours, key, value):
            problems.append(Problem(where, f"add.{key}", *code))
        else:
            additions.setdefault(language, {}).setdefault(key, []).extend(value)


def _leaves(node: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    """Each text by its catalogue key; a table of variants (je/u, modes) is one text."""
    from krachtwerk.content.catalogue import is_variants

    for name, child in node.items():
        if isinstance(child, dict) and child and not is_variants(child):
            yield from _leaves(child, f"{prefix}{name}.")
        else:
            yield f"{prefix}{name}", child


Found = tuple[str, tuple[tuple[str, str], ...]] | None  # a problem's code and its values


def _text_problem(ours: Any, key: str, value: Any) -> Found:
    from krachtwerk.content.catalogue import CatalogueError, check_value

    if key.split(".")[0] == "language":
        return "fixed_key", ()
    try:
        original = ours.lookup(key)
    except KeyError:
        return "unknown_key", ()
    try:
        check_value(key, value)
    except CatalogueError:
        return "bad_value", ()
    for theirs, mine in _side_by_side(value, original):
        if isinstance(theirs, str) != isinstance(mine, str):
            return ("want_text" if isinstance(mine, str) else "want_list"), ()
        allowed = set().union(*map(_names, _items(mine)))
        for item in _items(theirs):
            if unknown := _names(item) - allowed:
                return "unknown_placeholder", (("name", "{" + sorted(unknown)[0] + "}"),)
    return None


def _addition_problem(ours: Any, key: str, value: Any) -> Found:
    try:
        original = ours.lookup(key)
    except KeyError:
        return "unknown_key", ()
    if any(isinstance(mine, str) for _, mine in _side_by_side(original, original)):
        return "not_a_list", ()
    if not (
        isinstance(value, list) and value and all(isinstance(v, str) and v.strip() for v in value)
    ):
        return "bad_value", ()
    for item in value:
        if unknown := _names(item):
            return "unknown_placeholder", (("name", "{" + sorted(unknown)[0] + "}"),)
    return None


def _side_by_side(theirs: Any, mine: Any) -> Iterator[tuple[Any, Any]]:
    """Their value and ours as each conversation sees them: every mode and form of address."""
    from krachtwerk.content.catalogue import resolve
    from krachtwerk.model import ADDRESSES, MODES

    for mode in MODES:
        for address in ADDRESSES:
            yield resolve(theirs, mode, address), resolve(mine, mode, address)


def _items(value: str | list[str]) -> list[str]:
    return [value] if isinstance(value, str) else value


def _names(text: str) -> set[str]:
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:
        return {"?"}


# --- pictograms ---------------------------------------------------------------------------------


def _pictograms(folder: Path, problems: list[Problem]) -> dict[str, Path]:
    from krachtwerk.content.catalogue import shipped_pictograms

    found: dict[str, Path] = {}
    known = shipped_pictograms()
    for path in sorted((folder / PICTOGRAMS).glob("*")) if (folder / PICTOGRAMS).is_dir() else []:
        where = f"{PICTOGRAMS}/{path.name}"
        if path.name.upper().startswith("README"):
            continue
        if path.name not in known:
            problems.append(Problem(where, "", "unknown_pictogram"))
            continue
        if code := svg_problem(path.read_bytes()[: MAX_SVG_BYTES + 1]):
            problems.append(Problem(where, "", f"svg_{code}"))
            continue
        found[path.name] = path
    return found


# --- applied to a catalogue ----------------------------------------------------------------------


def applied(data: dict[str, Any], language: str, changes: Overlay) -> dict[str, Any]:
    """The catalogue data of one language with the organisation's texts and additions in it."""
    replaced, added = changes.texts.get(language, {}), changes.additions.get(language, {})
    if not (replaced or added):
        return data
    from krachtwerk.content.catalogue import is_variants

    merged = copy.deepcopy(data)
    for key, value in replaced.items():
        node, last = _parent(merged, key)
        node[last] = copy.deepcopy(value)
    for key, extra in added.items():
        node, last = _parent(merged, key)
        if is_variants(node[last]):
            node[last] = {which: [*items, *extra] for which, items in node[last].items()}
        else:
            node[last] = [*node[last], *extra]
    return merged


def _parent(data: dict[str, Any], key: str) -> tuple[dict[str, Any], str]:
    """The table that holds a dotted key's last part, and that part."""
    *parents, last = key.split(".")
    for part in parents:
        data = data[part]
    return data, last


# --- a starter folder --------------------------------------------------------------------------

STARTER_SETTINGS = """\
# Your organisation's own content for Krachtkompas. Point the app at this folder:
#   KRACHTKOMPAS_CONTENT=/path/to/this/folder
# and check it after every change:
#   python -m krachtwerk content check /path/to/this/folder
# Upgrades of the app never write here. Everything left out stays as the app has it.

[organisation]
# Your name, in the footer of the fridge page: "Wijkteam Noord · Gemaakt met Krachtkompas".
# name = "Wijkteam Noord"
# Your logo: a PNG or JPEG in this folder, at the start of the footer, 8 mm high.
# logo = "logo.png"
"""

STARTER_TEXTS_HEAD = """\
# Texts of your own, in Dutch. A text here replaces the app's text of the same name; write
# only what you change. Another language: a folder named by its code (en, ar, tr, pl, uk, ti)
# with the same names. Remove the "# " before a line to use it.
#
# The texts below are the app's own, as they are now.
"""

STARTER_TEXTS_TAIL = """
# To add to a list of the app's instead of replacing it, write it under [add] (at the end):
# [add.domains.geld]
# questions = ["Wie helpt je met de post?"]
"""

STARTER_PICTOGRAMS = """\
Your own pictograms, in place of the app's: save an SVG here with the name of the one it
replaces ({names}).

An SVG is used when it is at most 100 kB, has a viewBox (the app's use "0 0 48 48"), and only
draws shapes (svg, g, path, circle, ellipse, rect, line, polyline, polygon, title): no text,
style, script, link or gradient. Lines of 3 wide in #1f2a37 match the app's own pictograms.
"""


def write_starter(folder: Path) -> list[Path]:
    """A commented starter folder: every setting explained, every text of ours on the page and
    in the domains' examples to copy from. It checks clean as it is."""
    from krachtwerk.content.catalogue import catalogue_as_shipped, shipped_pictograms

    ours = catalogue_as_shipped("nl")
    lines = [STARTER_TEXTS_HEAD]
    for section in ("pdf", "domains"):
        for key in (k for k in ours.leaf_keys() if k.startswith(f"{section}.")):
            if section == "domains" and not key.endswith((".questions", ".example_actions")):
                continue
            lines.append(f"# {key} = {_toml_value(ours.lookup(key))}")
    written = {
        folder / SETTINGS: STARTER_SETTINGS,
        folder / "nl" / "texts.toml": "\n".join(lines) + "\n" + STARTER_TEXTS_TAIL,
        folder / PICTOGRAMS / "README.txt": STARTER_PICTOGRAMS.format(
            names=", ".join(sorted(shipped_pictograms()))
        ),
    }
    for path, text in written.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return list(written)


def _toml_value(value: Any) -> str:
    """A catalogue value as one line of TOML (a JSON string is a TOML basic string)."""
    import json

    if isinstance(value, dict):
        inner = ", ".join(f"{name} = {_toml_value(item)}" for name, item in value.items())
        return "{ " + inner + " }"
    return json.dumps(value, ensure_ascii=False)
