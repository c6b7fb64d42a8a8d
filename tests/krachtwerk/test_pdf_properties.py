"""Any text in any field, any scores, any photo: exactly one page, and the action prints whole."""

from __future__ import annotations

import datetime as dt
import io
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image
from pypdf import PdfReader

from krachtwerk import geometry
from krachtwerk.content import structure
from krachtwerk.model import (
    MAX_TEXT,
    MODES,
    Action,
    Conversation,
    DomainNotes,
    Kompas,
    Meeting,
    Professional,
    Resident,
    Strengths,
)
from krachtwerk.pdf import clean, render_pdf
from krachtwerk.photo import prepare_photo
from tests.properties import examples

ACTION_LIMIT = 500  # what the app lets a person type for the action
SETTINGS = settings(
    max_examples=examples(60),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _letters(*ranges: tuple[int, int]) -> list[str]:
    return [
        chr(code)
        for first, last in ranges
        for code in range(first, last + 1)
        if unicodedata.category(chr(code))[0] in "LN"
    ]


SCRIPTS = {
    "latin": _letters((0x30, 0x39), (0x41, 0x5A), (0x61, 0x7A), (0xC0, 0x17F), (0x1EA0, 0x1EF9)),
    "greek": _letters((0x386, 0x3CE)),
    "cyrillic": _letters((0x400, 0x45F)),
    "arabic": _letters((0x621, 0x64A), (0x660, 0x669)),
    "hebrew": _letters((0x5D0, 0x5EA)),
    "ethiopic": _letters((0x1200, 0x135A)),
}
# Letters with combining marks, as a keyboard may send them (decomposed, stacked, pointed).
MARKED = [
    "e\u0301",
    "a\u0308",
    "o\u0302\u0303",
    "u\u031b\u0323",
    "\u05d1\u05bc\u05b0",
    "\u05de\u05b8",
    "\u0645\u064e",
    "\u0628\u0651\u064f",
]
MARKUP = [*"<>/*_[]()#`~{}|\\!&;=\"'.,:?-+@%$^", "<b>", "</b>", "**", "[link](x)", "{nb}"]
EMOJI = [
    "😀",
    "🎂",
    "👩\u200d👩\u200d👧",
    "🧑\u200d🍳",
    "🇳🇱",
    "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f",
    "👍🏽",
    "❤\ufe0f",
    "#\ufe0f\u20e3",
]
CONTROL = [
    *"\x00\x07\x1b\x7f\u200b\u200e\u200f\ufeff\u00ad\u2060\ufffc\ufffd",
    *"\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
    "\U000f0000",  # private use
    "\u0378",  # unassigned
]
SPACE = [" ", "\t", "\n", "\r\n", "\u00a0", "\u3000", "\u2028", "\u2029", "\x85", "\u200a"]
PRINTED = {name: st.sampled_from(chars) for name, chars in SCRIPTS.items()}
# A token is typed as a whole; only letters, marked letters and markup must reach the page.
tokens = st.one_of(
    st.tuples(st.just(True), st.one_of(*PRINTED.values())),
    st.tuples(st.just(True), st.sampled_from(MARKED + MARKUP)),
    st.tuples(st.just(False), st.sampled_from(EMOJI + CONTROL + SPACE)),
)


def _typed(min_size: int = 0) -> st.SearchStrategy[str]:
    return st.lists(tokens, min_size=min_size, max_size=40).map(lambda t: "".join(s for _, s in t))


short_text = _typed()
# Long text is a typed piece repeated: up to the model's limit without generating megabytes.
long_text = st.tuples(_typed(min_size=1), st.integers(1, MAX_TEXT)).map(
    lambda piece: (piece[0] * (piece[1] // len(piece[0]) + 1))[: piece[1]]
)
any_text = st.one_of(st.just(""), short_text, long_text)


@st.composite
def actions(draw: st.DrawFn) -> tuple[str, set[str]]:
    """An action of at most ACTION_LIMIT characters, and the characters that must print."""
    found = draw(
        st.one_of(st.lists(tokens, max_size=60), st.lists(tokens, min_size=150, max_size=300))
    )
    text, expected = "", set()
    for printed, token in found:
        if len(text) + len(token) > ACTION_LIMIT:
            break
        text += token
        if printed:
            expected |= set(_normal(token))
    return text, expected


def _photo(mode: str, size: tuple[int, int], format: str) -> bytes:
    colour = (240, 160, 40, 90) if mode == "RGBA" else (40, 120, 200)
    image = Image.new(mode, size, colour)
    out = io.BytesIO()
    image.save(out, format=format)
    return prepare_photo(out.getvalue())


PHOTOS = [
    _photo("RGB", (64, 48), "JPEG"),
    _photo("RGBA", (20, 90), "PNG"),  # tall, with alpha
    _photo("RGB", (1, 1), "PNG"),
    _photo("RGBA", (300, 15), "PNG"),  # a thin strip (20:1, the thinnest a photo may be)
]
AXIS_IDS = sorted({axis.id for mode in MODES for axis in geometry.axes(mode)})
FOCUS_IDS = sorted({*AXIS_IDS, *(q.id for q in structure().quadrants)})
scores = st.dictionaries(st.sampled_from(AXIS_IDS), st.integers(0, 10), max_size=len(AXIS_IDS))


@st.composite
def conversations(draw: st.DrawFn, what: st.SearchStrategy[str]) -> Conversation:
    def text() -> str:
        return draw(any_text)

    current = Meeting(
        date=draw(st.dates(dt.date(2000, 2, 1), dt.date(2099, 12, 31))),
        strengths=Strengths(
            qualities=draw(st.lists(any_text, max_size=50)),
            domains={
                domain: DomainNotes(helpers=text())
                for domain in draw(st.lists(st.sampled_from(AXIS_IDS), max_size=4, unique=True))
            },
        ),
        kompas=Kompas(scores=draw(scores), focus=draw(st.none() | st.sampled_from(FOCUS_IDS))),
        action=Action(
            what=draw(what),
            when=text(),
            with_whom=text(),
            done_when=text(),
            goal=text(),
            next_meeting=draw(st.none() | st.dates(dt.date(2000, 1, 1), dt.date(2099, 12, 31))),
            shown_strengths=draw(st.lists(any_text, max_size=3)),
        ),
    )
    meetings = [current]
    if draw(st.booleans()):
        meetings.insert(0, Meeting(date=dt.date(2000, 1, 1), kompas=Kompas(scores=draw(scores))))
    return Conversation(
        resident=Resident(name=text(), address=draw(st.sampled_from(["je", "u"]))),
        professional=Professional(name=text(), contact=text()),
        language=draw(st.sampled_from(["nl", "en"])),
        mode=draw(st.sampled_from(MODES)),
        meetings=meetings,
    )


def _normal(text: str) -> str:
    """Compared after NFKC: shaped Arabic may come back as presentation forms."""
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFC", text))


def _one_page_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    return _normal(reader.pages[0].extract_text())


@SETTINGS
@given(data=st.data(), photo=st.sampled_from([None, *PHOTOS]))
def test_any_input_gives_one_page_with_the_whole_action(
    data: st.DataObject, photo: bytes | None
) -> None:
    what, expected = data.draw(actions())
    conversation = data.draw(conversations(st.just(what)))

    text = _one_page_text(render_pdf(conversation, photo))

    assert expected <= set(text), sorted(expected - set(text))


@SETTINGS
@given(conversation=conversations(st.text(max_size=ACTION_LIMIT)), name=st.text())
def test_any_unicode_at_all_gives_one_clean_page(conversation: Conversation, name: str) -> None:
    conversation.resident.name = name

    text = _one_page_text(render_pdf(conversation))

    assert not [c for c in text if unicodedata.category(c) in ("Cc", "Co", "Cs") and c != "\n"]


@settings(max_examples=examples(300), deadline=None)
@given(text=st.one_of(st.text(), short_text, st.text(st.characters(categories=["Cs", "Cf", "Mn"]))))
def test_clean_gives_one_tidy_line(text: str) -> None:
    cleaned = clean(text)

    assert clean(cleaned) == cleaned
    assert cleaned == cleaned.strip()
    assert "  " not in cleaned
    assert all(
        c == " " or unicodedata.category(c) not in ("Cc", "Cs", "Co", "Cn", "Zs", "Zl", "Zp")
        for c in cleaned
    )
    formats = [c for c in cleaned if unicodedata.category(c) == "Cf"]
    assert set(formats) <= {"\u200c", "\u200d"}  # only joiners between letters
