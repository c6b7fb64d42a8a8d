"""Every use of fpdf2's internals, in one place, each with why (fpdf2 is pinned: requirements.txt).

tests/krachtwerk/test_fpdf_internals.py fails loudly when the pinned version changes any of
these: it checks the version, that each internal still exists, and that what is built here is what
fpdf2's own public calls give (the same lines as ``multi_cell``, the same bytes as
``FPDF.image()``, the same subsets as ``add_font``).
"""

from __future__ import annotations

import copy
import io
import unicodedata
from pathlib import Path
from typing import Any

from fontTools.ttLib import TTFont
from fpdf import FPDF
from fpdf.drawing import DrawingContext, GraphicsContext
from fpdf.drawing_primitives import Point
from fpdf.enums import Align, TextEmphasis, WrapMode
from fpdf.fonts import SubsetMap, TTFFont
from fpdf.line_break import MultiLineBreak
from fpdf.output import ResourceCatalog

FPDF2_VERSION = "2.8.9"  # the version every use below was read against

# --- lines: wrapping without drawing -----------------------------------------------------------


def wrap_lines(pdf: FPDF, text: str, width: float) -> list[str]:
    """The lines ``multi_cell(width, h, text, align="L", dry_run=True, output="LINES")`` gives.

    Why: the dry run also lays out and draws each line into a throwaway buffer, a third of the
    time of fitting a text, and fitting tries several sizes. This is the same line breaker that
    multi_cell runs (FPDF._preload_bidirectional_text, MultiLineBreak, FPDF._join_text_lines).
    """
    fragments = pdf._preload_bidirectional_text(text.replace("\r", ""), False)
    margins = [pdf.c_margin, pdf.c_margin]
    breaker = MultiLineBreak(fragments, width, margins, align=Align.L, wrapmode=WrapMode.WORD)
    lines = list(iter(breaker.get_line, None))
    return [line.strip() for line in pdf._join_text_lines(lines)]


def forget_font_on_page(pdf: FPDF) -> None:
    """Why: a line that starts in a fallback font sets the main font only inside its own q/Q, yet
    fpdf2 marks it as set for the page; the next line would print in the wrong font."""
    pdf.current_font_is_set_on_page = False


# --- fonts: parsed once per process, a copy per document ---------------------------------------


def parse_font(path: Path) -> TTFFont:
    """The font as ``add_font`` parses it. Why: add_font parses the whole font for every document
    (Noto Sans: 3,317 glyphs, ~10 ms); a parsed font is static data, kept once per process."""
    font = TTFFont(FPDF(), path, fontkey=path.name, style="")
    font.ttfont["hmtx"]  # read now: drawing reads glyph names and widths from it, never writes
    font.ttfont.getGlyphOrder()
    return font


def add_font_copy(pdf: FPDF, parsed: TTFFont, family: str, style: str) -> None:
    """``pdf.add_font(family, style, path)`` with a copy of a parsed font: what add_font sets on
    a new TTFFont, the document's own; the cmap, glyph ids and glyph names are shared."""
    font = copy.copy(parsed)
    font.i = len(pdf.fonts) + 1
    font.fontkey = family + style
    font.emphasis = TextEmphasis.coerce(style)
    font.cw = copy.copy(parsed.cw)  # a defaultdict: looking up a character it lacks adds it
    font.desc = copy.copy(parsed.desc)  # output() names and numbers it
    font.missing_glyphs = []
    font.biggest_size_pt = 0
    font.subset = SubsetMap(font)
    font._hbfont = None  # HarfBuzz gets its own font object per document (sessions run in threads)
    pdf.fonts[font.fontkey] = font


def embedded_fonts(pdf: FPDF) -> list[TTFFont]:
    return [font for font in pdf.fonts.values() if isinstance(font, TTFFont)]


def font_file(font: TTFFont) -> str:
    return font.ttffile.name


def glyph_names_used(font: TTFFont) -> set[str]:
    return set(font.subset.get_all_glyph_names())


def subset_from(font: TTFFont, data: bytes) -> None:
    """Let output() subset this document's font from ``data``. Why: subsetting changes the parsed
    font in place (each document needs its own), and a smaller file with the same glyphs parses
    faster. recalcBBoxes=False: glyphs are embedded as the file has them; fpdf2's default decodes
    and re-encodes each glyph to recompute bounds the font already holds (a quarter of output())."""
    font.ttfont = TTFont(io.BytesIO(data), recalcTimestamp=False, recalcBBoxes=False, lazy=True)


def rtl_ligatures_in_reading_order(font: TTFFont) -> None:
    """Map each right-to-left ligature glyph (Arabic lam-alef: one glyph for two letters) to its
    letters last first. Why: a PDF holds right-to-left text in the order it is drawn, and viewers
    (PDFium in Chrome, poppler, pdf.js) turn each line around to copy or read it aloud, the
    letters of a ligature glyph too; fpdf2 maps the glyph to its letters first first, so "الآن"
    came out as "اآلن". Called before output, when every glyph is drawn: the subset keys its
    glyphs by id, so no lookup sees the change."""
    for glyph, _ in font.subset.items():
        letters = glyph.unicode if glyph else ()
        if isinstance(letters, tuple) and len(letters) > 1 and all(map(_is_rtl, letters)):
            glyph.unicode = letters[::-1]


def _is_rtl(code: int) -> bool:
    return unicodedata.bidirectional(chr(code)) in ("R", "AL")


# --- drawings: made once, placed in every document ---------------------------------------------

Drawn = tuple[str, tuple[str, ...]]  # a content stream with scratch names, and their ExtGStates


def drawing_state(pdf: FPDF) -> tuple[Any, ...]:
    """What fpdf2 derives a drawing's starting style from (FPDF._current_graphic_style)."""
    dash = pdf.dash_pattern
    return (
        pdf.allow_images_transparency,
        pdf.line_width,
        pdf.draw_color,
        pdf.fill_color,
        (dash["dash"], dash["gap"], dash["phase"]),
        pdf.k,
        pdf.h,
    )


def draw_once(pdf: FPDF, group: GraphicsContext) -> Drawn:
    """What ``pdf.draw_path(group)`` writes at the current drawing state, with scratch names for
    its graphics states, and those states' dicts in the order it registers them.

    Why: fpdf2 draws an SVG pictogram in ~1 ms, a quarter of a page. The stream is the same on
    every page that places it at the same spot from the same drawing state, so it is made once
    (FPDF.drawing_context: DrawingContext.render into a ResourceCatalog of its own).
    """
    context = DrawingContext()
    context.add_item(group, False)
    scratch = ResourceCatalog()
    stream = context.render(scratch, Point(0, 0), pdf.k, pdf.h, pdf._current_graphic_style())
    return stream, tuple(scratch.graphics_styles)


class _Style:
    """A graphics state as ResourceCatalog.register_graphics_style reads it: only serialize()."""

    def __init__(self, serialized: str) -> None:
        self.serialized = serialized

    def serialize(self) -> str:
        return self.serialized


def place(pdf: FPDF, drawn: Drawn) -> None:
    """The rest of FPDF.drawing_context(): the graphics states registered under this document's
    own names, the stream indexed for the page's resources and written."""
    stream, styles = drawn
    catalog = pdf._resource_catalog
    names = {
        f"GS{index}": str(catalog.register_graphics_style(_Style(style)))
        for index, style in enumerate(styles)
    }
    stream = ResourceCatalog.GS_REGEX.sub(lambda m: f"/{names[m.group(1)]} gs", stream)
    catalog.index_stream_resources(stream, pdf.page)
    pdf._out(stream)
    pdf._set_min_pdf_version("1.4")
