"""Actie: the action fields, examples for the focus, the concreteness check, strengths, a photo."""

from __future__ import annotations

import io

from PIL import Image

from tests.pages.apptest import conversation, go, open_app, shown_text, widget


def test_without_focus_the_examples_wait() -> None:
    at = open_app("actie")
    assert "Kies eerst een focus" in shown_text(at)


def test_examples_fill_an_empty_action_only() -> None:
    at = open_app("kompas")
    at.selectbox(key=widget("kompas.focus")).set_value("geld").run()
    go(at, "actie")
    at.button(key="example.0").click().run()
    taken = conversation(at).current.action.what
    assert taken
    assert at.text_area(key=widget("action.what")).value == taken
    assert at.button(key="example.1").disabled


def test_concreteness_check_advises_never_blocks() -> None:
    at = open_app("actie")
    at.text_area(key=widget("action.what")).input("Beter voor mezelf zorgen").run()
    text = shown_text(at)
    assert "Tip: kies een dag" in text
    at.text_input(key=widget("action.when")).input("Zaterdagochtend").run()
    at.text_input(key=widget("action.with_whom")).input("Met mijn zus").run()
    assert "Er staat wanneer." in shown_text(at)
    assert "Er staat met wie." in shown_text(at)
    go(at, "afronden")  # nothing stops the pair from moving on


def test_strength_options_carry_qualities_and_coping() -> None:
    at = open_app("erkenning")
    at.text_area(key=widget("validation.coping")).input("Ik hou vol door te wandelen").run()
    go(at, "krachten")
    at.pills(key=widget("strengths.qualities")).set_value(["zorgzaam"]).run()
    go(at, "actie")
    options = at.multiselect(key=widget("action.shown_strengths")).options
    assert "zorgzaam" in options and "Ik hou vol door te wandelen" in options
    at.multiselect(key=widget("action.shown_strengths")).set_value(["zorgzaam"]).run()
    assert conversation(at).current.action.shown_strengths == ["zorgzaam"]


def test_a_photo_is_kept_in_the_session_only() -> None:
    at = open_app("actie")
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "orange").save(buffer, format="PNG")
    at.file_uploader(key="kk.upload.photo").set_value(("foto.png", buffer.getvalue(), "image/png"))
    at.run()
    assert not at.exception
    assert at.session_state["kk.photo"][:2] == b"\xff\xd8"  # re-encoded JPEG, metadata gone
    assert "photo" not in conversation(at).model_dump_json()


def test_a_bad_photo_gets_a_message_and_nothing_breaks() -> None:
    at = open_app("actie")
    at.text_area(key=widget("action.what")).input("Zaterdag taart bakken").run()
    at.file_uploader(key="kk.upload.photo").set_value(("foto.jpg", b"not an image", "image/jpeg"))
    at.run()
    assert not at.exception
    assert at.error
    assert "kk.photo" not in at.session_state
    assert conversation(at).current.action.what == "Zaterdag taart bakken"
