"""The browser copy read back: the same conversation as the file, or a refusal; never half a one."""

from __future__ import annotations

import base64
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image

from krachtwerk.browser_copy import (
    MAX_PHOTO_CHARS,
    VERSION,
    CopyProblem,
    conversation_text,
    enabled,
    fingerprint,
    is_blank,
    photo_text,
    read_copy,
)
from krachtwerk.conversation_file import MAX_FILE_BYTES, write_conversation
from krachtwerk.demos import load_demo
from krachtwerk.model import Conversation
from krachtwerk.photo import prepare_photo

STEPS = ("start", "erkenning", "krachten", "kompas", "actie", "afronden")


def kept(conversation: Conversation, step: str = "kompas", photo: bytes | None = None) -> dict:
    """What the tab hands back, as the JS in krachtwerk/ui/browser_copy.py writes it."""
    return {
        "version": str(VERSION),
        "step": step,
        "conversation": conversation_text(conversation),
        "photo": None if photo is None else photo_text(photo),
    }


def a_photo() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (640, 480), "orange").save(out, format="JPEG")
    return prepare_photo(out.getvalue())


@pytest.mark.parametrize("name", ["noor", "wim", "samira"])
def test_a_kept_demo_comes_back_whole(name: str) -> None:
    demo = load_demo(name)
    restored = read_copy(kept(demo, "actie"), STEPS)
    assert restored.conversation == demo
    assert restored.step == "actie"
    assert restored.photo is None


def test_the_copy_is_exactly_the_conversation_file() -> None:
    demo = load_demo("wim")
    assert conversation_text(demo).encode("utf-8") == write_conversation(demo)


def test_a_kept_photo_comes_back_as_a_clean_jpeg() -> None:
    photo = a_photo()
    restored = read_copy(kept(load_demo("noor"), photo=photo), STEPS)
    assert restored.photo is not None
    assert Image.open(io.BytesIO(restored.photo)).size == (640, 480)


def _with(**changes: object) -> dict:
    return {**kept(load_demo("noor")), **changes}


DAMAGED = {
    "not a mapping": "garbage",
    "a list": [1, 2, 3],
    "no version": {k: v for k, v in _with().items() if k != "version"},
    "version as a number": _with(version=1),
    "version zero": _with(version="0"),
    "version not digits": _with(version="1.0"),
    "version in other digits": _with(version="\u0661"),
    "no conversation": _with(conversation=None),
    "conversation not JSON": _with(conversation="{{{<script>"),
    "conversation of another format": _with(conversation='{"format": "x", "version": 1}'),
    "conversation with markup in a score": _with(
        conversation='{"format": "krachtwerk-kompas", "version": 1, "meetings": [{"kompas": '
        '{"scores": {"wonen": "<img src=x onerror=alert(1)>"}}}]}'
    ),
    "conversation over the file limit": _with(conversation=" " * (MAX_FILE_BYTES + 1)),
    "a lone surrogate": _with(conversation='{"format": "krachtwerk-kompas", "x": "\ud800"}'),
    "an unknown step": _with(step="admin"),
    "a step as markup": _with(step="<b>kompas</b>"),
    "a huge step": _with(step="kompas" * 10_000),
    "no step": _with(step=None),
    "photo not base64": _with(photo="!!!not base64!!!"),
    "photo not a picture": _with(photo=base64.b64encode(b"<svg onload=alert(1)>").decode()),
    "photo too long": _with(photo="A" * (MAX_PHOTO_CHARS + 4)),
    "photo as a number": _with(photo=12),
}


@pytest.mark.parametrize("found", DAMAGED.values(), ids=DAMAGED.keys())
def test_a_damaged_copy_is_refused(found: object) -> None:
    with pytest.raises(CopyProblem) as refused:
        read_copy(found, STEPS)
    assert refused.value.code == "damaged"


@pytest.mark.parametrize("version", [str(VERSION + 1), "99", "999999999999"])
def test_a_copy_from_a_newer_version_says_so(version: str) -> None:
    with pytest.raises(CopyProblem) as refused:
        read_copy(_with(version=version), STEPS)
    assert refused.value.code == "newer"


def test_a_newer_conversation_inside_a_current_copy_says_so() -> None:
    newer = '{"format": "krachtwerk-kompas", "version": 2}'
    with pytest.raises(CopyProblem) as refused:
        read_copy(_with(conversation=newer), STEPS)
    assert refused.value.code == "newer"


@given(st.dictionaries(st.sampled_from(["version", "step", "conversation", "photo"]), st.text()))
def test_any_text_in_any_part_is_a_conversation_or_a_refusal(found: dict[str, str]) -> None:
    try:
        restored = read_copy(found, STEPS)
    except CopyProblem:
        return
    assert isinstance(restored.conversation, Conversation)


def test_a_new_conversation_is_blank_until_something_is_filled_in() -> None:
    fresh = Conversation()
    assert is_blank(fresh)
    fresh.resident.name = "Zwaluw"
    assert not is_blank(fresh)
    assert not is_blank(load_demo("noor"))


def test_fingerprints_tell_conversations_apart() -> None:
    noor, wim = (conversation_text(load_demo(n)).encode() for n in ("noor", "wim"))
    assert fingerprint(noor) == fingerprint(noor)
    assert fingerprint(noor) != fingerprint(wim)


@pytest.mark.parametrize(
    ("setting", "on"),
    [(None, True), ("on", True), ("off", False), ("OFF ", False), ("uit", False), ("0", False)],
)
def test_an_organisation_can_switch_the_copy_off(setting: str | None, on: bool) -> None:
    environ = {} if setting is None else {"KRACHTKOMPAS_BROWSER_COPY": setting}
    assert enabled(environ) is on
