"""The browser copy of design §9: what the tab's sessionStorage keeps, and reading it back.

The copy is the conversation file's own text (design §5), the step the pair is on and the prepared
photo. It lives in one browser tab only and dies with it; the server keeps nothing. Read back, it is
untrusted input, checked exactly like an uploaded file (and the photo like an uploaded photo).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Literal

from krachtwerk.conversation_file import (
    MAX_FILE_BYTES,
    FileProblem,
    read_conversation,
    write_conversation,
)
from krachtwerk.model import Conversation
from krachtwerk.photo import PhotoError, prepare_photo

VERSION = 1
# A prepared photo is a JPEG of at most 1000 px a side: well under 2 MB even for pure noise.
MAX_PHOTO_BYTES = 2_000_000
MAX_PHOTO_CHARS = 4 * (MAX_PHOTO_BYTES // 3 + 1)  # its base64 text
MAX_STEP_CHARS = 40

SETTING = "KRACHTKOMPAS_BROWSER_COPY"
OFF_WORDS = frozenset({"off", "0", "false", "no", "uit", "nee"})

Code = Literal["damaged", "newer"]


class CopyProblem(ValueError):
    """The copy in the browser cannot be used: ``damaged`` (or tampered with), or ``newer``."""

    def __init__(self, code: Code) -> None:
        super().__init__(code)
        self.code: Code = code


@dataclass(frozen=True)
class Restored:
    conversation: Conversation
    step: str
    photo: bytes | None


def enabled(environ: Mapping[str, str] = os.environ) -> bool:
    """On unless the organisation switched it off (``KRACHTKOMPAS_BROWSER_COPY=off``)."""
    return environ.get(SETTING, "on").strip().lower() not in OFF_WORDS


def fingerprint(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def is_blank(conversation: Conversation) -> bool:
    """Nothing typed or chosen yet: such a conversation leaves no copy behind."""
    fresh = Conversation()
    fresh.current.date = conversation.current.date
    return conversation == fresh


def conversation_text(conversation: Conversation) -> str:
    """Exactly what the conversation file holds."""
    return write_conversation(conversation).decode("utf-8")


def photo_text(photo: bytes) -> str:
    return base64.b64encode(photo).decode("ascii")


def read_copy(found: object, steps: Collection[str]) -> Restored:
    """The conversation a browser handed back, or a CopyProblem; never anything half-read."""
    if not isinstance(found, Mapping):
        raise CopyProblem("damaged")
    _check_version(found.get("version"))
    text, step, photo = (found.get(part) for part in ("conversation", "step", "photo"))
    if not isinstance(text, str) or len(text) > MAX_FILE_BYTES:
        raise CopyProblem("damaged")
    if not isinstance(step, str) or len(step) > MAX_STEP_CHARS or step not in steps:
        raise CopyProblem("damaged")
    try:
        conversation = read_conversation(text.encode("utf-8"))
    except UnicodeEncodeError as error:  # a JavaScript string may hold a lone surrogate
        raise CopyProblem("damaged") from error
    except FileProblem as problem:
        raise CopyProblem("newer" if problem.code == "newer_version" else "damaged") from problem
    return Restored(conversation, step, _read_photo(photo))


def _check_version(version: object) -> None:
    if not isinstance(version, str) or not version.isascii() or not version.isdigit():
        raise CopyProblem("damaged")
    if len(version) > 6 or int(version) > VERSION:
        raise CopyProblem("newer")
    if int(version) != VERSION:
        raise CopyProblem("damaged")


def _read_photo(photo: object) -> bytes | None:
    if photo is None or photo == "":
        return None
    if not isinstance(photo, str) or len(photo) > MAX_PHOTO_CHARS:
        raise CopyProblem("damaged")
    try:
        return prepare_photo(base64.b64decode(photo, validate=True))
    except (binascii.Error, ValueError, PhotoError) as error:
        raise CopyProblem("damaged") from error
