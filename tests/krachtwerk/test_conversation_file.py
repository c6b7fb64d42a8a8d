import datetime as dt
import json
from typing import Any, get_args

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from krachtwerk import conversation_file
from krachtwerk.content import structure
from krachtwerk.conversation_file import (
    MAX_FILE_BYTES,
    Code,
    FileProblem,
    describe,
    read_conversation,
    write_conversation,
)
from krachtwerk.demos import DEMO_DIR, demo_names
from krachtwerk.model import (
    ADDRESSES,
    FIRST_DATE,
    LANGUAGES,
    LAST_DATE,
    MAX_TEXT,
    MODES,
    OUTCOMES,
    Action,
    Conversation,
    DomainNotes,
    Kompas,
    Meeting,
    Professional,
    Resident,
    Review,
    Strengths,
    Validation,
)
from tests.properties import examples


def _file(**fields: Any) -> dict[str, Any]:
    return {"format": "krachtwerk-kompas", "version": 1, **fields}


def _meeting(**parts: Any) -> bytes:
    return _bytes(_file(meetings=[{"date": "2026-02-10", **parts}]))


def _bytes(data: Any) -> bytes:
    return json.dumps(data).encode("utf-8")


def _problem(data: bytes) -> FileProblem:
    with pytest.raises(FileProblem) as caught:
        read_conversation(data)
    return caught.value


# Round trips


@pytest.mark.parametrize("name", demo_names())
def test_every_demo_file_round_trips_byte_for_byte(name: str) -> None:
    data = (DEMO_DIR / f"{name}.json").read_bytes()

    conversation = read_conversation(data)

    assert write_conversation(conversation) == data
    assert read_conversation(write_conversation(conversation)) == conversation


@pytest.mark.parametrize(
    "conversation",
    [
        Conversation(meetings=[Meeting(date=dt.date(2026, 1, 1))]),
        Conversation(meetings=[]),
    ],
    ids=["one empty meeting", "no meetings"],
)
def test_an_empty_conversation_round_trips(conversation: Conversation) -> None:
    data = write_conversation(conversation)

    assert read_conversation(data) == conversation
    assert write_conversation(read_conversation(data)) == data


def test_the_file_is_readable_json_in_contract_order() -> None:
    conversation = Conversation(
        resident=Resident(name="Łukasz Nguyễn"),
        meetings=[
            Meeting(date=dt.date(2026, 2, 3), action=Action(next_meeting=dt.date(2026, 3, 4)))
        ],
    )

    data = write_conversation(conversation)
    raw = json.loads(data)

    assert "Łukasz Nguyễn".encode() in data
    assert data.startswith(b'{\n  "format": "krachtwerk-kompas",\n  "version": 1,\n')
    assert data.endswith(b"}\n")
    assert list(raw) == [
        "format",
        "version",
        "resident",
        "professional",
        "language",
        "mode",
        "meetings",
    ]
    meeting = raw["meetings"][0]
    assert list(meeting) == ["date", "review", "validation", "strengths", "kompas", "action"]
    assert list(meeting["action"]) == [
        "what",
        "when",
        "with_whom",
        "done_when",
        "goal",
        "next_meeting",
        "shown_strengths",
    ]
    assert meeting["date"] == "2026-02-03"
    assert meeting["action"]["next_meeting"] == "2026-03-04"


def test_a_byte_order_mark_is_accepted() -> None:
    data = write_conversation(Conversation())

    assert read_conversation(b"\xef\xbb\xbf" + data) == read_conversation(data)


def test_brackets_inside_texts_do_not_count_as_nesting() -> None:
    name = "[{" * 500 + '\\"]}' * 10

    conversation = read_conversation(_bytes(_file(resident={"name": name})))

    assert conversation.resident.name.startswith("[{[{")


def test_a_file_just_under_the_size_limit_is_read() -> None:
    data = write_conversation(Conversation())

    padded = data + b" " * (MAX_FILE_BYTES - len(data))

    assert read_conversation(padded) == read_conversation(data)


