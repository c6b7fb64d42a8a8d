"""Erkenning: feelings lead to validating sentences; the coping answer flows on as a strength."""

from __future__ import annotations

from tests.pages.apptest import conversation, go, open_app, shown_text, widget


def test_feelings_offer_validating_sentences_in_je_form() -> None:
    at = open_app("erkenning")
    assert "Kies eerst een gevoel" in shown_text(at)
    at.pills(key=widget("validation.feelings")).set_value(["moe", "boos"]).run()
    assert conversation(at).current.validation.feelings == ["moe", "boos"]
    sentences = [e.value for e in at.info]
    assert any("moe" in s and " je " in f" {s} " for s in sentences)


def test_sentences_honour_u() -> None:
    at = open_app()
    at.radio(key=widget("resident.address")).set_value("u").run()
    go(at, "erkenning")
    at.pills(key=widget("validation.feelings")).set_value(["moe"]).run()
    sentence = next(e.value for e in at.info if "moe" in e.value)
    assert " u " in f" {sentence} "
    assert " je " not in f" {sentence} "


def test_taking_a_sentence_fills_the_acknowledgement() -> None:
    at = open_app("erkenning")
    at.pills(key=widget("validation.feelings")).set_value(["moe"]).run()
    at.button(key="take.moe").click().run()
    said = at.text_area(key=widget("validation.acknowledgement")).value
    assert "moe" in said
    assert conversation(at).current.validation.acknowledgement == said


def test_coping_answer_comes_back_as_a_strength() -> None:
    at = open_app("erkenning")
    at.text_area(key=widget("validation.coping")).input("Ik bel elke avond mijn zus.").run()
    go(at, "krachten")
    assert "Ik bel elke avond mijn zus" in "\n".join(e.value for e in at.success)


def test_follow_up_shows_the_previous_action_first() -> None:
    at = open_app("erkenning", demo="wim")
    text = shown_text(at)
    previous = conversation(at).current.review.previous_action
    assert previous and previous.split()[0] in text
    assert at.radio(key=widget("review.outcome")).value == conversation(at).current.review.outcome


def test_the_sentences_are_folded_away_for_the_professional() -> None:
    at = open_app("erkenning")
    at.pills(key=widget("validation.feelings")).set_value(["moe"]).run()
    panel = next(e for e in at.expander if e.label == "Voor de professional: zinnen om te erkennen")
    assert not panel.proto.expanded
    assert any("moe" in e.value for e in panel.info)
    assert panel.text_area(key=widget("validation.acknowledgement"))
