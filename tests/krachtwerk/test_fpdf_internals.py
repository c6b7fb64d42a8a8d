"""What krachtwerk/pdf/internals.py relies on in fpdf2: fails loudly when the pinned version
changes it. Each internal still exists, and what is built with it is what fpdf2's own public
calls give."""

import inspect
import re
from pathlib import Path

import fpdf
import pypdfium2
import pytest
from fpdf import FPDF
from fpdf.drawing import DrawingContext
from fpdf.fonts import Glyph, TTFFont
from fpdf.output import ResourceCatalog

from krachtwerk import geometry
from krachtwerk.demos import load_demo
from krachtwerk.pdf import fit, fonts, grid, internals, kompas, render_pdf
from krachtwerk.pdf import text as text_module
from tests.krachtwerk.test_pdf import _normalised

ROOT = Path(__file__).resolve().parents[2]


def test_the_pinned_fpdf2_is_the_version_the_internals_were_read_against() -> None:
    pinned = re.search(r"^fpdf2==(\S+)$", (ROOT / "requirements.txt").read_text(), re.M)
    assert pinned and pinned.group(1) == internals.FPDF2_VERSION == fpdf.__version__, (
        "fpdf2 changed: read every use in krachtwerk/pdf/internals.py again against the new "
        "version, then set FPDF2_VERSION"
    )


def test_every_internal_used_still_exists() -> None:
    pdf = fonts.document("test", "nl", grid.MARGIN)
    for name in ("_preload_bidirectional_text", "_join_text_lines", "_out", "_set_min_pdf_version"):
        assert callable(getattr(pdf, name)), name
    for name in ("current_font_is_set_on_page", "c_margin", "dash_pattern", "_resource_catalog"):
        assert hasattr(pdf, name), name
    style = pdf._current_graphic_style()
    assert style.stroke_width == pdf.line_width
    font = pdf.fonts["noto"]
    assert isinstance(font, TTFFont)
    for name in ("i", "fontkey", "emphasis", "cw", "desc", "missing_glyphs", "biggest_size_pt"):
        assert hasattr(font, name), name
    for name in ("subset", "_hbfont", "ttffile", "ttfont"):
        assert hasattr(font, name), name
    assert "unicode" in Glyph.__slots__
    assert callable(font.subset.items)
    catalog = pdf._resource_catalog
    assert isinstance(catalog.graphics_styles, dict)
    assert ResourceCatalog.GS_REGEX.pattern == r"/(GS\d+) gs"
    parameters = list(inspect.signature(DrawingContext.render).parameters)
    assert parameters == [
        "self",
        "resource_registry",
        "first_point",
        "scale",
        "height",
        "starting_style",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Zaterdag ga ik met oma naar de markt en daarna bakken we samen een cake.",
        "W" * 80,
        "Zaterdag met محمد naar de markt",
        "سأذهب يوم السبت مع جدتي إلى السوق ثم نخبز معا كعكة كبيرة.",
        "שלום עולם: ik heb 2 appels gekocht",
        "ብቀዳም ምስ ዓባየይ ናብ ዕዳጋ ክኸይድ እየ፣ ድሕሪኡ ኬክ ክንሰርሕ ኢና።",
        "Nguyễn sẽ đi chợ với bà vào thứ Bảy",
        "Ο Σωκράτης και Алексей πάνε στην αγορά",  # noqa: RUF001
    ],
)
@pytest.mark.parametrize("bold", [False, True])
def test_wrapping_gives_the_lines_multi_cell_gives(text: str, bold: bool) -> None:
    pdf = fonts.document("test", "nl", grid.MARGIN)
    fonts.embed_fallbacks(pdf, text, bold)
    pdf.set_text_shaping(True, direction=text_module.direction_of(text))
    fonts.set_font(pdf, 11.0, bold)

    for width in (12.0, 30.0, 75.0, 180.0):
        lines = pdf.multi_cell(width, 5.0, text, dry_run=True, output="LINES", align="L")
        assert fit.wrap(pdf, text, width) == ([line.strip() for line in lines] or [""])


@pytest.mark.parametrize("mode", ["volwassene", "jongere", "eenvoudig"])
@pytest.mark.parametrize("name", ["noor", "wim", "samira"])
def test_pictograms_are_drawn_as_fpdf2_draws_an_svg_file(monkeypatch, name: str, mode) -> None:

    conversation = load_demo(name)
    conversation.mode = mode
    monkeypatch.setattr(kompas, "PICTOGRAMS", {})
    drawn_now = render_pdf(conversation)  # each pictogram drawn and kept
    assert kompas.PICTOGRAMS
    placed = render_pdf(conversation)  # each one placed from what was kept
    monkeypatch.setattr(kompas, "_svg", lambda path: None)  # every pictogram through FPDF.image

    assert _normalised(render_pdf(conversation)) == _normalised(drawn_now) == _normalised(placed)


def test_a_kept_pictogram_is_only_placed_where_the_drawing_state_is_the_same(monkeypatch) -> None:
    """Its stream starts from the document's line width and colours: after a change of those,
    the pictogram is still written as FPDF.image() writes it."""
    monkeypatch.setattr(kompas, "PICTOGRAMS", {})
    pictogram = fonts.FONT_DIR.parents[0] / "pictograms" / "wonen.svg"
    box = geometry.Box(20.0, 30.0, 10.0)
    left, top = box.left, box.top

    def document(place) -> bytes:
        pdf = FPDF(unit="mm")
        pdf.add_page()
        place(pdf)
        pdf.set_line_width(1.3)
        pdf.set_draw_color(200, 0, 0)
        place(pdf)
        return _normalised(bytes(pdf.output()))

    kept = document(lambda pdf: kompas._pictogram(pdf, lambda p: p, 1.0, box, pictogram))
    image = document(lambda pdf: pdf.image(str(pictogram), left, top, box.size, box.size))

    assert kept == image
    assert len(kompas.PICTOGRAMS) == 2


def test_a_right_to_left_ligature_is_mapped_to_its_letters_in_reading_order() -> None:
    """Lam-alef is one glyph for two letters: a viewer that turns the line around to copy it
    (PDFium here) gets the letters in the order they were typed."""
    pdf = fonts.document("test", "ar", grid.MARGIN)
    words = "الآن لا إلى الأفكار"
    fit.draw_text(pdf, grid.Area(20, 20, 150, 10), words, 12.0)

    document = pypdfium2.PdfDocument(fonts.output(pdf))
    try:
        copied = document[0].get_textpage().get_text_bounded()
    finally:
        document.close()

    assert copied.split() == words.split()
