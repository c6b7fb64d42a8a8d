"""Text fitted into a block: the largest size at which it fits, else cut with an ellipsis; then
drawn line by line.

Fits are kept, because fitting only measures. Catalogue labels are kept for the process
(STATIC_FITS: never resident text, docs/design.md "Privacy"). Resident text is kept only in the
``fits`` dict of the one session it belongs to, handed in through SESSION_FITS. A page drawn
again after one change then fits only the text that changed.
"""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from fpdf import FPDF

from krachtwerk.pdf import internals
from krachtwerk.pdf.fonts import embed_fallbacks, set_font
from krachtwerk.pdf.grid import Area, align_on_paper, on_paper
from krachtwerk.pdf.style import INK, LABEL_PT, MIN_PT, MUTED, PT, RULE
from krachtwerk.pdf.text import ZWJ, ZWNJ, direction_of

ELLIPSIS = "…"
Fits = dict[tuple[Any, ...], tuple[float, tuple[str, ...]]]
SESSION_FITS: ContextVar[Fits | None] = ContextVar("session_fits", default=None)
MAX_SESSION_FITS = 300  # about ten pages' worth; then it starts again


def line_height(size: float, leading: float) -> float:
    return size * PT * leading


@dataclass(frozen=True)
class Fitting:
    """Where and how a text may go: its box, the sizes it may shrink between, its weight, its
    line height (a multiple of the size) and at most how many lines."""

    area: Area
    sizes: tuple[float, float]
    bold: bool
    leading: float
    max_lines: int | None


def _fit(pdf: FPDF, text: str, fitting: Fitting) -> tuple[float, list[str]]:
    """The largest size at which text fits the area; at the smallest size, cut with an ellipsis."""
    area, bold, leading, max_lines = fitting.area, fitting.bold, fitting.leading, fitting.max_lines
    candidates = _sizes(*fitting.sizes)
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
    set_font(pdf, size, bold)
    cut = text[: _capacity(area.w, size) * room]
    lines = wrap(pdf, cut, area.w)[:room]
    lines[-1] = _ellipsize(pdf, lines[-1], area.w)
    return size, lines


# Fits of catalogue labels (at most a few hundred: languages x modes x addresses x labels). Only
# catalogue texts go in, never resident text (design §9).
STATIC_FITS: Fits = {}


def _kept_fit(
    kept: Fits | None, pdf: FPDF, text: str, fitting: Fitting, direction: str
) -> tuple[float, list[str]]:
    """_fit, looked up in ``kept`` first (fitting only measures: it adds nothing to the page)."""
    if kept is None:
        return _fit(pdf, text, fitting)
    key = (text, fitting, direction)
    if key not in kept:
        size, lines = _fit(pdf, text, fitting)
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
    set_font(pdf, size, bold)
    lines = wrap(pdf, text, area.w)
    return lines if len(lines) <= room else None


def _room(area: Area, size: float, leading: float, max_lines: int | None) -> int:
    room = max(1, int((area.h + 0.01) // line_height(size, leading)))
    return min(room, max_lines) if max_lines else room


def _capacity(width: float, size: float) -> int:
    """More characters than any real line holds (narrow glyphs are ~0.3 em wide)."""
    return int(width / (0.3 * size * PT)) + 2


def wrap(pdf: FPDF, text: str, width: float) -> list[str]:
    """The lines ``multi_cell`` would break the text into at this width (internals.wrap_lines)."""
    if not text:
        return [""]
    return internals.wrap_lines(pdf, text, width) or [""]


def _ellipsize(pdf: FPDF, line: str, width: float) -> str:
    """End a line with "…", dropping whole words first so no word is cut in half if avoidable."""
    line = line.rstrip(TRIMMED)
    while line and pdf.get_string_width(line + ELLIPSIS) > width:
        head, _, _ = line.rpartition(" ")
        line = head.rstrip(TRIMMED) if head else line[:-1].rstrip(TRIMMED)
    return line + ELLIPSIS


TRIMMED = " ,.;:-" + ZWJ + ZWNJ  # nothing to end on before "…"


def draw_text(
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
    ``static``: a catalogue text (a label), never resident text (design §9): its fit is kept for
    the process.
    """
    if not text:
        return 0.0
    if isinstance(sizes, float | int):
        sizes = (float(sizes), min(float(sizes), MIN_PT))
    embed_fallbacks(pdf, text, bold)
    # One direction for the whole text, for measuring and drawing: each line is drawn on its own,
    # and a line that starts with an Arabic name must not turn a Dutch sentence around.
    direction = direction or direction_of(text)
    pdf.set_text_shaping(True, direction=direction)
    kept = STATIC_FITS if static else SESSION_FITS.get()
    fitting = Fitting(area, sizes, bold, leading, max_lines)
    size, lines = _kept_fit(kept, pdf, text, fitting, direction)
    set_font(pdf, size, bold)  # the search may have left another size set
    height = line_height(size, leading)
    align = align_on_paper(align)
    if direction == "rtl" and align == "L" and len(lines) > 1:
        align = "R"  # a wrapped right-to-left paragraph starts each line at the same edge
    pdf.set_text_color(colour)
    x = on_paper(area.x, area.w)
    for index, line in enumerate(lines):
        pdf.set_xy(x, area.y + index * height)
        pdf.cell(area.w, height, line, align=align)
        internals.forget_font_on_page(pdf)  # the next line may start in another font
    pdf.set_text_shaping(True)  # other text finds its own direction again
    return height * len(lines)


def draw_label(pdf: FPDF, area: Area, text: str, max_lines: int = 1) -> float:
    """A block's small bold heading; returns the height it takes with its gap."""
    used = draw_text(
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


def write_lines(pdf: FPDF, area: Area, count: int, gap: float) -> None:
    """Empty lines to write on by hand: an empty field still looks meant."""
    gap = min(gap, area.h / count)
    with pdf.local_context(draw_color=RULE, line_width=0.3):
        for index in range(count):
            y = area.y + gap * (index + 1)
            pdf.line(on_paper(area.x), y, on_paper(area.right), y)
