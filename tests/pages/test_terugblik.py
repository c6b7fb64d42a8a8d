"""The look back on Erkenning: shown only when the file holds earlier meetings, built from them."""

import json

from krachtwerk import history
from krachtwerk.content import axis_label, catalogue
from krachtwerk.demos import load_demo
from krachtwerk.ui.fields import plain
from tests.pages.apptest import open_app, shown_text

T = catalogue("nl").texts()


def _charts(at) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def test_a_first_meeting_has_nothing_to_look_back_on() -> None:
    at = open_app("erkenning", demo="noor")

    assert T("terugblik.title") not in [header.value for header in at.header]
    assert _charts(at) == []


def test_the_look_back_shows_every_earlier_action_and_how_it_went() -> None:
    ria = load_demo("ria")
    at = open_app("erkenning", demo="ria")
    text = shown_text(at)

    assert T("terugblik.title") in [header.value for header in at.header]
    for meeting, later in zip(ria.meetings[:-1], ria.meetings[1:], strict=True):
        assert plain(meeting.action.what) in text  # as typed, never as markup
        assert T(f"erkenning.review.outcome_{later.review.outcome}") in text
        assert plain(later.review.what_helped) in text
    # The look back comes before the new validation.
    headers = [header.value for header in at.header]
    assert headers.index(T("terugblik.title")) < headers.index(T("erkenning.review.title"))


def test_the_chart_and_its_words_show_the_scores_of_every_meeting() -> None:
    ria = load_demo("ria")
    at = open_app("erkenning", demo="ria")

    (chart,) = _charts(at)
    table = history.meetings_table(ria)
    for axis, points in history.scores_over_time(table).items():
        trace = next(t for t in chart["data"] if t["name"] == axis_label(T, axis))
        assert [trace["y"][meeting - 1] for meeting, _ in points] == [s for _, s in points]
    text = shown_text(at)
    geld = [str(meeting.kompas.scores["geld"]) for meeting in ria.meetings]
    assert f"{axis_label(T, 'geld')}: {' → '.join(geld)}" in text
    assert f"{axis_label(T, 'geld')} ({geld[0]} → {geld[-1]})" in text
