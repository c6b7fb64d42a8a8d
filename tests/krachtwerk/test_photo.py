"""prepare_photo: every kind of upload gives a clean, upright, small JPEG or a PhotoError."""

import io
import struct
import zlib
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image, ImageCms

from krachtwerk.photo import MAX_INPUT_BYTES, MAX_SIDE, PhotoError, PreparedPhoto, prepare_photo
from tests.properties import examples

ORIENTATION = 0x0112
MAKE = 0x010F
GPS_IFD = 0x8825
GPS_DATE = 0x001D
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-'
    b'syntax-ns#"><rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude='
    b'"52,22.5N" exif:GPSLongitude="4,53.8E"/></rdf:RDF></x:xmpmeta>'
)
RED, GREEN, BLUE, YELLOW = (220, 30, 30), (30, 180, 30), (30, 30, 220), (240, 220, 20)


def _open(data: bytes) -> Image.Image:
    return Image.open(io.BytesIO(data))


def _saved(image: Image.Image, format: str, **params: object) -> bytes:
    out = io.BytesIO()
    image.save(out, format=format, **params)
    return out.getvalue()


def _jpeg(size: tuple[int, int], exif: Image.Exif | None = None) -> bytes:
    return _saved(Image.new("RGB", size, "orange"), "JPEG", exif=exif or Image.Exif())


def _refused(data: bytes) -> str:
    with pytest.raises(PhotoError) as error:
        prepare_photo(data)
    assert isinstance(error.value, ValueError)
    return error.value.reason


def _close(pixel: tuple[int, ...], colour: tuple[int, int, int], tolerance: int = 40) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, colour, strict=True))


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def _png(width: int, height: int, depth: int, colour_type: int, rows: bytes) -> bytes:
    header = struct.pack(">IIBBBBB", width, height, depth, colour_type, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(rows))
        + _chunk(b"IEND", b"")
    )


def _png_bomb(width: int, height: int) -> bytes:
    """A tiny PNG that declares a huge size: opening it must not try to allocate the pixels."""
    return _png(width, height, 8, 2, b"\x00" * 1024)


def _jpeg_bomb(width: int, height: int) -> bytes:
    """A small JPEG whose frame header claims a huge size."""
    data = bytearray(_jpeg((16, 16)))
    frame = data.find(b"\xff\xc0")
    data[frame + 5 : frame + 9] = struct.pack(">HH", height, width)
    return bytes(data)


def _heic(image: Image.Image, **params: object) -> bytes:
    pillow_heif = pytest.importorskip("pillow_heif")
    out = io.BytesIO()
    try:
        pillow_heif.from_pillow(image).save(out, quality=80, **params)
    except (RuntimeError, ValueError, OSError) as error:
        pytest.skip(f"pillow_heif cannot write HEIC here: {error}")
    return out.getvalue()


def _heic_bomb(width: int, height: int) -> bytes:
    """A 64x64 HEIC (no crop box) whose 'ispe' property claims a huge size."""
    data = bytearray(_heic(Image.new("RGB", (64, 64), "teal")))
    ispe = data.find(b"ispe")
    data[ispe + 8 : ispe + 16] = struct.pack(">II", width, height)
    return bytes(data)


