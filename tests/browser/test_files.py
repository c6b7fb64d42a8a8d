"""Files in and out through the real upload widgets (design §5, §7, §9): the conversation file makes
a clean round trip; a bad conversation file or a bad photo gets a plain Dutch message and leaves
the conversation on screen as it was."""

from __future__ import annotations

import io
import json
import random
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from PIL import Image
from playwright.sync_api import expect

from krachtwerk.conversation_file import MAX_FILE_BYTES, read_conversation, write_conversation
from krachtwerk.demos import load_demo
from krachtwerk.model import Conversation
from krachtwerk.ui.fields import WORD_JOINER
from tests.browser.conftest import new_app
from tests.browser.kit import App, Server, pdf_images, pdf_text, squash

WIM = load_demo("wim")
NEW_ACTION = "Met Joop drie keer oefenen met de scootmobiel op het plein"
ACTION_FIELDS = ("what", "when", "with_whom", "done_when", "goal")
JSON = "application/json"


# --- making files ------------------------------------------------------------------------------


def wim_json(change: Callable[[dict], None] = lambda data: None) -> dict:
    data = WIM.model_dump(mode="json")
    change(data)
    return data


def as_bytes(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def noisy_image(size: tuple[int, int]) -> Image.Image:
    """Noise compresses badly, so a JPEG of it has plenty of picture data to cut short."""
    width, height = size
    return Image.frombytes("RGB", size, random.Random(3).randbytes(width * height * 3))


def saved(image: Image.Image, format: str) -> bytes:
    out = io.BytesIO()
    image.save(out, format=format)
    return out.getvalue()


def png_claiming(width: int, height: int) -> bytes:
    """A small, valid PNG whose header claims another size: a decompression bomb."""
    data = bytearray(saved(Image.new("RGB", (8, 8), "green"), "PNG"))
    header = data.find(b"IHDR")
    data[header + 4 : header + 12] = struct.pack(">II", width, height)
    crc = zlib.crc32(bytes(data[header : header + 17]))
    data[header + 17 : header + 21] = struct.pack(">I", crc)
    return bytes(data)


def truncated_jpeg() -> bytes:
    """A real JPEG cut off halfway, as an interrupted transfer leaves it."""
    whole = saved(noisy_image((400, 300)), "JPEG")
    return whole[: len(whole) // 2]


def too_big(size: int) -> bytes:
    """JSON-ish text of about this size."""
    filler = '"situation": "Een lange zin over het leven in de wijk.", ' * (size // 56)
    return f'{{"format": "krachtwerk-kompas", "version": 1, {filler}"x": 1}}'.encode()


def scores_as_text(data: dict) -> None:
    data["meetings"][0]["kompas"]["scores"]["lichaam"] = "vier"


# --- bad conversation files --------------------------------------------------------------------


@dataclass(frozen=True)
class BadFile:
    id: str
    data: bytes
    message: Callable[[App], str]  # the message the person reads, from the catalogue
    name: str = "krachtkompas-gesprek.json"
    mime: str = JSON


def plain(key: str) -> Callable[[App], str]:
    return lambda app: app.t(key)


def score_is_text(app: App) -> str:
    t = app.t
    place = " → ".join(
        [
            t("file.places.meeting", number=1),
            t("file.places.kompas"),
            t("file.places.scores"),
            app.axis_label("lichaam"),
        ]
    )
    detail = t("file.detail", place=place, reason=t("file.reasons.wrong_type"))
    return t("file.invalid", problems=detail)


LINK_KEY = "[klik hier](https://example.org)"


def unknown_link_key(app: App) -> str:
    """A key from the file is named in the message; it must read as typed, not as a link."""
    t = app.t
    detail = t("file.detail", place=LINK_KEY, reason=t("file.reasons.unknown_field"))
    return t("file.invalid", problems=detail)


BAD_FILES = [
    BadFile(
        "text",
        b"Beste Karim, hierbij de aantekeningen van vandaag.\n",
        plain("file.not_json"),
    ),
    BadFile("empty", b"", plain("file.empty")),
    BadFile("wrong_shape", as_bytes({"foo": 1}), plain("file.wrong_format")),
    BadFile("a_list", as_bytes([wim_json()]), plain("file.not_object")),
    BadFile(
        "other_format",
        as_bytes(wim_json(lambda d: d.update(format="ander-programma"))),
        plain("file.wrong_format"),
    ),
    BadFile(
        "newer_version",
        as_bytes(wim_json(lambda d: d.update(version=2))),
        plain("file.newer_version"),
    ),
    BadFile(
        "version_as_text",
        as_bytes(wim_json(lambda d: d.update(version="1"))),
        plain("file.bad_version"),
    ),
    BadFile("score_as_text", as_bytes(wim_json(scores_as_text)), score_is_text),
    BadFile(
        "binary_blob",
        b"\xff\xd8\xff\xe0" + random.Random(5).randbytes(8_000),
        plain("file.not_utf8"),
        mime="application/octet-stream",
    ),
    BadFile(
        "latin_1",
        write_conversation(WIM).decode("utf-8").replace("Wim", "Wím").encode("latin-1"),
        plain("file.not_utf8"),
    ),
    BadFile("too_deep", b"[" * 200 + b"]" * 200, plain("file.too_deep")),
    BadFile(
        "markdown_in_a_key",
        as_bytes(wim_json(lambda d: d.update({LINK_KEY: 1}))),
        unknown_link_key,
    ),
]


# --- checks ------------------------------------------------------------------------------------


def resident_name(app: App) -> str:
    return app.value(app.t("start.settings.resident_name"))


def assert_action_is(app: App, conversation: Conversation) -> None:
    action = conversation.current.action
    for field in ACTION_FIELDS:
        assert app.value(app.t(f"actie.{field}")) == getattr(action, field), field


def open_file(app: App, data: bytes) -> Conversation:
    """On Start, through the uploader; the screen then speaks in the file's je/u. A finished
    meeting asks whether this is a new one: here the answer is to go on with it."""
    opened = read_conversation(data)
    app.upload(app.t("start.open.label"), data, "krachtkompas-gesprek.json", JSON)
    app.follow(opened)
    date = opened.current.date.strftime("%d-%m-%Y")
    if opened.is_finished:
        go_on = app.t("start.follow_up.go_on", date=date)
        with app.rerun():
            app.page.get_by_role("button", name=go_on, exact=True).click()
    else:
        expect(app.page.get_by_text(app.t("start.opened", date=date), exact=True)).to_be_visible()
    app.assert_no_error()
    return opened


# --- tests -------------------------------------------------------------------------------------


def test_conversation_file_round_trip(app: App, browser, server: Server):
    """Saved, opened elsewhere, changed, saved, opened again: only the change differs."""
    app.load_demo("wim")
    app.go("afronden")
    _, first = app.download_file()
    assert read_conversation(first) == WIM

    second_person = new_app(browser, server).open()
    third_person = new_app(browser, server).open()
    try:
        open_file(second_person, first)
        assert resident_name(second_person) == WIM.resident.name
        second_person.go("actie")
        assert_action_is(second_person, WIM)
        second_person.fill(second_person.t("actie.what"), NEW_ACTION)
        second_person.go("afronden")
        _, second = second_person.download_file()

        open_file(third_person, second)
        assert resident_name(third_person) == WIM.resident.name
        third_person.go("actie")
        assert third_person.value(third_person.t("actie.what")) == NEW_ACTION
        third_person.go("afronden")
        _, third = third_person.download_file()
        for person in (second_person, third_person):
            person.assert_no_error()
    finally:
        second_person.page.context.close()
        third_person.page.context.close()

    assert third == second
    assert read_conversation(second).current.action.what == NEW_ACTION
    before = read_conversation(first).model_dump(mode="json")
    after = read_conversation(second).model_dump(mode="json")
    assert before != after
    before["meetings"][-1]["action"]["what"] = NEW_ACTION
    assert before == after
    assert "Traceback" not in server.output()


def test_a_finished_file_begins_a_new_meeting_and_leaves_last_time_untouched(app: App):
    """The natural click after opening last time's file is Volgende: that must never write over
    last time's meeting."""
    date = WIM.current.date.strftime("%d-%m-%Y")
    app.upload(app.t("start.open.label"), as_bytes(WIM.model_dump(mode="json")), "w.json", JSON)
    app.follow(WIM)
    question = app.page.get_by_role("heading", name=app.t("start.follow_up.title"), exact=True)
    expect(question).to_be_visible()
    expect(app.page.get_by_text(app.t("start.follow_up.text", date=date))).to_be_visible()
    app.next()
    app.expect_step("erkenning")
    expect(app.page.get_by_text(WIM.current.action.what, exact=True)).to_be_visible()
    app.fill(app.t("erkenning.situation"), "Vandaag gaat het over de trap.")
    app.go("afronden")
    saved = read_conversation(app.download_file()[1])
    assert saved.meetings[:-1] == WIM.meetings
    assert saved.current.validation.situation == "Vandaag gaat het over de trap."
    assert saved.current.review.previous_action == WIM.current.action.what
    assert saved.current.strengths.qualities == WIM.current.strengths.qualities


@pytest.mark.parametrize("bad", BAD_FILES, ids=[bad.id for bad in BAD_FILES])
def test_a_bad_conversation_file_gets_a_message_and_changes_nothing(
    app: App, bad: BadFile, server: Server
):
    """design §5: a file that is not valid is named plainly; the conversation stays as it was."""
    app.load_demo("wim")
    app.upload(app.t("start.open.label"), bad.data, bad.name, bad.mime)
    # what is wrong, then that nothing changed
    said = f"{bad.message(app)} {app.t('file.kept')}"
    message = app.page.get_by_role("alert").filter(has_text=app.t("file.kept"))
    expect(message).to_be_visible()
    # word joiners keep web addresses from becoming links; they are invisible
    assert message.inner_text().replace(WORD_JOINER, "").strip() == said
    expect(message.locator("a")).to_have_count(0)  # a name from the file is never a link
    app.assert_no_error()
    assert resident_name(app) == WIM.resident.name
    app.go("actie")
    assert_action_is(app, WIM)
    app.go("afronden")
    _, kept = app.download_file()
    assert read_conversation(kept) == WIM
    log = server.output()
    assert "Traceback" not in log
    assert "scootmobiel" not in log.lower()  # nothing from the file (or the screen) is logged


# --- photos ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BadPhoto:
    id: str
    data: bytes
    name: str
    mime: str
    reason: str  # the key of the message: actie.photo.error_<reason>


GOOD_JPEG = saved(noisy_image((160, 120)), "JPEG")
BAD_PHOTOS = [
    BadPhoto(
        "text_named_jpg",
        b"Boodschappen: brood, melk, kaas.\n",
        "foto.jpg",
        "image/jpeg",
        "not_an_image",
    ),
    BadPhoto(
        "truncated_jpeg",
        truncated_jpeg(),
        "foto.jpg",
        "image/jpeg",
        "corrupt",
    ),
    BadPhoto("png_bomb", png_claiming(40_000, 40_000), "foto.png", "image/png", "too_big"),
]


def photo_images(app: App):
    return app.page.get_by_role("img", name=app.t("actie.photo.alt"), exact=True)


def assert_pdf(app: App, images: int) -> None:
    """The page still comes out as one A4 with the action on it, with this many photos."""
    app.go("afronden")
    _, pdf = app.download_pdf()
    pages, text = pdf_text(pdf)
    assert pages == 1
    assert squash(WIM.current.action.what) in squash(text)
    assert pdf_images(pdf) == images


@pytest.mark.parametrize("bad", BAD_PHOTOS, ids=[bad.id for bad in BAD_PHOTOS])
def test_a_bad_photo_gets_a_message_and_the_page_is_made_without(
    app: App, bad: BadPhoto, server: Server
):
    """A photo is checked by content, not by name (design §9); without it the page is still made."""
    app.load_demo("wim")
    app.go("actie")
    app.upload(app.t("actie.photo.label"), bad.data, bad.name, bad.mime)
    message = f"{app.t(f'actie.photo.error_{bad.reason}')} {app.t('actie.photo.made_without')}"
    expect(app.page.get_by_role("alert").filter(has_text=message)).to_be_visible()
    expect(app.page.get_by_text(message, exact=True)).to_be_visible()
    app.assert_no_error()
    expect(photo_images(app)).to_have_count(0)
    assert_action_is(app, WIM)
    assert_pdf(app, images=0)
    assert "Traceback" not in server.output()


def test_a_good_photo_shows_and_goes_on_the_page(app: App, server: Server):
    """The control for the bad photos: the same way in, a picture on screen and on the page."""
    app.load_demo("wim")
    app.go("actie")
    expect(photo_images(app)).to_have_count(0)
    app.upload(app.t("actie.photo.label"), GOOD_JPEG, "foto.jpg", "image/jpeg")
    app.assert_no_error()
    expect(photo_images(app)).to_have_count(1)
    shown = photo_images(app).element_handle()
    app.page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=shown)
    expect(app.page.get_by_role("button", name=app.t("actie.photo.remove"))).to_be_visible()
    expect(app.page.get_by_role("alert")).to_have_count(0)
    assert_action_is(app, WIM)
    assert_pdf(app, images=1)
    assert "Traceback" not in server.output()


# --- files the browser refuses to send ---------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "data", "name", "mime", "limit"),
    [
        ("start.open.label", too_big(3 * MAX_FILE_BYTES), "gesprek.json", JSON, "1 MB"),
        ("actie.photo.label", b"\xff\xd8" + bytes(16 * 2**20), "foto.jpg", "image/jpeg", "15 MB"),
    ],
    ids=["conversation_file", "photo"],
)
def test_a_file_over_the_upload_limit_is_refused_in_dutch(
    app: App, label: str, data: bytes, name: str, mime: str, limit: str, server: Server
):
    """The browser refuses it before sending; Streamlit says so in English, we make it Dutch."""
    app.load_demo("wim")
    if label.startswith("actie"):
        app.go("actie")
    app.upload_refused(app.t(label), data, name, mime)
    said = app.t("browser.too_big", size=limit)
    expect(app.page.get_by_role("alert").filter(has_text=said)).to_be_visible()
    everything = app.page.evaluate("() => document.body.textContent")  # hidden text too
    for english in ("File must be", "or smaller", "Error:"):
        assert english not in everything
    app.assert_no_error()
    app.go("start")
    assert resident_name(app) == WIM.resident.name
    app.go("actie")
    assert_action_is(app, WIM)
    expect(photo_images(app)).to_have_count(0)
