"""The fonts: which file draws which character, and each document's embedded copies and subsets.

A parsed font is static data, kept once per process; each document gets a copy with its own
subset, widths and descriptor (internals.py says why and how). Fallback fonts are embedded only
when a text needs them: a Dutch-only page embeds none.
"""

from __future__ import annotations

import functools
import io
import unicodedata
from pathlib import Path

from fontTools.ttLib import TTFont
from fpdf import FPDF
from fpdf.fonts import TTFFont

from krachtwerk.pdf import internals

FONT_DIR = Path(__file__).resolve().parents[2] / "assets" / "fonts"
FONT = "noto"
FONT_FILES = {"": "NotoSans-Regular.ttf", "B": "NotoSans-Bold.ttf"}
# Scripts Noto Sans lacks (it has Latin with Vietnamese, Greek and Cyrillic), in both weights so a
# name in the bold title is bold too; embedded only when a text needs them (each costs render time).
FALLBACK_FILES = {
    "notoarabic": {"": "NotoSansArabic-Regular.ttf", "B": "NotoSansArabic-Bold.ttf"},
    "notohebrew": {"": "NotoSansHebrew-Regular.ttf", "B": "NotoSansHebrew-Bold.ttf"},
    "notoethiopic": {"": "NotoSansEthiopic-Regular.ttf", "B": "NotoSansEthiopic-Bold.ttf"},
}
# Noto Sans cut down to Latin, made by assets/fonts/make_core.py: only ever subsetted from, when
# a page's glyphs are all in it (drawing and shaping always use the full font).
CORE_FILES = {
    "NotoSans-Regular.ttf": "NotoSansCore-Regular.ttf",
    "NotoSans-Bold.ttf": "NotoSansCore-Bold.ttf",
}
# Layout tables fpdf2 leaves out of every embedded font; fontTools still reads them to subset.
DROPPED_LAYOUT = ("GDEF", "GPOS", "GSUB")
# Characters a font may have that mean nothing on the page: leftovers of emoji sequences
# (variation selectors, keycap, skin tones) and the specials U+FFF9-U+FFFD ("OBJ", "�").
# Format characters (bidi overrides and isolates, zero-width space, tags) go by category.
DROPPED = frozenset(
    [
        *range(0xFE00, 0xFE10),
        *range(0xE0100, 0xE01F0),
        0x20E3,
        *range(0x1F3FB, 0x1F400),
        *range(0xFFF9, 0xFFFE),
    ]
)


# --- which font draws a character (font data only, safe to keep per process) -----------------


@functools.cache
def cmap(filename: str) -> frozenset[int]:
    """The code points a font can draw."""
    font = TTFont(FONT_DIR / filename, lazy=True)
    try:
        return frozenset(font.getBestCmap())
    finally:
        font.close()


def font_files() -> list[str]:
    """The fonts in the order fpdf2 looks for a glyph (both weights cover the same characters)."""
    return [FONT_FILES[""], *(files[""] for files in FALLBACK_FILES.values())]


@functools.cache
def font_index() -> dict[int, int]:
    """Each code point a font has: the first such font (an index in font_files)."""
    files = list(enumerate(font_files()))
    return {code: index for index, name in reversed(files) for code in cmap(name)}


@functools.cache
def visible() -> frozenset[int]:
    """Code points a font has that are meant to print (no control, format, emoji leftovers)."""
    return frozenset(
        code
        for code in font_index()
        if not unicodedata.category(chr(code)).startswith("C") and code not in DROPPED
    )


def font_of(char: str) -> int:
    return font_index().get(ord(char), -1)


# --- a document's fonts -------------------------------------------------------------------------


def document(title: str, language: str, margin: float) -> FPDF:
    pdf = FPDF(orientation="P", unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_margins(margin, margin, margin)
    pdf.c_margin = 0
    for style, filename in FONT_FILES.items():
        add_font(pdf, FONT, style, filename)
    pdf.set_text_shaping(True)
    pdf.alias_nb_pages(None)  # else a "{nb}" someone typed would print as the page count
    # Metadata: what the page is and its language; never the resident's name.
    pdf.set_title(title)
    pdf.set_lang(language)
    pdf.set_creator("Krachtkompas")
    pdf.add_page()
    return pdf


def set_font(pdf: FPDF, size: float, bold: bool = False) -> None:
    pdf.set_font(FONT, "B" if bold else "", size)


def embed_fallbacks(pdf: FPDF, text: str, bold: bool) -> None:
    """Embed the fallback fonts a text needs, in its weight: a Dutch-only page embeds none."""
    style = "B" if bold else ""
    missing = {ord(char) for char in text} - cmap(FONT_FILES[style])
    if not missing:
        return
    for family, files in FALLBACK_FILES.items():
        if family + style not in pdf.fonts and missing & cmap(files[style]):
            add_font(pdf, family, style, files[style])
    embedded = [f for f in FALLBACK_FILES if f in pdf.fonts or f + "B" in pdf.fonts]
    pdf.set_fallback_fonts(embedded, exact_match=False)  # the other weight beats no glyph


def add_font(pdf: FPDF, family: str, style: str, filename: str) -> None:
    """``pdf.add_font(family, style, FONT_DIR / filename)``, without parsing the font again."""
    internals.add_font_copy(pdf, _parsed_font(filename), family, style)


@functools.cache
def _parsed_font(filename: str) -> TTFFont:
    return internals.parse_font(FONT_DIR / filename)


def output(pdf: FPDF) -> bytes:
    """The PDF, each font subset from the smallest file that has every glyph it uses."""
    for font in internals.embedded_fonts(pdf):
        internals.rtl_ligatures_in_reading_order(font)
        internals.subset_from(font, _subsetting_source(font))
    return bytes(pdf.output())


def _subsetting_source(font: TTFFont) -> bytes:
    """The file to subset: the Latin core when it has every glyph used, else the whole font.

    fontTools parses the whole font it subsets: the Latin core (999 glyphs) parses ~3x faster
    than Noto Sans (3,317), and the subset it gives is the same, byte for byte.
    """
    name = internals.font_file(font)
    core = CORE_FILES.get(name)
    if core and internals.glyph_names_used(font) <= _glyph_names(core):
        return _font_bytes(core)
    return _without_layout(name)


@functools.cache
def _glyph_names(filename: str) -> frozenset[str]:
    return frozenset(TTFont(FONT_DIR / filename, lazy=True).getGlyphOrder())


@functools.cache
def _font_bytes(filename: str) -> bytes:
    return (FONT_DIR / filename).read_bytes()


@functools.cache
def _without_layout(filename: str) -> bytes:
    """A font file without the layout tables fpdf2 drops (fontTools would still read them)."""
    font = TTFont(FONT_DIR / filename, recalcTimestamp=False, recalcBBoxes=False)
    for tag in DROPPED_LAYOUT:
        if tag in font:
            del font[tag]
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()
