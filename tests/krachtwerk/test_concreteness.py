"""The concreteness check nudges toward a verb, a when and a who; it never refuses."""

from __future__ import annotations

from krachtwerk.concreteness import MAX_WORDS, check_action
from krachtwerk.model import Action


def verdict(**fields: str) -> dict[str, bool]:
    return {check.key: check.ok for check in check_action(Action(**fields))}


def test_an_empty_action_gets_no_advice_yet() -> None:
    assert check_action(Action()) == []
    assert check_action(Action(what="   ")) == []


def test_a_concrete_dutch_action_passes_every_check() -> None:
    assert verdict(what="Zaterdag met oma een cake bakken", done_when="De cake staat op tafel") == {
        "verb": True,
        "when": True,
        "who": True,
        "small": True,
        "done_when": True,
    }


def test_a_vague_wish_gets_tips() -> None:
    result = verdict(what="Gezonder")
    assert result["verb"] is False
    assert result["when"] is False
    assert result["who"] is False
    assert result["done_when"] is False


def test_when_and_who_may_come_from_their_own_fields() -> None:
    result = verdict(what="Taart bakken", when="Volgende week", with_whom="Oma")
    assert result["when"] and result["who"]


def test_first_person_verbs_and_english_count_whatever_the_screen_language() -> None:
    assert verdict(what="Ik bel de huisarts")["verb"]
    assert verdict(what="Call my sister on Sunday")["verb"]
    assert verdict(what="Call my sister on Sunday")["when"]
    assert verdict(what="Walk the dog with Sam")["who"]


def test_a_long_plan_is_asked_to_be_smaller() -> None:
    assert verdict(what=" ".join(["stap"] * (MAX_WORDS + 1)))["small"] is False
    assert verdict(what=" ".join(["stap"] * MAX_WORDS))["small"] is True


def test_voor_mezelf_is_not_a_time() -> None:
    assert verdict(what="Beter voor mezelf zorgen")["when"] is False
