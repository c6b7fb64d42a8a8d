"""The conversation file of design §5: the only reader and writer of it.

Reading checks, in order: size, encoding, JSON, nesting and number of values, format, version, the
contract (pydantic) and the ids against the catalogue structure; each step is linear in the size.
Every refusal is a FileProblem with a code and, for an invalid conversation, the places that are
wrong; ``describe`` turns it into one plain sentence.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Literal

from pydantic import ValidationError

from krachtwerk.content import Texts, axis_label, catalogue, structure
from krachtwerk.model import FORMAT, VERSION, Conversation, Language

MAX_FILE_BYTES = 1_000_000
MAX_DEPTH = 32  # a real file nests about 7 deep; far more is not a conversation
# The fullest valid file (50 meetings, every list and table at its limit) holds about 10,000 values.
MAX_VALUES = 20_000
MAX_MARKS = 4 * MAX_VALUES  # commas and brackets, also inside texts: room for punctuation
MAX_SHOWN_DETAILS = 3
MAX_SHOWN_KEY = 40  # a key from the file is shown in a message; keep odd ones short

Code = Literal[
    "too_big",
    "empty",
    "not_utf8",
    "not_json",
    "too_deep",
    "too_many_values",
    "not_object",
    "wrong_format",
    "newer_version",
    "bad_version",
    "invalid",
]
Reason = Literal[
    "score_range",
    "not_a_whole_number",
    "unknown_choice",
    "unknown_field",
    "too_long",
    "too_many",
    "bad_date",
    "wrong_type",
    "unknown_id",
    "date_range",
    "duplicate",
]
Location = tuple[str | int, ...]
Detail = tuple[Location, Reason]


class FileProblem(ValueError):
    """A file that cannot be opened as a conversation; ``describe`` says why in plain words."""

    def __init__(self, code: Code, details: Sequence[Detail] = ()) -> None:
        # The message holds codes and places only, never text from the file.
        super().__init__(code if not details else f"{code}: {_plain_details(details)}")
        self.code: Code = code
        self.details: list[Detail] = list(details)


def write_conversation(conversation: Conversation) -> bytes:
    """UTF-8 JSON in contract order, readable by people; the same conversation, the same bytes."""
    data = conversation.model_dump(mode="json")
    if data["page_language"] is None:  # left out unless chosen: such a file is what it was before
        del data["page_language"]
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def conversation_filename(conversation: Conversation) -> str:
    """A neutral name: the meeting date, never a person's name (design §9)."""
    return f"krachtkompas-gesprek-{conversation.current.date.isoformat()}.json"


def read_conversation(data: bytes) -> Conversation:
    """The conversation in ``data``, or a FileProblem saying why it cannot be opened."""
    text = _decode(data)
    raw = _parse(text)
    _check_header(raw)
    try:
        conversation = Conversation.model_validate_json(text, strict=True)
    except ValidationError as error:
        if any(e["type"] == "json_invalid" for e in error.errors()):
            raise FileProblem("not_json") from None
        raise FileProblem("invalid", _details(error)) from None
    if unknown := list(_unknown_ids(conversation)):
        raise FileProblem("invalid", unknown)
    return conversation


def _decode(data: bytes) -> str:
    if len(data) > MAX_FILE_BYTES:
        raise FileProblem("too_big")
    try:
        text = data.decode("utf-8-sig")  # a byte order mark from a Windows editor is harmless
    except UnicodeDecodeError:
        raise FileProblem("not_utf8") from None
    if not text.strip():
        raise FileProblem("empty")
    return text


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _parse(text: str) -> Any:
    """JSON, then its shape. Both are linear in the size of the text, whatever it holds: no regex
    runs over the file (one that can backtrack froze the server on a 64 KB file)."""
    # Every value after the first needs a comma or an opening bracket: an upper bound on the
    # values, counted in C before the parser builds an object for each of them.
    if sum(text.count(mark) for mark in ",[{") > MAX_MARKS:
        raise FileProblem("too_many_values")
    try:
        raw = json.loads(text, parse_constant=_refuse_constant)
    except RecursionError:  # the C parser counts its nesting and stops, it never crashes
        raise FileProblem("too_deep") from None
    except ValueError:  # also huge integers and NaN, not only JSONDecodeError
        raise FileProblem("not_json") from None
    _check_shape(raw)
    return raw


def _check_shape(raw: Any) -> None:
    """Nesting and number of values, counted without recursion and stopped at the limit, so the
    validator never has to produce an error per value of an absurd file."""
    count = 0
    pending: list[tuple[Any, int]] = [(raw, 1)]
    while pending:
        value, depth = pending.pop()
        count += 1
        if count > MAX_VALUES:
            raise FileProblem("too_many_values")
        if isinstance(value, dict):
            children: Iterable[Any] = value.values()
        elif isinstance(value, list):
            children = value
        else:
            continue
        if depth > MAX_DEPTH:
            raise FileProblem("too_deep")
        pending.extend((child, depth + 1) for child in children)


