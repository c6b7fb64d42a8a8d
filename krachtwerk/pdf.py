"""The one-page PDF "voor op de koelkast" (SPEC §7): the kompas, one action, strengths, who helps.

It prints nothing from the validation step: that part of the model is never read here.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import io
import itertools
import logging
import math
import threading
import unicodedata
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fontTools.ttLib import TTFont
from fpdf import FPDF
from fpdf.drawing import DrawingContext
from fpdf.drawing_primitives import Point, Transform
from fpdf.enums import Align, TextEmphasis, WrapMode
from fpdf.fonts import SubsetMap, TTFFont
from fpdf.line_break import MultiLineBreak
from fpdf.output import ResourceCatalog
from fpdf.svg import SVGObject
from PIL import Image

from krachtwerk import geometry
from krachtwerk.axes import ModeAxes, mode_axes
from krachtwerk.content import axis_label, catalogue, structure
from krachtwerk.content.catalogue import Texts
from krachtwerk.model import Conversation, Meeting, Mode
from krachtwerk.photo import prepare_photo

FONT_DIR = Path(__file__).resolve().parents[1] / "assets" / "fonts"
FONT = "noto"
FONT_FILES = {"": "NotoSans-Regular.ttf", "B": "NotoSans-Bold.ttf"}
# Scripts Noto Sans lacks (it has Latin with Vietnamese, Greek and Cyrillic), in both weights so a
# name in the bold title is bold too; embedded only when a text needs them (each costs render time).
FALLBACK_FILES = {
    "notoarabic": {"": "NotoSansArabic-Regular.ttf", "B": "NotoSansArabic-Bold.ttf"},
    "notohebrew": {"": "NotoSansHebrew-Regular.ttf", "B": "NotoSansHebrew-Bold.ttf"},
    "notoethiopic": {"": "NotoSansEthiopic-Regular.ttf", "B": "NotoSansEthiopic-Bold.ttf"},
}
# Noto Sans cut down to Latin, made by assets/fonts/make_core.py: only ever subsetted from, when
# a page's glyphs are all in it (drawing and shaping always use the full font).
CORE_FILES = {
    "NotoSans-Regular.ttf": "NotoSansCore-Regular.ttf",
    "NotoSans-Bold.ttf": "NotoSansCore-Bold.ttf",
}
ELLIPSIS = "…"
# fpdf2 warns about missing glyphs by quoting them: that would put resident text in logs (§9).
logging.getLogger("fpdf").setLevel(logging.ERROR)

ToMm = Callable[[geometry.Point], tuple[float, float]]  # kompas units to page mm

# The grid, in mm on A4 portrait.
PAGE_W = 210.0  # A4 is 297 mm high; the grid below keeps within it
MARGIN = 15.0
CONTENT_W = PAGE_W - 2 * MARGIN
GUTTER = 8.0
PT = 25.4 / 72  # mm per point

# Type sizes in pt: (largest, smallest) a text may shrink between.
TITLE_PT = (24.0, 14.0)
DATE_PT = 13.0
LABEL_PT = 10.5
ACTION_PT = (30.0, 7.0)
GOAL_PT = (15.0, 9.0)
DETAIL_PT = (15.0, 9.0)
BODY_PT = (13.0, 9.0)
SMALL_PT = 9.0
MIN_PT = 9.0

# Warm, sober colours; the quadrant colours come from structure.toml.
INK = "#1F2A37"
MUTED = "#5F6B78"
PAPER_TINT = "#FFF7EA"
RULE = "#CDC6BB"
WHITE = "#FFFFFF"
STAR = "#F6C177"
NEUTRAL_ACCENT = "#E8DCC8"


@dataclass(frozen=True)
class Area:
    """A block's box on the page, in mm from the top left."""

    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    def top(self, h: float) -> Area:
        return Area(self.x, self.y, self.w, min(h, self.h))

    def below(self, h: float, gap: float = 0.0) -> Area:
        """What is left under the first h mm (and a gap)."""
        used = min(h + gap, self.h)
        return Area(self.x, self.y + used, self.w, self.h - used)

    def columns(self, *fractions: float, gap: float = GUTTER) -> list[Area]:
        width = self.w - gap * (len(fractions) - 1)
        result, x = [], self.x
        for fraction in fractions:
            result.append(Area(x, self.y, width * fraction, self.h))
            x += width * fraction + gap
        return result


STRIPE = Area(MARGIN, 8.0, CONTENT_W, 2.5)
HEADER = Area(MARGIN, 14.0, CONTENT_W, 11.0)
ACTION_PANEL = Area(MARGIN, 30.0, CONTENT_W, 88.0)
KOMPAS = Area(MARGIN, 124.0, 104.0, 104.0)
KOMPAS_CAPTION = Area(MARGIN, 232.5, 104.0, 16.0)  # below the quadrant labels, which hang out
SIDE_X = KOMPAS.right + GUTTER
SIDE_W = PAGE_W - MARGIN - SIDE_X
STRENGTHS = Area(SIDE_X, 124.0, SIDE_W, 46.0)
HELPERS = Area(SIDE_X, 174.0, SIDE_W, 22.0)
PHOTO = Area(SIDE_X, 200.0, SIDE_W, 46.0)
APPOINTMENT = Area(MARGIN, 256.0, CONTENT_W, 18.0)
FOOTER = Area(MARGIN, 281.0, CONTENT_W, 5.0)

# Inside the action panel: padding, then rows measured from the top of its main column.
PANEL_PAD_LEFT, PANEL_PAD_RIGHT, PANEL_PAD_TOP, PANEL_PAD_BOTTOM = 11.0, 7.0, 7.0, 5.0
PANEL_DONE_COLUMN = 0.26  # share of the width for the tick box and "how I will know"
GOAL_ROW = (0.0, 18.0)  # (top, height)
ACTION_ROW = (22.5, 35.0)
DETAILS_TOP = 59.0  # when and with whom
TICK_BOX = 14.0


@dataclass(frozen=True)
class Sheet:
    """Everything the page prints, already cleaned. Built from the model in one place."""

    t: Texts
    mode: Mode
    title: str
    date: str
    goal: str
    what: str
    when: str
    with_whom: str
    done_when: str
    strengths: tuple[str, ...]
    helpers: str
    next_meeting: str
    professional: str
    contact: str
    focus: str | None
    focus_label: str
    scores: dict[str, int]
    previous_scores: dict[str, int] = field(default_factory=dict)
    previous_date: str = ""
    accent: str = NEUTRAL_ACCENT


