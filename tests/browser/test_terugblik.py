"""The look back in a real browser: a file with three meetings opened, its history seen and taken
along as CSV."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest
from playwright.sync_api import expect

from krachtwerk.conversation_file import write_conversation
from krachtwerk.demos import load_demo
from krachtwerk.ui.terugblik import SHOWN_MEETINGS
from tests.browser.conftest import new_app
from tests.browser.kit import App, Server
from tests.meetings import ria_over

JSON = "application/json"


def _three_meetings():
    ria = load_demo("ria")
    ria.meetings = ria.meetings[:3]  # the third is finished: opening it starts a fourth
    return ria


def test_a_three_meeting_file_shows_its_history_and_gives_its_scores(app: App) -> None:
    ria = _three_meetings()
    app.upload(app.t("start.open.label"), write_conversation(ria), "gesprek.json", JSON)
    app.follow(ria)
    app.next()  # a new meeting today, the default answer
    app.expect_step("erkenning")

    look_back = app.page.locator(".st-key-terugblik")
    expect(look_back.get_by_role("heading", name=app.t("terugblik.title"))).to_be_visible()
    for meeting in ria.meetings:  # every agreed action, with how it went
        expect(look_back.get_by_text(meeting.action.what, exact=False)).to_be_visible()
    for later in ria.meetings[1:]:
        outcome = app.t(f"erkenning.review.outcome_{later.review.outcome}")
        expect(look_back.get_by_text(outcome).first).to_be_visible()
    chart = look_back.locator(".js-plotly-plot")
    expect(chart).to_be_visible()
    expect(chart.locator(".scatterlayer .trace")).to_have_count(10)

    app.open_panel(app.t("terugblik.in_words"))
    for axis in ("geld", "werk"):
        scores = " → ".join(str(meeting.kompas.scores[axis]) for meeting in ria.meetings)
        expect(look_back.get_by_text(f"{app.axis_label(axis)}: {scores}")).to_be_visible()

    name, data = app.download(app.t("terugblik.export"))
    assert name.startswith("krachtkompas-scores-") and name.endswith(".csv")
    scores = pd.read_csv(io.BytesIO(data), dtype={"score": "Int64"})
    assert scores["meeting"].nunique() == 4  # the three, and today's without scores yet
    given = scores.dropna(subset=["score"])
    for number, meeting in enumerate(ria.meetings, start=1):
        rows = given[given["meeting"] == number]
        assert dict(zip(rows["axis"], rows["score"], strict=True)) == meeting.kompas.scores
    assert ria.resident.name not in data.decode("utf-8")
    app.assert_no_error()


@pytest.mark.parametrize("count", [2, 4, 50])
def test_the_look_back_fits_the_laptop_screen(
    browser, server: Server, count: int, screens_dir: Path
) -> None:
    app = new_app(browser, server, viewport={"width": 1366, "height": 768})
    app.open()
    conversation = ria_over(count)
    app.upload(app.t("start.open.label"), write_conversation(conversation), "gesprek.json", JSON)
    app.follow(conversation)
    app.go("erkenning")

    look_back = app.page.locator(".st-key-terugblik")
    chart = look_back.locator(".js-plotly-plot")
    expect(chart.locator(".scatterlayer .trace")).to_have_count(10)
    box, size = chart.bounding_box(), app.page.viewport_size
    assert box and size and box["y"] + box["height"] <= size["height"] + 0.5  # no scrolling
    shown = min(count - 1, SHOWN_MEETINGS)  # the latest earlier meetings; older ones folded
    expect(look_back.locator("li").filter(has=app.page.locator(":visible"))).to_have_count(shown)
    app.page.screenshot(path=str(screens_dir / f"terugblik-{count}.png"), animations="disabled")
    app.assert_no_error()
