import io
import struct
import zlib

import pytest
from PIL import Image

from krachtwerk.photo import MAX_INPUT_BYTES, MAX_SIDE, PhotoError, prepare_photo

ORIENTATION = 0x0112
GPS_IFD = 0x8825


def _jpeg(size: tuple[int, int], exif: Image.Exif | None = None) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, "orange").save(out, format="JPEG", exif=exif or Image.Exif())
    return out.getvalue()


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def _png_bomb(width: int, height: int) -> bytes:
    """A tiny PNG that declares a huge size: opening it must not try to allocate the pixels."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00" * 1024)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", pixels)
        + _chunk(b"IEND", b"")
    )


def _open(data: bytes) -> Image.Image:
    return Image.open(io.BytesIO(data))


def test_exif_orientation_is_applied() -> None:
    exif = Image.Exif()
    exif[ORIENTATION] = 6  # rotate 90° clockwise to display

    out = _open(prepare_photo(_jpeg((400, 200), exif)))

    assert out.size == (200, 400)
    assert out.format == "JPEG"


def test_exif_and_gps_are_stripped() -> None:
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[ORIENTATION] = 1
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (52.0, 5.0, 0.0), 3: "E", 4: (4.0, 54.0, 0.0)})
    data = _jpeg((300, 200), exif)
    assert _open(data).getexif().get_ifd(GPS_IFD)  # the input really carries GPS

    out = prepare_photo(data)

    assert not _open(out).getexif()
    assert b"Exif" not in out
    assert b"PhoneMaker" not in out


def test_a_png_with_transparency_is_laid_on_white() -> None:
    image = Image.new("RGBA", (100, 50), (0, 0, 0, 0))
    image.paste((200, 0, 0, 255), (0, 0, 50, 50))
    raw = io.BytesIO()
    image.save(raw, format="PNG")

    out = _open(prepare_photo(raw.getvalue()))

    assert out.mode == "RGB"
    assert all(channel > 245 for channel in out.getpixel((90, 25)))
    red, green, _ = out.getpixel((10, 25))
    assert red > 180 and green < 40


def test_a_large_photo_is_downscaled() -> None:
    out = _open(prepare_photo(_jpeg((4000, 3000))))

    assert max(out.size) == MAX_SIDE
    assert out.size == (1200, 900)


def test_a_small_photo_keeps_its_size() -> None:
    assert _open(prepare_photo(_jpeg((320, 240)))).size == (320, 240)


def test_garbage_is_not_an_image() -> None:
    with pytest.raises(PhotoError) as error:
        prepare_photo(b"this is not a photo at all" * 10)

    assert error.value.reason == "not_an_image"
    assert isinstance(error.value, ValueError)


def test_empty_input_is_not_an_image() -> None:
    with pytest.raises(PhotoError) as error:
        prepare_photo(b"")

    assert error.value.reason == "not_an_image"


def test_a_file_over_the_size_limit_is_refused_unread() -> None:
    with pytest.raises(PhotoError) as error:
        prepare_photo(b"\xff" * (MAX_INPUT_BYTES + 1))

    assert error.value.reason == "too_big"


@pytest.mark.parametrize("side", [100_000, 9_000])
def test_a_decompression_bomb_is_refused(side: int) -> None:
    with pytest.raises(PhotoError) as error:
        prepare_photo(_png_bomb(side, side))

    assert error.value.reason == "too_big"


def test_a_truncated_photo_is_corrupt() -> None:
    data = _jpeg((600, 400))

    with pytest.raises(PhotoError) as error:
        prepare_photo(data[: len(data) // 2])

    assert error.value.reason == "corrupt"


def test_formats_that_run_other_programs_are_refused() -> None:
    eps = b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\nshowpage\n"

    with pytest.raises(PhotoError) as error:
        prepare_photo(eps)

    assert error.value.reason == "not_an_image"


def test_heic_round_trip() -> None:
    pillow_heif = pytest.importorskip("pillow_heif")
    raw = io.BytesIO()
    try:
        pillow_heif.from_pillow(Image.new("RGB", (320, 240), "teal")).save(raw, quality=80)
    except (RuntimeError, ValueError, OSError) as error:
        pytest.skip(f"pillow_heif cannot write HEIC here: {error}")

    out = _open(prepare_photo(raw.getvalue()))

    assert out.format == "JPEG"
    assert out.size == (320, 240)
