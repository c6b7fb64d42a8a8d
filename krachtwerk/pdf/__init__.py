"""The one-page PDF "voor op de koelkast": the kompas, one action, strengths, who helps.

The page in modules (docs/design.md, "The page"):
- ``sheet``: from the conversation to what the page prints, cleaned, in one place;
- ``grid``: every block's box, stacked; ``style``: type sizes and colours;
- ``blocks``: each block drawn into its box; ``kompas``: the kompas drawing;
- ``fit``: text fitted into a box; ``text``: resident text made printable;
- ``fonts``: the embedded fonts and their subsets;
- ``internals``: every use of fpdf2's internals, each with why.
"""

from __future__ import annotations

import logging
import threading

from krachtwerk.model import Conversation
from krachtwerk.pdf import blocks
from krachtwerk.pdf.fit import MAX_SESSION_FITS, SESSION_FITS, Fits
from krachtwerk.pdf.fonts import document, output
from krachtwerk.pdf.grid import (
    ACTION_PANEL,
    APPOINTMENT,
    FOOTER,
    HEADER,
    HELPERS,
    KOMPAS,
    KOMPAS_CAPTION,
    MARGIN,
    PHOTO,
    STRENGTHS,
    STRIPE,
    area_on_paper,
    mirrored,
)
from krachtwerk.pdf.kompas import draw_kompas
from krachtwerk.pdf.sheet import pdf_filename, sheet_of
from krachtwerk.pdf.text import clean
from krachtwerk.photo import prepare_photo

__all__ = ["RENDER_LOCK", "clean", "pdf_filename", "render_pdf"]

# fpdf2 warns about missing glyphs by quoting them: that would put resident text in logs.
logging.getLogger("fpdf").setLevel(logging.ERROR)

# Every session renders in a thread of one process, and documents share parsed objects: the
# pictograms (placing one sets its transform) and fontTools fonts (lazy tables load on first
# read). One page at a time; it is pure Python under the GIL anyway, so this costs no throughput.
RENDER_LOCK = threading.Lock()


def render_pdf(
    conversation: Conversation, photo: bytes | None = None, fits: Fits | None = None
) -> bytes:
    """One A4 page for the fridge. A ``photo`` that prepare_photo did not make is cleaned here, so
    no EXIF or GPS can slip through; a PreparedPhoto is used as it is. ``fits``: a dict the
    caller's session keeps between renders (the page is the same with or without it)."""
    prepared = prepare_photo(photo) if photo else None  # Pillow: separate images, no lock needed
    if fits is not None and len(fits) > MAX_SESSION_FITS:
        fits.clear()
    with RENDER_LOCK:
        token = SESSION_FITS.set(fits)
        try:
            return _render(conversation, prepared)
        finally:
            SESSION_FITS.reset(token)


def _render(conversation: Conversation, photo: bytes | None) -> bytes:
    sheet = sheet_of(conversation)
    pdf = document(sheet.t("pdf.meta_title"), sheet.language, MARGIN)
    with mirrored(sheet.direction == "rtl"):
        blocks.stripe(pdf, STRIPE)
        blocks.header(pdf, HEADER, sheet)
        blocks.action_panel(pdf, ACTION_PANEL, sheet)
        kompas = area_on_paper(KOMPAS)
        with mirrored(False):  # the picture the screen shows, in its mirrored place
            draw_kompas(pdf, kompas, sheet)
        blocks.kompas_caption(pdf, KOMPAS_CAPTION, sheet)
        blocks.strengths(pdf, STRENGTHS, sheet)
        blocks.helpers(pdf, HELPERS, sheet)
        blocks.photo(pdf, PHOTO, sheet, photo)
        blocks.appointment(pdf, APPOINTMENT, sheet)
        blocks.footer(pdf, FOOTER, sheet)
    if pdf.pages_count != 1:
        raise RuntimeError(f"the page overflowed into {pdf.pages_count} pages")
    return output(pdf)
