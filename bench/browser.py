"""What a person waits for in Chromium, the app beside bare Streamlit (bench/README.md, "Browser").

Each walk is a fresh tab on a real server (1366x768, nl-NL): open, load demo noor, Volgende to
Kompas, a key on a slider three times, Volgende to Actie and to Afronden (first visit); Vorige
twice, a key on a slider once, Volgende twice (Afronden after a change). Timed in the page with
``performance.now()`` from the click or key press:

- Volgende → next step: until the new step's heading shows; and "drawn": that, and the last
  message of its run received (the page is complete);
- slider → chart: until the chart's filled shape is drawn again;
- Afronden: until the picture of the page has loaded (first paint of the preview).

Walks alternate between the app and bench/bare_app.py, each on its own server.
Run from the repository root: ``.venv/bin/python bench/browser.py [--walks N]``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from measure import machine, p95  # noqa: E402  (bench/measure.py)

from tests.browser.kit import (  # noqa: E402
    CHROMIUM_ARGS,
    COUNT_MESSAGES,
    App,
    find_chromium,
    start_server,
)

# Targets of the issue "Fast for fifty at once".
SLIDER_P95_MS = 150.0
NEXT_P95_MS = 300.0
FACTOR = 1.5

NOW = "() => performance.now()"
HEADING = "() => document.querySelector('h1')?.textContent ?? ''"
# Click Volgende inside the page, so the clock starts at the click itself.
CLICK_NEXT = """([key, label]) => {
  const button = document.querySelector(`.st-key-${key} button`)
    ?? [...document.querySelectorAll('button')].find((b) => b.textContent.includes(label));
  const start = performance.now();
  button.click();
  return start;
}"""
HEADING_CHANGED = """(before) => {
  const text = document.querySelector('h1')?.textContent ?? '';
  return text && text !== before ? performance.now() : null;
}"""
RUN_OVER = """() => document.querySelector('[data-testid=stApp]')?.dataset.testScriptState
  === 'notRunning' && performance.now() - window.__kkLastMessage > 150 ? window.__kkLastMessage
  : null"""
CHART = "() => document.querySelector('.js-plotly-plot .scatterlayer')?.innerHTML ?? ''"
CHART_CHANGED = """(before) => {
  const layer = document.querySelector('.js-plotly-plot .scatterlayer');
  return layer && layer.innerHTML !== before ? performance.now() : null;
}"""
# The page picture: in the app inside a component's shadow root, in bare Streamlit in stImage.
PICTURE_LOADED = """() => {
  const images = [];
  const visit = (root) => {
    images.push(...root.querySelectorAll('img'));
    root.querySelectorAll('*').forEach((e) => e.shadowRoot && visit(e.shadowRoot));
  };
  visit(document);
  const page = images.find((i) => i.naturalWidth >= 600 && i.complete);
  return page ? performance.now() : null;
}"""


def next_step(
    app: App, times: dict[str, list[float]], label: str, to: str, key: str = "nav-next"
) -> None:
    page = app.page
    before = page.evaluate(HEADING)
    start = page.evaluate(CLICK_NEXT, [key, label])
    shown = page.wait_for_function(HEADING_CHANGED, arg=before, polling="raf").json_value()
    over = page.wait_for_function(RUN_OVER, polling="raf").json_value()
    button = "Vorige" if key == "nav-previous" else "Volgende"
    times[f"{button} → heading shown"].append(shown - start)
    times[f"{button} → step drawn"].append(max(shown, over) - start)
    times[f"  {button} → {to}: step drawn"].append(max(shown, over) - start)


def to_afronden(app: App, times: dict[str, list[float]], label: str, measure: str) -> None:
    start = app.page.evaluate(CLICK_NEXT, ["nav-next", label])
    painted = app.page.wait_for_function(PICTURE_LOADED, polling="raf").json_value()
    times[measure].append(painted - start)
    app.page.wait_for_function(RUN_OVER, polling="raf")


def slider_moves(app: App, slider, times: dict[str, list[float]], once: bool = False) -> None:
    slider.scroll_into_view_if_needed()
    for key in ("ArrowRight",) if once else ("ArrowRight", "ArrowLeft", "ArrowRight"):
        slider.focus()
        before = app.page.evaluate(CHART)
        start = app.page.evaluate(NOW)
        slider.press(key)
        shown = app.page.wait_for_function(CHART_CHANGED, arg=before, polling="raf").json_value()
        times["slider → chart"].append(shown - start)
        app.page.wait_for_function(RUN_OVER, polling="raf")


def walk(browser, url: str, bare: bool, times: dict[str, list[float]]) -> None:
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="nl-NL")
    app = App(context.new_page(), url)
    if bare:
        app.page.add_init_script(COUNT_MESSAGES)
        app.page.goto(url)
        app.settle()
        with app.rerun():
            app.page.get_by_role("button", name="Voorbeeld noor").click()
    else:
        app.open()
        app.load_demo("noor")
    label = "Volgende" if bare else app.t("nav.next")
    back = "Vorige" if bare else app.t("nav.previous")
    for step in ("erkenning", "krachten", "kompas"):
        next_step(app, times, label, step)
    slider = app.page.get_by_role("slider").nth(3)
    slider_moves(app, slider, times)
    next_step(app, times, label, "actie")
    to_afronden(app, times, label, "Afronden, first visit: page picture")
    for step in ("actie", "kompas"):  # back to Kompas: one more score, then Afronden again
        next_step(app, times, back, step, "nav-previous")
    slider = app.page.get_by_role("slider").nth(3)
    slider_moves(app, slider, times, once=True)
    next_step(app, times, label, "actie")
    to_afronden(app, times, label, "Afronden after a change: page picture")
    context.close()


def main(argv: list[str] | None = None) -> None:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--walks", type=int, default=10, help="walks per variant")
    walks = parser.parse_args(argv).walks
    chromium = find_chromium()
    if chromium is None:
        sys.exit("No chromium found (apt-get install chromium).")
    folder = Path(tempfile.mkdtemp(prefix="kk-browser-"))
    servers = {
        "app": start_server(folder / "app.log"),
        "bare": start_server(folder / "bare.log", script="bench/bare_app.py"),
    }
    times = {name: defaultdict(list) for name in servers}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            for number in range(walks + 1):  # the first walk of each warms up
                for name, server in servers.items():
                    measured = times[name] if number else defaultdict(list)
                    walk(browser, server.url, name == "bare", measured)
            browser.close()
    finally:
        for server in servers.values():
            server.stop()
    print(f"- Machine: {machine()}; Chromium headless, 1366x768")
    print(f"- {walks} walks per variant after one warm-up walk, alternating. Times in ms.\n")
    print("| measure | n | app median | app p95 | bare median | bare p95 | app ÷ bare (p95) |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for measure, app in times["app"].items():
        bare = times["bare"][measure]
        print(
            f"| {measure} | {len(app)} | {statistics.median(app):.0f} | {p95(app):.0f} | "
            f"{statistics.median(bare):.0f} | {p95(bare):.0f} | {p95(app) / p95(bare):.2f} |"
        )
    print("\n| target | measured | limit | result |")
    print("|---|---:|---:|---|")
    checks = [
        ("slider → chart p95", p95(times["app"]["slider → chart"]), SLIDER_P95_MS, "ms"),
        (
            "slider → chart p95, app ÷ bare",
            p95(times["app"]["slider → chart"]) / p95(times["bare"]["slider → chart"]),
            FACTOR,
            "x",
        ),
        (
            "Volgende → step drawn p95",
            p95(times["app"]["Volgende → step drawn"]),
            NEXT_P95_MS,
            "ms",
        ),
    ]
    for name, measured, limit, unit in checks:
        result = "PASS" if measured <= limit else "MISS"
        print(f"| {name} | {measured:.2f} {unit} | ≤ {limit:g} {unit} | {result} |")


if __name__ == "__main__":
    main()
