"""Server script time of every step, the app beside bare Streamlit (see bench/README.md, "Steps").

AppTest runs the script as the server would, without a browser and without the server's
post-run garbage collection (the app switches that off anyway; bench/load.py measures a real
server). One walk: open, load demo noor, Volgende to each step (on Kompas a slider moved), so
Afronden draws the page for the first time in the session; then Vorige twice, a slider moved,
Volgende twice: Afronden draws the page again after a change. The same presses on
bench/bare_app.py, interleaved walk by walk.

Run from the repository root: ``.venv/bin/python bench/steps.py [--walks N]``.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from measure import machine, p95  # noqa: E402  (bench/measure.py)
from streamlit.testing.v1 import AppTest  # noqa: E402

from krachtwerk.ui.browser_copy import FOUND_KEY  # noqa: E402
from krachtwerk.ui.warm import freeze_once  # noqa: E402

SCRIPTS = {"app": ROOT / "app.py", "bare": ROOT / "bench" / "bare_app.py"}
STEPS = ("erkenning", "krachten", "kompas", "actie", "afronden")
FACTOR = 1.5  # each step at most 1.5x bare (the issue "Fast for fifty at once")
AFRONDEN_MS = 100.0


def timed(at: AppTest) -> float:
    start = time.perf_counter()
    at.run()
    took = (time.perf_counter() - start) * 1000
    assert not at.exception, at.exception
    return took


def walk(name: str, times: dict[str, list[float]]) -> None:
    at = AppTest.from_file(str(SCRIPTS[name]), default_timeout=60)
    at.run()
    if name == "app":
        at.session_state[FOUND_KEY] = None  # the tab answered: it kept nothing
        at.run()
    at.button(key="start.demo.noor").click()
    times["demo"].append(timed(at))
    for step in STEPS:
        at.button(key="nav.next").click()
        label = "afronden (first visit)" if step == "afronden" else step
        times[label].append(timed(at))
        if step == "kompas":
            move_slider(at, times)
    # Back to Kompas, one score changed, and on to Afronden again: the page is drawn anew.
    for _ in range(2):
        at.button(key="nav.previous").click()
        times["Vorige"].append(timed(at))
    move_slider(at, times)
    at.button(key="nav.next").click()
    timed(at)
    at.button(key="nav.next").click()
    times["afronden (after a change)"].append(timed(at))


def move_slider(at: AppTest, times: dict[str, list[float]]) -> None:
    slider = next(s for s in at.select_slider if str(s.key).startswith("w.score."))
    slider.set_value(slider.value + 1 if slider.value in range(10) else 3)
    times["kompas: slider moved"].append(timed(at))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--walks", type=int, default=20, help="walks per variant")
    walks = parser.parse_args(argv).walks
    freeze_once()  # as the server does after its first run
    times: dict[str, dict[str, list[float]]] = {name: defaultdict(list) for name in SCRIPTS}
    for number in range(walks + 1):  # the first walk of each warms up
        for name in SCRIPTS:
            measured = times[name] if number else defaultdict(list)
            walk(name, measured)
            gc.collect()
    print(f"- Machine: {machine()}")
    print(f"- {walks} walks per variant after one warm-up walk, interleaved. Times in ms.\n")
    print("| action | app median | app p95 | bare median | bare p95 | app ÷ bare (median) |")
    print("|---|---:|---:|---:|---:|---:|")
    ratios = []
    for action, app in times["app"].items():
        bare = times["bare"][action]
        ratio = statistics.median(app) / statistics.median(bare)
        if not action.startswith("afronden"):  # the page's own render: its own target below
            ratios.append((ratio, action))
        print(
            f"| {action} | {statistics.median(app):.1f} | {p95(app):.1f} | "
            f"{statistics.median(bare):.1f} | {p95(bare):.1f} | {ratio:.2f} |"
        )
    afronden = statistics.median(times["app"]["afronden (after a change)"])
    worst, action = max(ratios)
    print("\n| target | measured | limit | result |")
    print("|---|---:|---:|---|")
    verdict = "PASS" if worst <= FACTOR else "MISS"
    name = f"every other step: app ÷ bare (worst: {action})"
    print(f"| {name} | {worst:.2f}x | ≤ {FACTOR}x | {verdict} |")
    verdict = "PASS" if afronden <= AFRONDEN_MS else "MISS"
    print(f"| Afronden after a change | {afronden:.0f} ms | ≤ {AFRONDEN_MS:.0f} ms | {verdict} |")


if __name__ == "__main__":
    main()
