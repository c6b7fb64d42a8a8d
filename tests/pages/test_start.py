"""Start: begin, open a file, load a demo, and the settings that shape the conversation."""

from __future__ import annotations

import json

from krachtwerk.conversation_file import write_conversation
from krachtwerk.demos import load_demo
from tests.pages.apptest import conversation, open_app, shown_text, widget


def test_start_greets_and_promises_privacy() -> None:
    at = open_app()
    assert at.title[0].value == "Welkom bij het Krachtkompas"
    assert "Niets wordt op de server bewaard" in shown_text(at)
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


def test_opening_a_file_restores_the_conversation() -> None:
    at = open_app()
    data = write_conversation(load_demo("wim"))
    at.file_uploader(key="kk.upload.conversation").set_value(
        ("gesprek.json", data, "application/json")
    )
    at.run()
    assert not at.exception
    assert at.text_input(key=widget("resident.name")).value == "Wim"
    assert conversation(at) == load_demo("wim")


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


def test_follow_up_starts_a_new_meeting_that_looks_back() -> None:
    at = open_app()
    data = write_conversation(load_demo("noor"))
    at.file_uploader(key="kk.upload.conversation").set_value(("n.json", data, "application/json"))
    at.run()
    meetings_before = len(conversation(at).meetings)
    at.button(key="start.follow_up.button").click().run()
    current = conversation(at)
    assert len(current.meetings) == meetings_before + 1
    assert current.current.review.previous_action == load_demo("noor").current.action.what


def test_new_conversation_wipes_everything() -> None:
    at = open_app(demo="samira")
    at.button(key="start.new.confirm").click().run()
    assert conversation(at).resident.name == ""
    assert at.text_input(key=widget("resident.name")).value == ""
    assert "gewist" in shown_text(at)
