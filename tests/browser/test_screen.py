"""One laptop, two people: every step fits the screen, reads from a metre away, and speaks Dutch.

At 1366x768 (the common work laptop) and 1024x768, in each mode with its demo: what the pair works
on is in view without scrolling (on Kompas, also while the last score is set), text is at least
18 px and chart labels at least 16 px, and no English word of Streamlit's shows.

The pictures in docs/screens/ come from here (`make screenshots`): each step as it shows at
1366x768, without scrolling.
"""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path

import pytest
from playwright.sync_api import Locator, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from krachtwerk.axes import mode_axes
from krachtwerk.content import structure
from krachtwerk.ui.layout import STEPS
from tests.browser.conftest import new_app
from tests.browser.kit import App, Server

DEMOS = {"volwassene": "wim", "jongere": "noor", "eenvoudig": "samira"}
LAPTOP = {"width": 1366, "height": 768}
SIZES = {"1366x768": LAPTOP, "1024x768": {"width": 1024, "height": 768}}
TABLET = {"width": 768, "height": 1024}
BODY_PX = 18  # body text and controls, legible from a metre
CHART_PX = 16  # labels and numbers in the kompas

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
# Streamlit's own English words that have shown on a Dutch screen.
ENGLISH = [
    "Upload",
    "per file",
    "Drag and drop",
    "Browse files",
    "Ctrl+Enter",
    "Press Enter",
    "to apply",
    "Select all",
    "No results",
    "Skip to main content",
    "Choose an option",
    " more",  # the stepper on a narrow screen: "2 more"
    *MONTHS,
    *DAYS,
]
# ... and what a screen reader says of Streamlit's own controls.
ENGLISH_LABELS = [
    "App pages",
    "Choose date",
    "Clear date",
    "Previous month",
    "Next month",
    "Help for",
    "Link to heading",
    "file upload",
    "Use arrow keys",
    "progress",
    "day, ",
    "month, ",
    "year, ",
    " icon",
]
SHOWN_AND_SAID = """() => [document.body.innerText,
  ...[...document.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label'))]
  .join('\\n')"""

SMALL_TEXT = """(minimum) => {
  const small = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const element = node.parentElement;
    if (!node.nodeValue.trim() || !element || element.closest('script, style, svg, noscript'))
      continue;
    if (element.closest('[data-testid="stIconMaterial"], [translate="no"]')) continue;  // icons
    const rect = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    if (rect.width <= 1 || rect.height <= 1 || style.visibility === 'hidden') continue;
    if (element.closest('[hidden], [aria-hidden="true"]')) continue;
    const size = parseFloat(style.fontSize);
    if (size < minimum) small.push(`${size}px «${node.nodeValue.trim().slice(0, 50)}»`);
  }
  return small;
}"""

SMALL_CHART_TEXT = """(minimum) => [...document.querySelectorAll('.js-plotly-plot text')]
  .filter((t) => t.textContent.trim())
  .map((t) => [parseFloat(getComputedStyle(t).fontSize), t.textContent.trim()])
  .filter(([size]) => size < minimum)
  .map(([size, text]) => `${size}px «${text}»`)"""


def in_view(app: App, locator: Locator) -> bool:
    box = locator.bounding_box()
    size = app.page.viewport_size
    assert box is not None and size is not None
    return (
        box["x"] >= 0
        and box["y"] >= 0
        and box["x"] + box["width"] <= size["width"] + 0.5
        and box["y"] + box["height"] <= size["height"] + 0.5
    )