# Refusals: each gets its own code


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "empty"),
        (b" \n\t ", "empty"),
        (b"\xef\xbb\xbf", "empty"),
        (b" " * (MAX_FILE_BYTES + 1), "too_big"),
        (
            b'{"format": "krachtwerk-kompas", "version": 1, "x": "' + b"a" * MAX_FILE_BYTES,
            "too_big",
        ),
        (b"\xff\xfe{\x00}\x00", "not_utf8"),
        ('{"resident": {"name": "José"}}'.encode("latin-1"), "not_utf8"),
        (b'{"format": "krachtwerk-kompas", "version": 1, "resident": {"na', "not_json"),
        (b"{not json}", "not_json"),
        (b'{"format": "krachtwerk-kompas", "version": NaN}', "not_json"),
        (b'{"format": "krachtwerk-kompas", "version": 1, "x": ' + b"9" * 5000 + b"}", "not_json"),
        (_bytes(_file(resident={"name": "\ud800"})), "not_json"),
        (b"[" * 50_000 + b"]" * 50_000, "too_deep"),
        (b'{"format": "krachtwerk-kompas", "a": ' + b"[" * 40 + b"]" * 40 + b"}", "too_deep"),
        (b"[]", "not_object"),
        (b'[{"format": "krachtwerk-kompas", "version": 1}]', "not_object"),
        (b'"krachtwerk-kompas"', "not_object"),
        (b"null", "not_object"),
        (_bytes({"version": 1}), "wrong_format"),
        (_bytes({"format": "kompas", "version": 1}), "wrong_format"),
        (_bytes({"version": 2}), "wrong_format"),
        (_bytes({"format": "krachtwerk-kompas"}), "bad_version"),
        (_bytes(_file(version="1")), "bad_version"),
        (_bytes(_file(version=1.0)), "bad_version"),
        (_bytes(_file(version=True)), "bad_version"),
        (_bytes(_file(version=0)), "bad_version"),
        (_bytes(_file(version=-3)), "bad_version"),
        (_bytes(_file(version=None)), "bad_version"),
        (_bytes(_file(version=2)), "newer_version"),
        (_bytes(_file(version=99)), "newer_version"),
    ],
)
def test_bad_files_are_refused_with_their_code(data: bytes, code: Code) -> None:
    assert _problem(data).code == code


@pytest.mark.parametrize(
    ("data", "location", "reason"),
    [
        (_meeting(kompas={"scores": {"gezin": 11}}), ("kompas", "scores", "gezin"), "score_range"),
        (_meeting(kompas={"scores": {"gezin": -1}}), ("kompas", "scores", "gezin"), "score_range"),
        (
            _meeting(kompas={"scores": {"gezin": 7.5}}),
            ("kompas", "scores", "gezin"),
            "not_a_whole_number",
        ),
        (_meeting(kompas={"scores": {"gezin": "7"}}), ("kompas", "scores", "gezin"), "wrong_type"),
        (_meeting(kompas={"scores": {"gezin": True}}), ("kompas", "scores", "gezin"), "wrong_type"),
        (_meeting(kompas={"scores": {"gezin": None}}), ("kompas", "scores", "gezin"), "wrong_type"),
        (_meeting(kompas={"scores": []}), ("kompas", "scores"), "wrong_type"),
        (_meeting(kompas={"scores": {"gezinn": 5}}), ("kompas", "scores", "gezinn"), "unknown_id"),
        (_meeting(kompas={"scores": {"Gezin": 5}}), ("kompas", "scores", "Gezin"), "unknown_id"),
        (_meeting(kompas={"focus": "kantoor"}), ("kompas", "focus"), "unknown_id"),
        (
            _meeting(strengths={"domains": {"ik": {"now": "x"}}}),
            ("strengths", "domains", "ik"),
            "unknown_id",
        ),
        (
            _meeting(validation={"feelings": ["moe", "blij"]}),
            ("validation", "feelings", 1),
            "unknown_id",
        ),
        (_meeting(validation={"situation": 5}), ("validation", "situation"), "wrong_type"),
        (_meeting(review={"outcome": "ja"}), ("review", "outcome"), "unknown_choice"),
        (_meeting(kompas={"sores": {}}), ("kompas", "sores"), "unknown_field"),
        (_meeting(date="2026-02-30"), ("date",), "bad_date"),
        (_meeting(date="10-02-2026"), ("date",), "bad_date"),
        (_meeting(date=20260210), ("date",), "bad_date"),
        (
            _meeting(action={"next_meeting": "volgende week"}),
            ("action", "next_meeting"),
            "bad_date",
        ),
        (
            _meeting(action={"shown_strengths": ["a", "b", "c", "d"]}),
            ("action", "shown_strengths"),
            "too_many",
        ),
        (_meeting(action={"goal": "x" * (MAX_TEXT + 1)}), ("action", "goal"), "too_long"),
    ],
)
def test_an_invalid_meeting_names_the_place_and_reason(
    data: bytes, location: tuple[str | int, ...], reason: str
) -> None:
    problem = _problem(data)

    assert problem.code == "invalid"
    assert problem.details == [(("meetings", 0, *location), reason)]


