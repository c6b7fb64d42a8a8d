"""Which languages the app speaks: one folder of texts per language in krachtwerk/content/.

A language is added by adding its folder; no code names the languages. Each folder holds a
``language.toml`` that says what the folder is:

- ``kind = "screen"``: every text, so the screens, the page and the team page can speak it
  (a copy of content/en with each text translated);
- ``kind = "page"``: only what the fridge page prints (``page.toml``: its texts, the names of the
  domains and quadrants, dates), for a resident who reads this language better than the screen's.

It also names the language in itself, says which way it is written (``direction``: ltr, rtl;
a right-to-left page is mirrored) and who still has to review it (``status``). Dutch is the
default and comes first. The folder name is the language's code (ISO 639-1: nl, en, ar, …).
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

CONTENT_DIR = Path(__file__).parent / "content"
DEFAULT = "nl"
CODE = re.compile(r"^[a-z]{2,3}$")
KINDS = ("screen", "page")
DIRECTIONS = ("ltr", "rtl")


@dataclass(frozen=True)
class LanguageInfo:
    code: str
    name: str  # in the language itself: "Nederlands", "العربية"
    kind: str  # "screen" or "page"
    direction: str  # "ltr" or "rtl"
    status: str  # "source", "needs native review", or who reviewed it


@functools.cache
def described(content_dir: Path = CONTENT_DIR) -> dict[str, LanguageInfo]:
    """Every folder named like a language code with a language.toml; the default first."""
    found: dict[str, LanguageInfo] = {}
    for folder in sorted(content_dir.iterdir(), key=lambda f: (f.name != DEFAULT, f.name)):
        about = folder / "language.toml"
        if not (folder.is_dir() and CODE.match(folder.name) and about.is_file()):
            continue
        raw = tomllib.loads(about.read_text(encoding="utf-8")).get("language", {})
        info = LanguageInfo(
            folder.name,
            str(raw.get("name", folder.name)),
            str(raw.get("kind", "")),
            str(raw.get("direction", "")),
            str(raw.get("status", "")),
        )
        if info.kind not in KINDS or info.direction not in DIRECTIONS:
            raise ValueError(
                f"{folder.name}/language.toml: kind must be one of {KINDS} "
                f"and direction one of {DIRECTIONS}"
            )
        found[folder.name] = info
    return found


def available(content_dir: Path = CONTENT_DIR) -> tuple[str, ...]:
    """The languages of the screens (and of everything else): every text is there."""
    return tuple(code for code, info in described(content_dir).items() if info.kind == "screen")


def page_languages(content_dir: Path = CONTENT_DIR) -> tuple[str, ...]:
    """The languages the fridge page can be printed in: the screen languages, then the rest."""
    languages = described(content_dir)
    return tuple(sorted(languages, key=lambda code: languages[code].kind != "screen"))


def direction(code: str) -> str:
    return described()[code].direction