def working_area(app: App, step: str) -> list[Locator]:
    """What the pair works on at this step: in view as the step opens."""
    page, t = app.page, app.t
    title = page.get_by_role("heading", level=1)
    if step == "start":
        demos = page.get_by_role("button", name=t("demos.noor.title"))
        return [title, page.get_by_role("button", name=t("start.new.button")), demos]
    if step == "erkenning":
        look_back = page.locator(".st-key-terugblik")
        if look_back.count():  # a follow-up meeting begins by looking back
            return [
                title,
                look_back.get_by_role("heading").first,
                look_back.locator(".js-plotly-plot"),
            ]
        return [title, page.get_by_role("textbox").first]
    if step == "krachten":
        quadrants = structure().quadrants
        headings = [page.get_by_text(t(f"quadrants.{q.id}.label"), exact=True) for q in quadrants]
        first_cards = [
            page.locator(f".st-key-card-{structure().domains_in(q.id)[0].id}") for q in quadrants
        ]
        return [title, *headings, *first_cards]
    if step == "kompas":
        return [title, page.locator(".js-plotly-plot").first, app.slider(axes(app)[0])]
    if step == "actie":
        return [title, app.box(t("actie.what")), app.box(t("actie.when"))]
    return [title, page.get_by_role("button", name=t("afronden.download_pdf"))]


def axes(app: App) -> tuple[str, ...]:
    return mode_axes(app.mode).ids


def open_at(browser, server: Server, size: dict[str, int], demo: str) -> App:
    app = new_app(browser, server, viewport=size)
    app.open()
    app.load_demo(demo)
    return app


def check_kompas_while_scoring(app: App) -> None:
    """The picture draws along: it stays whole in view while the last score is set."""
    chart = app.page.locator(".js-plotly-plot").first
    last = app.slider(axes(app)[-1])
    last.scroll_into_view_if_needed()
    last.focus()
    with app.rerun():
        last.press("ArrowLeft")
    expect(chart).to_be_visible()
    assert in_view(app, chart), f"chart at {chart.bounding_box()} while the last score is set"
    with app.rerun():
        last.press("ArrowRight")


@pytest.mark.parametrize("mode", DEMOS)
@pytest.mark.parametrize("size", SIZES)
def test_every_step_fits_the_screen(browser, server: Server, size: str, mode: str):
    app = open_at(browser, server, SIZES[size], DEMOS[mode])
    try:
        for step in STEPS:
            app.go(step)
            app.page.evaluate("() => window.scrollTo(0, 0)")
            for part in working_area(app, step):
                expect(part).to_be_visible()
                assert in_view(app, part), f"{size} {mode} {step}: {part} is out of view"
            width = app.page.evaluate("() => document.documentElement.scrollWidth")
            assert width <= SIZES[size]["width"], f"{step}: the page scrolls sideways"
            if step == "kompas":
                check_kompas_while_scoring(app)
    finally:
        app.page.context.close()


@pytest.mark.parametrize("mode", DEMOS)
def test_every_step_reads_from_a_metre_and_in_dutch(
    browser, server: Server, mode: str, screens_dir: Path
):
    app = open_at(browser, server, LAPTOP, DEMOS[mode])
    try:
        for number, step in enumerate(STEPS, start=1):
            app.go(step)
            app.page.evaluate("() => window.scrollTo(0, 0)")
            app.page.wait_for_function("() => !document.querySelector('.stSpinner')")
            if step == "kompas":  # the chart is drawn after the page: its text is checked too
                app.page.wait_for_selector(".js-plotly-plot .scatterlayer path", state="attached")
            shot = screens_dir / f"{mode}-{number}-{step}.png"
            app.page.screenshot(path=str(shot), animations="disabled")
            assert shot.stat().st_size > 20_000  # a real picture, not a blank page
            small = app.page.evaluate(SMALL_TEXT, BODY_PX)
            assert not small, f"{mode} {step}: text under {BODY_PX} px: {small[:8]}"
            small = app.page.evaluate(SMALL_CHART_TEXT, CHART_PX)
            assert not small, f"{mode} {step}: chart text under {CHART_PX} px: {small[:8]}"
            assert_dutch(app, f"{mode} {step}")
        show_hidden_words(app)
    finally:
        app.page.context.close()


