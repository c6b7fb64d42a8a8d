"""Krachten: ten domain cards, four fields per chosen domain, and qualities."""

from __future__ import annotations

from krachtwerk.content import structure
from tests.pages.apptest import conversation, open_app, shown_text, widget


def test_ten_domain_cards_none_chosen() -> None:
    at = open_app("krachten")
    boxes = [c for c in at.checkbox if c.key and c.key.startswith("w.domain.")]
    assert len(boxes) == len(structure().domains) == 10
    assert not any(box.value for box in boxes)


def test_choosing_a_domain_shows_questions_and_four_fields() -> None:
    at = open_app("krachten")
    at.checkbox(key=widget("domain.wonen.chosen")).check().run()
    assert "wonen" in conversation(at).current.strengths.domains
    for field in ("now", "past", "wish", "helpers"):
        assert at.text_area(key=widget(f"strengths.domains.wonen.{field}"))
    assert "?" in shown_text(at)  # example questions are shown
    at.text_area(key=widget("strengths.domains.wonen.now")).input("Mijn huis is netjes.").run()
    assert conversation(at).current.strengths.domains["wonen"].now == "Mijn huis is netjes."


def test_unticking_a_domain_with_notes_keeps_the_notes() -> None:
    at = open_app("krachten")
    at.checkbox(key=widget("domain.geld.chosen")).check().run()
    at.text_area(key=widget("strengths.domains.geld.now")).input("Ik betaal de huur op tijd.").run()
    at.checkbox(key=widget("domain.geld.chosen")).uncheck().run()
    assert conversation(at).current.strengths.domains["geld"].now == "Ik betaal de huur op tijd."
    assert at.warning
    at.checkbox(key=widget("domain.werk.chosen")).check().run()
    at.checkbox(key=widget("domain.werk.chosen")).uncheck().run()
    assert "werk" not in conversation(at).current.strengths.domains


def test_qualities_from_chips_and_own_words() -> None:
    at = open_app("krachten")
    at.pills(key=widget("strengths.qualities")).set_value(["doorzetter"]).run()
    at.text_input(key=widget("quality.own")).input("ik kan goed luisteren").run()
    at.button(key="quality.add").click().run()
    assert conversation(at).current.strengths.qualities == ["doorzetter", "ik kan goed luisteren"]
    assert "ik kan goed luisteren" in at.pills(key=widget("strengths.qualities")).value


def test_markup_is_shown_as_typed() -> None:
    at = open_app("erkenning")
    typed = "<script>alert(1)</script> **vet** [link](http://x)"
    at.text_area(key=widget("validation.coping")).input(typed).run()
    from tests.pages.apptest import go

    go(at, "krachten")
    shown = "\n".join(e.value for e in at.success)
    assert r"\<script\>" in shown and r"\*\*vet\*\*" in shown
