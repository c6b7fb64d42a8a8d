import datetime as dt
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image
from pypdf import PdfReader

from krachtwerk.content import catalogue
from krachtwerk.model import (
    Action,
    Conversation,
    DomainNotes,
    Kompas,
    Meeting,
    Professional,
    Resident,
    Strengths,
    Validation,
)
from krachtwerk.pdf import clean, pdf_filename, render_pdf

SCORES = {
    "lichaam": 7,
    "gevoel": 5,
    "zingeving": 6,
    "gezin": 8,
    "netwerk": 4,
    "wonen": 7,
    "geld": 5,
    "dagelijks": 6,
    "werk": 6,
    "vrije_tijd": 3,
}
MARKERS = ("MARKERSITUATIE", "MARKERERKENNING", "MARKERVOLHOUDEN")


def _noor() -> Conversation:
    """A 12-year-old and her grandmother; validation holds markers that must never print."""
    return Conversation(
        resident=Resident(name="Noor"),
        professional=Professional(name="Sanne", contact="06 12 34 56 78"),
        mode="jongere",
        meetings=[
            Meeting(
                date=dt.date(2026, 11, 25),
                validation=Validation(
                    situation=MARKERS[0],
                    feelings=["moe", "verdrietig"],
                    acknowledgement=MARKERS[1],
                    coping=MARKERS[2],
                ),
                strengths=Strengths(
                    qualities=["doorzetter", "zorgzaam", "grappig", "handig"],
                    domains={"vrije_tijd": DomainNotes(now="tekenen", helpers="Oma en Lotte")},
                ),
                kompas=Kompas(scores=SCORES, focus="vrije_tijd"),
                action=Action(
                    what="Zaterdag met oma een cake bakken",
                    when="Zaterdagmiddag",
                    with_whom="Oma",
                    done_when="De cake staat op tafel",
                    goal="Meer leuke dingen doen na school",
                    next_meeting=dt.date(2026, 12, 9),
                    shown_strengths=["Ik zet door", "Ik kan goed tekenen", "Ik zorg voor mijn kat"],
                ),
            )
        ],
    )


def _photo() -> bytes:
    image = Image.new("RGB", (800, 600), "#87CEEB")
    out = io.BytesIO()
    image.save(out, format="JPEG")
    return out.getvalue()


def _read(data: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(data))
    text = " ".join(page.extract_text() for page in reader.pages)
    return reader, " ".join(text.split())


def _one_page_text(data: bytes) -> str:
    reader, text = _read(data)
    assert len(reader.pages) == 1
    return text


def test_an_empty_conversation_is_one_intentional_page() -> None:
    text = _one_page_text(render_pdf(Conversation()))

    t = catalogue("nl").texts()
    for key in ("pdf.title", "pdf.action", "pdf.goal", "pdf.strengths", "pdf.photo"):
        assert t(key) in text


def test_a_typical_page_holds_everything_agreed() -> None:
    text = _one_page_text(render_pdf(_noor()))

    for expected in (
        "Het kompas van Noor",
        "25 november 2026",
        "Meer leuke dingen doen na school",
        "Zaterdag met oma een cake bakken",
        "Zaterdagmiddag",
        "Oma",
        "De cake staat op tafel",
        "Ik zet door",
        "Ik kan goed tekenen",
        "Ik zorg voor mijn kat",
        "Oma en Lotte",
        "9 december 2026",
        "Sanne",
        "06 12 34 56 78",
        catalogue("nl").texts("jongere")("domains.vrije_tijd.label"),
    ):
        assert expected in text


def test_nothing_from_the_validation_step_is_printed() -> None:
    text = _one_page_text(render_pdf(_noor()))

    for marker in MARKERS:
        assert marker not in text
    feelings = catalogue("nl").texts("jongere")
    assert feelings("feelings.verdrietig.label") not in text


def test_strengths_fall_back_to_the_first_three_qualities() -> None:
    conversation = _noor()
    conversation.current.action.shown_strengths = []

    text = _one_page_text(render_pdf(conversation))

    assert all(q in text for q in ("doorzetter", "zorgzaam", "grappig"))
    assert "handig" not in text


def test_who_helps_falls_back_to_with_whom() -> None:
    conversation = _noor()
    conversation.current.strengths.domains = {}

    text = _one_page_text(render_pdf(conversation))

    assert "Oma en Lotte" not in text
    assert text.count("Oma") >= 2


def test_very_long_text_in_every_field_still_fits_one_page() -> None:
    long = ("Dit is een hele lange zin met veel woorden. " * 120)[:5000]
    conversation = Conversation(
        resident=Resident(name=long),
        professional=Professional(name=long, contact=long),
        meetings=[
            Meeting(
                strengths=Strengths(
                    qualities=[long] * 50,
                    domains={"wonen": DomainNotes(now=long, past=long, wish=long, helpers=long)},
                ),
                kompas=Kompas(scores=dict.fromkeys(SCORES, 10), focus="wonen"),
                action=Action(
                    what=long,
                    when=long,
                    with_whom=long,
                    done_when=long,
                    goal=long,
                    next_meeting=dt.date(2027, 1, 1),
                    shown_strengths=[long, long, long],
                ),
            )
        ],
    )

    text = _one_page_text(render_pdf(conversation))

    assert "…" in text
    assert "1 januari 2027" in text


def test_a_long_unbroken_word_is_cut_not_overflowing() -> None:
    conversation = _noor()
    conversation.current.action.what = "W" * 3000

    assert "WWWW" in _one_page_text(render_pdf(conversation))


