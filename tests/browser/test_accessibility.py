"""Accessibility in the browser: axe-core on every step in every mode, a text alternative for the
kompas, every control reachable with the keyboard, the page language Dutch."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from krachtwerk.axes import mode_axes
from krachtwerk.demos import load_demo
from krachtwerk.ui.layout import STEPS
from tests.browser.kit import App

DEMOS = {"wim": "volwassene", "noor": "jongere", "samira": "eenvoudig"}

# What axe finds in Streamlit's own widgets, which this app cannot change. Anything else fails.
STREAMLIT_OWN = {
    # the file uploader's drop zone is a focusable <section role="presentation">
    ("presentation-role-conflict", "stFileUploaderDropzone"),
}

# Controls a keyboard user must reach. Elements with tabindex=-1 are left out on purpose: the
# other options of a radio group (arrow keys), the file input behind its button, the
# native date input behind the day/month/year fields.
INTERACTIVE = ", ".join(
    f"{kind}:not([tabindex='-1'])"
    for kind in (
        "a[href]",
        "button",
        "input",
        "textarea",
        "select",
        "[role=slider]",
        "[role=combobox]",
        "[role=spinbutton]",
        "[tabindex]",
    )
)


def open_every_fold(app: App) -> None:
    """Expanders hide content from a first look; axe must see it too."""
    closed = app.page.locator("details:not([open])")
    for _ in range(20):  # one at a time, each until it is open
        if not closed.count():
            break
        fold = closed.first.element_handle()
        fold.query_selector("summary").click()
        app.page.wait_for_function("(fold) => fold.open", arg=fold)
    expect(closed).to_have_count(0)


def violations(app: App) -> list[dict]:
    results = Axe().run(app.page, options={"resultTypes": ["violations"]})
    return results.response["violations"]


def is_streamlit_own(violation: dict) -> bool:
    return all(
        any(rule == violation["id"] and marker in node["html"] for rule, marker in STREAMLIT_OWN)
        for node in violation["nodes"]
    )


def describe(found: list[dict]) -> str:
    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['html'][:120] for n in v['nodes'][:3]]}"
        for v in found
    )


@pytest.mark.parametrize("demo", DEMOS)
def test_axe_finds_nothing_of_ours_on_any_step(app: App, demo: str):
    app.load_demo(demo)
    for step in STEPS:
        app.go(step)
        app.assert_no_error()
        open_every_fold(app)
        found = violations(app)
        ours = [v for v in found if not is_streamlit_own(v)]
        assert not ours, f"{demo} / {step}:\n{describe(ours)}"
        serious = [v for v in found if v["impact"] in {"serious", "critical"}]
        assert not serious, f"{demo} / {step}:\n{describe(serious)}"


def test_the_kompas_has_a_text_alternative_that_follows_the_scores(app: App):
    app.load_demo("wim")
    conversation = load_demo("wim")
    app.go("kompas")
    chart = app.page.get_by_role("figure")
    scores = conversation.current.kompas.scores
    for axis in mode_axes("volwassene").ids:
        expect(chart).to_have_attribute(
            "aria-label", re.compile(re.escape(f"{app.axis_label(axis)}: {scores[axis]}"))
        )
    changed = "wonen"
    new_score = (scores[changed] + 3) % 11
    app.score(changed, new_score)
    expect(chart).to_have_attribute(
        "aria-label", re.compile(re.escape(f"{app.axis_label(changed)}: {new_score}"))
    )
    # and the same words are on the page for everyone, under "Het kompas in woorden"
    app.page.get_by_text(app.t("kompas.in_words")).click()
    words = app.page.get_by_text(f"{app.axis_label(changed)}: {new_score}")
    expect(words.first).to_be_visible()


def focused_control(app: App) -> set[int]:
    number = app.page.evaluate(
        """() => {
            let active = document.activeElement;  // into our components' shadow roots
            while (active && active.shadowRoot && active.shadowRoot.activeElement) {
                active = active.shadowRoot.activeElement;
            }
            const e = active && active.closest('[data-kk-control]');
            return e ? Number(e.getAttribute('data-kk-control')) : null;
        }"""
    )
    return set() if number is None else {number}


def reachable_by_tab(app: App) -> tuple[set[int], set[int]]:
    """Number every visible control, then Tab through the page: which numbers got the focus?"""
    total = app.page.evaluate(
        """(selector) => {
            const main = document.querySelector('[data-testid=stMain]');
            const shown = (e) => e.getClientRects().length > 0
                && getComputedStyle(e).visibility !== 'hidden';
            // our components (krachtwerk/ui/browser.py) keep their controls in shadow roots
            const within = (root) => [...root.querySelectorAll(selector)].concat(
                ...[...root.querySelectorAll('*')].filter(e => e.shadowRoot)
                    .map(e => within(e.shadowRoot)));
            const all = within(main).filter(e => !e.disabled && shown(e));
            all.forEach((e, i) => e.setAttribute('data-kk-control', i));
            return all.length;
        }""",
        INTERACTIVE,
    )
    app.page.locator("body").focus()
    seen: set[int] = set()
    walked_toolbars: set[str] = set()
    for _ in range(total * 3 + 20):
        app.page.keyboard.press("Tab")
        seen |= focused_control(app)
        # a toolbar (the pills) is one Tab stop; the arrow keys go through its buttons
        toolbar = app.page.evaluate(
            "() => document.activeElement?.closest('[role=toolbar]')?.getAttribute('aria-label')"
        )
        if toolbar is not None and toolbar not in walked_toolbars:
            walked_toolbars.add(toolbar)
            group = app.page.get_by_role("toolbar", name=toolbar, exact=True)
            for _ in range(group.get_by_role("button").count()):
                app.page.keyboard.press("ArrowRight")
                seen |= focused_control(app)
        if len(seen) == total:
            break
    return set(range(total)), seen


@pytest.mark.parametrize("step", STEPS)
def test_every_control_is_reachable_with_the_keyboard(app: App, step: str):
    app.load_demo("wim")
    app.go(step)
    open_every_fold(app)
    controls, reached = reachable_by_tab(app)
    missed = controls - reached
    labels = app.page.evaluate(
        """(numbers) => numbers.map(n => {
            const e = document.querySelector(`[data-kk-control="${n}"]`);
            return e ? e.outerHTML.slice(0, 160) : `control ${n} (in a shadow root)`;
        })""",
        sorted(missed),
    )
    assert len(controls) > 3
    assert not missed, f"not reachable with Tab on {step}: {labels}"


def test_a_whole_step_can_be_done_with_the_keyboard_alone(app: App):
    """On Kompas: a score with the arrow keys, the focus from the list, on with Enter."""
    app.load_demo("samira")
    app.go("kompas")
    slider = app.slider("thuis")
    slider.focus()
    with app.rerun():
        slider.press("End")
        slider.blur()
    assert app.shown_score("thuis") == "10"
    focus = app.page.get_by_role("combobox", name=app.t("kompas.focus.label"), exact=True)
    focus.focus()
    with app.rerun():
        app.page.keyboard.type(app.axis_label("mensen"))
        app.page.keyboard.press("Enter")
    assert app.axis_label("mensen") in app.combobox_shows(app.t("kompas.focus.label"))
    app.page.get_by_role("button", name=app.t("nav.next")).focus()
    with app.rerun():
        app.page.keyboard.press("Enter")
    app.expect_step("actie")


def test_the_page_speaks_the_conversations_language(app: App):
    expect(app.page.locator("html")).to_have_attribute("lang", "nl")
    app.choose(catalogue_language_name("en"))
    app.language = "en"
    expect(app.page.locator("html")).to_have_attribute("lang", "en")
    app.choose(catalogue_language_name("nl"))
    app.language = "nl"
    expect(app.page.locator("html")).to_have_attribute("lang", "nl")
    app.go("erkenning")
    expect(app.page.locator("html")).to_have_attribute("lang", "nl")


def catalogue_language_name(code: str) -> str:
    from krachtwerk.content import catalogue

    return catalogue(code).texts()("language.name")


def test_axe_finds_nothing_of_ours_in_messages_and_the_open_menu(app: App):
    """The states a first look misses: an error under an upload, the confirm menu opened."""
    app.load_demo("noor")
    app.upload(app.t("start.open.label"), b"geen json", "gesprek.json", "application/json")
    expect(app.page.get_by_role("alert").filter(has_text=app.t("file.kept"))).to_be_visible()
    app.page.get_by_role("button", name=app.t("start.new.button")).click()
    expect(app.page.get_by_text(app.t("start.new.confirm_text"))).to_be_visible()
    ours = [v for v in violations(app) if not is_streamlit_own(v)]
    assert not ours, describe(ours)
    app.page.keyboard.press("Escape")
    app.go("actie")
    app.upload(app.t("actie.photo.label"), b"geen foto", "foto.jpg", "image/jpeg")
    expect(app.page.get_by_text(app.t("actie.photo.made_without"))).to_be_visible()
    ours = [v for v in violations(app) if not is_streamlit_own(v)]
    assert not ours, describe(ours)