def _check_header(raw: Any) -> None:
    if not isinstance(raw, dict):
        raise FileProblem("not_object")
    if raw.get("format") != FORMAT:
        raise FileProblem("wrong_format")
    version = raw.get("version")
    if type(version) is not int or version < 1:
        raise FileProblem("bad_version")
    if version > VERSION:
        raise FileProblem("newer_version")


DATE_FIELDS = ("date", "next_meeting")
_REASONS: dict[str, Reason] = {
    "greater_than_equal": "score_range",
    "less_than_equal": "score_range",
    "greater_than": "score_range",
    "less_than": "score_range",
    "literal_error": "unknown_choice",
    "enum": "unknown_choice",
    "extra_forbidden": "unknown_field",
    "string_too_long": "too_long",
    "too_long": "too_many",
    "string_pattern_mismatch": "unknown_id",
}


def _reason(error: Any) -> Reason:
    kind = error["type"]
    if kind in ("greater_than_equal", "less_than_equal") and error["loc"][-1] in DATE_FIELDS:
        return "date_range"
    if kind.startswith("int_") and type(error.get("input")) is float:
        return "not_a_whole_number"
    if kind.startswith("date"):
        return "bad_date"
    return _REASONS.get(kind, "wrong_type")


def _details(error: ValidationError) -> list[Detail]:
    details: dict[Location, Reason] = {}
    for item in error.errors():
        location = tuple(part for part in item["loc"] if part != "[key]")
        details.setdefault(location, _reason(item))
    return list(details.items())


def _unknown_ids(conversation: Conversation) -> Iterator[Detail]:
    shape = structure()
    axes = shape.all_axis_ids
    domains = {d.id for d in shape.domains}
    feelings = {f.id for f in shape.feelings}
    for number, meeting in enumerate(conversation.meetings):
        at: Location = ("meetings", number)
        for axis in meeting.kompas.scores:
            if axis not in axes:
                yield (*at, "kompas", "scores", axis), "unknown_id"
        if meeting.kompas.focus is not None and meeting.kompas.focus not in axes:
            yield (*at, "kompas", "focus"), "unknown_id"
        for domain in meeting.strengths.domains:
            if domain not in domains:
                yield (*at, "strengths", "domains", domain), "unknown_id"
        seen: set[str] = set()
        for index, feeling in enumerate(meeting.validation.feelings):
            if feeling not in feelings:
                yield (*at, "validation", "feelings", index), "unknown_id"
            elif feeling in seen:  # a chip can be chosen once: Erkenning broke on every visit
                yield (*at, "validation", "feelings", index), "duplicate"
            seen.add(feeling)
        shown: set[str] = set()
        for index, strength in enumerate(meeting.action.shown_strengths):
            if strength in shown:  # the same: Actie broke on every visit (a long one twice)
                yield (*at, "action", "shown_strengths", index), "duplicate"
            shown.add(strength)


def describe(problem: FileProblem, language: Language = "nl") -> str:
    """One plain sentence for the person at the screen: what is wrong, and where."""
    t = catalogue(language).texts()
    if problem.code == "too_big":
        return t("file.too_big", megabytes=MAX_FILE_BYTES // 1_000_000)
    if problem.code != "invalid":
        return t(f"file.{problem.code}")
    if not problem.details:
        return t("file.invalid_general")
    shown = [
        t("file.detail", place=_place(location, t), reason=t(f"file.reasons.{reason}"))
        for location, reason in problem.details[:MAX_SHOWN_DETAILS]
    ]
    if (hidden := len(problem.details) - MAX_SHOWN_DETAILS) > 0:
        shown.append(t("file.more", count=hidden))
    return t("file.invalid", problems="; ".join(shown))


def _place(location: Location, t: Texts) -> str:
    """A location in the file in plain words: ('meetings', 1, 'kompas') -> 'gesprek 2 → kompas'."""
    words: list[str] = []
    parent: str | int | None = None
    for part in location:
        if isinstance(part, int):
            key = "file.places.meeting" if parent == "meetings" else "file.places.item"
            if parent == "meetings":
                words.pop()  # "gesprek 2" says it all; "gesprekken → gesprek 2" says it twice
            words.append(t(key, number=part + 1))
        else:
            words.append(_word(part, parent, t))
        parent = part
    return " → ".join(words) if words else t("file.places.whole")


def _word(part: str, parent: str | int | None, t: Texts) -> str:
    if parent in ("scores", "domains"):
        try:
            return axis_label(t, part)
        except KeyError:
            pass
    try:
        return t(f"file.places.{part}")
    except KeyError:
        shown = "".join(char if char.isprintable() else "�" for char in part)  # no escapes
        return shown if len(shown) <= MAX_SHOWN_KEY else shown[: MAX_SHOWN_KEY - 1] + "…"


def _plain_details(details: Sequence[Detail]) -> str:
    return ", ".join(f"{'.'.join(map(str, location))}={reason}" for location, reason in details)
