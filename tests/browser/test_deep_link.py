"""design §11: on a fresh server, the first request may be a step's own address (a bookmark, a
trainer's link). Streamlit's legacy pages/ discovery is still active then; the step must still
come up inside the frame: the step bar, its own title, Vorige/Volgende, no error."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from krachtwerk.ui.layout import STEPS
from tests.browser.conftest import new_app
from tests.browser.kit import App, start_server


@pytest.fixture
def fresh_server(chromium, tmp_path):
    running = start_server(tmp_path / "streamlit.log")
    yield running
    running.stop()


@pytest.mark.parametrize("step", STEPS[1:])
def test_first_request_to_a_step_url_shows_that_step_in_the_frame(browser, fresh_server, step):
    app: App = new_app(browser, fresh_server)
    try:
        app.open(step)
        app.expect_step(step)
        app.assert_no_error()
        for other in STEPS:
            link = app.page.get_by_role("link", name=app.step_link(other), exact=True)
            expect(link).to_be_visible()
        expect(app.page.get_by_role("button", name=app.t("nav.previous"))).to_be_visible()
        # the legacy sidebar navigation must not appear
        expect(app.page.locator("[data-testid='stSidebarNav']")).to_have_count(0)
        # and the frame keeps working: one step back is the step before
        app.previous()
        app.expect_step(STEPS[STEPS.index(step) - 1])
        app.assert_no_error()
    finally:
        app.page.context.close()
    assert "Traceback" not in fresh_server.output()
