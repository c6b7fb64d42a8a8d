"""Afronden: the page preview, the downloads and wiping the conversation."""

from __future__ import annotations

import base64
import io

from pypdf import PdfReader

from krachtwerk.conversation_file import read_conversation
from tests.pages.apptest import browser_parts, conversation, open_app


def rendered_pdf(at) -> bytes:
    return at.session_state["kk.rendered"][1]


def test_preview_and_two_downloads() -> None:
    at = open_app("afronden", demo="noor")
    (preview,) = browser_parts(at, "picture")
    assert preview["src"].startswith("data:image/jpeg;base64,/9j/")
    assert conversation(at).current.action.what in preview["alt"]
    pdf, saved, _team = browser_parts(at, "download")  # the team's page comes last, folded
    assert [pdf["label"], saved["label"]] == [
        "Download het blad (PDF)",
        "Bewaar het gespreksbestand",
    ]
    assert [pdf["file_name"], saved["file_name"]] == [
        "krachtkompas-2026-02-10.pdf",
        "krachtkompas-gesprek-2026-02-10.json",
    ]
    assert pdf["primary"] and not saved["primary"]
    assert base64.b64decode(pdf["content"]) == rendered_pdf(at)
    assert read_conversation(base64.b64decode(saved["content"])) == conversation(at)
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
