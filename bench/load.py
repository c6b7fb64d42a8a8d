"""Many people at once on one server process (see bench/README.md, "Load").

Side by side in one run, each on its own fresh server: ``app`` as configured (long-lived objects
frozen after the first run, no full collection after every run), ``freeze-only`` (the freeze,
with Streamlit's post-run collection), ``before`` (neither, as the app was), and ``bare``
Streamlit (bench/bare_app.py, with the same .streamlit/config.toml). For each, waves of N people
start together (bench/people.py: open, load a demo, walk the six steps, move a slider three
times), then three waves of 50. Per
wave: each action's latency (median, p95), the server's CPU per person, its memory before, at
the peak and after the sessions closed and expired (and one more visitor came, which is when
Streamlit drops expired sessions), and every error.

Run from the repository root: ``.venv/bin/python bench/load.py`` (about 10 minutes);
``--sizes 1,10 --waves 1 --variants app,bare`` for a quick look.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # a script gets bench/ on sys.path, not the root

from measure import machine, p95  # noqa: E402  (bench/measure.py)
from people import walk_together  # noqa: E402  (bench/people.py)

from tests.browser.kit import start_server  # noqa: E402

TTL_S = 5  # server.disconnectedSessionTTL here: a closed session is dropped after 5 s, not 120
SETTLE_S = TTL_S + 10  # after a wave: the TTL, and a margin for the server to drop them
TICK = os.sysconf("SC_CLK_TCK")
FREEZE_OFF = {"KRACHTKOMPAS_GC_FREEZE": "off"}
POST_RUN_GC = ("--runner.postScriptGC", "true")
VARIANTS = {  # name: (streamlit options, environment)
    "app": ((), {}),  # as configured: the freeze, no full collection after each run
    "freeze-only": (POST_RUN_GC, {}),  # the freeze, and Streamlit's collection after each run
    "before": (POST_RUN_GC, FREEZE_OFF),  # neither: as the app was before
    "bare": ((), {}),  # bench/bare_app.py, with the same config
}
# Targets of the issue "Fast for fifty at once".
P95_10_MS = 1000.0
P95_50_MS = 5000.0
GROWTH = 1.1
PEAK_MB = 1024.0


@dataclass
class Wave:
    people: int
    times: list[float]
    cpu_s: float
    rss_before: float
    rss_peak: float
    rss_after: float
    errors: list[str]


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def cpu_s(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK  # utime + stime


class Peak(threading.Thread):
    """The highest RSS of a process, read every 50 ms until stopped."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak, self.done = pid, 0.0, threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.05):
            self.peak = max(self.peak, rss_mb(self.pid))


def wave(url: str, pid: int, people: int) -> Wave:
    before, cpu_before = rss_mb(pid), cpu_s(pid)
    peak = Peak(pid)
    peak.start()
    walkers = asyncio.run(walk_together(url, people))
    cpu = cpu_s(pid) - cpu_before
    time.sleep(SETTLE_S)  # the sockets are closed; the sessions expire after the TTL
    # Streamlit drops expired sessions lazily, when its session store is next touched: one more
    # person opening the app does that, as the next visitor would.
    asyncio.run(walk_together(url, 1))
    time.sleep(2)
    peak.done.set()
    peak.join()
    return Wave(
        people=people,
        times=[t.ms for walker in walkers for t in walker.timings],
        cpu_s=cpu,
        rss_before=before,
        rss_peak=max(peak.peak, before),
        rss_after=rss_mb(pid),
        errors=[error for walker in walkers for error in walker.errors],
    )


def run_variant(name: str, sizes: list[int], waves: int, folder: Path) -> list[Wave]:
    options, env = VARIANTS[name]
    script = "bench/bare_app.py" if name == "bare" else "app.py"
    server = start_server(
        folder / f"{len(os.listdir(folder))}.log",
        options=("--server.disconnectedSessionTTL", str(TTL_S), *options),
        env=env,
        script=script,
    )
    try:
        asyncio.run(walk_together(server.url, 1))  # warm: imports, first-run work, the freeze
        time.sleep(SETTLE_S)
        results = [wave(server.url, server.process.pid, n) for n in sizes]
        results += [wave(server.url, server.process.pid, 50) for _ in range(waves)]
    finally:
        server.stop()
    return results


def report(results: dict[str, list[Wave]], sizes: list[int]) -> None:
    print("\n| variant | people | action p50 ms | action p95 ms | CPU s per person |", end="")
    print(" RSS before MB | peak MB | after MB | errors |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, waves in results.items():
        for number, w in enumerate(waves):
            label = f"{w.people}" if number < len(sizes) else f"50 (wave {number - len(sizes) + 1})"
            print(
                f"| {name} | {label} | {statistics.median(w.times):.0f} | {p95(w.times):.0f} | "
                f"{w.cpu_s / w.people:.2f} | {w.rss_before:.0f} | {w.rss_peak:.0f} | "
                f"{w.rss_after:.0f} | {len(w.errors)} |"
            )
    for name, waves in results.items():
        for w in waves:
            for error in sorted(set(w.errors)):
                print(f"- {name}, {w.people} people: {error}")


def verdicts(waves: list[Wave], sizes: list[int]) -> None:
    print("\n| target (app) | measured | limit | result |")
    print("|---|---:|---:|---|")

    def line(name: str, measured: float, limit: float, unit: str) -> None:
        result = "PASS" if measured <= limit else "MISS"
        print(f"| {name} | {measured:.2f} {unit} | ≤ {limit:g} {unit} | {result} |")

    by_size = dict(zip(sizes, waves, strict=False))
    if 10 in by_size:
        line("10 at once: action p95", p95(by_size[10].times), P95_10_MS, "ms")
    fifties = waves[len(sizes) :]
    if fifties:
        worst = max(p95(w.times) for w in fifties)
        line("50 at once: action p95 (worst wave)", worst, P95_50_MS, "ms")
        first = fifties[0].rss_after
        for number, w in enumerate(fifties[1:], start=2):
            line(f"RSS after wave {number} ÷ after wave 1", w.rss_after / first, GROWTH, "x")
    line("peak RSS", max(w.rss_peak for w in waves), PEAK_MB, "MB")
    line("errors", sum(len(w.errors) for w in waves), 0, "")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,10,25", help="people per wave, before the 50s")
    parser.add_argument("--waves", type=int, default=3, help="waves of 50 people at the end")
    parser.add_argument("--variants", default=",".join(VARIANTS), help="comma-separated names")
    args = parser.parse_args(argv)
    sizes = [int(n) for n in args.sizes.split(",") if n]
    names = [n.strip() for n in args.variants.split(",") if n.strip()]
    print(f"- Machine: {machine()}")
    print(
        f"- Waves: {sizes} people, then {args.waves} waves of 50; each person opens the app, "
        "loads demo "
        f"noor, walks six steps and moves a slider three times (10 actions). TTL {TTL_S} s."
    )
    folder = Path(tempfile.mkdtemp(prefix="kk-load-"))
    results = {}
    for name in names:
        started = time.monotonic()
        results[name] = run_variant(name, sizes, args.waves, folder)
        print(f"- {name}: {time.monotonic() - started:.0f} s", flush=True)
    report(results, sizes)
    if "app" in results:
        verdicts(results["app"], sizes)


if __name__ == "__main__":
    main()
