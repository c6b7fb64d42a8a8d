"""The gentle concreteness check of the Actie step (design §3): it advises, it never blocks.

A small, doable action has a verb, a when and a who. These are heuristics; the words they look
for are data, in each language's concreteness.toml. They nudge, so a false "not yet" costs
little, and the action is never refused.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from krachtwerk.content import catalogue
from krachtwerk.model import LANGUAGES, Action

MAX_WORDS = 20

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@dataclass(frozen=True)
class Words:
    """What the check looks for, from every language's catalogue (concreteness.toml)."""

    verbs: frozenset[str]
    verb_endings: tuple[str, ...]
    when: re.Pattern[str]
    who: re.Pattern[str]


@functools.cache
def _words_of_every_language() -> Words:
    texts = [catalogue(language).texts() for language in LANGUAGES]

    def pattern(key: str, also: str = "") -> re.Pattern[str]:
        words = sorted({w for t in texts for w in t.list(key)}, key=len, reverse=True)
        return re.compile(rf"\b(?:{'|'.join(map(re.escape, words))})\b{also}", re.IGNORECASE)

    return Words(
        verbs=frozenset(w for t in texts for w in t.list("concreteness.verbs")),
        verb_endings=tuple(e for t in texts for e in t.list("concreteness.verb_endings")),
        when=pattern("concreteness.when", also=r"|\d"),  # any number: a time or a date
        who=pattern("concreteness.who"),
    )


@dataclass(frozen=True)
class Check:
    key: str  # verb, when, who, small, done_when
    ok: bool


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def has_verb(text: str) -> bool:
    words = _words(text)
    known = _words_of_every_language()
    if any(w in known.verbs for w in words):
        return True
    # e.g. Dutch infinitives nearly all end in -en: bellen, bakken, aanvragen
    return any(len(w) > 4 and w.endswith(known.verb_endings) for w in words)


def check_action(action: Action) -> list[Check]:
    """What makes the action concrete already, and what could make it more so.

    Every language's words count whatever the screen language: people write in their own.
    """
    what = action.what.strip()
    if not what:
        return []
    known = _words_of_every_language()
    return [
        Check("verb", has_verb(what)),
        Check("when", bool(action.when.strip()) or bool(known.when.search(what))),
        Check("who", bool(action.with_whom.strip()) or bool(known.who.search(what))),
        Check("small", len(_words(what)) <= MAX_WORDS),
        Check("done_when", bool(action.done_when.strip())),
    ]
