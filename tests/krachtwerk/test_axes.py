"""The one rule of which axes a mode scores, and everything that asks it."""

import io

import pytest
from pypdf import PdfReader

from krachtwerk import cli, geometry
from krachtwerk.axes import mode_axes
from krachtwerk.content import axis_label, catalogue, structure
from krachtwerk.demos import load_demo
from krachtwerk.figure import alt_text, figure_spec
from krachtwerk.model import MODES, Conversation, DomainNotes, Kompas
from krachtwerk.pdf import render_pdf


def _page_text(conversation: Conversation) -> str:
    reader = PdfReader(io.BytesIO(render_pdf(conversation)))
    return " ".join(reader.pages[0].extract_text().split())


def _eenvoudig_with_a_domain_focus() -> Conversation:
    """Scored and focused with ten axes, then the mode changed to eenvoudig (four)."""
    conversation = load_demo("noor")
    conversation.mode = "eenvoudig"
    kompas = conversation.current.kompas
    kompas.focus = "geld"
    kompas.scores.update({"geld": 2, "ik": 7})
    return conversation


def test_a_mode_scores_the_domains_or_one_axis_per_quadrant() -> None:
    shape = structure()
    for mode in MODES:
        axes = mode_axes(mode)
        if axes.per_quadrant:
            assert axes.ids == tuple(q.id for q in shape.quadrants)
        else:
            assert sorted(axes.ids) == sorted(d.id for d in shape.domains)
        assert [axis.id for axis in geometry.axes(mode)] == list(axes.ids)
    assert mode_axes("eenvoudig").per_quadrant
    assert not mode_axes("volwassene").per_quadrant


def test_focus_and_scores_of_another_mode_count_nowhere_but_stay_in_the_kompas() -> None:
    kompas = Kompas(scores={"geld": 2, "ik": 7, "wonen": 5}, focus="geld")
    quadrants, domains = mode_axes("eenvoudig"), mode_axes("volwassene")

    assert quadrants.focus(kompas) is None
    assert quadrants.scores(kompas) == {"ik": 7}
    assert quadrants.focus_domains(kompas) == ()
    assert domains.focus(kompas) == "geld"
    assert domains.scores(kompas) == {"wonen": 5, "geld": 2}
    assert domains.focus_domains(kompas) == ("geld",)
    assert kompas.focus == "geld" and len(kompas.scores) == 3  # nothing was taken away


def test_a_quadrant_focus_stands_for_its_domains() -> None:
    kompas = Kompas(focus="dagen")
    expected = tuple(d.id for d in structure().domains_in("dagen"))
    assert mode_axes("eenvoudig").focus_domains(kompas) == expected
    assert len(expected) > 1


def test_the_page_prints_no_focus_that_no_axis_shows() -> None:
    """The bug: eenvoudig with a leftover ten-axis focus printed "Hier werk ik aan: Geld"."""
    conversation = _eenvoudig_with_a_domain_focus()
    t = catalogue("nl").texts("eenvoudig")
    text = _page_text(conversation)

    assert t("pdf.focus") not in text
    assert axis_label(t, "geld") not in text
    conversation.current.kompas.focus = "dagen"  # a focus the mode has is printed
    assert f"{t('pdf.focus')}: {axis_label(t, 'dagen')}" in _page_text(conversation)


def test_the_kompas_on_screen_and_in_words_shows_no_focus_of_another_mode() -> None:
    conversation = _eenvoudig_with_a_domain_focus()
    t = catalogue("nl").texts("eenvoudig")
    kompas = conversation.current.kompas

    assert t("kompas.alt.focus", axis=axis_label(t, "geld")) not in alt_text(t, "eenvoudig", kompas)
    spec = figure_spec(t, "eenvoudig", kompas)
    thick = [s for s in spec["layout"]["shapes"] if s["type"] == "line" and s["line"]["width"] > 2]
    assert thick == []


@pytest.mark.parametrize("focus, shown", [("geld", "none"), ("dagen", "dagen")])
def test_the_command_line_summary_names_only_a_focus_of_the_mode(focus: str, shown: str) -> None:
    conversation = _eenvoudig_with_a_domain_focus()
    conversation.current.kompas.focus = focus
    lines = cli._summary(conversation)

    assert f"focus: {shown}" in lines
    assert "scored axes: 1 of 4 (ik)" in lines


def test_the_page_names_no_helpers_of_a_focus_of_another_mode() -> None:
    conversation = _eenvoudig_with_a_domain_focus()
    notes = conversation.current.strengths.domains
    notes["geld"] = DomainNotes(helpers="Mijn buurman Kees")
    notes["werk"] = DomainNotes(helpers="Juf Annet")  # werk is in the quadrant "dagen"
    conversation.current.action.with_whom = ""

    assert "Kees" not in _page_text(conversation)
    conversation.current.kompas.focus = "dagen"
    text = _page_text(conversation)
    assert "Juf Annet" in text and "Kees" not in text
