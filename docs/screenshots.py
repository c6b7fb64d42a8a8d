"""Pictures of the product for docs/: every step of each demo conversation (one per mode) in
docs/screens/, and the printed page for the demos, an empty and a very long conversation.

Needs Debian's chromium (`apt-get install chromium`) and the playwright package; it downloads no
browser. Run with `make screenshots`.
"""

from __future__ import annotations

import io
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from PIL import Image, ImageDraw
from playwright.sync_api import Page, sync_playwright

from krachtwerk.demos import demo_names, load_demo
from krachtwerk.model import Conversation, DomainNotes
from krachtwerk.pdf import render_pdf
from krachtwerk.photo import prepare_photo
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


def right_to_left() -> Conversation:
    conversation = load_demo("noor")
    conversation.resident.name = "Şükrü / שרה"
    action = conversation.current.action
    action.goal = "أريد أن أقضي وقتا ممتعا مع عائلتي بعد المدرسة وأن أتعلم أشياء جديدة"
    action.what = "Zaterdag met محمد naar de markt"
    action.when = "يوم السبت 10:00"
    action.with_whom = "محمد en Fatima"
    action.done_when = "Ik ben blij met محمد en zijn zus"
    action.shown_strengths = ["أنا صبورٌ", "Ik ben geduldig (صبور)", "אֲנִי אוֹהֵב לְבַשֵּׁל"]
    helpers = DomainNotes(helpers="Oma en de buren (השכנים)")
    conversation.current.strengths.domains = {"vrije_tijd": helpers}
    conversation.professional.name = "Fatima"
    conversation.professional.contact = "06-12345678 / مكتب الحي"
    return conversation


def every_script() -> Conversation:
    conversation = load_demo("noor")
    conversation.resident.name = "Nguyễn Thị Ánh"
    action = conversation.current.action
    action.goal = "Καλημέρα: κάθε μέρα λίγο περισσότερο"
    action.what = "Łukasz en Şükrü bakken pierogi"
    action.when = "Понедельник утром"
    action.with_whom = "ሰላም ትግርኛ"
    action.done_when = "شكرا جزيلا يا جدتي"
    action.shown_strengths = ["שרה עוזרת לכולם", "Chúc mừng năm mới", "Zdzisław Żółć Grzegorz"]
    helpers = DomainNotes(helpers="ኣደይ ሰላም ምስ ዓባየይ")
    conversation.current.strengths.domains = {"vrije_tijd": helpers}
    conversation.professional.name = "Алексей"
    conversation.professional.contact = "Σωκράτης 06 12 34 56 78"
    return conversation


def phone_photo() -> bytes:
    """A 12 MP scene stored on its side, as a phone does: EXIF orientation 6, GPS in the file."""
    width, height = 4032, 3024
    picture = Image.new("RGB", (width, height), (150, 200, 235))
    draw = ImageDraw.Draw(picture)
    draw.ellipse((3000, 300, 3600, 900), fill=(255, 205, 40))
    draw.polygon(
        [(0, 2000), (1200, 1500), (2600, 1900), (4032, 1400), (4032, 3024), (0, 3024)],
        fill=(70, 160, 70),
    )
    draw.rectangle((900, 1500, 1900, 2400), fill=(200, 70, 60))
    draw.polygon([(800, 1500), (1400, 950), (2000, 1500)], fill=(120, 50, 40))
    draw.rectangle((1300, 1950, 1550, 2400), fill=(90, 60, 40))
    draw.ellipse((2700, 1700, 3300, 2300), fill=(240, 120, 180))
    sideways = picture.transpose(Image.Transpose.ROTATE_90)
    exif = Image.Exif()
    exif[0x0112] = 6
    exif.get_ifd(0x8825).update({1: "N", 2: (52.0, 22.0, 30.0), 3: "E", 4: (4.0, 53.0, 48.0)})
    out = io.BytesIO()
    sideways.save(out, format="JPEG", quality=88, exif=exif)
    return out.getvalue()


def pdf_pictures() -> None:
    pages = {f"pdf-{name}": (load_demo(name), None) for name in demo_names()}
    pages |= {
        "pdf-empty": (Conversation(), None),
        "pdf-long": (very_long(), None),
        "pdf-rtl": (right_to_left(), None),
        "pdf-scripts": (every_script(), None),
        "pdf-photo": (load_demo("noor"), prepare_photo(phone_photo())),
    }
    for name, (conversation, photo) in pages.items():
        pdf = render_pdf(conversation, photo)
        (ROOT / "docs" / f"{name}.png").write_bytes(page_png(pdf, 800))
        print(f"{name}.png")
    # As a black-and-white printer prints it: colour must never be the only carrier of meaning.
    colour = Image.open(io.BytesIO(page_png(render_pdf(load_demo("wim")), 800)))
    colour.convert("L").save(ROOT / "docs" / "pdf-wim-grey.png")
    print("pdf-wim-grey.png")


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
