"""Pictures of the printed page for docs/: the demos, an empty and a very long conversation, right
to left, many scripts, a phone photo, the grey print, the page in every page language, and the
team's page of each demo. Run with
`make screenshots`, which also takes the screenshots of every step (docs/screens/) with the
browser suite."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw

from krachtwerk.demos import demo_names, load_demo
from krachtwerk.model import PAGE_LANGUAGES, Conversation, DomainNotes
from krachtwerk.pdf import render_pdf
from krachtwerk.pdf.team import render_team_pdf
from krachtwerk.photo import prepare_photo
from krachtwerk.preview import page_png
from krachtwerk.team import team_case

ROOT = Path(__file__).resolve().parents[1]


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


def in_language(name: str, language: str) -> Conversation:
    conversation = load_demo(name)
    conversation.page_language = language
    return conversation


def arabic_words() -> Conversation:
    """A page in Arabic whose words are the resident's own, typed in Arabic."""
    conversation = in_language("samira", "ar")
    conversation.resident.name = "سميرة"
    action = conversation.current.action
    action.goal = "أن أشعر بالراحة في بيتي"
    action.what = "أتصل بصديقتي مريم يوم الثلاثاء"
    action.when = "الثلاثاء بعد الظهر"
    action.with_whom = "مريم"
    action.done_when = "تكلمنا وضحكنا"
    return conversation


def organisation_page() -> bytes:
    """The page of an organisation with its own content: its name and logo in the footer, one
    text of its own (made by the command line, which reads KRACHTKOMPAS_CONTENT at start)."""
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        logo = Image.new("RGBA", (600, 200), (0, 0, 0, 0))
        draw = ImageDraw.Draw(logo)
        draw.ellipse((10, 10, 190, 190), fill=(0, 110, 120, 255))
        draw.rectangle((230, 70, 590, 130), fill=(240, 140, 40, 255))
        logo.save(folder / "logo.png")
        (folder / "organisation.toml").write_text(
            '[organisation]\nname = "Wijkteam Noord"\nlogo = "logo.png"\n', encoding="utf-8"
        )
        (folder / "nl").mkdir()
        (folder / "nl" / "texts.toml").write_text('[pdf]\naction = "Dit ga ik echt doen"\n')
        out, ria = folder / "page.pdf", ROOT / "krachtwerk" / "demos" / "ria.json"
        subprocess.run(
            [sys.executable, "-m", "krachtwerk", "pdf", str(ria), "-o", str(out)],
            env={**os.environ, "KRACHTKOMPAS_CONTENT": str(folder), "PYTHONPATH": str(ROOT)},
            check=True,
            capture_output=True,
        )
        return out.read_bytes()


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
    # The page in every page language (docs/languages/): the labels translated, the resident's
    # words as typed.
    pages |= {
        f"languages/pdf-{language}": (in_language("ria", language), None)
        for language in PAGE_LANGUAGES
    }
    pages["languages/pdf-ar-eenvoudig-own-words"] = (arabic_words(), None)
    (ROOT / "docs" / "languages").mkdir(exist_ok=True)
    for name, (conversation, photo) in pages.items():
        pdf = render_pdf(conversation, photo)
        (ROOT / "docs" / f"{name}.png").write_bytes(page_png(pdf, 800))
        print(f"{name}.png")
    (ROOT / "docs" / "organisation-page.png").write_bytes(page_png(organisation_page(), 800))
    print("organisation-page.png")
    # As a black-and-white printer prints it: colour must never be the only carrier of meaning.
    colour = Image.open(io.BytesIO(page_png(render_pdf(load_demo("wim")), 800)))
    colour.convert("L").save(ROOT / "docs" / "pdf-wim-grey.png")
    print("pdf-wim-grey.png")
    # The page for the Team Kracht Bespreking: anonymised, with a question for the team.
    question = "Hoe help ik de bewoner om de volgende stap zelf te zetten?"
    for name in [*demo_names(), "empty"]:
        conversation = Conversation() if name == "empty" else load_demo(name)
        case = team_case(conversation, question if name != "empty" else "")
        pdf = render_team_pdf(conversation, case)
        (ROOT / "docs" / f"team-{name}.png").write_bytes(page_png(pdf, 800))
        print(f"team-{name}.png")


if __name__ == "__main__":
    pdf_pictures()
