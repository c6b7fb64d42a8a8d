"""Whole processes, from nothing: the command line and the server's cold start (bench/README.md,
"Start-up").

1. ``python -m krachtwerk pdf`` and ``check`` on demo noor, beside what the issue compares them
   with (``python -c "import fpdf"``, ``python -c "import pydantic"``) and beside a process that
   really uses pydantic: one model defined and one dict validated (``import pydantic`` alone is
   lazy and loads almost nothing).
2. A fresh ``streamlit run``: until ``/_stcore/health`` answers, and until the first page's
   heading shows in Chromium; the app beside bench/bare_app.py.

Run from the repository root: ``.venv/bin/python bench/startup.py [--runs N]``.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from measure import machine, p95  # noqa: E402  (bench/measure.py)

from krachtwerk.conversation_file import write_conversation  # noqa: E402
from krachtwerk.demos import load_demo  # noqa: E402
from tests.browser.kit import CHROMIUM_ARGS, find_chromium, start_server  # noqa: E402

PYDANTIC_USED = """
from pydantic import BaseModel
class Part(BaseModel):
    name: str = ""
Part.model_validate({"name": "x"})
"""
FACTOR = 1.5  # the targets: whole processes at most 1.5x their baseline


def process_ms(command: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs + 1):  # the first fills the disk cache
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
        times.append((time.perf_counter() - start) * 1000)
    return times[1:]


def commands(runs: int) -> dict[str, list[float]]:
    folder = Path(tempfile.mkdtemp(prefix="kk-startup-"))
    noor = folder / "noor.json"
    noor.write_bytes(write_conversation(load_demo("noor")))
    python = sys.executable
    cases = {
        "python -m krachtwerk pdf noor.json": [
            python, "-m", "krachtwerk", "pdf", str(noor), "-o", str(folder / "n.pdf")
        ],
        'python -c "import fpdf"': [python, "-c", "import fpdf"],
        "python -m krachtwerk check noor.json": [python, "-m", "krachtwerk", "check", str(noor)],
        'python -c "import pydantic"': [python, "-c", "import pydantic"],
        "python: one pydantic model validated": [python, "-c", PYDANTIC_USED],
        'python -c "pass"': [python, "-c", "pass"],
    }  # fmt: skip
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(runs):  # interleaved
        for name, command in cases.items():
            times[name] += process_ms(command, 1)
    return times


def cold_starts(runs: int) -> dict[str, list[float]]:
    from playwright.sync_api import sync_playwright

    chromium = find_chromium()
    folder = Path(tempfile.mkdtemp(prefix="kk-cold-"))
    times: dict[str, list[float]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        for _ in range(runs):
            for name, script in (("app", "app.py"), ("bare", "bench/bare_app.py")):
                start = time.perf_counter()
                server = start_server(folder / f"{name}.log", script=script)
                healthy = time.perf_counter()
                try:
                    page = browser.new_page(viewport={"width": 1366, "height": 768}, locale="nl-NL")
                    page.goto(server.url)
                    page.get_by_role("heading", level=1).first.wait_for(timeout=60_000)
                    shown = time.perf_counter()
                    page.close()
                finally:
                    server.stop()
                times.setdefault(f"{name}: start → health", []).append((healthy - start) * 1000)
                times.setdefault(f"{name}: health → first page", []).append(
                    (shown - healthy) * 1000
                )
        browser.close()
    return times


def table(times: dict[str, list[float]]) -> None:
    print("| what | median ms | p95 ms | min ms |")
    print("|---|---:|---:|---:|")
    for name, values in times.items():
        print(
            f"| {name} | {statistics.median(values):.0f} | {p95(values):.0f} | {min(values):.0f} |"
        )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="runs per command")
    runs = parser.parse_args(argv).runs
    print(f"- Machine: {machine()}; {runs} runs each, interleaved\n")
    times = commands(runs)
    table(times)
    median = {name: statistics.median(values) for name, values in times.items()}
    pdf, check = (
        median["python -m krachtwerk pdf noor.json"],
        median["python -m krachtwerk check noor.json"],
    )
    print("\n| target | measured | limit | result |")
    print("|---|---:|---:|---|")
    for name, ratio in (
        ("pdf ÷ import fpdf", pdf / median['python -c "import fpdf"']),
        ("check ÷ import pydantic", check / median['python -c "import pydantic"']),
        (
            "check ÷ one pydantic model validated",
            check / median["python: one pydantic model validated"],
        ),
    ):
        print(f"| {name} | {ratio:.2f}x | ≤ {FACTOR}x | {'PASS' if ratio <= FACTOR else 'MISS'} |")
    if find_chromium() is None:
        print("\nNo chromium found (apt-get install chromium): the cold start is left out.")
        return
    print()
    table(cold_starts(max(3, runs // 2)))


if __name__ == "__main__":
    main()
