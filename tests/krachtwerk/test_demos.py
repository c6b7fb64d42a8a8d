import re

import pytest

from krachtwerk.axes import mode_axes
from krachtwerk.content import catalogue
from krachtwerk.demos import demo_names, load_demo
from krachtwerk.model import LANGUAGES, MODES, Conversation


def _demos() -> list[Conversation]:
    return [load_demo(name) for name in demo_names()]


def test_the_three_cases_are_there_in_order() -> None:
    assert demo_names()[:3] == ["noor", "wim", "samira"]


@pytest.mark.parametrize("name", demo_names())
def test_every_demo_loads_as_a_full_conversation(name: str) -> None:
    demo = load_demo(name)
    meeting = demo.current
    axes = mode_axes(demo.mode).ids

    assert demo.language == "nl"
    assert demo.resident.name and demo.professional.name and demo.professional.contact
    assert set(meeting.kompas.scores) == set(axes)
    assert meeting.kompas.focus in axes
    assert meeting.kompas.why_not_lower and meeting.kompas.one_step_up
    assert meeting.strengths.qualities
    assert any(not notes.is_empty() for notes in meeting.strengths.domains.values())
    action = meeting.action
    assert action.what and action.when and action.with_whom and action.done_when and action.goal
    assert action.next_meeting is not None and action.next_meeting > meeting.date
    assert 1 <= len(action.shown_strengths) <= 3


@pytest.mark.parametrize("name", demo_names())
def test_every_demo_fills_the_validation_step(name: str) -> None:
    # The PDF must leave these out; a demo with them filled lets tests prove that.
    for meeting in load_demo(name).meetings:
        validation = meeting.validation
        assert validation.situation and validation.acknowledgement and validation.coping
        assert validation.feelings


@pytest.mark.parametrize("name", demo_names())
def test_demo_contacts_are_clearly_fictional(name: str) -> None:
    digits = re.sub(r"\D", "", load_demo(name).professional.contact)

    assert re.fullmatch(r"0(6|20)0+", digits)


def test_every_mode_has_a_demo() -> None:
    assert {demo.mode for demo in _demos()} == set(MODES)


def test_both_forms_of_address_have_a_demo() -> None:
    assert {demo.resident.address for demo in _demos()} == {"je", "u"}


def test_noor_is_a_young_person_with_her_grandmother() -> None:
    noor = load_demo("noor")

    assert (noor.mode, noor.resident.address) == ("jongere", "je")
    assert len(noor.current.kompas.scores) == 10
    assert "oma" in noor.current.action.what


def test_wim_has_a_follow_up_meeting_with_a_previous_outline() -> None:
    wim = load_demo("wim")

    assert (wim.mode, wim.resident.address) == ("volwassene", "u")
    assert len(wim.meetings) == 2
    assert wim.previous is not None
    assert wim.previous.date < wim.current.date
    assert len(wim.previous.kompas.scores) == 10
    assert wim.previous.kompas.scores != wim.current.kompas.scores
    review = wim.current.review
    assert review.previous_action == wim.previous.action.what
    assert review.outcome == "gelukt"
    assert review.what_helped


def test_samira_has_the_simple_four_axis_kompas() -> None:
    samira = load_demo("samira")

    assert samira.mode == "eenvoudig"
    assert set(samira.current.kompas.scores) == {"ik", "mensen", "thuis", "dagen"}
    assert "Stadspas" in samira.current.action.what


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_demo_has_a_title_and_description(language: str) -> None:
    t = catalogue(language).texts()  # type: ignore[arg-type]

    for name in demo_names():
        assert t(f"demos.{name}.title")
        assert t(f"demos.{name}.description")


def test_a_demo_is_a_fresh_copy_each_time() -> None:
    first = load_demo("noor")
    first.current.action.what = "iets anders"

    assert load_demo("noor").current.action.what != "iets anders"


@pytest.mark.parametrize("name", ["onbekend", "", "../demos/noor", "NOOR"])
def test_an_unknown_demo_is_a_key_error(name: str) -> None:
    with pytest.raises(KeyError):
        load_demo(name)
