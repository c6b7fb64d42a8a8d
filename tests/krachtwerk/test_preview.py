"""The picture of the page on screen (krachtwerk/preview.py): JPEG for the screen, PNG for docs."""

import io
import threading

import pytest
from PIL import Image

from krachtwerk import preview
from krachtwerk.demos import load_demo
from krachtwerk.pdf import render_pdf

A4_HEIGHT_PT = 842.0


@pytest.fixture(scope="module")
def noor_pdf() -> bytes:
    return render_pdf(load_demo("noor"))


@pytest.mark.parametrize(
    ("encode", "kind"), [(preview.page_jpeg, "JPEG"), (preview.page_png, "PNG")]
)
@pytest.mark.parametrize("width", [300, 900])
def test_the_picture_is_the_whole_a4_page_at_the_width_asked(noor_pdf, encode, kind, width) -> None:
    with Image.open(io.BytesIO(encode(noor_pdf, width))) as picture:
        assert picture.format == kind
        assert picture.mode == "RGB"
        assert abs(picture.width - width) <= 1
        assert abs(picture.height / picture.width - A4_HEIGHT_PT / preview.A4_WIDTH_PT) < 0.01


def test_the_picture_shows_the_page_not_a_blank(noor_pdf) -> None:
    with Image.open(io.BytesIO(preview.page_jpeg(noor_pdf, 300))) as picture:
        colours = picture.convert("L").getextrema()
    assert colours[0] < 60 and colours[1] > 240  # dark ink on light paper


def test_pdfium_is_entered_by_one_thread_at_a_time(noor_pdf, monkeypatch) -> None:
    """PDFium is not thread-safe: every call into it holds PDFIUM_LOCK."""
    inside, most = 0, 0
    guard = threading.Lock()
    render = preview._render_first_page

    def counted(pdf: bytes, scale: float):
        nonlocal inside, most
        assert preview.PDFIUM_LOCK.locked()
        with guard:
            inside += 1
            most = max(most, inside)
        try:
            return render(pdf, scale)
        finally:
            with guard:
                inside -= 1

    monkeypatch.setattr(preview, "_render_first_page", counted)
    threads = [threading.Thread(target=preview.page_jpeg, args=(noor_pdf, 200)) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert most == 1