def _quadrants(size: tuple[int, int] = (60, 40)) -> Image.Image:
    """Red, green / blue, yellow: any turn or flip shows."""
    image = Image.new("RGB", size, YELLOW)
    w, h = size
    image.paste(RED, (0, 0, w // 2, h // 2))
    image.paste(GREEN, (w // 2, 0, w, h // 2))
    image.paste(BLUE, (0, h // 2, w // 2, h))
    return image


def _assert_upright_quadrants(image: Image.Image) -> None:
    w, h = image.size
    assert (w, h) == (60, 40)
    assert _close(image.getpixel((w // 4, h // 4)), RED)
    assert _close(image.getpixel((3 * w // 4, h // 4)), GREEN)
    assert _close(image.getpixel((w // 4, 3 * h // 4)), BLUE)
    assert _close(image.getpixel((3 * w // 4, 3 * h // 4)), YELLOW)


def _phone_photo() -> bytes:
    """A 12-megapixel camera JPEG, stored on its side (orientation 6), with GPS, make and XMP."""
    size = (4000, 3000)
    image = Image.merge(
        "RGB",
        (
            Image.linear_gradient("L").resize(size),
            Image.effect_noise(size, 40),
            Image.radial_gradient("L").resize(size),
        ),
    )
    exif = Image.Exif()
    exif[MAKE] = "PhoneMaker"
    exif[ORIENTATION] = 6
    exif.get_ifd(GPS_IFD).update(
        {1: "N", 2: (52.0, 22.0, 30.0), 3: "E", 4: (4.0, 53.0, 48.0), GPS_DATE: "2026:02:10"}
    )
    return _saved(image, "JPEG", quality=90, exif=exif, xmp=XMP)


@pytest.fixture(scope="module")
def phone_photo() -> bytes:
    return _phone_photo()


@pytest.fixture
def allocations(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    """The sizes of every image Pillow's loaders allocate during the test."""
    sizes: list[tuple[int, int]] = []
    real = Image.core.new

    def spy(mode: str, size: tuple[int, int], *rest: object) -> object:
        sizes.append(size)
        return real(mode, size, *rest)

    monkeypatch.setattr(Image.core, "new", spy)
    return sizes


# upright


UPRIGHT_TO_STORED: dict[int, Callable[[Image.Image], Image.Image]] = {
    # How a camera stores an upright scene for each EXIF orientation (EXIF 2.3, tag 0x0112).
    1: lambda image: image,
    2: lambda image: image.transpose(Image.Transpose.FLIP_LEFT_RIGHT),
    3: lambda image: image.transpose(Image.Transpose.ROTATE_180),
    4: lambda image: image.transpose(Image.Transpose.FLIP_TOP_BOTTOM),
    5: lambda image: image.transpose(Image.Transpose.TRANSPOSE),
    6: lambda image: image.transpose(Image.Transpose.ROTATE_90),  # row 0 is the right side
    7: lambda image: image.transpose(Image.Transpose.TRANSVERSE),
    8: lambda image: image.transpose(Image.Transpose.ROTATE_270),  # row 0 is the left side
}


@pytest.mark.parametrize("orientation", sorted(UPRIGHT_TO_STORED))
def test_every_exif_orientation_comes_out_upright(orientation: int) -> None:
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    stored = UPRIGHT_TO_STORED[orientation](_quadrants())

    out = _open(prepare_photo(_saved(stored, "JPEG", quality=95, exif=exif)))

    _assert_upright_quadrants(out)


def test_orientation_in_a_png_is_applied_too() -> None:
    exif = Image.Exif()
    exif[ORIENTATION] = 8
    stored = UPRIGHT_TO_STORED[8](_quadrants())

    _assert_upright_quadrants(_open(prepare_photo(_saved(stored, "PNG", exif=exif))))


def test_a_nonsense_orientation_is_ignored() -> None:
    exif = Image.Exif()
    exif[ORIENTATION] = 9

    _assert_upright_quadrants(_open(prepare_photo(_saved(_quadrants(), "JPEG", exif=exif))))


# a phone photo: fast, small, clean


def test_a_12_megapixel_phone_photo_is_turned_and_scaled_for_print(phone_photo: bytes) -> None:
    out = prepare_photo(phone_photo)  # its speed is measured in bench/pdf.py, not here

    assert _open(out).size == (MAX_SIDE * 3 // 4, MAX_SIDE)  # turned upright, long side MAX_SIDE


def test_all_metadata_is_stripped(phone_photo: bytes) -> None:
    original = _open(phone_photo)
    assert original.getexif().get_ifd(GPS_IFD)  # the input really carries GPS …
    assert b"PhoneMaker" in phone_photo and b"GPSLatitude" in phone_photo  # … in EXIF and XMP

    out = prepare_photo(phone_photo)
    image = _open(out)

    assert not image.getexif()
    assert not {"exif", "xmp", "icc_profile", "XML:com.adobe.xmp"} & set(image.info)
    for trace in (b"Exif", b"PhoneMaker", b"2026:02:10", b"GPS", b"xmp", b"ICC_PROFILE"):
        assert trace not in out


def test_the_photo_is_sharp_enough_for_its_frame() -> None:
    from krachtwerk.pdf.grid import PHOTO

    assert PHOTO.w / 25.4 * 300 <= MAX_SIDE  # 300 dpi across the whole frame


def test_a_large_photo_is_downscaled() -> None:
    assert _open(prepare_photo(_jpeg((4000, 3000)))).size == (MAX_SIDE, MAX_SIDE * 3 // 4)
    assert _open(prepare_photo(_jpeg((900, 3000)))).size == (300, MAX_SIDE)


def test_a_small_photo_keeps_its_size() -> None:
    assert _open(prepare_photo(_jpeg((320, 240)))).size == (320, 240)


def test_a_1_by_1_image_is_fine() -> None:
    out = _open(prepare_photo(_saved(Image.new("RGB", (1, 1), RED), "PNG")))

    assert out.size == (1, 1)
    assert _close(out.getpixel((0, 0)), RED)


def test_preparing_twice_changes_nothing_that_matters(phone_photo: bytes) -> None:
    once = prepare_photo(phone_photo)  # as plain bytes (from the tab's copy) it is cleaned again

    assert _open(prepare_photo(bytes(once))).size == _open(once).size


# colours and transparency


def test_a_png_with_transparency_is_laid_on_white() -> None:
    image = Image.new("RGBA", (100, 50), (0, 0, 0, 0))
    image.paste((200, 0, 0, 255), (0, 0, 50, 50))

    out = _open(prepare_photo(_saved(image, "PNG")))

    assert out.mode == "RGB"
    assert _close(out.getpixel((90, 25)), (255, 255, 255), 10)
    assert _close(out.getpixel((10, 25)), (200, 0, 0))


@pytest.mark.parametrize(
    ("mode", "see_through", "drawn"), [("P", 0, 1), ("L", 0, 200), ("RGB", (0, 0, 0), RED)]
)
def test_a_see_through_colour_is_laid_on_white(
    mode: str, see_through: int | tuple[int, int, int], drawn: int | tuple[int, int, int]
) -> None:
    image = Image.new(mode, (20, 10), see_through)
    if mode == "P":
        image.putpalette([0, 0, 0, *RED])
    image.paste(drawn, (0, 0, 10, 10))

    out = _open(prepare_photo(_saved(image, "PNG", transparency=see_through)))

    assert _close(out.getpixel((15, 5)), (255, 255, 255), 10)
    assert not _close(out.getpixel((5, 5)), (255, 255, 255), 10)


def test_a_16_bit_grey_png_keeps_its_greys() -> None:
    rows = b"".join(b"\x00" + struct.pack(">H", 0x8000) * 8 for _ in range(4))

    out = _open(prepare_photo(_png(8, 4, 16, 0, rows)))

    assert _close(out.getpixel((3, 2)), (128, 128, 128), 3)


def test_a_16_bit_colour_png_keeps_its_colours() -> None:
    pixel = struct.pack(">HHH", 200 * 257, 100 * 257, 50 * 257)
    rows = b"".join(b"\x00" + pixel * 8 for _ in range(4))

    out = _open(prepare_photo(_png(8, 4, 16, 2, rows)))

    assert _close(out.getpixel((3, 2)), (200, 100, 50), 3)


def test_a_cmyk_jpeg_is_printed_in_rgb() -> None:
    out = _open(prepare_photo(_saved(Image.new("CMYK", (60, 40), (0, 255, 255, 0)), "JPEG")))

    assert out.mode == "RGB"
    assert _close(out.getpixel((30, 20)), (255, 0, 0))


def _swapped_red_blue_profile() -> bytes:
    """An RGB colour profile whose red channel is sRGB's blue and the other way round."""
    data = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    count = struct.unpack(">I", data[128:132])[0]
    entries = {bytes(data[132 + 12 * i : 136 + 12 * i]): 136 + 12 * i for i in range(count)}
    red, blue = entries[b"rXYZ"], entries[b"bXYZ"]
    data[red : red + 8], data[blue : blue + 8] = data[blue : blue + 8], data[red : red + 8]
    return bytes(data)


@pytest.mark.parametrize("mode", ["RGB", "RGBA"])
def test_a_colour_profile_is_converted_to_srgb_and_dropped(mode: str) -> None:
    image = Image.new(mode, (20, 10), (255, 0, 0, 255)[: len(mode)])
    data = _saved(image, "PNG", icc_profile=_swapped_red_blue_profile())

    out = _open(prepare_photo(data))

    assert _close(out.getpixel((5, 5)), (0, 0, 255))
    assert "icc_profile" not in out.info


def test_a_broken_colour_profile_only_costs_colour_accuracy() -> None:
    data = _saved(Image.new("RGB", (20, 10), RED), "JPEG", icc_profile=b"not a profile")

    assert _close(_open(prepare_photo(data)).getpixel((5, 5)), RED)


@pytest.mark.parametrize("format", ["GIF", "WEBP", "PNG"])
def test_an_animation_gives_its_first_frame(format: str) -> None:
    frames = [Image.new("RGB", (50, 40), colour) for colour in (RED, GREEN, BLUE)]
    data = _saved(frames[0], format, save_all=True, append_images=frames[1:], duration=100)

    out = _open(prepare_photo(data))

    assert out.size == (50, 40)
    assert _close(out.getpixel((25, 20)), RED)


def test_a_multi_picture_jpeg_from_a_camera_works() -> None:
    big = _quadrants((2400, 1600))
    data = _saved(big, "MPO", save_all=True, append_images=[big.resize((240, 160))])
    assert _open(data).format == "MPO"

    assert _open(prepare_photo(data)).size == (MAX_SIDE, round(MAX_SIDE * 2 / 3))


# HEIC from phones


def test_heic_round_trip() -> None:
    out = _open(prepare_photo(_heic(Image.new("RGB", (320, 240), "teal"))))

    assert out.format == "JPEG"
    assert out.size == (320, 240)


def test_a_turned_heic_comes_out_upright() -> None:
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    stored = UPRIGHT_TO_STORED[6](_quadrants())  # the encoder turns this into an 'irot' box

    _assert_upright_quadrants(_open(prepare_photo(_heic(stored, exif=exif.tobytes()))))


# refused: what it is not, what is broken, what is too big


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"this is not a photo at all" * 10,
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + b"\x00" * 40,  # zip (also .docx)
        b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
        b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect/></svg>',
        b"<!DOCTYPE html><html><body><img src=x onerror=alert(1)></body></html>",
        b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\nshowpage\n",  # runs Ghostscript
    ],
    ids=["empty", "text", "zip", "pdf", "svg", "html", "eps"],
)
def test_what_is_not_a_photo_is_said_so(data: bytes) -> None:
    assert _refused(data) == "not_an_image"


@pytest.mark.parametrize("format", ["JPEG", "PNG", "WEBP"])
def test_a_truncated_photo_is_corrupt(format: str) -> None:
    data = _saved(Image.effect_noise((600, 400), 60).convert("RGB"), format)

    assert _refused(data[: len(data) // 2]) == "corrupt"


@pytest.mark.parametrize(
    "start",
    [
        b"\xff\xd8\xff\xe0\x00\x10JFIF",
        b"\x89PNG\r\n\x1a\n\x00\x00",
        b"GIF89a",
        b"RIFF\x00\x00\x00\x00WEBPVP8 ",
    ],
    ids=["jpeg", "png", "gif", "webp"],
)
def test_a_photo_broken_in_its_header_is_corrupt(start: bytes) -> None:
    assert _refused(start + b"\x00" * 30) == "corrupt"


def test_a_heic_broken_in_its_header_is_corrupt() -> None:
    data = _heic(Image.new("RGB", (64, 64), "teal"))

    assert _refused(data[:40]) == "corrupt"


def test_a_file_over_the_size_limit_is_refused_unread() -> None:
    assert _refused(b"\xff" * (MAX_INPUT_BYTES + 1)) == "too_big"


BOMBS = {
    "png 100000²": lambda: _png_bomb(100_000, 100_000),
    "png 10000²": lambda: _png_bomb(10_000, 10_000),  # where Pillow only warns
    "png 9000²": lambda: _png_bomb(9_000, 9_000),
    "jpeg 60000²": lambda: _jpeg_bomb(60_000, 60_000),
    "jpeg 8000²": lambda: _jpeg_bomb(8_000, 8_000),
    "heic 60000²": lambda: _heic_bomb(60_000, 60_000),
    "heic 9000²": lambda: _heic_bomb(9_000, 9_000),
}


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
@pytest.mark.parametrize("bomb", sorted(BOMBS))
def test_a_decompression_bomb_is_refused_without_its_pixels(
    bomb: str, allocations: list[tuple[int, int]]
) -> None:
    data = BOMBS[bomb]()
    assert len(data) < 2000

    assert _refused(data) == "too_big"
    assert all(w * h <= 1_000_000 for w, h in allocations), allocations


def test_a_text_bomb_inside_a_png_is_refused() -> None:
    text = zlib.compress(b" " * 20_000_000, 9)  # 20 MB of spaces in a small zTXt chunk
    data = _saved(Image.new("RGB", (8, 8), RED), "PNG")
    bomb = data[:33] + _chunk(b"zTXt", b"Comment\x00\x00" + text) + data[33:]

    assert _refused(bomb) in {"too_big", "corrupt"}


# whatever the bytes: a JPEG or a PhotoError, never another exception


SEEDS = [
    _saved(_quadrants(), "JPEG"),
    _saved(_quadrants(), "PNG"),
    _saved(_quadrants().convert("RGBA"), "WEBP"),
    _saved(_quadrants().convert("P"), "GIF"),
]


@settings(max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.sampled_from(SEEDS),
    changes=st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 255)), max_size=8),
    cut=st.integers(1, 10_000),
)
def test_damaged_bytes_never_crash(seed: bytes, changes: list[tuple[int, int]], cut: int) -> None:
    data = bytearray(seed[:cut])
    for position, value in changes:
        data[position % len(data)] = value
    try:
        out = prepare_photo(bytes(data))
    except PhotoError:
        return
    image = _open(out)
    assert image.format == "JPEG"
    assert max(image.size) <= MAX_SIDE


def test_a_prepared_photo_is_prepared_only_once(
    phone_photo: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The app prepares an upload once; the page render and a second prepare use it as it is."""
    from krachtwerk import photo as photo_module
    from krachtwerk.demos import load_demo
    from krachtwerk.pdf import render_pdf

    prepared = prepare_photo(phone_photo)
    assert isinstance(prepared, PreparedPhoto)

    def never(_: bytes) -> Image.Image:
        raise AssertionError("decoded again")

    monkeypatch.setattr(photo_module, "_opened", never)
    assert prepare_photo(prepared) is prepared
    assert render_pdf(load_demo("noor"), prepared).startswith(b"%PDF")
    with pytest.raises(AssertionError, match="decoded again"):
        render_pdf(load_demo("noor"), bytes(prepared))  # plain bytes are cleaned, whatever they are
