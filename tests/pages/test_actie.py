"""Actie: the action fields, examples for the focus, the concreteness check, strengths, a photo."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from PIL import Image
from pypdf import PdfReader
from streamlit.testing.v1 import AppTest

from tests.pages.apptest import browser_parts, conversation, go, open_app, shown_text, widget

UPLOAD = "kk.upload.photo"


def test_without_focus_the_examples_wait() -> None:
    at = open_app("actie")
    assert "Kies eerst een focus" in shown_text(at)


def test_examples_fill_an_empty_action_only() -> None:
    at = open_app("kompas")
    at.selectbox(key=widget("kompas.focus")).set_value("geld").run()
    go(at, "actie")
    at.button(key="example.0").click().run()
    taken = conversation(at).current.action.what
    assert taken
    assert at.text_area(key=widget("action.what")).value == taken
    assert at.button(key="example.1").disabled


def test_concreteness_check_advises_never_blocks() -> None:
    at = open_app("actie")
    at.text_area(key=widget("action.what")).input("Beter voor mezelf zorgen").run()
    text = shown_text(at)
    assert "Tip: kies een dag" in text
    at.text_input(key=widget("action.when")).input("Zaterdagochtend").run()
    at.text_input(key=widget("action.with_whom")).input("Met mijn zus").run()
    assert "Er staat wanneer." in shown_text(at)
    assert "Er staat met wie." in shown_text(at)
    go(at, "afronden")  # nothing stops the pair from moving on


def test_strength_options_carry_qualities_and_coping() -> None:
    at = open_app("erkenning")
    at.text_area(key=widget("validation.coping")).input("Ik hou vol door te wandelen").run()
    go(at, "krachten")
    at.pills(key=widget("strengths.qualities")).set_value(["zorgzaam"]).run()
    go(at, "actie")
    options = at.pills(key=widget("action.shown_strengths")).options
    assert "zorgzaam" in options and "Ik hou vol door te wandelen" in options
    at.pills(key=widget("action.shown_strengths")).set_value(["zorgzaam"]).run()
    assert conversation(at).current.action.shown_strengths == ["zorgzaam"]


def test_a_fourth_strength_is_undone_with_a_message_under_the_pills() -> None:
    at = open_app("krachten")
    four = ["zorgzaam", "doorzetter", "grappig", "handig"]
    at.pills(key=widget("strengths.qualities")).set_value(four).run()
    go(at, "actie")
    pills = at.pills(key=widget("action.shown_strengths"))
    pills.set_value(four[:3]).run()
    at.pills(key=widget("action.shown_strengths")).set_value(four).run()
    assert conversation(at).current.action.shown_strengths == four[:3]
    assert at.pills(key=widget("action.shown_strengths")).value == four[:3]
    assert any("Er passen 3 krachten op het blad" in w.value for w in at.warning)


def test_without_strengths_actie_says_where_they_come_from() -> None:
    at = open_app("actie")
    assert "Nog geen krachten" in shown_text(at)


def _photo_bytes(format: str, size: tuple[int, int] = (40, 30)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "orange").save(buffer, format=format)
    return buffer.getvalue()


def _heic() -> bytes:
    pillow_heif = pytest.importorskip("pillow_heif")
    buffer = io.BytesIO()
    try:
        pillow_heif.from_pillow(Image.new("RGB", (64, 48), "teal")).save(buffer, quality=80)
    except (RuntimeError, ValueError, OSError) as error:
        pytest.skip(f"pillow_heif cannot write HEIC here: {error}")
    return buffer.getvalue()


def _bomb() -> bytes:
    """A valid PNG header that claims 60000 x 60000 pixels."""
    header = struct.pack(">IIBBBBB", 60_000, 60_000, 8, 2, 0, 0, 0)
    chunks = [(b"IHDR", header), (b"IDAT", zlib.compress(b"\0" * 64)), (b"IEND", b"")]
    return b"\x89PNG\r\n\x1a\n" + b"".join(
        struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        for kind, body in chunks
    )


def _filled_in() -> AppTest:
    at = open_app("actie")
    at.text_area(key=widget("action.what")).input("Zaterdag taart bakken").run()
    at.text_input(key=widget("action.when")).input("Zaterdagochtend").run()
    return at


def _upload(at: AppTest, name: str, data: bytes, mime: str) -> AppTest:
    before = conversation(at).model_dump()
    at.file_uploader(key=UPLOAD).set_value((name, data, mime)).run()
    assert not at.exception
    assert conversation(at).model_dump() == before  # the conversation on screen is untouched
    assert at.text_area(key=widget("action.what")).value == "Zaterdag taart bakken"
    assert at.text_input(key=widget("action.when")).value == "Zaterdagochtend"
    return at


def _page(at: AppTest) -> PdfReader:
    go(at, "afronden")
    return PdfReader(io.BytesIO(at.session_state["kk.rendered"][1]))


def test_a_photo_is_kept_in_the_session_only() -> None:
    at = _upload(_filled_in(), "foto.png", _photo_bytes("PNG"), "image/png")

    assert at.session_state["kk.photo"][:2] == b"\xff\xd8"  # re-encoded JPEG, metadata gone
    assert "photo" not in conversation(at).model_dump_json()
    assert not at.error
    assert [p["alt"] for p in browser_parts(at, "picture")] == ["De foto die op het blad komt"]


@pytest.mark.parametrize(
    ("name", "data", "mime"),
    [
        ("IMG_0042.HEIC", "heic", "image/heic"),
        ("foto.jpg", "png", "image/jpeg"),  # a PNG with a .jpg name: the content counts
        ("foto.webp", "webp", "image/webp"),
    ],
)
def test_a_photo_from_a_phone_goes_on_the_page(name: str, data: str, mime: str) -> None:
    content = _heic() if data == "heic" else _photo_bytes(data.upper())
    at = _upload(_filled_in(), name, content, mime)

    assert not at.error
    assert at.session_state["kk.photo"][:2] == b"\xff\xd8"
    page = _page(at)
    assert len(page.pages) == 1
    assert len(page.pages[0].images) == 1


BAD = {
    "text named .jpg": ("foto.jpg", b"not an image", "Dit bestand is geen foto."),
    "html named .png": ("foto.png", b"<html><script>alert(1)</script></html>", "geen foto"),
    "bomb": ("foto.png", _bomb(), "Deze foto is te groot."),
    "truncated": ("foto.jpg", _photo_bytes("JPEG", (600, 400))[:900], "gaat niet open"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_a_bad_photo_gets_a_message_and_the_page_is_made_without_it(case: str) -> None:
    name, data, message = BAD[case]

    at = _upload(_filled_in(), name, data, "image/jpeg")

    [error] = at.error
    assert message in error.value
    assert "Het blad wordt nu zonder foto gemaakt." in error.value
    assert "kk.photo" not in at.session_state
    page = _page(at)
    assert len(page.pages) == 1
    assert not page.pages[0].images


def test_a_bad_photo_after_a_good_one_leaves_no_photo() -> None:
    at = _upload(_filled_in(), "goed.png", _photo_bytes("PNG"), "image/png")
    at.button(key="photo.remove").click().run()
    assert "kk.photo" not in at.session_state

    _upload(at, "fout.jpg", b"not an image", "image/jpeg")

    assert "kk.photo" not in at.session_state
    assert not browser_parts(at, "picture")
    assert at.error


def test_the_message_goes_with_the_bad_file() -> None:
    at = _upload(_filled_in(), "fout.jpg", b"not an image", "image/jpeg")
    assert at.error

    at.file_uploader(key=UPLOAD).set_value(None).run()
    assert not at.error

    _upload(at, "foto.jpg", _photo_bytes("JPEG"), "image/jpeg")
    assert not at.error
    assert "kk.photo" in at.session_state


def test_the_uploader_offers_the_photo_types_of_phones() -> None:
    at = open_app("actie")

    allowed = at.file_uploader(key=UPLOAD).allowed_type

    assert set(allowed) == {".jpg", ".jpeg", ".png", ".webp", ".heic", ".heif"}


def test_a_long_strength_gets_a_short_label_for_the_page() -> None:
    coping = "Elke ochtend maak ik een rondje door de flat. Dan zie ik de buren en dat helpt me."
    at = open_app("erkenning")
    at.text_area(key=widget("validation.coping")).input(coping).run()
    go(at, "actie")
    at.pills(key=widget("action.shown_strengths")).set_value([coping]).run()
    shorter = next(box for box in at.text_input if box.label.startswith("Korter voor op het blad"))
    assert shorter.value == "Elke ochtend maak ik een rondje door de"  # a first try, editable
    shorter.input("Ik loop elke ochtend").run()
    assert conversation(at).current.action.shown_strengths == ["Ik loop elke ochtend"]
    assert at.pills(key=widget("action.shown_strengths")).value == ["Ik loop elke ochtend"]
    assert not [box for box in at.text_input if box.label.startswith("Korter voor op het blad")]


def test_a_text_longer_than_its_field_takes_can_be_read_whole_and_shortened() -> None:
    """The file contract allows 5,000 characters; the field for "when" takes 200. A longer text
    from a file was shown but could not be edited."""
    at = open_app(demo="wim")
    long_when = "Elke dinsdagochtend om negen uur, " * 10  # 340 characters
    conversation(at).current.action.what = "Naar de markt"
    conversation(at).current.action.when = long_when
    at.session_state[widget("action.when")] = long_when
    go(at, "actie")

    field = at.text_input(key=widget("action.when"))
    assert field.value == long_when
    assert field.max_chars >= len(long_when)

    field.set_value("Dinsdag om negen uur").run()

    assert conversation(at).current.action.when == "Dinsdag om negen uur"
    assert at.text_input(key=widget("action.when")).max_chars == 200
