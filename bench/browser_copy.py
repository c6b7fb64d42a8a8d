"""What the browser copy costs on the Kompas step (see bench/README.md).

Side by side in one run: the app with the copy on, the app with it off, and a bare Streamlit page
with the same elements (bench/bare_kompas.py). Two measures:

1. server script time of one rerun after a slider moved (AppTest; it skips the server's
   post-run garbage collection, so 2. is the one a person feels);
2. in Chromium against a real server: a key on a slider until the chart shows the new score.

Run from the repository root: ``.venv/bin/python bench/browser_copy.py [--runs N]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # a script gets bench/ on sys.path, not the root

from measure import machine, p95  # noqa: E402  (bench/measure.py)
from pdf import longest_conversation  # noqa: E402  (bench/pdf.py)
from streamlit.testing.v1 import AppTest  # noqa: E402

from krachtwerk.browser_copy import SETTING, conversation_text, fingerprint  # noqa: E402
from krachtwerk.demos import load_demo  # noqa: E402
from krachtwerk.ui.browser_copy import FOUND_KEY  # noqa: E402
from tests.browser.kit import (  # noqa: E402
    CHROMIUM_ARGS,
    COUNT_MESSAGES,
    App,
    find_chromium,
    start_server,
)

APP = str(ROOT / "app.py")
BARE = "bench/bare_kompas.py"
AXIS = "gezin"  # the slider moved on the app's Kompas step (demo "wim", ten axes)
BARE_SLIDER = 3  # the bare page's slider in the same place
# A redrawn chart draws its filled shape again: the scatter layer's markup changes.
CHART_CHANGED = """(before) => {
  const layer = document.querySelector('.js-plotly-plot .scatterlayer');
  return layer && layer.innerHTML !== before ? performance.now() : null;
}"""
CHART_NOW = "() => document.querySelector('.js-plotly-plot .scatterlayer')?.innerHTML ?? ''"
RUN_OVER = """() => document.querySelector('[data-testid=stApp]')?.dataset.testScriptState
  === 'notRunning' && performance.now() - window.__kkLastMessage > 150"""

# Targets of the issue "Never lose a conversation".
RERUN_FACTOR = 1.1
SLIDER_P95_MS = 300.0


def row(name: str, times: list[float]) -> str:
    return (
        f"| {name} | {statistics.median(times):.1f} | {p95(times):.1f} | "
        f"{min(times):.1f} | {max(times):.1f} |"
    )


@contextmanager
def copy_setting(on: bool) -> Iterator[None]:
    before = os.environ.get(SETTING)
    os.environ[SETTING] = "on" if on else "off"
    try:
        yield
    finally:
        if before is None:
            del os.environ[SETTING]
        else:
            os.environ[SETTING] = before


# --- 1. server script time (AppTest) -----------------------------------------------------------


def app_on_kompas(on: bool) -> AppTest:
    with copy_setting(on):
        at = AppTest.from_file(APP, default_timeout=60)
        at.run()
        at.session_state[FOUND_KEY] = None  # the tab answered: it kept nothing, the copy is live
        at.run()
        at.button(key="start.demo.wim").click().run()
        at.switch_page("pages/kompas.py").run()
        assert not at.exception, at.exception
    return at


def bare_page() -> AppTest:
    at = AppTest.from_file(str(ROOT / BARE), default_timeout=60)
    at.run()
    return at


def timed_rerun(at: AppTest, key: str, value: int, on: bool | None) -> float:
    at.select_slider(key=key).set_value(value)
    setting = copy_setting(on) if on is not None else _nothing()
    with setting:
        start = time.perf_counter()
        at.run()
        took = (time.perf_counter() - start) * 1000
    assert not at.exception, at.exception
    return took


@contextmanager
def _nothing() -> Iterator[None]:
    yield


def script_times(runs: int) -> dict[str, list[float]]:
    variants: dict[str, tuple[AppTest, str, bool | None]] = {
        "app, copy on": (app_on_kompas(True), f"w.score.{AXIS}", True),
        "app, copy off": (app_on_kompas(False), f"w.score.{AXIS}", False),
        "bare Streamlit": (bare_page(), f"score.{BARE_SLIDER}", None),
    }
    times: dict[str, list[float]] = {name: [] for name in variants}
    for run in range(runs + 2):  # the first two runs warm up
        for name, (at, key, on) in variants.items():  # interleaved: drift hits all alike
            took = timed_rerun(at, key, 4 + run % 2, on)
            if run >= 2:
                times[name].append(took)
    return times


def copy_work(runs: int) -> dict[str, list[float]]:
    """The copy's own work in a run: the file's text and its fingerprint."""
    cases = {"demo wim": load_demo("wim"), "longest file": longest_conversation()}
    times: dict[str, list[float]] = {}
    for name, conversation in cases.items():
        measured = []
        for _ in range(runs):
            start = time.perf_counter()
            fingerprint(conversation_text(conversation).encode("utf-8"))
            measured.append((time.perf_counter() - start) * 1000)
        size = len(conversation_text(conversation).encode("utf-8")) // 1024
        times[f"text + fingerprint, {name} ({size} KB)"] = measured
    return times


# --- 2. slider to chart in Chromium ------------------------------------------------------------


def press_to_chart(app: App, slider, key: str) -> float:
    """One key on a focused slider; ms until the chart shows it. Waits until the run is over."""
    before = app.page.evaluate(CHART_NOW)
    start = app.page.evaluate("() => performance.now()")
    slider.press(key)
    shown = app.page.wait_for_function(CHART_CHANGED, arg=before, polling="raf").json_value()
    app.page.wait_for_function(RUN_OVER)
    return shown - start


def on_kompas(app: App, server_url: str, bare: bool):
    """Open a variant's page at the slider that is measured; returns that slider."""
    if bare:
        app.page.add_init_script(COUNT_MESSAGES)
        app.page.goto(server_url)
        app.settle()
        return app.page.get_by_role("slider").nth(BARE_SLIDER)
    app.open()
    app.load_demo("wim")
    app.go("kompas")
    return app.slider(AXIS)


