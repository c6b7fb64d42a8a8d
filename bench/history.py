"""The look back's cost: Erkenning's script time with 1, 4 and 50 meetings, beside bare Streamlit.

AppTest runs the script as the server would (bench/steps.py says what it leaves out). Each
variant opens the step once, then times ``--runs`` runs of it: the run a person's every change
on the step makes. The target of the issue "The kompas over time": with 50 meetings, the look
back shows in under 150 ms of script time.

Run from the repository root: ``.venv/bin/python bench/history.py [--runs N]``.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from measure import machine, p95  # noqa: E402  (bench/measure.py)
from streamlit.testing.v1 import AppTest  # noqa: E402

from krachtwerk.ui.browser_copy import FOUND_KEY  # noqa: E402
from krachtwerk.ui.state import CONVERSATION_KEY  # noqa: E402
from krachtwerk.ui.warm import freeze_once  # noqa: E402
from tests.meetings import ria_over  # noqa: E402

TARGET_MS = 150.0
MEETINGS = (1, 4, 50)


def erkenning(script: str, meetings: int | None) -> AppTest:
    """The app (or bare Streamlit) on Erkenning, with a conversation of so many meetings."""
    at = AppTest.from_file(str(ROOT / script), default_timeout=60)
    at.run()
    if meetings is not None:
        at.session_state[FOUND_KEY] = None  # the tab answered: it kept nothing
        at.session_state[CONVERSATION_KEY] = ria_over(meetings)
        at.run()
    at.button(key="nav.next").click().run()
    assert not at.exception, at.exception
    return at


def timed_runs(at: AppTest, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        at.run()
        times.append((time.perf_counter() - start) * 1000)
        assert not at.exception, at.exception
    return times


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30, help="timed runs per variant")
    runs = parser.parse_args(argv).runs
    freeze_once()  # as the server does after its first run
    variants = {f"app, {n} meeting{'s' if n > 1 else ''}": ("app.py", n) for n in MEETINGS}
    variants["bare Streamlit"] = ("bench/bare_app.py", None)
    opened = {name: erkenning(*how) for name, how in variants.items()}
    times: dict[str, list[float]] = {name: [] for name in variants}
    for _ in range(runs):  # interleaved, one run each in turn
        for name, at in opened.items():
            times[name] += timed_runs(at, 1)
    print(f"- Machine: {machine()}")
    print(f"- {runs} runs of Erkenning per variant, interleaved. Times in ms.\n")
    print("| variant | median | p95 |")
    print("|---|---:|---:|")
    for name, values in times.items():
        print(f"| {name} | {statistics.median(values):.1f} | {p95(values):.1f} |")
    fifty = statistics.median(times["app, 50 meetings"])
    verdict = "PASS" if fifty < TARGET_MS else "MISS"
    print("\n| target | measured | limit | result |")
    print("|---|---:|---:|---|")
    limit = f"< {TARGET_MS:.0f} ms"
    print(f"| Erkenning with 50 meetings (median) | {fifty:.0f} ms | {limit} | {verdict} |")


if __name__ == "__main__":
    main()
