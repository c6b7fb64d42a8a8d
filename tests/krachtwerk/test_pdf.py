import datetime as dt
import io
import re
from concurrent.futures import ThreadPoolExecutor

import pytest
from fontTools.ttLib import TTFont
from fpdf import FPDF
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
from krachtwerk.pdf import blocks, clean, fit, fonts, grid, pdf_filename, render_pdf, sheet
from tests.properties import examples

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


@settings(max_examples=examples(25), deadline=None, suppress_health_check=[HealthCheck.too_slow])
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


# --- the speed-ups: the same page, and nothing kept from one document for the next -------------


def _normalised(data: bytes) -> bytes:
    """The PDF without what differs on every run: its creation date and file /ID."""
    data = re.sub(rb"/CreationDate \(D:[^)]*\)", b"", data)
    return re.sub(rb"/ID \[<[0-9A-Fa-f]+><[0-9A-Fa-f]+>\]", b"", data)


def _subsets(data: bytes) -> dict[str, set[int]]:
    """Each embedded font by name ("NotoSansBold"): the characters its subset can draw."""
    fonts = PdfReader(io.BytesIO(data)).pages[0]["/Resources"]["/Font"]
    found = {}
    for key in fonts:
        font = fonts[key].get_object()
        descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
        subset = TTFont(io.BytesIO(descriptor["/FontFile2"].get_object().get_data()))
        found[str(font["/BaseFont"]).split("+")[-1]] = set(subset.getBestCmap())
    return found


def _with_arabic_name() -> Conversation:
    conversation = _noor()
    conversation.resident.name = "Zoë محمد"
    return conversation


@pytest.mark.parametrize("make", [_noor, _with_arabic_name, Conversation])
def test_a_second_render_is_the_same_as_the_first(make) -> None:
    fit.STATIC_FITS.clear()  # the first render fits the labels, the second finds them kept

    first, second = render_pdf(make()), render_pdf(make())

    assert _normalised(first) == _normalised(second)


def _action_page(conversation: Conversation) -> tuple[FPDF, sheet.Sheet]:
    built = sheet.sheet_of(conversation)
    return fonts.document(built.t("pdf.meta_title"), conversation.language, grid.MARGIN), built


def test_documents_made_at_the_same_time_keep_their_own_glyphs() -> None:
    a, b = _noor(), _noor()
    a.current.action.what = "Quiz met ÆØ"
    b.current.action.what = "Jazz met ÞÐ"
    alone = {}
    for name, conversation in (("a", a), ("b", b)):
        pdf, sheet = _action_page(conversation)
        blocks.action_panel(pdf, grid.ACTION_PANEL, sheet)
        alone[name] = fonts.output(pdf)

    # Both documents open at once: draw in one, then the other, finish them in reverse order.
    pdf_a, sheet_a = _action_page(a)
    pdf_b, sheet_b = _action_page(b)
    blocks.action_panel(pdf_a, grid.ACTION_PANEL, sheet_a)
    blocks.action_panel(pdf_b, grid.ACTION_PANEL, sheet_b)
    data_b, data_a = fonts.output(pdf_b), fonts.output(pdf_a)

    assert _normalised(data_a) == _normalised(alone["a"])
    assert _normalised(data_b) == _normalised(alone["b"])
    bold_a, bold_b = _subsets(data_a)["NotoSansBold"], _subsets(data_b)["NotoSansBold"]
    assert {ord("Æ"), ord("Q")} <= bold_a - bold_b
    assert {ord("Þ"), ord("J")} <= bold_b - bold_a
    assert "Quiz" not in _one_page_text(data_b)
    assert "Jazz" not in _one_page_text(data_a)


def test_pages_made_in_parallel_threads_are_the_pages_made_one_by_one() -> None:
    # Streamlit serves each session in its own thread; fonts and pictograms are shared.
    makes = [_noor, _with_arabic_name, Conversation] * 4
    alone = [_normalised(render_pdf(make())) for make in makes]

    with ThreadPoolExecutor(max_workers=4) as pool:
        together = list(pool.map(lambda make: _normalised(render_pdf(make())), makes))

    assert together == alone


