"""The gentle concreteness check of the Actie step (design §3): it advises, it never blocks.

A small, doable action has a verb, a when and a who. These are heuristics for Dutch and English;
they nudge, so a false "not yet" costs little, and the action is never refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from krachtwerk.model import Action

MAX_WORDS = 20

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)

_VERBS = {
    "nl": {
        "ga",
        "gaat",
        "gaan",
        "bel",
        "belt",
        "doe",
        "doet",
        "maak",
        "maakt",
        "zoek",
        "zoekt",
        "vraag",
        "vraagt",
        "loop",
        "loopt",
        "kook",
        "kookt",
        "app",
        "appt",
        "mail",
        "mailt",
        "schrijf",
        "schrijft",
        "lees",
        "leest",
        "breng",
        "brengt",
        "haal",
        "haalt",
        "koop",
        "koopt",
        "help",
        "helpt",
        "oefen",
        "oefent",
        "zeg",
        "zegt",
        "stuur",
        "stuurt",
        "neem",
        "neemt",
        "plan",
        "plant",
        "bak",
        "bakt",
        "fiets",
        "fietst",
        "speel",
        "speelt",
        "bezoek",
        "bezoekt",
        "ruim",
        "ruimt",
        "sport",
        "zwem",
        "zwemt",
        "wandel",
        "wandelt",
        "kijk",
        "kijkt",
        "eet",
        "drink",
        "slaap",
        "regel",
        "regelt",
        "teken",
        "tekent",
        "sta",
        "ben",
    },
    "en": {
        "go",
        "call",
        "ring",
        "do",
        "make",
        "ask",
        "walk",
        "cook",
        "text",
        "email",
        "write",
        "read",
        "bring",
        "fetch",
        "buy",
        "help",
        "practise",
        "practice",
        "say",
        "send",
        "take",
        "plan",
        "bake",
        "cycle",
        "ride",
        "play",
        "visit",
        "tidy",
        "swim",
        "watch",
        "eat",
        "sleep",
        "apply",
        "arrange",
        "draw",
        "meet",
        "phone",
        "book",
        "clean",
        "fill",
        "start",
        "try",
        "join",
        "sign",
        "look",
        "find",
        "pay",
        "open",
        "tell",
        "show",
        "get",
    },
}
_TIME = {
    "nl": re.compile(
        r"\b(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|morgen|vandaag|vanavond|"
        r"overmorgen|weekend|week|maand|ochtend|middag|avond|uur|januari|februari|maart|april|mei|"
        r"juni|juli|augustus|september|oktober|november|december|elke|iedere)\b|\d",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|today|tonight|"
        r"weekend|week|month|morning|afternoon|evening|o'clock|january|february|march|april|may|"
        r"june|july|august|september|october|november|december|every|before)\b|\d",
        re.IGNORECASE,
    ),
}
_WHO = {
    "nl": re.compile(r"\b(met|samen|alleen|zelf|ik)\b", re.IGNORECASE),
    "en": re.compile(r"\b(with|together|alone|myself|by myself)\b", re.IGNORECASE),
}


@dataclass(frozen=True)
class Check:
    key: str  # verb, when, who, small, done_when
    ok: bool


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def has_verb(text: str) -> bool:
    words = _words(text)
    if any(w in verbs for verbs in _VERBS.values() for w in words):
        return True
    # Dutch infinitives nearly all end in -en: bellen, bakken, aanvragen
    return any(len(w) > 4 and w.endswith("en") for w in words)


def _mentions(patterns: dict[str, re.Pattern[str]], text: str) -> bool:
    return any(pattern.search(text) for pattern in patterns.values())


def check_action(action: Action) -> list[Check]:
    """What makes the action concrete already, and what could make it more so.

    Every language's words count whatever the screen language: people write in their own.
    """
    what = action.what.strip()
    if not what:
        return []
    return [
        Check("verb", has_verb(what)),
        Check("when", bool(action.when.strip()) or _mentions(_TIME, what)),
        Check("who", bool(action.with_whom.strip()) or _mentions(_WHO, what)),
        Check("small", len(_words(what)) <= MAX_WORDS),
        Check("done_when", bool(action.done_when.strip())),
    ]
