"""A PNG picture of the PDF page, for the preview on screen (no browser PDF viewer needed)."""

from __future__ import annotations

import io

import pypdfium2

A4_WIDTH_PT = 595.0


def page_png(pdf: bytes, width_px: int = 900) -> bytes:
    document = pypdfium2.PdfDocument(pdf)
    try:
        page = document[0]
        image = page.render(scale=width_px / A4_WIDTH_PT).to_pil()
    finally:
        document.close()
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
