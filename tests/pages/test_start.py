"""Start: begin, open a file, load a demo, and the settings that shape the conversation."""

from __future__ import annotations

import datetime as dt
import io
import json

from pypdf import PdfReader
from streamlit.testing.v1 import AppTest

from krachtwerk.conversation_file import write_conversation
from krachtwerk.demos import load_demo
from krachtwerk.model import Action, Conversation
from tests.pages.apptest import conversation, go, open_app, shown_text, widget
from tests.pages.test_afronden import rendered_pdf


def test_start_greets_and_promises_privacy() -> None:
    at = open_app()
    assert at.title[0].value == "Welkom bij het Krachtkompas"
    assert "Wij bewaren niets van dit gesprek" in shown_text(at)
    assert at.text_input(key=widget("resident.name")).value == ""


def test_demo_loads_into_the_fields() -> None:
    at = open_app(demo="noor")
    assert at.text_input(key=widget("resident.name")).value == "Noor"
    assert at.radio(key=widget("mode")).value == "jongere"
    assert "verzonnen" in shown_text(at)


def test_u_changes_the_words_at_once() -> None:
    at = open_app()
    at.radio(key=widget("resident.address")).set_value("u").run()
    assert conversation(at).resident.address == "u"
    assert "kiest u één kleine stap" in shown_text(at)
    assert at.text_input(key=widget("resident.name")).label.startswith("Uw voornaam")


def test_english_switches_every_label() -> None:
    at = open_app()
    at.radio(key=widget("language")).set_value("en").run()
    assert conversation(at).language == "en"
    assert "Welcome" in at.title[0].value


def open_file(at: AppTest, conversation: Conversation) -> AppTest:
    data = write_conversation(conversation)
    at.file_uploader(key="kk.upload.conversation").set_value(
        ("gesprek.json", data, "application/json")
    )
    at.run()
    assert not at.exception, at.exception
    return at


def unfinished(name: str) -> Conversation:
    conversation = load_demo(name)
    conversation.current.action = Action()
    return conversation


def test_opening_an_unfinished_file_goes_on_with_it() -> None:
    at = open_file(open_app(), unfinished("wim"))
    assert at.text_input(key=widget("resident.name")).value == "Wim"
    assert conversation(at) == unfinished("wim")
    assert "Is dit een nieuw gesprek?" not in shown_text(at)
    assert "staat klaar" in shown_text(at)


def test_opening_a_finished_file_asks_once_with_the_new_meeting_chosen() -> None:
    wim = load_demo("wim")
    at = open_file(open_app(), wim)
    assert "Is dit een nieuw gesprek?" in shown_text(at)
    opened = conversation(at)
    assert opened.meetings[:-1] == wim.meetings  # last time stays as it was
    today = opened.current
    assert today.date == dt.date.today()
    assert today.review.previous_action == wim.current.action.what
    assert today.strengths.qualities == wim.current.strengths.qualities
    assert set(today.strengths.domains) == set(wim.current.strengths.domains)
    assert today.action.what == ""
    at.button(key="start.follow_up.new").click().run()
    assert "Is dit een nieuw gesprek?" not in shown_text(at)
    assert len(conversation(at).meetings) == len(wim.meetings) + 1


def test_going_on_with_the_last_meeting_leaves_the_file_as_it_was() -> None:
    at = open_file(open_app(), load_demo("wim"))
    at.button(key="start.follow_up.go_on").click().run()
    assert conversation(at) == load_demo("wim")
    assert "Is dit een nieuw gesprek?" not in shown_text(at)


def test_a_demo_after_a_finished_file_asks_nothing() -> None:
    at = open_file(open_app(), load_demo("wim"))
    at.button(key="start.demo.noor").click().run()
    assert "Is dit een nieuw gesprek?" not in shown_text(at)
    assert conversation(at) == load_demo("noor")


def test_a_bad_file_says_why_and_keeps_the_conversation() -> None:
    at = open_app()
    at.text_input(key=widget("resident.name")).input("Fatima").run()
    before = conversation(at).model_copy(deep=True)
    bad_files = [
        b'{"format": "krachtwerk-kompas", "vers',
        b"\xff\xfe\x00garbage",
        json.dumps({"format": "krachtwerk-kompas", "version": 9}).encode(),
        json.dumps(
            {
                "format": "krachtwerk-kompas",
                "version": 1,
                "meetings": [{"kompas": {"scores": {"gezin": 12}}}],
            }
        ).encode(),
    ]
    for data in bad_files:
        at.file_uploader(key="kk.upload.conversation").set_value(
            ("x.json", data, "application/json")
        )
        at.run()
        assert not at.exception
        assert at.error, f"no message for {data[:30]!r}"
        assert conversation(at) == before
        assert at.text_input(key=widget("resident.name")).value == "Fatima"


def test_the_follow_up_looks_back_first_on_erkenning() -> None:
    noor = load_demo("noor")
    at = open_file(open_app(), noor)
    go(at, "erkenning")
    assert noor.current.action.what in shown_text(at)
    assert at.radio(key=widget("review.outcome")).value is None


def test_new_conversation_wipes_everything() -> None:
    at = open_app(demo="samira")
    at.button(key="start.new.confirm").click().run()
    assert conversation(at).resident.name == ""
    assert at.text_input(key=widget("resident.name")).value == ""
    assert "gewist" in shown_text(at)


def test_a_field_changed_in_the_run_that_loads_a_demo_writes_nothing_into_it() -> None:
    """The demo replaces the model and forgets every widget first; the field's callback then
    finds its widget gone and must neither crash nor write its old text into the demo."""
    at = open_app()
    at.text_input(key=widget("resident.name")).input("Iemand anders")
    at.toggle(key=widget("frame.larger")).set_value(True)
    at.button(key="start.demo.noor").click()
    at.run()

    assert not at.exception, at.exception
    assert conversation(at).resident.name == load_demo("noor").resident.name


def test_the_page_can_be_in_another_language_while_the_screens_stay_dutch() -> None:
    at = open_app(demo="ria")
    choice = at.selectbox(key=widget("page_language"))
    assert choice.value is None
    assert choice.format_func(None) == "Zoals het scherm (Nederlands)"
    assert choice.format_func("ar") == "العربية"

    choice.set_value("ar").run()

    assert conversation(at).page_language == "ar"
    assert conversation(at).language == "nl"
    assert at.title[0].value == "Welkom bij het Krachtkompas"
    go(at, "afronden")
    assert not at.exception, at.exception
    assert "Het blad is in deze taal: العربية" in shown_text(at)
    page = " ".join(PdfReader(io.BytesIO(rendered_pdf(at))).pages[0].extract_text().split())
    assert "بوصلة" in page  # the title, "the compass of Ria"
    assert "Het kompas van" not in page
