"""Kompas: a score per axis, the chart follows, the focus leads to two follow-up questions."""

from __future__ import annotations

import json

from tests.pages.apptest import conversation, go, open_app, widget


def chart_spec(at) -> dict:
    charts = at.get("plotly_chart")
    assert len(charts) == 1
    return json.loads(charts[0].proto.spec)


def score_points(spec: dict) -> list[tuple[float, float]]:
    shape = next(t for t in spec["data"] if t.get("fill") == "toself")
    return list(zip(shape["x"], shape["y"], strict=True))


def test_ten_axes_for_adults_four_in_eenvoudig() -> None:
    at = open_app("kompas")
    assert len(at.select_slider) == 10
    at = open_app("kompas", demo="samira")
    assert len(at.select_slider) == 4


def test_a_score_moves_the_shape_and_the_words() -> None:
    at = open_app("kompas")
    before = score_points(chart_spec(at))
    at.select_slider(key=widget("score.wonen")).set_value(8).run()
    assert conversation(at).current.kompas.scores == {"wonen": 8}
    after = score_points(chart_spec(at))
    assert before != after
    radius = max((x * x + y * y) ** 0.5 for x, y in after)
    assert abs(radius - 0.8) < 1e-6
    assert "Wonen: 8" in at.get("plotly_chart")[0].proto.spec or any(
        "Wonen: 8" in e.value for e in at.markdown
    )


def test_focus_from_the_list_asks_the_follow_ups() -> None:
    at = open_app("kompas")
    at.select_slider(key=widget("score.gezin")).set_value(6).run()
    at.selectbox(key=widget("kompas.focus")).set_value("gezin").run()
    assert conversation(at).current.kompas.focus == "gezin"
    why = at.text_area(key=widget("kompas.why_not_lower"))
    assert "6" in why.label and "0" in why.label
    assert "7" in at.text_area(key=widget("kompas.one_step_up")).label
    spec = chart_spec(at)
    handles = next(t for t in spec["data"] if t.get("customdata"))
    widths = handles["marker"]["line"]["width"]
    focused = [row[0] for row, w in zip(handles["customdata"], widths, strict=True) if w > 1]
    assert focused == ["gezin"]


def test_axes_are_clickable_points_naming_their_axis() -> None:
    at = open_app("kompas")
    spec = chart_spec(at)
    handles = next(t for t in spec["data"] if t.get("customdata"))
    assert handles["type"] == "scatter"
    assert [row[0] for row in handles["customdata"]][:3] == ["lichaam", "gevoel", "zingeving"]


def test_previous_meeting_is_a_dashed_outline() -> None:
    at = open_app("kompas", demo="wim")
    dashed = [t for t in chart_spec(at)["data"] if t.get("line", {}).get("dash") == "dash"]
    assert len(dashed) == 1


def test_follow_ups_name_the_focus_as_words_in_a_sentence() -> None:
    """Eenvoudig's focus is a quadrant, "Mijn mensen": mid-sentence it reads "je mensen"."""
    at = open_app("start")
    at.radio(key=widget("mode")).set_value("eenvoudig").run()
    go(at, "kompas")
    at.select_slider(key=widget("score.mensen")).set_value(3).run()
    at.selectbox(key=widget("kompas.focus")).set_value("mensen").run()
    label = at.text_area(key=widget("kompas.why_not_lower")).label
    assert label == "Wat maakt dat het bij je mensen al een 3 is, en geen 0?"