def test_no_resident_text_stays_behind_in_the_shared_fonts_or_label_fits() -> None:
    conversation = _with_arabic_name()
    conversation.current.action.what = "Geheimzinnig plan met Ŧ"

    render_pdf(conversation)

    assert not any("Geheimzinnig" in key[0] or "Zoë" in key[0] for key in fit.STATIC_FITS)
    for filename in ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSansArabic-Bold.ttf"):
        shared = fonts._parsed_font(filename)
        assert set(shared.cw) == set(shared.cmap)  # no lookups of characters it lacks added
        assert not shared.missing_glyphs
        assert len(shared.subset) <= 2  # only what fpdf2 reserves: .notdef and space


def test_the_latin_core_gives_the_same_embedded_fonts_as_noto_sans(monkeypatch) -> None:
    conversation = _noor()
    action = conversation.current.action
    action.what = "".join(map(chr, range(0x21, 0x7F))) + "".join(map(chr, range(0xC0, 0x100)))
    action.goal = "".join(map(chr, range(0x100, 0x150)))
    action.when = "€ \u201cquote\u201d \u2018x\u2019 \u2013 \u2014 … • ™ № \ufb01"  # ﬁ: a ligature
    action.shown_strengths = ["".join(map(chr, range(0x150, 0x1A0))), "ǅ Ș ț ȳ ɏ", "fijn"]
    read: list[str] = []
    font_bytes = fonts._font_bytes
    monkeypatch.setattr(fonts, "_font_bytes", lambda name: read.append(name) or font_bytes(name))

    with_core = render_pdf(conversation)
    assert set(read) == set(fonts.CORE_FILES.values())  # every glyph is in the core
    monkeypatch.setattr(fonts, "CORE_FILES", {})
    without = render_pdf(conversation)

    assert _normalised(with_core) == _normalised(without)


@pytest.mark.parametrize("weight", ["Regular", "Bold"])
def test_the_latin_core_draws_each_glyph_as_noto_sans_does(weight: str) -> None:
    full = TTFont(fonts.FONT_DIR / f"NotoSans-{weight}.ttf")
    core = TTFont(fonts.FONT_DIR / fonts.CORE_FILES[f"NotoSans-{weight}.ttf"])
    names = core.getGlyphOrder()

    def drawn(font: TTFont, name: str) -> tuple:
        glyph = font["glyf"][name]
        if glyph.numberOfContours == 0:
            return ()
        coordinates, ends, flags = glyph.getCoordinates(font["glyf"])
        program = glyph.program.getBytecode() if hasattr(glyph, "program") else b""
        return list(coordinates), list(ends), bytes(flags), program

    assert [name for name in full.getGlyphOrder() if name in set(names)] == names
    assert core.getBestCmap() == {u: g for u, g in full.getBestCmap().items() if g in set(names)}
    for name in names:
        assert drawn(core, name) == drawn(full, name), name
        assert core["hmtx"][name] == full["hmtx"][name], name


# --- a session's kept fits --------------------------------------------------------------------


@pytest.mark.parametrize("name", ["noor", "wim", "samira"])
def test_kept_fits_give_the_same_page_byte_for_byte(name: str) -> None:
    from krachtwerk.demos import load_demo

    conversation = load_demo(name)
    fits: dict = {}
    first = _normalised(render_pdf(conversation, None, fits))
    assert fits  # resident text went into the session's own dict, never the process's
    assert not any(conversation.current.action.what in key for key in fit.STATIC_FITS)
    again = _normalised(render_pdf(conversation, None, fits))
    assert again == first == _normalised(render_pdf(conversation))
    conversation.current.action.what = "Elke ochtend tien minuten wandelen met de hond. " * 20
    changed = _normalised(render_pdf(conversation, None, fits))
    assert changed == _normalised(render_pdf(conversation))  # fitted again, not reused
    assert changed != first


def test_kept_fits_stay_bounded() -> None:
    from krachtwerk.demos import load_demo

    conversation = load_demo("noor")
    fits: dict = {("old", n): (9.0, ("x",)) for n in range(fit.MAX_SESSION_FITS + 1)}
    render_pdf(conversation, None, fits)
    assert len(fits) < 50
    assert ("old", 0) not in fits