@pytest.mark.parametrize(
    ("fields", "location", "reason"),
    [
        ({"resident": {"nam": "Wim"}}, ("resident", "nam"), "unknown_field"),
        ({"resident": {"name": "x" * (MAX_TEXT + 1)}}, ("resident", "name"), "too_long"),
        ({"resident": {"address": "jij"}}, ("resident", "address"), "unknown_choice"),
        ({"resident": []}, ("resident",), "wrong_type"),
        ({"professional": {"name": 5}}, ("professional", "name"), "wrong_type"),
        ({"mode": "kind"}, ("mode",), "unknown_choice"),
        ({"language": "fr"}, ("language",), "unknown_choice"),
        ({"meetings": {}}, ("meetings",), "wrong_type"),
        ({"meetings": [{}] * 51}, ("meetings",), "too_many"),
        ({"photo": "data:image/jpeg;base64,"}, ("photo",), "unknown_field"),
    ],
)
def test_an_invalid_conversation_names_the_place_and_reason(
    fields: dict[str, Any], location: tuple[str | int, ...], reason: str
) -> None:
    problem = _problem(_bytes(_file(**fields)))

    assert problem.code == "invalid"
    assert problem.details == [(location, reason)]


def test_every_problem_is_listed() -> None:
    data = _bytes(
        _file(
            mode="kind",
            meetings=[{"kompas": {"scores": {"gezin": 11, "wonen": 12}}}],
        )
    )

    assert len(_problem(data).details) == 3


def test_a_problem_is_a_value_error_without_text_from_the_file() -> None:
    problem = _problem(_bytes(_file(resident={"name": 5, "secret": "Mijn geheim"})))

    assert isinstance(problem, ValueError)
    assert "Mijn geheim" not in str(problem)


# Messages


def test_describe_names_the_place_in_plain_dutch() -> None:
    problem = _problem(_meeting(kompas={"scores": {"gezin": 11}}))

    message = describe(problem)

    assert message.startswith("Dit bestand kan niet worden geopend")
    assert "gesprek 1 → kompas → scores → Familie en gezin" in message
    assert "niet tussen 0 en 10" in message


def test_describe_speaks_english_too() -> None:
    problem = _problem(_meeting(kompas={"scores": {"gezin": 11}}))

    message = describe(problem, "en")

    assert message.startswith("This file cannot be opened")
    assert "meeting 1 → compass → scores → Family" in message
    assert "between 0 and 10" in message


def test_describe_counts_meetings_from_one() -> None:
    data = _bytes(_file(meetings=[{}, {"review": {"outcome": "ja"}}]))

    assert "gesprek 2 → terugblik → is het gelukt" in describe(_problem(data))


def test_describe_shows_at_most_three_places() -> None:
    scores = {"lichaam": 11, "gevoel": 12, "gezin": 13, "wonen": 14, "werk": 15}
    problem = _problem(_meeting(kompas={"scores": scores}))

    message = describe(problem)

    assert len(problem.details) == 5
    assert message.count("bij ") == 3
    assert "nog meer" in message


def test_describe_keeps_an_unknown_key_short() -> None:
    key = "k" * 500
    message = describe(_problem(_bytes(_file(resident={key: 1}))))

    assert "inwoner → " in message
    assert key not in message


def test_describe_says_plainly_that_a_file_is_newer() -> None:
    problem = _problem(_bytes(_file(version=2)))

    assert "nieuwere versie van Krachtkompas" in describe(problem)
    assert "newer version of Krachtkompas" in describe(problem, "en")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("code", get_args(Code))
def test_every_code_has_a_message(code: Code, language: str) -> None:
    details = [(("meetings", 0, "kompas", "focus"), "unknown_id")] if code == "invalid" else []

    message = describe(FileProblem(code, details), language)  # type: ignore[arg-type]

    assert message.strip()
    assert "{" not in message
    assert "\n" not in message


# Properties

TEXT = st.text(max_size=60)
SHAPE = structure()
AXES = sorted(SHAPE.all_axis_ids)
DOMAINS = [d.id for d in SHAPE.domains]
FEELINGS = [f.id for f in SHAPE.feelings]
DATES = st.dates(min_value=FIRST_DATE, max_value=LAST_DATE)  # what the contract accepts

