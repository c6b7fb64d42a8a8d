"""The conversation model: one typed object that is also the file contract of design §5."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError

from krachtwerk.languages import available, page_languages

FORMAT = "krachtwerk-kompas"
VERSION = 1

Mode = Literal["volwassene", "jongere", "eenvoudig"]
Address = Literal["je", "u"]
Outcome = Literal["gelukt", "deels", "nog_niet"]

MODES: tuple[Mode, ...] = ("volwassene", "jongere", "eenvoudig")
ADDRESSES: tuple[Address, ...] = ("je", "u")
LANGUAGES: tuple[str, ...] = available()  # one folder of texts each (krachtwerk/languages.py)
PAGE_LANGUAGES: tuple[str, ...] = page_languages()  # the screen languages and page-only ones
OUTCOMES: tuple[Outcome, ...] = ("gelukt", "deels", "nog_niet")

# Generous caps: a conversation file is small; anything bigger is not a real conversation.
MAX_TEXT = 5_000
MAX_ITEMS = 50

# Every date the screens can show and change (the date fields' own range): a file with another
# date would break its step on every visit, so the contract refuses it.
FIRST_DATE, LAST_DATE = dt.date(2000, 1, 1), dt.date(2100, 12, 31)
Date = Annotated[dt.date, Field(ge=FIRST_DATE, le=LAST_DATE)]
Text = Annotated[str, StringConstraints(max_length=MAX_TEXT)]
Id = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,39}$")]
Score = Annotated[int, Field(ge=0, le=10, strict=True)]


def _one_of(known: tuple[str, ...]) -> AfterValidator:
    def check(code: str) -> str:
        if code not in known:  # said as a wrong choice, like any other one (conversation_file.py)
            raise PydanticCustomError(
                "literal_error", "Input should be one of {expected}", {"expected": ", ".join(known)}
            )
        return code

    return AfterValidator(check)


Language = Annotated[str, _one_of(LANGUAGES)]
PageLanguage = Annotated[str, _one_of(PAGE_LANGUAGES)]


class Part(BaseModel):
    """Base for every part of the file: unknown keys are rejected, so typos surface."""

    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Resident(Part):
    name: Text = ""
    address: Address = "je"


class Professional(Part):
    name: Text = ""
    contact: Text = ""


class Review(Part):
    previous_action: Text = ""
    outcome: Outcome | None = None
    what_helped: Text = ""


class Validation(Part):
    situation: Text = ""
    feelings: Annotated[list[Id], Field(max_length=MAX_ITEMS)] = []
    acknowledgement: Text = ""
    coping: Text = ""


class DomainNotes(Part):
    now: Text = ""
    past: Text = ""
    wish: Text = ""
    helpers: Text = ""

    def is_empty(self) -> bool:
        return not any(v.strip() for v in (self.now, self.past, self.wish, self.helpers))


NOTE_FIELDS: tuple[str, ...] = tuple(DomainNotes.model_fields)


class Strengths(Part):
    qualities: Annotated[list[Text], Field(max_length=MAX_ITEMS)] = []
    domains: Annotated[dict[Id, DomainNotes], Field(max_length=MAX_ITEMS)] = {}


class Kompas(Part):
    scores: Annotated[dict[Id, Score], Field(max_length=MAX_ITEMS)] = {}
    focus: Id | None = None
    why_not_lower: Text = ""
    one_step_up: Text = ""


class Action(Part):
    what: Text = ""
    when: Text = ""
    with_whom: Text = ""
    done_when: Text = ""
    goal: Text = ""
    next_meeting: Date | None = None
    shown_strengths: Annotated[list[Text], Field(max_length=3)] = []


class Meeting(Part):
    date: Date = Field(default_factory=dt.date.today)
    review: Review = Field(default_factory=Review)
    validation: Validation = Field(default_factory=Validation)
    strengths: Strengths = Field(default_factory=Strengths)
    kompas: Kompas = Field(default_factory=Kompas)
    action: Action = Field(default_factory=Action)


class Conversation(Part):
    format: Literal["krachtwerk-kompas"] = FORMAT
    version: Literal[1] = VERSION
    resident: Resident = Field(default_factory=Resident)
    professional: Professional = Field(default_factory=Professional)
    language: Language = "nl"
    # The fridge page's language when it is not the screen's (optional: files before it are valid).
    page_language: PageLanguage | None = None
    mode: Mode = "volwassene"
    meetings: Annotated[list[Meeting], Field(max_length=MAX_ITEMS)] = Field(
        default_factory=lambda: [Meeting()]
    )

    @property
    def current(self) -> Meeting:
        """The meeting being held now: the last one; a file without meetings gets a fresh one."""
        if not self.meetings:
            self.meetings.append(Meeting())
        return self.meetings[-1]

    @property
    def printed_language(self) -> str:
        """The language the fridge page is printed in."""
        return self.page_language or self.language

    @property
    def previous(self) -> Meeting | None:
        return self.meetings[-2] if len(self.meetings) > 1 else None

    @property
    def is_finished(self) -> bool:
        """The current meeting ended with an agreed action: the next one is a new meeting."""
        return bool(self.current.action.what.strip())

    def start_follow_up(self, today: dt.date | None = None) -> Meeting:
        """Open a new meeting that reviews the last one's action (a follow-up conversation).

        Last time's qualities and topics are offered again; notes, scores and the action start
        empty, so the new meeting is told in today's words."""
        last = self.current
        meeting = Meeting(date=today or dt.date.today())
        meeting.review.previous_action = last.action.what
        meeting.strengths.qualities = list(last.strengths.qualities)
        meeting.strengths.domains = {domain: DomainNotes() for domain in last.strengths.domains}
        self.meetings.append(meeting)
        return meeting

    def undo_follow_up(self) -> None:
        """Go on with the last meeting after all: drop the follow-up that was just started."""
        if len(self.meetings) > 1:
            self.meetings.pop()
