"""A picture of the PDF page: JPEG for the preview on screen (no browser PDF viewer needed), PNG
for the pictures in docs/.

The only module that calls PDFium: every call holds PDFIUM_LOCK.
"""

from __future__ import annotations

import io
import threading

import pypdfium2
from PIL import Image

A4_WIDTH_PT = 595.0

# PDFium is not thread-safe, "not even with different documents" (pypdfium2's documentation), and
# ctypes releases the GIL: two sessions inside it at once crash the whole server (SIGSEGV).
PDFIUM_LOCK = threading.Lock()


def page_jpeg(pdf: bytes, width_px: int = 900) -> bytes:
    """For the screen: 5 ms to encode where an optimised PNG takes 80, and the browser shows a
    JPEG as it is (Streamlit turns PNG into JPEG on every run)."""
    return _encode(_render(pdf, width_px), "JPEG", quality=90)


def page_png(pdf: bytes, width_px: int = 900) -> bytes:
    return _encode(_render(pdf, width_px), "PNG", optimize=True)


def _encode(image: Image.Image, format: str, **options: object) -> bytes:
    out = io.BytesIO()
    image.save(out, format=format, **options)  # Pillow only, a separate image: no lock needed
    return out.getvalue()


def _render(pdf: bytes, width_px: int) -> Image.Image:
    with PDFIUM_LOCK:
        return _render_first_page(pdf, width_px / A4_WIDTH_PT)


def _render_first_page(pdf: bytes, scale: float) -> Image.Image:
    """Closed here, in order and under the lock: a finalizer must never close them later on
    another thread, outside it."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        page = document[0]
        try:
            bitmap = page.render(scale=scale)
            try:
                return bitmap.to_pil().copy()  # a copy owns its pixels; the bitmap's go
            finally:
                bitmap.close()
        finally:
            page.close()
    finally:
        document.close()