def assert_dutch(app: App, where: str) -> None:
    """Nothing of Streamlit's English on screen, nor in what a screen reader says. The frame says
    it again within a frame of the change: allow it that moment."""
    words = [*ENGLISH, *ENGLISH_LABELS]
    with suppress(PlaywrightTimeoutError):
        app.page.wait_for_function(
            f"(words) => {{ const shown = ({SHOWN_AND_SAID})(); "
            "return !words.some((word) => shown.includes(word)); }",
            arg=words,
            timeout=3_000,
        )
    shown = app.page.evaluate(SHOWN_AND_SAID)
    found = [word for word in words if word in shown]
    assert not found, f"{where}: English on a Dutch screen: {found}"


def show_hidden_words(app: App) -> None:
    """The words that only show when asked: a text field's hint, the calendar, an uploader."""
    app.go("erkenning")
    box = app.page.get_by_role("textbox").first
    box.click()
    box.press("End")
    box.type(" en")
    expect(app.page.get_by_test_id("InputInstructions").first).to_be_visible()
    assert_dutch(app, "a text field being typed in")
    box.press("Control+Enter")
    app.settle()
    app.go("actie")
    calendar_button = app.page.get_by_test_id("stDateInputCalendarButton").first
    calendar_button.scroll_into_view_if_needed()
    calendar_button.click()
    calendar = app.page.get_by_test_id("stDateInputCalendar")
    expect(calendar).to_be_visible()
    assert_dutch(app, "the date picker")
    days = calendar.locator("th").all_inner_texts()
    assert "".join(day.strip() for day in days) == "MDWDVZZ", f"a Dutch week, Monday first: {days}"
    app.page.keyboard.press("Escape")


def test_a_card_ticks_as_a_whole_and_its_fields_come_into_view(app: App):
    app.page.set_viewport_size(LAPTOP)
    app.go("krachten")
    card = app.page.locator(".st-key-card-wonen")
    with app.rerun():
        card.click(position={"x": 45, "y": 40})  # the pictogram, not the tick box or its words
    label = app.t("domains.wonen.label")
    expect(app.page.get_by_role("checkbox", name=label, exact=True)).to_be_checked()
    first_field = app.page.locator(".st-key-notes-wonen").get_by_role("textbox").first
    expect(first_field).to_be_in_viewport()
    app.page.evaluate("() => window.scrollTo(0, 0)")
    with app.rerun():
        card.click(position={"x": 12, "y": 12})  # a corner of the card
    expect(app.page.get_by_role("checkbox", name=label, exact=True)).not_to_be_checked()


def test_groter_makes_everything_larger_and_the_layout_holds(browser, server: Server):
    app = open_at(browser, server, LAPTOP, "wim")
    try:
        app.go("kompas")
        before = app.page.evaluate("() => parseFloat(getComputedStyle(document.body).fontSize)")
        with app.rerun():
            app.page.get_by_text(app.t("frame.larger"), exact=True).click()
        # The frame's script sets it as it receives the run's data: wait for that, not a clock.
        app.page.wait_for_function(
            f"() => parseFloat(getComputedStyle(document.body).fontSize) >= {before * 1.2}"
        )
        after = app.page.evaluate("() => parseFloat(getComputedStyle(document.body).fontSize)")
        width = app.page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= LAPTOP["width"], "the page scrolls sideways"
        check_kompas_while_scoring(app)
        app.go("actie")  # the setting holds across steps
        larger = app.page.evaluate("() => parseFloat(getComputedStyle(document.body).fontSize)")
        assert larger == after
    finally:
        app.page.context.close()


def test_the_stepper_on_a_narrow_screen_speaks_dutch(browser, server: Server):
    app = open_at(browser, server, TABLET, "noor")
    try:
        app.go("kompas")
        assert_dutch(app, "the stepper at 768 px")
        expect(app.page.get_by_text(app.t("browser.more", count=2), exact=True)).to_be_visible()
    finally:
        app.page.context.close()