def pdf_filename(conversation: Conversation) -> str:
    """A neutral name: the meeting date, never a person's name (SPEC §9)."""
    return f"krachtkompas-{conversation.current.date.isoformat()}.pdf"


# Every session renders in a thread of one process, and documents share parsed objects: the
# pictograms (placing one sets its transform) and fontTools fonts (lazy tables load on first
# read). One page at a time; it is pure Python under the GIL anyway, so this costs no throughput.
RENDER_LOCK = threading.Lock()


# Fits of resident text, kept by the one session that owns them (SPEC §9: never shared) and
# handed in as ``fits``: a page drawn again after one change fits only the text that changed.
SESSION_FITS: ContextVar[dict[tuple[Any, ...], tuple[float, tuple[str, ...]]] | None] = ContextVar(
    "session_fits", default=None
)
MAX_SESSION_FITS = 300  # about ten pages' worth; then it starts again


def render_pdf(
    conversation: Conversation,
    photo: bytes | None = None,
    fits: dict[tuple[Any, ...], tuple[float, tuple[str, ...]]] | None = None,
) -> bytes:
    """One A4 page for the fridge. A ``photo`` that prepare_photo did not make is cleaned here, so
    no EXIF or GPS can slip through; a PreparedPhoto is used as it is. ``fits``: a dict the
    caller's session keeps between renders (the page is the same with or without it)."""
    prepared = prepare_photo(photo) if photo else None  # Pillow: separate images, no lock needed
    if fits is not None and len(fits) > MAX_SESSION_FITS:
        fits.clear()
    with RENDER_LOCK:
        token = SESSION_FITS.set(fits)
        try:
            return _render(conversation, prepared)
        finally:
            SESSION_FITS.reset(token)


def _render(conversation: Conversation, photo: bytes | None) -> bytes:
    sheet = _sheet(conversation)
    pdf = _document(sheet, conversation.language)
    _stripe(pdf, STRIPE)
    _header(pdf, HEADER, sheet)
    _action_panel(pdf, ACTION_PANEL, sheet)
    _kompas(pdf, KOMPAS, sheet)
    _kompas_caption(pdf, KOMPAS_CAPTION, sheet)
    _strengths(pdf, STRENGTHS, sheet)
    _helpers(pdf, HELPERS, sheet)
    _photo(pdf, PHOTO, sheet, photo)
    _appointment(pdf, APPOINTMENT, sheet)
    _footer(pdf, FOOTER, sheet)
    if pdf.pages_count != 1:
        raise RuntimeError(f"the page overflowed into {pdf.pages_count} pages")
    return _output(pdf)


# --- from the model to printable text -------------------------------------------------------


def _sheet(conversation: Conversation) -> Sheet:
    meeting = conversation.current
    t = catalogue(conversation.language).texts(conversation.mode, conversation.resident.address)
    action = meeting.action
    name = clean(conversation.resident.name)
    axes = mode_axes(conversation.mode)
    focus = axes.focus(meeting.kompas)
    previous_meeting = conversation.previous
    previous = axes.scores(previous_meeting.kompas) if previous_meeting else {}
    return Sheet(
        t=t,
        mode=conversation.mode,
        title=t("pdf.title_named", name=name) if name else t("pdf.title"),
        date=_date(t, meeting.date),
        goal=clean(action.goal),
        what=clean(action.what),
        when=clean(action.when),
        with_whom=clean(action.with_whom),
        done_when=clean(action.done_when),
        strengths=_strengths_of(meeting),
        helpers=_helpers_of(meeting, axes) or clean(action.with_whom),
        next_meeting=_date(t, action.next_meeting) if action.next_meeting else "",
        professional=clean(conversation.professional.name),
        contact=clean(conversation.professional.contact),
        focus=focus,
        focus_label=_axis_label(t, focus) if focus else "",
        scores=axes.scores(meeting.kompas),
        previous_scores=previous,
        previous_date=_date(t, previous_meeting.date) if previous and previous_meeting else "",
        accent=_accent(focus),
    )


def _strengths_of(meeting: Meeting) -> tuple[str, ...]:
    chosen = meeting.action.shown_strengths or meeting.strengths.qualities
    return tuple(itertools.islice(filter(None, map(clean, chosen)), 3))  # clean no more than needed


def _helpers_of(meeting: Meeting, axes: ModeAxes) -> str:
    """Who helps with the focus: its domain's notes, or every domain of a focus quadrant."""
    notes = meeting.strengths.domains
    found = [clean(notes[d].helpers) for d in axes.focus_domains(meeting.kompas) if d in notes]
    return "; ".join(dict.fromkeys(text for text in found if text))


def _axis_label(t: Texts, axis_id: str) -> str:
    try:
        return axis_label(t, axis_id)
    except KeyError:
        return ""


def _accent(focus: str | None) -> str:
    shape = structure()
    for domain in shape.domains:
        if domain.id == focus:
            return shape.quadrant(domain.quadrant).colour
    for quadrant in shape.quadrants:
        if quadrant.id == focus:
            return quadrant.colour
    return NEUTRAL_ACCENT


def _date(t: Texts, date: dt.date) -> str:
    months = t.list("pdf.months")
    return t("pdf.date", day=date.day, month=months[date.month - 1], year=date.year)


# --- text: clean, fit, draw ---------------------------------------------------------------------


@functools.cache
def _cmap(filename: str) -> frozenset[int]:
    """The code points a font can draw (static font data, safe to cache)."""
    font = TTFont(FONT_DIR / filename, lazy=True)
    try:
        return frozenset(font.getBestCmap())
    finally:
        font.close()


def _font_files() -> list[str]:
    """The fonts in the order fpdf2 looks for a glyph (both weights cover the same characters)."""
    return [FONT_FILES[""], *(files[""] for files in FALLBACK_FILES.values())]


@functools.cache
def _font_index() -> dict[int, int]:
    """Each code point a font has: the first such font (an index in _font_files). Font data only."""
    files = list(enumerate(_font_files()))
    return {code: index for index, name in reversed(files) for code in _cmap(name)}


