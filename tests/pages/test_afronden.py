"""Afronden: the page preview, the downloads and wiping the conversation."""

from __future__ import annotations

import io

from pypdf import PdfReader

from tests.pages.apptest import conversation, open_app


def rendered_pdf(at) -> bytes:
    return at.session_state["kk.rendered"][1]


def test_preview_and_two_downloads() -> None:
    at = open_app("afronden", demo="noor")
    assert len(at.get("image")) >= 1
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["Download het blad (PDF)", "Bewaar het gespreksbestand"]
    reader = PdfReader(io.BytesIO(rendered_pdf(at)))
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert conversation(at).current.action.what.split()[0] in text


def test_the_page_leaves_out_the_validation_step() -> None:
    at = open_app("afronden", demo="noor")
    validation = conversation(at).current.validation
    text = " ".join(PdfReader(io.BytesIO(rendered_pdf(at))).pages[0].extract_text().split())
    assert validation.situation and validation.situation[:40] not in text
    assert validation.acknowledgement and validation.acknowledgement[:40] not in text


def test_new_conversation_wipes_and_returns_to_start() -> None:
    at = open_app("afronden", demo="wim")
    at.button(key="afronden.new.confirm").click().run()
    assert not at.exception
    assert conversation(at).resident.name == ""
    assert "kk.rendered" not in at.session_state
    assert at.title[0].value == "Welkom bij het Krachtkompas"
