"""Which languages the app speaks: one folder of texts per language in krachtwerk/content/.

A language is added by adding its folder (a copy of content/en with every text translated and
its own ``language_name``); no code names the languages. Dutch is the default and comes first.
The folder name is the language's code (ISO 639-1: nl, en, ar, …).
"""

from __future__ import annotations

import re
from pathlib import Path

CONTENT_DIR = Path(__file__).parent / "content"
DEFAULT = "nl"
CODE = re.compile(r"^[a-z]{2,3}$")


def available(content_dir: Path = CONTENT_DIR) -> tuple[str, ...]:
    """Every folder named like a language code that holds texts; the default first."""
    found = sorted(
        folder.name
        for folder in content_dir.iterdir()
        if folder.is_dir() and CODE.match(folder.name) and any(folder.glob("*.toml"))
    )
    return tuple(sorted(found, key=lambda code: code != DEFAULT))