@functools.cache
def _visible() -> frozenset[int]:
    """Code points a font has that are meant to print (no control, format, emoji leftovers)."""
    return frozenset(
        code
        for code in _font_index()
        if not unicodedata.category(chr(code)).startswith("C") and code not in DROPPED
    )


def _font_of(char: str) -> int:
    return _font_index().get(ord(char), -1)


def clean(text: str) -> str:
    """Text the embedded fonts can draw, as the person typed it, on one line.

    Control and format characters, emoji and glyphs no font has are dropped; any run of whitespace
    (newlines too) becomes one space. A dropped character never leaves a gap or a stray space:
    "Ik 🎂 bak een taart 🎉!" becomes "Ik bak een taart!".
    """
    chars = unicodedata.normalize("NFC", text)
    out: list[str] = []
    space = dropped = False  # seen since the last printed character
    for char, kept in zip(chars, _kept(chars), strict=True):
        if not kept:
            dropped = True
        elif char.isspace():
            space = True
        else:
            if out and space and not (dropped and _hugs(out[-1], char)):
                out.append(" ")
            out.append(char)
            space = dropped = False
    return _in_shaping_order("".join(out))


ZWJ, ZWNJ = "\u200d", "\u200c"
# Characters a font may have that mean nothing on the page: leftovers of emoji sequences
# (variation selectors, keycap, skin tones) and the specials U+FFF9-U+FFFD ("OBJ", "�").
# Format characters (bidi overrides and isolates, zero-width space, tags) go by category.
DROPPED = frozenset(
    [
        *range(0xFE00, 0xFE10),
        *range(0xE0100, 0xE01F0),
        0x20E3,
        *range(0x1F3FB, 0x1F400),
        *range(0xFFF9, 0xFFFE),
    ]
)
# Punctuation that closes up to the word before it ("taart 🎉!" loses the emoji and the space).
CLOSING = frozenset(".,;:!?…‼⁇⁈⁉،؛؟\u06d4።፣፤፥፦፧")


def _kept(chars: str) -> list[bool]:
    """Which characters print: a combining mark only on a printed letter drawn by the same font."""
    keep: list[bool] = []
    base = -1  # the font of the letter a following mark would sit on; -1: none
    for char in chars:
        if unicodedata.category(char).startswith("M"):
            keep.append(base >= 0 and _drawable(char) and _font_of(char) == base)
            continue
        keep.append(_drawable(char))
        letter = keep[-1] and not char.isspace() and char not in (ZWJ, ZWNJ)
        base = _font_of(char) if letter else -1
    for index, char in enumerate(chars):
        if char in (ZWJ, ZWNJ):  # only meaningful between two letters that stay (Arabic, Persian)
            before = index > 0 and keep[index - 1] and _is_letter(chars[index - 1])
            after = index + 1 < len(chars) and keep[index + 1] and _is_letter(chars[index + 1])
            keep[index] = bool(before and after)
    return keep


# HarfBuzz's own order for Hebrew points and Arabic harakat (its "modified combining classes":
# dagesh and shin dot before vowels, shadda first). Marks it must reorder share one cluster, and
# fpdf2 then maps only the first glyph back to text: copying from the PDF gave stray characters.
HEBREW_CLASSES = (22, 15, 16, 17, 23, 18, 19, 20, 21, 14, 24, 12, 25, 13, 10, 11, 26)  # for 10-26
ARABIC_CLASSES = (28, 29, 30, 31, 32, 33, 27, 34, 35)  # for 27-35
SHAPING_CLASS = dict(zip(range(10, 36), (*HEBREW_CLASSES, *ARABIC_CLASSES), strict=True))


def _in_shaping_order(text: str) -> str:
    """Each run of combining marks sorted as HarfBuzz will (canonically equivalent text)."""
    if not any(unicodedata.combining(char) for char in text):
        return text
    out: list[str] = []
    marks: list[str] = []
    for char in (*text, ""):
        if char and unicodedata.combining(char):
            marks.append(char)
            continue
        out += sorted(marks, key=lambda mark: _shaping_class(unicodedata.combining(mark)))
        marks = []
        out.append(char)
    return "".join(out)


def _shaping_class(combining: int) -> int:
    return SHAPING_CLASS.get(combining, combining)


def _drawable(char: str) -> bool:
    # Not visible: control, format, surrogate, private use, unassigned, or no font has it.
    return char.isspace() or char in (ZWJ, ZWNJ) or ord(char) in _visible()


def _is_letter(char: str) -> bool:
    return unicodedata.category(char)[0] in "LM"


def _hugs(before: str, after: str) -> bool:
    """Punctuation that sits against its word, where only a dropped emoji put a space."""
    return (
        unicodedata.category(before) in ("Ps", "Pi")
        or unicodedata.category(after) in ("Pe", "Pf")
        or after in CLOSING
    )


def _direction(text: str) -> str:
    """Right to left when most words are, so "محمد en Fatima" stays a Dutch line.

    On a tie the first word with a direction decides, as in the Unicode bidi algorithm.
    """
    votes = [vote for vote in map(_word_direction, text.split()) if vote]
    rtl = votes.count("rtl")
    if 2 * rtl == len(votes):
        return votes[0] if votes else "ltr"
    return "rtl" if 2 * rtl > len(votes) else "ltr"


def _word_direction(word: str) -> str | None:
    for char in word:
        kind = unicodedata.bidirectional(char)
        if kind == "L":
            return "ltr"
        if kind in ("R", "AL"):
            return "rtl"
    return None


def _embed_fallbacks(pdf: FPDF, text: str, bold: bool) -> None:
    """Embed the fallback fonts a text needs, in its weight: a Dutch-only page embeds none."""
    style = "B" if bold else ""
    missing = {ord(char) for char in text} - _cmap(FONT_FILES[style])
    if not missing:
        return
    for family, files in FALLBACK_FILES.items():
        if family + style not in pdf.fonts and missing & _cmap(files[style]):
            _add_font(pdf, family, style, files[style])
    embedded = [f for f in FALLBACK_FILES if f in pdf.fonts or f + "B" in pdf.fonts]
    pdf.set_fallback_fonts(embedded, exact_match=False)  # the other weight beats no glyph


def _set_font(pdf: FPDF, size: float, bold: bool = False) -> None:
    pdf.set_font(FONT, "B" if bold else "", size)


def _line_height(size: float, leading: float) -> float:
    return size * PT * leading


