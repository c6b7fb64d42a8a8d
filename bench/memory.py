"""Memory per open conversation on one replica, for sizing (docs/operations.md, "Sizing").

Side by side in one run, each on its own fresh server: the app and bare Streamlit
(bench/bare_app.py). For each, N people open the app, load demo noor and walk to the Kompas
step, and then stay connected (a conversation in progress); the server's RSS is read with all N
open, and again after they left and their sessions expired.

Run from the repository root: ``.venv/bin/python bench/memory.py [--sizes 25,50,100]``.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # a script gets bench/ on sys.path, not the root

from load import TTL_S, rss_mb  # noqa: E402  (bench/load.py)
from measure import machine  # noqa: E402
from people import STEPS, Person, walk_together  # noqa: E402
from websockets.asyncio.client import connect  # noqa: E402

from tests.browser.kit import start_server  # noqa: E402


class Staying(Person):
    """A person who walks to the Kompas step and keeps the tab open until told to leave."""

    async def stay(self, opened: asyncio.Event, leave: asyncio.Event, counter: list[int]) -> None:
        address = self.url.replace("http://", "ws://") + "/_stcore/stream"
        try:
            async with connect(address, subprotocols=["streamlit"], max_size=None) as socket:
                self.socket = socket
                from streamlit.proto.BackMsg_pb2 import BackMsg

                await self.act("open", BackMsg(rerun_script={"query_string": ""}))
                await self.press("demo", "start.demo.noor")
                for _step in STEPS[1 : STEPS.index("kompas") + 1]:
                    await self.press("next", "nav.next")
                counter[0] += 1
                if counter[0] == counter[1]:
                    opened.set()
                await leave.wait()
        except Exception as error:  # counted and reported, never hidden
            self.errors.append(f"{type(error).__name__}: {error}")
            counter[0] += 1
            if counter[0] == counter[1]:
                opened.set()


async def hold(url: str, pid: int, people: int) -> tuple[float, list[str]]:
    """RSS in MB with ``people`` conversations open at the Kompas step, and any errors."""
    opened, leave, counter = asyncio.Event(), asyncio.Event(), [0, people]
    persons = [Staying(url) for _ in range(people)]
    tasks = [asyncio.create_task(p.stay(opened, leave, counter)) for p in persons]
    await opened.wait()
    await asyncio.sleep(2)
    rss = rss_mb(pid)
    leave.set()
    await asyncio.gather(*tasks)
    return rss, [error for person in persons for error in person.errors]


def measure(script: str, sizes: list[int], folder: Path) -> list[tuple[int, float, float, int]]:
    server = start_server(
        folder / f"{Path(script).stem}.log",
        options=("--server.disconnectedSessionTTL", str(TTL_S)),
        script=script,
    )
    rows = []
    try:
        asyncio.run(walk_together(server.url, 1))  # warm: imports, first-run work, the freeze
        time.sleep(TTL_S + 5)
        rows.append((0, rss_mb(server.process.pid), 0.0, 0))
        for people in sizes:
            rss, errors = asyncio.run(hold(server.url, server.process.pid, people))
            time.sleep(TTL_S + 5)
            asyncio.run(walk_together(server.url, 1))  # the next visitor: expired ones dropped
            time.sleep(2)
            rows.append((people, rss, rss_mb(server.process.pid), len(errors)))
    finally:
        server.stop()
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="25,50,100")
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",")]
    print(f"- Machine: {machine()}")
    print("- Each person: open, load demo noor, walk to Kompas, stay connected.\n")
    head = "| server | open conversations | RSS MB, all open | MB per conversation |"
    print(f"{head} RSS MB after they left | errors |")
    print("|---|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as scratch:
        for name, script in (("app", "app.py"), ("bare", "bench/bare_app.py")):
            rows = measure(script, sizes, Path(scratch))
            rest = rows[0][1]
            print(f"| {name} | 0 (warm, at rest) | {rest:.0f} | | | |")
            for people, rss, after, errors in rows[1:]:
                each = (rss - rest) / people
                print(f"| {name} | {people} | {rss:.0f} | {each:.2f} | {after:.0f} | {errors} |")


if __name__ == "__main__":
    main()
