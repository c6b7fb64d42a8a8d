"""The kompas on screen is written as a plain plotly dict and handed over without plotly
validating or copying it (krachtwerk/figure.py). These tests prove that validation would change
nothing, so the chart the browser draws is the one plotly's checked figure would have drawn."""

from __future__ import annotations

import json

import plotly.graph_objects as go
import plotly.io as pio
import plotly.tools
import pytest
from hypothesis import given
from hypothesis import strategies as st

from krachtwerk import geometry
from krachtwerk.content import catalogue
from krachtwerk.demos import demo_names, load_demo
from krachtwerk.figure import CheckedFigure, figure_spec, kompas_figure
from krachtwerk.model import Kompas

MODES = ("volwassene", "jongere", "eenvoudig")


def sent(figure: object) -> dict:
    """What st.plotly_chart sends the browser for a figure (streamlit/elements/plotly_chart.py)."""
    checked = plotly.tools.return_figure_from_figure_or_data(figure, validate_figure=True)
    return json.loads(pio.to_json(checked, validate=False))


def validated(spec: dict) -> dict:
    return json.loads(pio.to_json(go.Figure(spec), validate=False))


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", demo_names())
def test_the_chart_sent_is_what_validation_would_make(name: str, mode: str) -> None:
    conversation = load_demo(name)
    t = catalogue(conversation.language).texts(mode)
    previous = conversation.previous.kompas.scores if conversation.previous else None
    for kompas in (conversation.current.kompas, Kompas()):
        for label_px in (17, 22):
            spec = figure_spec(t, mode, kompas, previous, label_px)
            unvalidated = sent(kompas_figure(t, mode, kompas, previous, label_px))
            assert unvalidated == validated(spec)


@given(
    mode=st.sampled_from(MODES),
    scores=st.dictionaries(
        st.sampled_from([axis.id for axis in geometry.axes("volwassene")]),
        st.integers(0, 10),
    ),
    focus=st.one_of(st.none(), st.sampled_from([axis.id for axis in geometry.axes("volwassene")])),
)
def test_any_scores_and_focus_validate_to_the_same_chart(mode, scores, focus) -> None:
    t = catalogue("nl").texts(mode)
    kompas = Kompas(scores=scores, focus=focus)
    spec = figure_spec(t, mode, kompas, previous=scores or None)
    assert sent(kompas_figure(t, mode, kompas, previous=scores or None)) == validated(spec)


def test_streamlit_gets_the_dict_itself_without_a_copy() -> None:
    """What CheckedFigure relies on in the pinned plotly and Streamlit: a Figure is asked only for
    to_dict(). If a new version asks for more, this fails loudly instead of the chart breaking."""
    spec = figure_spec(catalogue("nl").texts(), "volwassene", Kompas(scores={"wonen": 6}))
    figure = CheckedFigure(spec)
    assert plotly.tools.return_figure_from_figure_or_data(figure, validate_figure=True) is spec
    assert json.loads(pio.to_json(figure, validate=False)) == json.loads(json.dumps(spec))
    assert isinstance(figure, go.Figure)  # st.plotly_chart's type check
