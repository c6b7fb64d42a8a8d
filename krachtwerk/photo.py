"""Make an uploaded photo safe to print (SPEC §7, §9): checked by content, upright, no metadata."""

from __future__ import annotations

import io
import warnings
from typing import Literal

import pillow_heif
from PIL import Image, ImageCms, ImageOps

MAX_INPUT_BYTES = 15 * 1024 * 1024
MAX_PIXELS = 40_000_000  # a 40 MP camera photo is fine; more is a decompression bomb
MAX_SIDE = 1200  # long side in px: about 250 dpi in the photo frame, plenty for a fridge
JPEG_QUALITY = 85

# Photo formats a phone or camera makes; never EPS and friends, which call out to other programs.
FORMATS = ("JPEG", "PNG", "HEIF", "AVIF", "WEBP", "GIF", "BMP", "TIFF")

Reason = Literal["too_big", "not_an_image", "corrupt"]

pillow_heif.register_heif_opener()


class PhotoError(ValueError):
    """The upload cannot be used as a photo; ``reason`` says why, for a message in the app."""

    def __init__(self, reason: Reason, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason: Reason = reason


def prepare_photo(data: bytes) -> bytes:
    """A clean JPEG: EXIF rotation applied, RGB on white, at most MAX_SIDE px, no metadata."""
    if len(data) > MAX_INPUT_BYTES:
        raise PhotoError("too_big", f"{len(data)} bytes")
    if not data:
        raise PhotoError("not_an_image", "empty")
    image = _open(data)
    try:
        image = ImageOps.exif_transpose(image)
        image = _to_srgb(image)
        image = _flatten(image)
        image.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    except Exception as error:  # a malformed file can fail anywhere inside Pillow's decoders
        raise PhotoError("corrupt", str(error)) from error
    return _encode(image)


def _open(data: bytes) -> Image.Image:
    with warnings.catch_warnings():
        # Pillow only warns between MAX_IMAGE_PIXELS and twice that; we refuse those too.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data), formats=FORMATS)
            _check_size(image)
            if image.format == "JPEG":
                image.draft("RGB", (MAX_SIDE, MAX_SIDE))  # decode a big photo at reduced scale
            image.load()
        except PhotoError:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            raise PhotoError("too_big", str(error)) from error
        except Image.UnidentifiedImageError as error:
            raise PhotoError("not_an_image", str(error)) from error
        except Exception as error:  # a malformed file can fail anywhere inside Pillow's decoders
            raise PhotoError("corrupt", str(error)) from error
    return image


def _check_size(image: Image.Image) -> None:
    width, height = image.size
    if width < 1 or height < 1:
        raise PhotoError("corrupt", "no pixels")
    if width * height > MAX_PIXELS:
        raise PhotoError("too_big", f"{width}x{height} pixels")


def _flatten(image: Image.Image) -> Image.Image:
    """RGB with any transparency laid on white paper."""
    if image.mode == "P" and "transparency" in image.info:
        image = image.convert("RGBA")
    if image.mode in ("RGBA", "LA", "PA", "RGBa", "La"):
        rgba = image.convert("RGBA")
        paper = Image.new("RGB", rgba.size, "white")
        paper.paste(rgba, mask=rgba.getchannel("A"))
        return paper
    return image.convert("RGB")


def _to_srgb(image: Image.Image) -> Image.Image:
    """Phones often shoot in Display P3; print what the resident saw, then drop the profile."""
    icc = image.info.get("icc_profile")
    if not icc or image.mode not in ("RGB", "RGBA"):
        return image
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        return ImageCms.profileToProfile(image, source, ImageCms.createProfile("sRGB")) or image
    except (ImageCms.PyCMSError, OSError, ValueError):
        return image  # an unreadable profile only costs a little colour accuracy


def _encode(image: Image.Image) -> bytes:
    """A fresh image carries no EXIF, GPS, XMP or ICC data; only pixels are saved."""
    clean = Image.new("RGB", image.size)
    clean.paste(image)
    out = io.BytesIO()
    clean.save(out, format="JPEG", quality=JPEG_QUALITY, optimize=True)
    return out.getvalue()