def browser_times(presses: int) -> dict[str, list[float]]:
    from playwright.sync_api import sync_playwright

    chromium = find_chromium()
    if chromium is None:
        print("No chromium found (apt-get install chromium): the browser figures are left out.")
        return {}
    folder = Path(tempfile.mkdtemp(prefix="kk-bench-"))
    servers = {
        "app, copy on": start_server(folder / "on.log", env={SETTING: "on"}),
        "app, copy off": start_server(folder / "off.log", env={SETTING: "off"}),
        "bare Streamlit": start_server(folder / "bare.log", script=BARE),
    }
    times: dict[str, list[float]] = {name: [] for name in servers}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            tabs = {}
            for name, server in servers.items():
                context = browser.new_context(
                    viewport={"width": 1366, "height": 768}, locale="nl-NL"
                )
                app = App(context.new_page(), server.url)
                slider = on_kompas(app, server.url, bare=name == "bare Streamlit")
                slider.scroll_into_view_if_needed()
                tabs[name] = (app, slider)
            for press in range(presses + 2):  # interleaved, the first two warm up
                key = "ArrowRight" if press % 2 == 0 else "ArrowLeft"
                for name, (app, slider) in tabs.items():
                    slider.focus()
                    took = press_to_chart(app, slider, key)
                    if press >= 2:
                        times[name].append(took)
            browser.close()
    finally:
        for server in servers.values():
            server.stop()
    return times


# --- report ------------------------------------------------------------------------------------


def table(title: str, times: dict[str, list[float]]) -> None:
    print(f"\n{title}\n")
    print("| variant | median ms | p95 ms | min ms | max ms |")
    print("|---|---:|---:|---:|---:|")
    for name, measured in times.items():
        print(row(name, measured))


def verdict(name: str, measured: float, limit: float, unit: str) -> str:
    ratio = measured / limit
    result = "PASS" if ratio <= 1 else "MISS"
    return f"| {name} | {measured:.2f} {unit} | ≤ {limit:g} {unit} | {ratio:.2f} | {result} |"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30, help="reruns and key presses per variant")
    runs = parser.parse_args(argv).runs
    print(f"- Machine: {machine()}")
    print(f"- Runs per variant: {runs}, after two warm-up runs, interleaved. Times in ms.")

    scripts = script_times(runs)
    table("Server script time of one rerun on Kompas after a slider moved (AppTest)", scripts)
    table("The copy's own work per run (outside Streamlit)", copy_work(runs))
    browser = browser_times(runs)
    if browser:
        table("Chromium, real server: a key on a slider until the chart shows it", browser)

    on, off = (statistics.median(scripts[f"app, copy {s}"]) for s in ("on", "off"))
    print("\n| target | measured | limit | measured ÷ limit | result |")
    print("|---|---:|---:|---:|---|")
    print(verdict("rerun, copy on ÷ copy off (median)", on / off, RERUN_FACTOR, "x"))
    if browser:
        print(verdict("slider → chart p95, copy on", p95(browser["app, copy on"]), 300, "ms"))


if __name__ == "__main__":
    main()
