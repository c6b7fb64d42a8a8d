"""Afronden's page for the Team Kracht Bespreking: checked and edited by the professional."""

import base64
import io

from pypdf import PdfReader

from krachtwerk.content import catalogue
from krachtwerk.demos import load_demo
from krachtwerk.pdf.team import TEAM_FILENAME
from tests.pages.apptest import browser_parts, open_app, widget

T = catalogue("nl").texts("volwassene", "u")


def _team_page(at) -> str:
    (team,) = [part for part in browser_parts(at, "download") if part["file_name"] == TEAM_FILENAME]
    assert team["label"] == T("afronden.team.download")
    reader = PdfReader(io.BytesIO(base64.b64decode(team["content"])))
    assert len(reader.pages) == 1
    return " ".join(reader.pages[0].extract_text().split())


def _area(at, name: str):
    return next(area for area in at.text_area if str(area.key).startswith(widget(f"team.{name}.")))


def test_the_team_page_holds_no_name_and_shows_what_the_professional_checks() -> None:
    wim = load_demo("wim")
    at = open_app("afronden", demo="wim")
    text = _team_page(at)

    for name in (wim.resident.name, wim.professional.name, "Marga", "Joop", "Henk"):
        assert name not in text
    assert _area(at, "goal").value in text  # the page prints what the field shows
    assert "[naam]" in _area(at, "goal").value


def test_edits_question_and_blocks_reach_the_page() -> None:
    at = open_app("afronden", demo="wim")
    _area(at, "goal").input("Zelf op bezoek bij zijn broer.").run()
    at.text_area(key=widget("team.question")).input("Wat zien jullie als eerste stap?").run()
    text = _team_page(at)
    assert "Zelf op bezoek bij zijn broer." in text
    assert "Wat zien jullie als eerste stap?" in text
    assert T("team.guide_title") in text

    blocks = at.get("button_group")[-1]  # the pills of "Op de pagina"
    assert blocks.proto.label == T("afronden.team.blocks")
    at.session_state[widget("team.blocks")] = ["goal", "question"]
    at.run()
    text = _team_page(at)
    assert T("team.guide_title") not in text and T("team.strengths") not in text
    assert "Wat zien jullie als eerste stap?" in text
