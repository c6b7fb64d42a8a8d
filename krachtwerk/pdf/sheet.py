"""From the conversation to what the page prints: one Sheet, cleaned, built in one place.

It reads nothing from the validation step: that part of the model never reaches the page.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass, field

from krachtwerk.axes import ModeAxes, mode_axes
from krachtwerk.content import axis_label, catalogue, structure
from krachtwerk.content.catalogue import Texts
from krachtwerk.languages import direction
from krachtwerk.model import Conversation, Meeting, Mode
from krachtwerk.organisation import overlay
from krachtwerk.pdf.style import NEUTRAL_ACCENT
from krachtwerk.pdf.text import clean


@dataclass(frozen=True)
class Sheet:
    """Everything the page prints, already cleaned. Built from the model in one place."""

    t: Texts  # in the page's language (Conversation.printed_language)
    mode: Mode
    language: str
    direction: str  # "ltr" or "rtl": a right-to-left page is mirrored (grid.py)
    title: str
    date: str
    goal: str
    what: str
    when: str
    with_whom: str
    done_when: str
    strengths: tuple[str, ...]
    helpers: str
    next_meeting: str
    professional: str
    contact: str
    focus: str | None
    focus_label: str
    scores: dict[str, int]
    previous_scores: dict[str, int] = field(default_factory=dict)
    previous_date: str = ""
    accent: str = NEUTRAL_ACCENT
    organisation: str = ""  # its name and logo, from its own content (krachtwerk/organisation.py)
    logo: bytes | None = None


def pdf_filename(conversation: Conversation) -> str:
    """A neutral name: the meeting date, never a person's name (design §9)."""
    return f"krachtkompas-{conversation.current.date.isoformat()}.pdf"


def sheet_of(conversation: Conversation, language: str | None = None) -> Sheet:
    """``language``: the fridge page's own (Conversation.printed_language) unless another page,
    such as the team's, is in the screens' language."""
    meeting = conversation.current
    language = language or conversation.printed_language
    t = catalogue(language).texts(conversation.mode, conversation.resident.address)
    action = meeting.action
    name = clean(conversation.resident.name)
    axes = mode_axes(conversation.mode)
    focus = axes.focus(meeting.kompas)
    previous_meeting = conversation.previous
    previous = axes.scores(previous_meeting.kompas) if previous_meeting else {}
    return Sheet(
        t=t,
        mode=conversation.mode,
        language=language,
        direction=direction(language),
        title=t("pdf.title_named", name=name) if name else t("pdf.title"),
        date=_date(t, meeting.date),
        goal=clean(action.goal),
        what=clean(action.what),
        when=clean(action.when),
        with_whom=clean(action.with_whom),
        done_when=clean(action.done_when),
        strengths=_strengths_of(meeting),
        helpers=_helpers_of(meeting, axes) or clean(action.with_whom),
        next_meeting=_date(t, action.next_meeting) if action.next_meeting else "",
        professional=clean(conversation.professional.name),
        contact=clean(conversation.professional.contact),
        focus=focus,
        focus_label=_axis_label(t, focus) if focus else "",
        scores=axes.scores(meeting.kompas),
        previous_scores=previous,
        previous_date=_date(t, previous_meeting.date) if previous and previous_meeting else "",
        accent=_accent(focus),
        organisation=clean(overlay().name),
        logo=overlay().logo,
    )


def _strengths_of(meeting: Meeting) -> tuple[str, ...]:
    chosen = meeting.action.shown_strengths or meeting.strengths.qualities
    return tuple(itertools.islice(filter(None, map(clean, chosen)), 3))  # clean no more than needed


def _helpers_of(meeting: Meeting, axes: ModeAxes) -> str:
    """Who helps with the focus: its domain's notes, or every domain of a focus quadrant."""
    notes = meeting.strengths.domains
    found = [clean(notes[d].helpers) for d in axes.focus_domains(meeting.kompas) if d in notes]
    return "; ".join(dict.fromkeys(text for text in found if text))


def _axis_label(t: Texts, axis_id: str) -> str:
    try:
        return axis_label(t, axis_id)
    except KeyError:
        return ""


def _accent(focus: str | None) -> str:
    shape = structure()
    for domain in shape.domains:
        if domain.id == focus:
            return shape.quadrant(domain.quadrant).colour
    for quadrant in shape.quadrants:
        if quadrant.id == focus:
            return quadrant.colour
    return NEUTRAL_ACCENT


def _date(t: Texts, date: dt.date) -> str:
    months = t.list("pdf.months")
    return t("pdf.date", day=date.day, month=months[date.month - 1], year=date.year)