def _fit(
    pdf: FPDF,
    text: str,
    area: Area,
    sizes: tuple[float, float],
    bold: bool,
    leading: float,
    max_lines: int | None,
) -> tuple[float, list[str]]:
    """The largest size at which text fits the area; at the smallest size, cut with an ellipsis."""
    candidates = _sizes(*sizes)
    lines = _try_size(pdf, text, area, candidates[0], bold, leading, max_lines)
    if lines is not None:  # most texts fit at their largest size: one try
        return candidates[0], lines
    best: tuple[float, list[str]] | None = None
    low, high = 1, len(candidates) - 1
    while low <= high:  # binary search: fewer lines never need a smaller size
        middle = (low + high) // 2
        lines = _try_size(pdf, text, area, candidates[middle], bold, leading, max_lines)
        if lines is None:
            low = middle + 1
        else:
            best, high = (candidates[middle], lines), middle - 1
    if best:
        return best
    size = candidates[-1]
    room = _room(area, size, leading, max_lines)
    _set_font(pdf, size, bold)
    cut = text[: _capacity(area.w, size) * room]
    lines = _wrap(pdf, cut, area.w)[:room]
    lines[-1] = _ellipsize(pdf, lines[-1], area.w)
    return size, lines


# Fits of catalogue labels (at most a few hundred: languages x modes x addresses x labels). Only
# catalogue texts go in, never resident text (SPEC §9).
STATIC_FITS: dict[tuple[Any, ...], tuple[float, tuple[str, ...]]] = {}


def _kept_fit(
    kept: dict[tuple[Any, ...], tuple[float, tuple[str, ...]]] | None,
    pdf: FPDF,
    text: str,
    area: Area,
    sizes: tuple[float, float],
    bold: bool,
    leading: float,
    max_lines: int | None,
    direction: str,
) -> tuple[float, list[str]]:
    """_fit, looked up in ``kept`` first (fitting only measures: it adds nothing to the page)."""
    if kept is None:
        return _fit(pdf, text, area, sizes, bold, leading, max_lines)
    key = (text, area, sizes, bold, leading, max_lines, direction)
    if key not in kept:
        size, lines = _fit(pdf, text, area, sizes, bold, leading, max_lines)
        kept[key] = (size, tuple(lines))
    size, lines = kept[key]
    return size, list(lines)


def _sizes(largest: float, smallest: float) -> list[float]:
    """Sizes to try, largest first: big steps at display sizes, 1 pt steps near body text."""
    sizes, size = [], largest
    while size > smallest:
        sizes.append(size)
        size -= 2.0 if size > 16 else 1.0
    return [*sizes, smallest]


def _try_size(
    pdf: FPDF,
    text: str,
    area: Area,
    size: float,
    bold: bool,
    leading: float,
    max_lines: int | None,
) -> list[str] | None:
    room = _room(area, size, leading, max_lines)
    if len(text) > _capacity(area.w, size) * room:
        return None  # cannot fit: skip the costly wrapping of a very long text
    _set_font(pdf, size, bold)
    lines = _wrap(pdf, text, area.w)
    return lines if len(lines) <= room else None


