"""Pictures of the product for docs/: every step of each demo conversation (one per mode) in
docs/screens/, and the printed page for the demos, an empty and a very long conversation.

Needs Debian's chromium (`apt-get install chromium`) and the playwright package; it downloads no
browser. Run with `make screenshots`.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from krachtwerk.demos import demo_names, load_demo
from krachtwerk.model import Conversation
from krachtwerk.pdf import render_pdf
from krachtwerk.preview import page_png

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screens"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
DEMOS = {"noor": "jongere", "wim": "volwassene", "samira": "eenvoudig"}
STEPS = ["1 Start", "2 Erkenning", "3 Krachten", "4 Kompas", "5 Actie", "6 Afronden"]
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port: int) -> subprocess.Popen:
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(120):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health") as reply:
                if reply.read() == b"ok":
                    return server
        except OSError:
            time.sleep(0.25)
    server.kill()
    raise RuntimeError("streamlit did not start")


def settle(page: Page) -> None:
    page.wait_for_selector(IDLE, timeout=30_000)
    page.wait_for_timeout(600)  # let plotly and images paint
    page.wait_for_selector(IDLE, timeout=30_000)


def full_shot(page: Page, path: Path) -> None:
    height = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    page.set_viewport_size({"width": 1400, "height": max(900, min(height + 80, 6000))})
    settle(page)
    page.screenshot(path=str(path))
    page.set_viewport_size({"width": 1400, "height": 900})


def click_demo(page: Page, title_start: str) -> None:
    page.get_by_role("button", name=title_start).click()
    settle(page)


def very_long() -> Conversation:
    conversation = load_demo("wim")
    action = conversation.current.action
    action.what = "Elke dinsdag met de scootmobiel naar mijn broer Gerrit in Zeist rijden " * 12
    action.goal = "Zelf kunnen gaan en staan waar ik wil, ook als het regent of waait " * 10
    action.done_when = "Ik ben drie dinsdagen achter elkaar geweest en terug voor het donker " * 8
    action.shown_strengths = ["Ik weet de weg in de stad als geen ander " * 6] * 3
    return conversation


def pdf_pictures() -> None:
    pages = {f"pdf-{name}": load_demo(name) for name in demo_names()}
    pages |= {"pdf-empty": Conversation(), "pdf-long": very_long()}
    for name, conversation in pages.items():
        (ROOT / "docs" / f"{name}.png").write_bytes(page_png(render_pdf(conversation), 800))
        print(f"{name}.png")


def main() -> None:
    pdf_pictures()
    OUT.mkdir(parents=True, exist_ok=True)
    port = free_port()
    server = start_server(port)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=CHROMIUM,
                args=[
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                ],
            )
            for demo, mode in DEMOS.items():
                page = browser.new_page(viewport={"width": 1400, "height": 900})
                page.goto(f"http://127.0.0.1:{port}/")
                settle(page)
                click_demo(page, demo.capitalize())
                for number, step in enumerate(STEPS, start=1):
                    page.get_by_role("link", name=step).click()
                    settle(page)
                    name = step.split()[1].lower()
                    full_shot(page, OUT / f"{mode}-{number}-{name}.png")
                    print(f"{mode}-{number}-{name}.png")
                page.close()
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