MEETINGS = st.builds(
    Meeting,
    date=DATES,
    review=st.builds(
        Review,
        previous_action=TEXT,
        outcome=st.none() | st.sampled_from(OUTCOMES),
        what_helped=TEXT,
    ),
    validation=st.builds(
        Validation,
        situation=TEXT,
        feelings=st.lists(st.sampled_from(FEELINGS), max_size=12, unique=True),
        acknowledgement=TEXT,
        coping=TEXT,
    ),
    strengths=st.builds(
        Strengths,
        qualities=st.lists(TEXT, max_size=6),
        domains=st.dictionaries(
            st.sampled_from(DOMAINS),
            st.builds(DomainNotes, now=TEXT, past=TEXT, wish=TEXT, helpers=TEXT),
            max_size=10,
        ),
    ),
    kompas=st.builds(
        Kompas,
        scores=st.dictionaries(st.sampled_from(AXES), st.integers(0, 10), max_size=14),
        focus=st.none() | st.sampled_from(AXES),
        why_not_lower=TEXT,
        one_step_up=TEXT,
    ),
    action=st.builds(
        Action,
        what=TEXT,
        when=TEXT,
        with_whom=TEXT,
        done_when=TEXT,
        goal=TEXT,
        next_meeting=st.none() | DATES,
        shown_strengths=st.lists(TEXT, max_size=3, unique=True),
    ),
)

CONVERSATIONS = st.builds(
    Conversation,
    resident=st.builds(Resident, name=TEXT, address=st.sampled_from(ADDRESSES)),
    professional=st.builds(Professional, name=TEXT, contact=TEXT),
    language=st.sampled_from(LANGUAGES),
    mode=st.sampled_from(MODES),
    meetings=st.lists(MEETINGS, max_size=3),
)


@settings(max_examples=examples(150), deadline=None)
@given(CONVERSATIONS)
def test_any_valid_conversation_round_trips(conversation: Conversation) -> None:
    data = write_conversation(conversation)

    assert read_conversation(data) == conversation
    assert write_conversation(read_conversation(data)) == data


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(), children),
    max_leaves=20,
)


@settings(max_examples=examples(150), deadline=None)
@given(st.binary(max_size=200) | JSON.map(lambda value: _bytes(_file(meetings=[value]))))
def test_any_bytes_give_a_conversation_or_a_file_problem(data: bytes) -> None:
    try:
        read_conversation(data)
    except FileProblem as problem:
        assert describe(problem)


def test_deep_nesting_is_refused_even_if_the_parser_gives_up_first(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(conversation_file, "MAX_DEPTH", 10**9)

    assert _problem(b"[" * 50_000 + b"]" * 50_000).code == "too_deep"


# Files that the contract once accepted and that broke a step on every visit (the issue
# "Hostile photos and odd-but-valid files"): now refused, with a plain sentence.


@pytest.mark.parametrize(
    ("where", "value"),
    [
        (("date",), "1999-12-31"),
        (("date",), "2101-01-01"),
        (("action", "next_meeting"), "9999-12-31"),
        (("action", "next_meeting"), "0001-01-01"),
    ],
)
def test_a_date_the_screens_cannot_show_is_refused_plainly(where: tuple, value: str) -> None:
    parts: dict[str, Any] = {where[0]: value} if len(where) == 1 else {where[0]: {where[1]: value}}

    problem = _problem(_meeting(**parts))

    assert problem.details == [(("meetings", 0, *where), "date_range")]
    assert "niet tussen 2000 en 2100" in describe(problem)


def test_the_first_and_last_date_the_screens_show_are_accepted() -> None:
    opened = read_conversation(_meeting(date="2000-01-01", action={"next_meeting": "2100-12-31"}))

    assert opened.current.date == FIRST_DATE
    assert opened.current.action.next_meeting == LAST_DATE


def test_a_feeling_chosen_twice_is_refused_plainly() -> None:
    problem = _problem(_meeting(validation={"feelings": ["moe", "boos", "moe"]}))

    assert problem.details == [(("meetings", 0, "validation", "feelings", 2), "duplicate")]
    assert "staat iets twee keer" in describe(problem)


def test_a_strength_shown_twice_on_the_page_is_refused_plainly() -> None:
    long = "Ik zet door, ook als het tegenzit en niemand het ziet " * 3
    problem = _problem(_meeting(action={"shown_strengths": [long, "Ik help", long]}))

    assert problem.details == [(("meetings", 0, "action", "shown_strengths", 2), "duplicate")]
