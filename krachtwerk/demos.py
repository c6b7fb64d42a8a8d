"""Fictional example conversations for demos to new teams (design §1): one click loads a case.

The cases are ordinary conversation files in ``krachtwerk/demos/``, read like any other file;
their titles and descriptions live in the catalogue under ``demos.<name>``.
"""

from __future__ import annotations

from pathlib import Path

from krachtwerk.conversation_file import read_conversation
from krachtwerk.model import Conversation

DEMO_DIR = Path(__file__).parent / "demos"

# The order on the Start page: one case per mode, the youngest first; then a long follow-up.
ORDER = ("noor", "wim", "samira", "ria")


def demo_names() -> list[str]:
    """Every demo case: the known order first, then any other file in the folder."""
    present = {path.stem for path in DEMO_DIR.glob("*.json")}
    return [name for name in ORDER if name in present] + sorted(present - set(ORDER))


def load_demo(name: str) -> Conversation:
    """A fresh copy of a demo case; KeyError for a name that is not a demo."""
    if name not in demo_names():
        raise KeyError(name)
    return read_conversation((DEMO_DIR / f"{name}.json").read_bytes())
