import datetime as dt

import pytest
from pydantic import ValidationError

from krachtwerk.model import (
    FORMAT,
    VERSION,
    Action,
    Conversation,
    DomainNotes,
    Kompas,
    Meeting,
    Validation,
)


def test_a_new_conversation_has_the_contract_defaults() -> None:
    conversation = Conversation()

    assert conversation.format == FORMAT == "krachtwerk-kompas"
    assert conversation.version == VERSION == 1
    assert conversation.resident.name == ""
    assert conversation.resident.address == "je"
    assert conversation.professional.name == conversation.professional.contact == ""
    assert conversation.language == "nl"
    assert conversation.mode == "volwassene"
    assert len(conversation.meetings) == 1


def test_a_new_meeting_is_today_and_empty() -> None:
    meeting = Meeting()

    assert meeting.date == dt.date.today()
    assert meeting.review.outcome is None
    assert meeting.validation.feelings == []
    assert meeting.strengths.domains == {}
    assert meeting.kompas.scores == {}
    assert meeting.kompas.focus is None
    assert meeting.action.next_meeting is None
    assert meeting.action.shown_strengths == []


def test_defaults_are_not_shared_between_objects() -> None:
    first, second = Conversation(), Conversation()
    first.current.validation.feelings.append("moe")
    first.current.kompas.scores["gezin"] = 5

    assert second.current.validation.feelings == []
    assert second.current.kompas.scores == {}
    assert Validation().feelings == []
    assert Kompas().scores == {}


def test_current_is_the_last_meeting() -> None:
    old, new = Meeting(date=dt.date(2026, 1, 1)), Meeting(date=dt.date(2026, 2, 1))
    conversation = Conversation(meetings=[old, new])

    assert conversation.current is new
    assert conversation.previous is old


def test_current_of_a_file_without_meetings_is_a_fresh_meeting() -> None:
    conversation = Conversation(meetings=[])

    meeting = conversation.current

    assert conversation.meetings == [meeting]
    assert conversation.previous is None


def test_a_single_meeting_has_no_previous_one() -> None:
    assert Conversation().previous is None


def test_start_follow_up_reviews_the_last_action() -> None:
    first = Meeting(date=dt.date(2026, 1, 13), action=Action(what="Scootmobiel aanvragen"))
    first.kompas.scores["netwerk"] = 3
    conversation = Conversation(meetings=[first])

    follow_up = conversation.start_follow_up(dt.date(2026, 2, 17))

    assert conversation.meetings == [first, follow_up]
    assert conversation.current is follow_up
    assert conversation.previous is first
    assert follow_up.date == dt.date(2026, 2, 17)
    assert follow_up.review.previous_action == "Scootmobiel aanvragen"
    assert follow_up.review.outcome is None
    assert follow_up.kompas.scores == {}
    assert first.kompas.scores == {"netwerk": 3}


def test_a_follow_up_offers_last_times_qualities_and_topics_again() -> None:
    first = Meeting(action=Action(what="Bellen"))
    first.strengths.qualities = ["doorzetter", "Ik kan goed koken"]
    first.strengths.domains["wonen"] = DomainNotes(now="Het huis is schoon.")
    conversation = Conversation(meetings=[first])
    assert conversation.is_finished

    follow_up = conversation.start_follow_up()

    assert follow_up.strengths.qualities == ["doorzetter", "Ik kan goed koken"]
    assert follow_up.strengths.domains == {"wonen": DomainNotes()}
    assert not conversation.is_finished
    follow_up.strengths.qualities.append("zorgzaam")
    assert first.strengths.qualities == ["doorzetter", "Ik kan goed koken"]


def test_undo_follow_up_leaves_the_last_meeting_as_it_was() -> None:
    first = Meeting(action=Action(what="Bellen"))
    conversation = Conversation(meetings=[first])
    conversation.start_follow_up()
    conversation.undo_follow_up()
    assert conversation.meetings == [first]
    conversation.undo_follow_up()  # never drops the only meeting
    assert conversation.meetings == [first]


def test_start_follow_up_defaults_to_today() -> None:
    assert Conversation().start_follow_up().date == dt.date.today()


@pytest.mark.parametrize("score", [11, -1, 7.5, "7", True])
def test_scores_are_whole_numbers_from_0_to_10(score: object) -> None:
    with pytest.raises(ValidationError):
        Kompas.model_validate({"scores": {"gezin": score}})


def test_unknown_keys_are_rejected() -> None:
    with pytest.raises(ValidationError):
        Conversation.model_validate({"resident": {"nam": "Wim"}})


def test_at_most_three_strengths_are_shown() -> None:
    with pytest.raises(ValidationError):
        Action(shown_strengths=["a", "b", "c", "d"])
