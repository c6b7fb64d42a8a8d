"""The case for a Team Kracht Bespreking: what the page for the team prints, anonymised.

Strengths come first. No name, no contact details, no exact date and no photo may reach the page.
This module can remove:
- every value of a name field, wherever it is typed (as a role: "de bewoner");
- every name typed under *met wie* and *wie helpt*, wherever else it is typed too ("[naam]");
- other words that look like names inside free text (a capital letter in the middle of a
  sentence), in scripts that have capitals;
- dates, phone numbers, e-mail addresses and postcodes typed in free text.

It cannot know a name typed only in free text in a script without capitals (Arabic, Hebrew,
Ethiopic). The professional reads the preview and edits every text before the page is made.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import unicodedata
from dataclasses import dataclass, field, replace

from krachtwerk.content import Texts, axis_label, catalogue, label_value, structure, with_note
from krachtwerk.model import Conversation, Meeting

PLACEHOLDERS = ("name", "date", "number", "email", "postcode")
MIN_INSIDE = 3  # a known name this long is taken out also inside another word
# Every block of the page, in order; each can be switched off. Validation is off unless chosen.
BLOCKS = ("goal", "strengths", "qualities", "kompas", "history", "helpers", "question", "guide")
OPTIONAL_BLOCKS = ("validation",)
# Capitalised words that are not names: sentence openers and common words in both languages.
NOT_NAMES = frozenset(
    [
        "ik",
        "je",
        "jij",
        "u",
        "we",
        "wij",
        "zij",
        "hij",
        "ze",
        "mijn",
        "jouw",
        "uw",
        "onze",
        "de",
        "het",
        "een",
        "en",
        "of",
        "maar",
        "als",
        "dan",
        "dat",
        "die",
        "dit",
        "wat",
        "wie",
        "waar",
        "wanneer",
        "hoe",
        "waarom",
        "met",
        "voor",
        "na",
        "in",
        "op",
        "bij",
        "naar",
        "van",
        "samen",
        "elke",
        "elk",
        "iedere",
        "alle",
        "alles",
        "geen",
        "niet",
        "nog",
        "wel",
        "ook",
        "zo",
        "soms",
        "altijd",
        "vaak",
        "nu",
        "morgen",
        "vandaag",
        "gisteren",
        "maandag",
        "dinsdag",
        "woensdag",
        "donderdag",
        "vrijdag",
        "zaterdag",
        "zondag",
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
        "i",
        "you",
        "we",
        "he",
        "she",
        "they",
        "my",
        "your",
        "our",
        "the",
        "a",
        "an",
        "and",
        "or",
        "but",
        "with",
        "for",
        "at",
        "to",
        "on",
        "in",
        "of",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "buurman",
        "buurvrouw",
        "buren",
        "moeder",
        "vader",
        "mama",
        "papa",
        "ouders",
        "dochter",
        "zoon",
        "kinderen",
        "broer",
        "zus",
        "oma",
        "opa",
        "tante",
        "oom",
        "neef",
        "nicht",
        "juf",
        "meester",
        "vriend",
        "vriendin",
        "vrienden",
        "collega",
        "dokter",
        "huisarts",
        "fysiotherapeut",
        "mentor",
        "coach",
        "begeleider",
        "mother",
        "father",
        "daughter",
        "son",
        "brother",
        "sister",
        "friend",
        "neighbour",
        "grandma",
        "grandpa",
        "teacher",
        "doctor",
    ]
)
# Words for places and services that are capitalised but no person (Dutch social domain).
SERVICES = frozenset(
    ["wmo", "uwv", "ggd", "ggz", "wijkteam", "gemeente", "werkplein", "buurtkamer", "ah", "jumbo"]
)

_DATE = re.compile(
    r"\b\d{1,2}[-/.]\d{1,2}(?:[-/.]\d{2,4})?\b|\b\d{4}-\d{2}-\d{2}\b"
    r"|\b\d{1,2}\s+(?:jan|feb|mrt|maa|apr|mei|jun|jul|aug|sep|okt|oct|nov|dec)[a-z]*\.?(?:\s+\d{4})?",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"\S+@\S+")
_PHONE = re.compile(r"(?:\+?\d[\d\s-]{6,}\d)")
_POSTCODE = re.compile(r"\b\d{4}\s?[A-Z]{2}\b")
WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['\u2019-][^\W\d_])*", re.UNICODE)


@dataclass(frozen=True)
class Names:
    """The names known from the conversation: each value of a name field, with its role."""

    roles: dict[str, str]  # lower-case name -> what it becomes on the page
    found: frozenset[str] = frozenset()  # names harvested from "met wie" and "wie helpt"
    # What stands where something was taken out, in the page's language: "[naam]", "[datum]", …
    placeholders: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class TeamCase:
    """Every text the team page prints, anonymised; the professional may still edit each one."""

    goal: str
    step: str
    strengths: dict[str, str]  # quadrant id -> what goes well and what helped, in that quadrant
    qualities: str
    history: tuple[str, ...]  # earlier actions: "3 weken geleden: … (gelukt). Hielp: …"
    helpers: str
    validation: str
    question: str = ""
    meeting: str = ""  # "Vierde gesprek, het eerste was 15 weken geleden"
    shown: frozenset[str] = field(default_factory=lambda: frozenset(BLOCKS))

    def edited(self, **texts: object) -> TeamCase:
        return replace(self, **texts)  # type: ignore[arg-type]


def known_names(conversation: Conversation, t: Texts) -> Names:
    roles: dict[str, str] = {}
    for value, role in (
        (conversation.resident.name, t("team.role.resident")),
        (conversation.professional.name, t("team.role.professional")),
    ):
        value = unicodedata.normalize("NFC", value).strip()
        if value:
            roles.setdefault(value.casefold(), role)  # the whole name, also inside other text
        for word in WORD.findall(value):
            for part in {word, *re.split(r"['\u2019-]", word)}:
                if part:
                    roles.setdefault(part.casefold(), role)
    found: set[str] = set()
    for meeting in conversation.meetings:
        who = [meeting.action.with_whom, *(n.helpers for n in meeting.strengths.domains.values())]
        for text in who:
            found |= {
                word.casefold()
                for word in WORD.findall(unicodedata.normalize("NFC", text))
                if _could_be_a_name(word, first=False) or _caseless(word)
            }
    found -= set(roles)
    placeholders = {kind: t(f"team.placeholder.{kind}") for kind in PLACEHOLDERS}
    return Names(roles, frozenset(found), placeholders)


def anonymise(text: str, names: Names) -> str:
    """The text without names, contact details or exact dates (see the module's docstring)."""
    text = unicodedata.normalize("NFC", text)
    said = names.placeholders
    name = said["name"]
    text = _EMAIL.sub(said["email"], text)
    text = _DATE.sub(said["date"], text)
    text = _POSTCODE.sub(said["postcode"], text)
    text = _PHONE.sub(said["number"], text)
    # A known name is taken out wherever it stands, also inside a word: scripts without spaces
    # between words (and typing slips) would hide it from the word by word pass below.
    inside = {name: role for name, role in names.roles.items() if len(name) >= MIN_INSIDE}
    inside |= {n: name for n in names.found if len(n) >= MIN_INSIDE and n not in inside}
    for known in sorted(inside, key=len, reverse=True):
        text = re.sub(re.escape(known), inside[known], text, flags=re.IGNORECASE)
    out, start, sentence_start = [], 0, True
    for match in WORD.finditer(text):
        word = match.group()
        between = text[start : match.start()]
        out.append(between)
        if re.search(r"[.!?:;]\s*$|\n", between):
            sentence_start = True
        key = word.casefold()
        if key in names.roles:
            out.append(names.roles[key])
        elif key in names.found or _could_be_a_name(word, first=sentence_start):
            out.append(name)
        else:
            out.append(word)
        sentence_start = False
        start = match.end()
    out.append(text[start:])
    return _collapse("".join(out), name)


def _could_be_a_name(word: str, first: bool) -> bool:
    """A capitalised word in the middle of a sentence that is no common word or service. At the
    start of a sentence a capital says nothing: only a known name is taken out there."""
    key = word.casefold()
    if first or len(word) < 2 or key in NOT_NAMES or key in SERVICES:
        return False
    return word[0].isupper()


def _caseless(word: str) -> bool:
    """A word in a script without capitals (Arabic, Hebrew, Ethiopic, …)."""
    return word[0].isalpha() and not word[0].isupper() and not word[0].islower()


def _collapse(text: str, name: str) -> str:
    """ "[naam] en [naam]" stays; "[naam] [naam]" (a first and last name) becomes one."""
    return re.sub(rf"(?:{re.escape(name)}\s+)+{re.escape(name)}", name, text).strip()


def weeks_ago(earlier: dt.date, now: dt.date, t: Texts) -> str:
    """Never an exact date: "deze week", "1 week geleden", "3 weken geleden"."""
    weeks = max(0, (now - earlier).days) // 7
    if weeks == 0:
        return t("team.time.this_week")
    return t("team.time.week_ago") if weeks == 1 else t("team.time.weeks_ago", weeks=weeks)


def team_case(conversation: Conversation, question: str = "") -> TeamCase:
    t = catalogue(conversation.language).texts(conversation.mode)
    names = known_names(conversation, t)

    def clean(text: str) -> str:
        return anonymise(text, names)

    meeting = conversation.current
    action = meeting.action
    step = "; ".join(
        part
        for part in (
            clean(action.what),
            clean(action.when) and label_value(t, t("pdf.when"), clean(action.when)),
            clean(action.with_whom) and label_value(t, t("pdf.with_whom"), clean(action.with_whom)),
        )
        if part
    )
    return TeamCase(
        goal=clean(action.goal),
        step=step,
        strengths=_strengths_per_quadrant(meeting, t, clean),
        qualities=", ".join(clean(q) for q in meeting.strengths.qualities if q.strip()),
        history=_history(conversation, t, clean),
        helpers="; ".join(
            dict.fromkeys(
                clean(n.helpers) for n in meeting.strengths.domains.values() if n.helpers.strip()
            )
        ),
        validation=" ".join(
            part
            for part in (clean(meeting.validation.situation), clean(meeting.validation.coping))
            if part
        ),
        question=clean(question),
        meeting=_meeting_line(conversation, t),
    )


def _strengths_per_quadrant(meeting: Meeting, t: Texts, clean) -> dict[str, str]:
    shape = structure()
    result: dict[str, str] = {}
    for quadrant in shape.quadrants:
        parts = []
        for domain in shape.domains_in(quadrant.id):
            notes = meeting.strengths.domains.get(domain.id)
            if notes is None:
                continue
            said = " ".join(x for x in (clean(notes.now), clean(notes.past)) if x)
            if said:
                parts.append(label_value(t, axis_label(t, domain.id), said))
        if parts:
            result[quadrant.id] = " · ".join(parts)
    return result


def _history(conversation: Conversation, t: Texts, clean) -> tuple[str, ...]:
    now = conversation.current.date
    lines = []
    meetings = conversation.meetings
    for meeting, later in itertools.pairwise(meetings):
        what = clean(meeting.action.what)
        if not what:
            continue
        line = label_value(t, weeks_ago(meeting.date, now, t), what)
        if later.review.outcome:
            outcome = t(f"erkenning.review.outcome_{later.review.outcome}").lower()
            line = with_note(t, line, outcome)
        if helped := clean(later.review.what_helped):
            line += f". {label_value(t, t('team.helped'), helped)}"
        lines.append(line)
    return tuple(lines)


def _meeting_line(conversation: Conversation, t: Texts) -> str:
    count = len(conversation.meetings)
    if count == 1:
        return t("team.first_meeting")
    first = weeks_ago(conversation.meetings[0].date, conversation.current.date, t)
    return t("team.meeting_number", number=count, first=first)
