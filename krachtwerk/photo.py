"""Make an uploaded photo safe to print (design §7, §9): checked by content, upright, no EXIF."""

from __future__ import annotations

import contextlib
import io
import math
import threading
from collections.abc import Iterator
from typing import Literal

import pillow_heif
from PIL import ExifTags, Image, ImageCms

from krachtwerk.memory import return_big_blocks

MAX_INPUT_BYTES = 15 * 1024 * 1024  # the same as server.maxUploadSize in .streamlit/config.toml
MAX_PIXELS = 50_000_000  # the 48-50 MP modes of today's phones fit; more is a decompression bomb
MAX_SIDE = 1000  # the photo frame is about 70 mm wide: 300 dpi needs ~830 px, 1000 px is plenty
JPEG_QUALITY = 85
# What a photo may take in memory once decoded, as Pillow holds it (RGB takes 4 bytes a pixel):
# 32 MP. The pixel count alone did not bound it: a 95 KB 16-bit PNG decoded to 555 MB.
MAX_DECODED_BYTES = 128 * 1024 * 1024
# A photo is at most this much longer than wide (or wider than long); a 65535x1 "photo" drew
# nothing and broke the Actie step.
MAX_ASPECT = 20
# A progressive JPEG has about 10 scans; one that repeats a scan thousands of times decoded for
# minutes (14 MB: over 11 CPU-minutes). Counted in the file before anything is decoded.
MAX_JPEG_SCANS = 100
# Preparing the biggest photo allowed peaks at about 330 MB for half a second (a 32 MP RGBA PNG
# of 160 KB: tests/krachtwerk/test_photo_bombs.py). One session at a time does that, so two
# hostile uploads at once cannot push a replica past its memory limit (deploy/k8s: 768 Mi);
# another waits that half second, it is not refused.
BIG_DECODES = threading.BoundedSemaphore(1)
BIG = 16 * 1024 * 1024

# Photo formats a phone or camera makes; never EPS and friends, which call out to other programs.
FORMATS = ("JPEG", "PNG", "HEIF", "AVIF", "WEBP", "GIF", "BMP", "TIFF")

# EXIF orientation → the turn that shows the picture upright (EXIF 2.3). Applied last, on the
# small image, where ImageOps.exif_transpose could no longer read the tag.
UPRIGHT = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}

Reason = Literal["too_big", "not_an_image", "corrupt", "shape"]
BYTES_PER_PIXEL = {"1": 1, "L": 1, "P": 1, "LA": 4, "PA": 4, "I;16": 2, "I;16B": 2, "I;16L": 2}

# Sessions prepare photos in parallel threads without a lock: Pillow (and the pillow-heif and
# LittleCMS code it calls) supports "separate images in separate threads" (Pillow's handbook,
# Thread safety); nothing here shares an image. tests/krachtwerk/test_threads.py holds it to that.
pillow_heif.register_heif_opener()
return_big_blocks()  # a big photo's buffers go back to the system when freed (memory.py)