def _room(area: Area, size: float, leading: float, max_lines: int | None) -> int:
    room = max(1, int((area.h + 0.01) // _line_height(size, leading)))
    return min(room, max_lines) if max_lines else room


def _capacity(width: float, size: float) -> int:
    """More characters than any real line holds (narrow glyphs are ~0.3 em wide)."""
    return int(width / (0.3 * size * PT)) + 2


def _wrap(pdf: FPDF, text: str, width: float) -> list[str]:
    """The lines ``multi_cell(width, h, text, align="L", dry_run=True, output="LINES")`` gives.

    The same line breaker, without the dry run's drawing of each line: that cost a third of the
    time (fpdf2 2.8.9 internals; tests/krachtwerk/test_pdf.py compares it with multi_cell).
    """
    if not text:
        return [""]
    fragments = pdf._preload_bidirectional_text(text.replace("\r", ""), False)
    margins = [pdf.c_margin, pdf.c_margin]
    breaker = MultiLineBreak(fragments, width, margins, align=Align.L, wrapmode=WrapMode.WORD)
    lines = list(iter(breaker.get_line, None))
    return [line.strip() for line in pdf._join_text_lines(lines)] or [""]


def _ellipsize(pdf: FPDF, line: str, width: float) -> str:
    """End a line with "…", dropping whole words first so no word is cut in half if avoidable."""
    line = line.rstrip(TRIMMED)
    while line and pdf.get_string_width(line + ELLIPSIS) > width:
        head, _, _ = line.rpartition(" ")
        line = head.rstrip(TRIMMED) if head else line[:-1].rstrip(TRIMMED)
    return line + ELLIPSIS


TRIMMED = " ,.;:-" + ZWJ + ZWNJ  # nothing to end on before "…"


def _text(
    pdf: FPDF,
    area: Area,
    text: str,
    sizes: tuple[float, float] | float,
    *,
    bold: bool = False,
    colour: str = INK,
    align: str = "L",
    leading: float = 1.25,
    max_lines: int | None = None,
    direction: str | None = None,
    static: bool = False,
) -> float:
    """Draw text fitted into the area from its top; return the height used.

    ``direction`` ("ltr", "rtl") is found from the text unless given: a sentence of the page's own
    language that holds a name (the title) stays left to right, however long the name.
    ``static``: a catalogue text (a label), never resident text (SPEC §9): its fit is kept for
    the process.
    """
    if not text:
        return 0.0
    if isinstance(sizes, float | int):
        sizes = (float(sizes), min(float(sizes), MIN_PT))
    _embed_fallbacks(pdf, text, bold)
    # One direction for the whole text, for measuring and drawing: each line is drawn on its own,
    # and a line that starts with an Arabic name must not turn a Dutch sentence around.
    direction = direction or _direction(text)
    pdf.set_text_shaping(True, direction=direction)
    kept = STATIC_FITS if static else SESSION_FITS.get()
    size, lines = _kept_fit(kept, pdf, text, area, sizes, bold, leading, max_lines, direction)
    _set_font(pdf, size, bold)  # the search may have left another size set
    height = _line_height(size, leading)
    if direction == "rtl" and align == "L" and len(lines) > 1:
        align = "R"  # a wrapped right-to-left paragraph starts each line at the same edge
    pdf.set_text_color(colour)
    for index, line in enumerate(lines):
        pdf.set_xy(area.x, area.y + index * height)
        pdf.cell(area.w, height, line, align=align)
        # fpdf2 2.8.9: a line starting in a fallback font sets the main font only inside its own
        # q/Q, yet marks it as set for the page; the next line would print in the wrong font.
        pdf.current_font_is_set_on_page = False
    pdf.set_text_shaping(True)  # other text finds its own direction again
    return height * len(lines)


def _label(pdf: FPDF, area: Area, text: str, max_lines: int = 1) -> float:
    """A block's small bold heading; returns the height it takes with its gap."""
    used = _text(
        pdf,
        area,
        text,
        LABEL_PT,
        bold=True,
        colour=MUTED,
        max_lines=max_lines,
        leading=1.2,
        static=True,
    )
    return used + 1.0


def _write_lines(pdf: FPDF, area: Area, count: int, gap: float) -> None:
    """Empty lines to write on by hand: an empty field still looks meant."""
    gap = min(gap, area.h / count)
    with pdf.local_context(draw_color=RULE, line_width=0.3):
        for index in range(count):
            y = area.y + gap * (index + 1)
            pdf.line(area.x, y, area.right, y)


# --- the blocks ---------------------------------------------------------------------------------


def _stripe(pdf: FPDF, area: Area) -> None:
    """Four quadrant colours along the top: the kompas's signature."""
    colours = [q.colour for q in structure().quadrants]
    width = area.w / len(colours)
    for index, colour in enumerate(colours):
        pdf.set_fill_color(colour)
        pdf.rect(area.x + index * width, area.y, width, area.h, style="F")


def _header(pdf: FPDF, area: Area, sheet: Sheet) -> None:
    """Title on the left, the date on the right of the same line."""
    _set_font(pdf, DATE_PT)
    date_w = pdf.get_string_width(sheet.date) + 1.0
    title = Area(area.x, area.y, area.w - date_w - GUTTER, area.h)
    _text(pdf, title, sheet.title, TITLE_PT, bold=True, max_lines=1, leading=1.2, direction="ltr")
    date = Area(area.right - date_w, area.bottom - _line_height(DATE_PT, 1.25) - 1.2, date_w, 6.0)
    _text(pdf, date, sheet.date, DATE_PT, colour=MUTED, align="R", max_lines=1)


def _action_panel(pdf: FPDF, area: Area, sheet: Sheet) -> None:
    """The heart of the page: my goal, what I will do (biggest), when, with whom, done."""
    pdf.set_fill_color(PAPER_TINT)
    pdf.rect(area.x, area.y, area.w, area.h, style="F", round_corners=True, corner_radius=4)
    pdf.set_fill_color(sheet.accent)
    pdf.rect(
        area.x,
        area.y,
        4.0,
        area.h,
        style="F",
        round_corners=("TOP_LEFT", "BOTTOM_LEFT"),
        corner_radius=4,
    )
    inner = Area(
        area.x + PANEL_PAD_LEFT,
        area.y + PANEL_PAD_TOP,
        area.w - PANEL_PAD_LEFT - PANEL_PAD_RIGHT,
        area.h - PANEL_PAD_TOP - PANEL_PAD_BOTTOM,
    )
    main, done = inner.columns(1 - PANEL_DONE_COLUMN, PANEL_DONE_COLUMN, gap=10.0)
    _goal(pdf, _row(main, *GOAL_ROW), sheet)
    _action(pdf, _row(main, *ACTION_ROW), sheet)
    when, with_whom = main.below(DETAILS_TOP).columns(0.5, 0.5)
    _detail(pdf, when, sheet.t("pdf.when"), sheet.when)
    _detail(pdf, with_whom, sheet.t("pdf.with_whom"), sheet.with_whom)
    with pdf.local_context(draw_color=RULE, line_width=0.3):
        pdf.line(done.x - 5.0, done.y, done.x - 5.0, done.bottom)
    _done(pdf, done, sheet)


def _row(area: Area, top: float, height: float) -> Area:
    return Area(area.x, area.y + top, area.w, height)


def _field(
    pdf: FPDF,
    area: Area,
    label: str,
    value: str,
    sizes: tuple[float, float] | float,
    blank: tuple[int, float],
    **style: Any,
) -> None:
    """A labelled block: the value fitted below its label, or lines to write on by hand."""
    rest = area.below(_label(pdf, area, label))
    if value:
        _text(pdf, rest, value, sizes, **style)
    else:
        _write_lines(pdf, rest, *blank)


def _goal(pdf: FPDF, area: Area, sheet: Sheet) -> None:
    _field(pdf, area, sheet.t("pdf.goal"), sheet.goal, GOAL_PT, (1, 9.0), max_lines=2)


def _action(pdf: FPDF, area: Area, sheet: Sheet) -> None:
    label = sheet.t("pdf.action")
    used = _text(pdf, area, label, 12.0, bold=True, max_lines=1, static=True) + 1.0
    rest = area.below(used)
    if sheet.what:
        _text(pdf, rest, sheet.what, ACTION_PT, bold=True, leading=1.15)
    else:
        _write_lines(pdf, rest, 3, 9.5)


def _detail(pdf: FPDF, area: Area, label: str, value: str) -> None:
    _field(pdf, area, label, value, DETAIL_PT, (1, 8.0), bold=True, max_lines=2, leading=1.15)


def _done(pdf: FPDF, area: Area, sheet: Sheet) -> None:
    """A box to tick on the fridge, and how I will know it worked."""
    box = TICK_BOX
    with pdf.local_context(draw_color=INK, fill_color=WHITE, line_width=0.8):
        pdf.rect(area.x, area.y, box, box, style="DF", round_corners=True, corner_radius=2)
    beside = Area(area.x + box + 3.0, area.y + 2.0, area.w - box - 3.0, 10.0)
    _text(pdf, beside, sheet.t("pdf.done"), (16.0, 10.0), bold=True, max_lines=1, static=True)
    rest = area.below(box + 5.0)
    used = _label(pdf, rest, sheet.t("pdf.done_when"), max_lines=3)
    rest = rest.below(used)
    if sheet.done_when:
        _text(pdf, rest, sheet.done_when, BODY_PT)
    else:
        _write_lines(pdf, rest, 3, 8.0)


def _kompas(pdf: FPDF, area: Area, sheet: Sheet) -> None:
    """The kompas, drawn from the one geometry (unit x/y, y up) scaled into the area."""
    scale = min(area.w, area.h) / (2 * geometry.EXTENT)
    centre = (area.x + area.w / 2, area.y + area.h / 2)

    def mm(point: geometry.Point) -> tuple[float, float]:
        return (centre[0] + point[0] * scale, centre[1] - point[1] * scale)

    axes = geometry.axes(sheet.mode)
    _kompas_rose(pdf, mm)
    _kompas_axes(pdf, mm, axes, sheet.focus)
    if sheet.previous_scores:
        with pdf.local_context(draw_color=INK, line_width=0.55):
            pdf.set_dash_pattern(dash=1.6, gap=1.2)
            pdf.polyline([mm(p) for p in geometry.score_shape(axes, sheet.previous_scores)])
            pdf.set_dash_pattern()
    if sheet.scores:
        shape = [mm(p) for p in geometry.score_shape(axes, sheet.scores)]
        with pdf.local_context(fill_color=INK, fill_opacity=0.16):
            pdf.polygon(shape, style="F")
        with pdf.local_context(draw_color=INK, line_width=0.8):
            pdf.polyline(shape)
        with pdf.local_context(fill_color=INK):
            for axis in axes:
                if axis.id in sheet.scores:
                    x, y = mm(axis.at(sheet.scores[axis.id]))
                    pdf.circle(x, y, 1.0, style="F")
    _kompas_icons(pdf, mm, scale, axes, sheet)
    _kompas_badges(pdf, mm, scale, axes, sheet)


def _kompas_rose(pdf: FPDF, mm: ToMm) -> None:
    """Coloured quadrants with white rings: legible as light greys in black and white."""
    for sector in geometry.sectors():
        pdf.set_fill_color(sector.colour)
        pdf.polygon([mm(p) for p in sector.outline], style="F")
    with pdf.local_context(draw_color=WHITE, line_width=0.35):
        for _score, ring in geometry.rings():
            pdf.polyline([mm(p) for p in ring])


def _kompas_axes(pdf: FPDF, mm: ToMm, axes: list[geometry.Axis], focus: str | None) -> None:
    with pdf.local_context(draw_color=WHITE, line_width=0.6):
        for axis in axes:
            pdf.line(*mm((0.0, 0.0)), *mm(axis.end))
    for axis in axes:
        if axis.id == focus:
            with pdf.local_context(draw_color=INK, line_width=1.6):
                pdf.line(*mm((0.0, 0.0)), *mm(axis.end))


def _kompas_icons(
    pdf: FPDF, mm: ToMm, scale: float, axes: list[geometry.Axis], sheet: Sheet
) -> None:
    shape = structure()
    for sector in geometry.sectors():
        _pictogram(pdf, mm, scale, sector.icon, shape.pictogram(sector.quadrant))
        x, y = mm(sector.label_anchor)
        width = 2 * min(x - MARGIN, PAGE_W - MARGIN - x, 30.0)
        label = sheet.t(f"quadrants.{sector.quadrant}.label")
        _text(
            pdf,
            Area(x - width / 2, y, width, 5.0),
            label,
            (10.0, 7.0),
            bold=True,
            colour=sector.ink,
            align="C",
            max_lines=1,
            leading=1.1,
            static=True,
        )
    for axis in axes:
        if axis.id == sheet.focus:
            x, y = mm((axis.icon.x, axis.icon.y))
            with pdf.local_context(draw_color=INK, line_width=0.7, fill_color=WHITE):
                pdf.circle(x, y, axis.icon.size * scale * 0.62, style="DF")
        _pictogram(pdf, mm, scale, axis.icon, shape.pictogram(axis.id))


def _kompas_badges(
    pdf: FPDF, mm: ToMm, scale: float, axes: list[geometry.Axis], sheet: Sheet
) -> None:
    """Each score as a number on the rim, so the picture also reads without colour."""
    radius = 2.5
    at = 1.0 - radius / scale * 0.35
    for axis in axes:
        if axis.id not in sheet.scores:
            continue
        x, y = mm(geometry.polar(at, axis.angle))
        focus = axis.id == sheet.focus
        with pdf.local_context(draw_color=INK, line_width=0.35, fill_color=INK if focus else WHITE):
            pdf.circle(x, y, radius, style="DF")
        _set_font(pdf, 8.5, bold=True)
        pdf.set_text_color(WHITE if focus else INK)
        pdf.set_xy(x - radius, y - radius)
        pdf.cell(2 * radius, 2 * radius, str(sheet.scores[axis.id]), align="C")


def _pictogram(pdf: FPDF, mm: ToMm, scale: float, box: geometry.Box, path: Path) -> None:
    left, top = mm((box.left, box.top))
    size = box.size * scale
    svg = _svg(path)
    if svg is None:
        pdf.image(str(path), left, top, size, size)
        return
    x, y = pdf.x, pdf.y
    pdf.set_xy(0, 0)
    key = (path, size, left, top, *_drawing_state(pdf))
    drawn = PICTOGRAMS.get(key)
    if drawn is None:
        drawn = PICTOGRAMS[key] = _drawn_pictogram(pdf, svg, size, left, top)
    _place(pdf, drawn)
    pdf.set_xy(x, y)


# A pictogram's content stream is the same on every page that places it at the same spot with the
# same drawing state: fpdf2 draws one in ~1 ms (a quarter of a page), so each is drawn once per
# process into a scratch catalogue and placed by mapping its graphics states onto the document's
# own. Pictograms and positions are static assets and geometry: nothing about a resident (§9).
# fpdf2 internals used (2.8.9): DrawingContext.render, the ResourceCatalog's graphics-state
# registry and resource index, FPDF._out, _set_min_pdf_version, _current_graphic_style.
# test_pdf.py checks the page against FPDF.image() byte for byte, for every mode.
PICTOGRAMS: dict[tuple[Any, ...], tuple[str, tuple[str, ...]]] = {}


def _drawing_state(pdf: FPDF) -> tuple[Any, ...]:
    """What fpdf2 derives a drawing's starting style from (FPDF._current_graphic_style)."""
    dash = pdf.dash_pattern
    return (
        pdf.allow_images_transparency,
        pdf.line_width,
        pdf.draw_color,
        pdf.fill_color,
        (dash["dash"], dash["gap"], dash["phase"]),
        pdf.k,
        pdf.h,
    )


def _drawn_pictogram(
    pdf: FPDF, svg: SVGObject, size: float, left: float, top: float
) -> tuple[str, tuple[str, ...]]:
    """What FPDF.image() writes for an SVG (fpdf2 2.8.9), with scratch names for its graphics
    states, and those states' dicts in the order it registers them. The parsed pictogram is
    shared by every document: placing it sets its transform (RENDER_LOCK)."""
    _, _, group = svg.transform_to_rect_viewport(
        scale=1, width=size, height=size, ignore_svg_top_attrs=True
    )
    group.transform = group.transform @ Transform.translation(left, top)
    context = DrawingContext()
    context.add_item(group, False)
    scratch = ResourceCatalog()
    stream = context.render(scratch, Point(0, 0), pdf.k, pdf.h, pdf._current_graphic_style())
    return stream, tuple(scratch.graphics_styles)


class _RegisteredStyle:
    """A graphics state as ResourceCatalog.register_graphics_style reads it: only serialize()."""

    def __init__(self, serialized: str) -> None:
        self.serialized = serialized

    def serialize(self) -> str:
        return self.serialized


def _place(pdf: FPDF, drawn: tuple[str, tuple[str, ...]]) -> None:
    """The rest of FPDF.drawing_context(): register, index and write the stream."""
    stream, styles = drawn
    catalog = pdf._resource_catalog
    names = {
        f"GS{index}": str(catalog.register_graphics_style(_RegisteredStyle(style)))
        for index, style in enumerate(styles)
    }
    stream = ResourceCatalog.GS_REGEX.sub(lambda m: f"/{names[m.group(1)]} gs", stream)
    catalog.index_stream_resources(stream, pdf.page)
    pdf._out(stream)
    pdf._set_min_pdf_version("1.4")


@functools.cache
def _svg(path: Path) -> SVGObject | None:
    """A pictogram parsed once; None when it has gradients (drawing changes those in place)."""
    svg = SVGObject(path.read_bytes())
    return None if svg.gradient_definitions or not svg.viewbox else svg


def _kompas_caption(pdf: FPDF, area: Area, sheet: Sheet) -> None:
    """Which axis I work on, how to read the numbers, and which shape is which."""
    rest = area
    if sheet.focus_label:
        text = f"{sheet.t('pdf.focus')}: {sheet.focus_label}"
        used = _text(pdf, rest, text, (12.0, MIN_PT), bold=True, align="C", max_lines=1)
        rest = rest.below(used, 0.5)
    if sheet.scores:
        scale = sheet.t("pdf.scale")
        used = _text(
            pdf, rest, scale, (SMALL_PT, 7.0), colour=MUTED, align="C", max_lines=1, static=True
        )
        rest = rest.below(used, 0.5)
    if sheet.previous_scores:
        _legend(pdf, rest, sheet)


def _legend(pdf: FPDF, area: Area, sheet: Sheet) -> None:
    now = sheet.t("pdf.legend_now")
    before = f"{sheet.t('pdf.legend_previous')} ({sheet.previous_date})"
    _set_font(pdf, SMALL_PT)
    sample = 8.0
    width = 2 * sample + 6.0 + pdf.get_string_width(now) + pdf.get_string_width(before) + 10.0
    x = area.x + max(0.0, (area.w - width) / 2)
    y = area.y + 2.5
    with pdf.local_context(draw_color=INK, line_width=0.8):
        pdf.line(x, y, x + sample, y)
    x += sample + 2.0
    x += _inline(pdf, x, area.y, now) + 8.0
    with pdf.local_context(draw_color=INK, line_width=0.55):
        pdf.set_dash_pattern(dash=1.6, gap=1.2)
        pdf.line(x, y, x + sample, y)
        pdf.set_dash_pattern()
    _inline(pdf, x + sample + 2.0, area.y, before)


def _inline(pdf: FPDF, x: float, y: float, text: str) -> float:
    _set_font(pdf, SMALL_PT)
    pdf.set_text_color(MUTED)
    width = min(pdf.get_string_width(text), PAGE_W - MARGIN - x)
    pdf.set_xy(x, y)
    pdf.cell(width, 5.0, text)
    return width


def _strengths(pdf: FPDF, area: Area, sheet: Sheet) -> None:
    """Up to three strengths, each with a star."""
    used = _label(pdf, area, sheet.t("pdf.strengths"))
    rest = area.below(used + 1.0)
    row = rest.h / 3
    for index in range(3):
        line = Area(rest.x, rest.y + index * row, rest.w, row)
        _star(pdf, line.x + 3.0, line.y + 3.6, 3.0)
        text_area = Area(line.x + 9.0, line.y, line.w - 9.0, row)
        if index < len(sheet.strengths):
            _text(pdf, text_area, sheet.strengths[index], BODY_PT, max_lines=2, leading=1.15)
        else:
            _write_lines(pdf, text_area.top(7.0), 1, 7.0)


def _star(pdf: FPDF, x: float, y: float, radius: float) -> None:
    points = [
        (x + r * math.sin(math.radians(36 * i)), y - r * math.cos(math.radians(36 * i)))
        for i, r in ((i, radius if i % 2 == 0 else radius * 0.45) for i in range(10))
    ]
    with pdf.local_context(draw_color=INK, fill_color=STAR, line_width=0.35):
        pdf.polygon(points, style="DF")


def _helpers(pdf: FPDF, area: Area, sheet: Sheet) -> None:
    _field(pdf, area, sheet.t("pdf.helpers"), sheet.helpers, BODY_PT, (2, 7.5), leading=1.2)


def _photo(pdf: FPDF, area: Area, sheet: Sheet, photo: bytes | None) -> None:
    """The photo fitted in its frame, or a dashed frame to stick one on."""
    if photo:
        with Image.open(io.BytesIO(photo)) as image:
            width, height = image.size
        fit = min(area.w / width, area.h / height)
        w, h = width * fit, height * fit
        x, y = area.x + (area.w - w) / 2, area.y + (area.h - h) / 2
        pdf.image(io.BytesIO(photo), x, y, w, h)
        with pdf.local_context(draw_color=RULE, line_width=0.3):
            pdf.rect(x, y, w, h)
        return
    with pdf.local_context(draw_color=MUTED, line_width=0.4):
        pdf.set_dash_pattern(dash=2.0, gap=1.5)
        pdf.rect(area.x, area.y, area.w, area.h, round_corners=True, corner_radius=3)
        pdf.set_dash_pattern()
    middle = Area(area.x + 4.0, area.y + area.h / 2 - 3.5, area.w - 8.0, 7.0)
    label = sheet.t("pdf.photo")
    _text(pdf, middle, label, (12.0, MIN_PT), colour=MUTED, align="C", max_lines=1, static=True)


def _appointment(pdf: FPDF, area: Area, sheet: Sheet) -> None:
    """Next appointment and my contact person, side by side on a rule."""
    with pdf.local_context(draw_color=RULE, line_width=0.3):
        pdf.line(area.x, area.y - 3.0, area.right, area.y - 3.0)
    left, right = area.columns(0.42, 0.58)
    used = _label(pdf, left, sheet.t("pdf.next_meeting"))
    if sheet.next_meeting:
        _text(pdf, left.below(used), sheet.next_meeting, DETAIL_PT, bold=True, max_lines=1)
    else:
        _write_lines(pdf, left.below(used), 1, 8.0)
    used = _label(pdf, right, sheet.t("pdf.contact"))
    rest = right.below(used)
    if not (sheet.professional or sheet.contact):
        _write_lines(pdf, rest, 1, 8.0)
        return
    if sheet.professional:
        used = _text(pdf, rest, sheet.professional, DETAIL_PT, bold=True, max_lines=1)
        rest = rest.below(used)
    _text(pdf, rest, sheet.contact, BODY_PT, max_lines=1)


def _footer(pdf: FPDF, area: Area, sheet: Sheet) -> None:
    left, right = area.columns(0.4, 0.6)
    footer, hang_up = sheet.t("pdf.footer"), sheet.t("pdf.hang_up")
    _text(pdf, left, footer, SMALL_PT, colour=MUTED, max_lines=1, static=True)
    _text(pdf, right, hang_up, SMALL_PT, colour=MUTED, align="R", max_lines=1, static=True)


# --- the document -------------------------------------------------------------------------------


def _document(sheet: Sheet, language: str) -> FPDF:
    pdf = FPDF(orientation="P", unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.c_margin = 0
    for style, filename in FONT_FILES.items():
        _add_font(pdf, FONT, style, filename)
    pdf.set_text_shaping(True)
    pdf.alias_nb_pages(None)  # else a "{nb}" someone typed would print as the page count
    # Metadata: what the page is and its language; never the resident's name.
    pdf.set_title(sheet.t("pdf.meta_title"))
    pdf.set_lang(language)
    pdf.set_creator("Krachtkompas")
    pdf.add_page()
    return pdf


# --- fonts: parsed once per process, subset per document ---------------------------------------
# fpdf2's add_font parses a whole font for every document (Noto Sans: 3,317 glyphs, ~10 ms each).
# A parsed font is static data: one is kept per process, and each document gets a copy with its
# own subset, widths and descriptor. This uses fpdf2 internals (TTFFont, SubsetMap): fpdf2 is
# pinned in requirements.txt, and tests/krachtwerk/test_pdf.py checks pages and subsets.

# Layout tables fpdf2 leaves out of every embedded font; fontTools still reads them to subset.
DROPPED_LAYOUT = ("GDEF", "GPOS", "GSUB")


def _add_font(pdf: FPDF, family: str, style: str, filename: str) -> None:
    """``pdf.add_font(family, style, FONT_DIR / filename)``, without parsing the font again."""
    parsed = _parsed_font(filename)
    font = copy.copy(parsed)  # shares the read-only parts: cmap, glyph ids, glyph names
    font.i = len(pdf.fonts) + 1
    font.fontkey = family + style
    font.emphasis = TextEmphasis.coerce(style)
    font.cw = copy.copy(parsed.cw)  # a defaultdict: looking up a character it lacks adds it
    font.desc = copy.copy(parsed.desc)  # output() names and numbers it
    font.missing_glyphs = []
    font.biggest_size_pt = 0
    font.subset = SubsetMap(font)
    font._hbfont = None  # HarfBuzz gets its own font object per document (sessions run in threads)
    pdf.fonts[font.fontkey] = font


@functools.cache
def _parsed_font(filename: str) -> TTFFont:
    """The font as fpdf2's add_font parses it; copies share its cmap, widths and glyph names."""
    font = TTFFont(FPDF(), FONT_DIR / filename, fontkey=filename, style="")
    font.ttfont["hmtx"]  # read now: drawing reads glyph names and widths from it, never writes
    font.ttfont.getGlyphOrder()
    return font


def _output(pdf: FPDF) -> bytes:
    """The PDF; subsetting changes a font in place, so each document subsets its own copy.

    Glyphs are embedded as the font file has them (recalcBBoxes=False): fpdf2's default decodes
    and re-encodes each glyph to recompute bounds the font already holds (a quarter of output()).
    """
    for font in pdf.fonts.values():
        if isinstance(font, TTFFont):
            source = io.BytesIO(_subsetting_source(font))
            font.ttfont = TTFont(source, recalcTimestamp=False, recalcBBoxes=False, lazy=True)
    return bytes(pdf.output())


def _subsetting_source(font: TTFFont) -> bytes:
    """The file to subset: the Latin core when it has every glyph used, else the whole font.

    fontTools parses the whole font it subsets: the Latin core (999 glyphs) parses ~3x faster
    than Noto Sans (3,317), and the subset it gives is the same, byte for byte.
    """
    core = CORE_FILES.get(font.ttffile.name)
    if core and set(font.subset.get_all_glyph_names()) <= _glyph_names(core):
        return _font_bytes(core)
    return _without_layout(font.ttffile.name)


@functools.cache
def _glyph_names(filename: str) -> frozenset[str]:
    return frozenset(TTFont(FONT_DIR / filename, lazy=True).getGlyphOrder())


@functools.cache
def _font_bytes(filename: str) -> bytes:
    return (FONT_DIR / filename).read_bytes()


@functools.cache
def _without_layout(filename: str) -> bytes:
    """A font file without the layout tables fpdf2 drops (fontTools would still read them)."""
    font = TTFont(FONT_DIR / filename, recalcTimestamp=False, recalcBBoxes=False)
    for tag in DROPPED_LAYOUT:
        if tag in font:
            del font[tag]
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()