def test_eenvoudig_mode_has_a_four_axis_kompas() -> None:
    conversation = _noor()
    conversation.mode = "eenvoudig"
    conversation.current.kompas = Kompas(
        scores={"ik": 6, "mensen": 8, "thuis": 5, "dagen": 3}, focus="dagen"
    )

    text = _one_page_text(render_pdf(conversation))

    assert catalogue("nl").texts("eenvoudig")("quadrants.dagen.label") in text


def test_a_previous_meeting_adds_its_date_to_the_legend() -> None:
    conversation = _noor()
    conversation.meetings.insert(
        0, Meeting(date=dt.date(2026, 10, 28), kompas=Kompas(scores={"gezin": 4, "werk": 2}))
    )

    text = _one_page_text(render_pdf(conversation))

    assert "28 oktober 2026" in text
    assert "Zaterdag met oma een cake bakken" in text


def test_a_photo_is_placed_without_metadata() -> None:
    with_exif = Image.new("RGB", (640, 480), "orange")
    exif = Image.Exif()
    exif[0x010E] = "GEHEIM-EXIF"  # ImageDescription
    raw = io.BytesIO()
    with_exif.save(raw, format="JPEG", exif=exif)

    data = render_pdf(_noor(), raw.getvalue())

    reader, _ = _read(data)
    assert len(reader.pages) == 1
    images = reader.pages[0].images
    assert len(images) == 1
    placed = Image.open(io.BytesIO(images[0].data))
    assert not placed.getexif()
    assert b"GEHEIM-EXIF" not in data


def test_the_photo_frame_invites_a_photo_only_when_there_is_none() -> None:
    invitation = catalogue("nl").texts()("pdf.photo")

    assert invitation in _one_page_text(render_pdf(_noor()))
    assert invitation not in _one_page_text(render_pdf(_noor(), _photo()))


@pytest.mark.parametrize("name", ["Łukasz", "Şükrü", "Nguyễn Văn An"])
def test_latin_names_print_as_written(name: str) -> None:
    conversation = _noor()
    conversation.resident.name = name
    conversation.professional.name = name

    text = _one_page_text(render_pdf(conversation))

    assert text.count(name) >= 2


@pytest.mark.parametrize(("name", "font"), [("محمد", "Arabic"), ("שרה", "Hebrew")])
def test_right_to_left_names_use_an_embedded_fallback_font(name: str, font: str) -> None:
    conversation = _noor()
    conversation.resident.name = name

    data = render_pdf(conversation)

    reader, _ = _read(data)
    assert len(reader.pages) == 1
    fonts = reader.pages[0]["/Resources"]["/Font"]
    names = [str(fonts[key].get_object()["/BaseFont"]) for key in fonts]
    assert any(font in base for base in names)


def test_an_ethiopic_name_prints() -> None:
    conversation = _noor()
    conversation.resident.name = "ሰላም"

    assert len(_read(render_pdf(conversation))[0].pages) == 1


def test_emoji_are_dropped_and_the_rest_survives() -> None:
    conversation = _noor()
    conversation.current.action.what = "Zaterdag 🎂 met oma een cake👩‍🍳 bakken 😀"
    conversation.resident.name = "Noor 🌸"

    text = _one_page_text(render_pdf(conversation))

    assert "Zaterdag met oma een cake bakken" in text
    assert "Het kompas van Noor" in text


def test_clean_removes_control_characters_without_gaps() -> None:
    assert clean("a\x00b\x07c") == "abc"
    assert clean("lijn\nnieuw\tweer") == "lijn nieuw weer"
    assert clean("ca🎂ke") == "cake"
    assert clean("👍🏽 goed 1️⃣") == "goed 1"
    assert clean("e\u0301") == "é"
    assert clean("a\u202eb") == "ab"
    assert clean("محمد") == "محمد"


def test_the_file_name_is_neutral() -> None:
    assert pdf_filename(_noor()) == "krachtkompas-2026-11-25.pdf"


def test_metadata_has_title_and_language_but_no_name() -> None:
    conversation = _noor()
    conversation.resident.name = "Marjolein"
    conversation.professional.name = "Karim"

    reader, _ = _read(render_pdf(conversation))

    metadata = reader.metadata
    assert metadata is not None
    assert metadata.title == catalogue("nl").texts()("pdf.meta_title")
    assert metadata.creator == "Krachtkompas"
    assert reader.trailer["/Root"]["/Lang"] == "nl"
    values = " ".join(str(value) for value in metadata.values())
    assert "Marjolein" not in values
    assert "Karim" not in values


def test_an_english_page() -> None:
    conversation = _noor()
    conversation.language = "en"

    reader, text = _read(render_pdf(conversation))

    t = catalogue("en").texts("jongere")
    assert t("pdf.title_named", name="Noor") in text
    assert "25 November 2026" in text
    assert reader.trailer["/Root"]["/Lang"] == "en"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=st.text(max_size=60),
    what=st.text(max_size=400),
    when=st.text(max_size=80),
    quality=st.text(max_size=80),
)
def test_any_text_gives_one_page(name: str, what: str, when: str, quality: str) -> None:
    conversation = _noor()
    conversation.resident.name = name
    conversation.current.action.what = what
    conversation.current.action.when = when
    conversation.current.action.shown_strengths = [quality]

    assert len(_read(render_pdf(conversation))[0].pages) == 1