class PhotoError(ValueError):
    """The upload cannot be used as a photo; ``reason`` says why, for a message in the app."""

    def __init__(self, reason: Reason, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason: Reason = reason


class PreparedPhoto(bytes):
    """A JPEG that prepare_photo made: it is cleaned once, never again on every page render."""


def prepare_photo(data: bytes) -> PreparedPhoto:
    """A clean JPEG: upright, sRGB on white, at most MAX_SIDE px, without any metadata."""
    if isinstance(data, PreparedPhoto):
        return data
    if not data:
        raise PhotoError("not_an_image", "empty")
    if len(data) > MAX_INPUT_BYTES:
        raise PhotoError("too_big", f"{len(data)} bytes")
    _check_scans(data)
    image = _opened(data)
    # The biggest photos, from decoding until they are small: one session at a time.
    with BIG_DECODES if _decoded_bytes(image) > BIG else contextlib.nullcontext():
        _load(image, data)
        try:
            orientation = _orientation(image)
            image = _plain_mode(image)
            image.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
            image = _flatten(_to_srgb(image))
            if orientation in UPRIGHT:
                image = image.transpose(UPRIGHT[orientation])
        except Exception as error:  # a malformed file can fail anywhere inside Pillow
            raise PhotoError("corrupt", str(error)) from error
    return PreparedPhoto(_encode(image))


def _opened(data: bytes) -> Image.Image:
    """The photo's header read, its declared size known to be sane: no pixels decoded yet.

    Pillow itself only warns between its MAX_IMAGE_PIXELS and twice that; _check_size refuses
    those too, so no (thread-unsafe) warnings filter is needed.
    """
    with _as_photo_error(data):
        image = Image.open(io.BytesIO(data), formats=FORMATS)
        _check_size(image)
        # JPEG decodes at 1/2 … 1/8 scale, HEIC may use a big enough embedded thumbnail.
        image.draft("RGB", _draft_box(image.size))
        decoded = _decoded_bytes(image)
        if decoded > MAX_DECODED_BYTES:
            raise PhotoError("too_big", f"{decoded} bytes decoded")
    return image


def _load(image: Image.Image, data: bytes) -> None:
    """The first frame's pixels."""
    with _as_photo_error(data):
        image.load()


@contextlib.contextmanager
def _as_photo_error(data: bytes) -> Iterator[None]:
    """Whatever Pillow raises on a bad file, as the PhotoError it means."""
    try:
        yield
    except PhotoError:
        raise
    except Image.DecompressionBombError as error:
        raise PhotoError("too_big", str(error)) from error
    except Image.UnidentifiedImageError as error:
        reason: Reason = "corrupt" if _starts_like_a_photo(data) else "not_an_image"
        raise PhotoError(reason, str(error)) from error
    except Exception as error:  # a malformed file can fail anywhere inside Pillow's decoders
        raise PhotoError("corrupt", str(error)) from error


def _starts_like_a_photo(data: bytes) -> bool:
    """The signature of one of FORMATS: a file that then fails to open is damaged."""
    Image.init()
    prefix = data[:16]
    return any(
        accept is not None and bool(accept(prefix))
        for format, (_, accept) in Image.OPEN.items()
        if format in FORMATS
    )


def _check_size(image: Image.Image) -> None:
    width, height = image.size
    if width < 1 or height < 1:
        raise PhotoError("corrupt", "no pixels")
    if width * height > MAX_PIXELS:
        raise PhotoError("too_big", f"{width}x{height} pixels")
    if max(width, height) > MAX_ASPECT * min(width, height):
        raise PhotoError("shape", f"{width}x{height} pixels")


def _decoded_bytes(image: Image.Image) -> int:
    """What the pixels take in memory once decoded, from the header (after any draft)."""
    width, height = image.size
    return width * height * BYTES_PER_PIXEL.get(image.mode, 4)


def _check_scans(data: bytes) -> None:
    """Refuse a JPEG with more scans than any camera writes, before decoding it."""
    if not data.startswith(b"\xff\xd8"):
        return
    scans, position = 0, 2
    while (position := data.find(b"\xff", position)) != -1 and position + 1 < len(data):
        marker = data[position + 1]
        position += 2
        if marker == 0xFF:  # fill bytes before a marker: the next byte may start one
            position -= 1
            continue
        if marker == 0xDA:  # start of scan
            scans += 1
            if scans > MAX_JPEG_SCANS:
                raise PhotoError("too_big", f"more than {MAX_JPEG_SCANS} scans")
        if marker in (0x00, 0x01) or 0xD0 <= marker <= 0xD9:
            continue  # a stuffed byte, restart markers, SOI/EOI: no length follows
        if marker != 0xDA and position + 2 <= len(data):  # a segment: skip its length
            position += int.from_bytes(data[position : position + 2], "big")


def _draft_box(size: tuple[int, int]) -> tuple[int, int]:
    """The smallest size with MAX_SIDE on the long side: draft() never goes below it."""
    scale = MAX_SIDE / max(size)
    if scale >= 1:
        return size
    return (math.ceil(size[0] * scale), math.ceil(size[1] * scale))


def _orientation(image: Image.Image) -> int:
    """From EXIF, or XMP when there is no EXIF; a broken EXIF block only costs the turn."""
    try:
        value = image.getexif().get(ExifTags.Base.Orientation, 1)
    except Exception:  # unreadable EXIF: show the pixels as they are stored
        return 1
    return value if isinstance(value, int) else 1


def _plain_mode(image: Image.Image) -> Image.Image:
    """A mode that scales smoothly: RGB, RGBA, L, LA or CMYK, with 8 bits per channel."""
    if image.mode in ("P", "L", "RGB") and "transparency" in image.info:  # a colour is see-through
        return image.convert("RGBA")
    if image.mode == "P":
        return image.convert("RGB")
    if image.mode.startswith("I;16"):
        return image.convert("I").point(lambda value: value / 257).convert("L")
    if image.mode in ("I", "F"):  # other depths: stretch what is there over 0…255
        low, high = image.getextrema()
        span = (high - low) or 1
        return image.point(lambda value: (value - low) * 255 / span).convert("L")
    if image.mode in ("RGB", "RGBA", "L", "LA", "CMYK"):
        return image
    return image.convert("RGBA" if "A" in image.getbands() else "RGB")


def _to_srgb(image: Image.Image) -> Image.Image:
    """Phones often shoot in Display P3; print what the resident saw, then drop the profile."""
    icc = image.info.get("icc_profile")
    if not icc or image.mode not in ("RGB", "RGBA", "L", "CMYK"):
        return image
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        srgb = ImageCms.createProfile("sRGB")
        output = "RGBA" if image.mode == "RGBA" else "RGB"
        return ImageCms.profileToProfile(image, source, srgb, outputMode=output) or image
    except (ImageCms.PyCMSError, OSError, ValueError):
        return image  # an unreadable profile only costs a little colour accuracy


def _flatten(image: Image.Image) -> Image.Image:
    """RGB with any transparency laid on white paper."""
    if "A" not in image.getbands():
        return image.convert("RGB")
    rgba = image.convert("RGBA")
    paper = Image.new("RGB", rgba.size, "white")
    paper.paste(rgba, mask=rgba.getchannel("A"))
    return paper


def _encode(image: Image.Image) -> bytes:
    """A fresh image carries no EXIF, GPS, XMP or ICC data; only pixels are saved."""
    clean = Image.new("RGB", image.size)
    clean.paste(image)
    out = io.BytesIO()
    clean.save(out, format="JPEG", quality=JPEG_QUALITY, optimize=True)
    return out.getvalue()
