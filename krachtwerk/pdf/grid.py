"""The page's grid, in mm on A4 portrait from the top left: every block's box.

Blocks are stacked: each starts a gap below the one above it, so moving or growing one moves
everything under it. tests/krachtwerk/test_pdf_layout.py checks that no two blocks overlap and
that all of them stay inside the margins.

A page in a right-to-left language is this grid in a mirror. Boxes are measured from the edge
where reading starts (the left, or the right when MIRRORED), and every drawing call turns that
into paper coordinates with ``on_paper``: the blocks themselves do not know which way they run.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass

PAGE_W, PAGE_H = 210.0, 297.0
MARGIN = 15.0
CONTENT_W = PAGE_W - 2 * MARGIN
GUTTER = 8.0


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

    def stack(self, *blocks: tuple[float, float]) -> list[Area]:
        """Blocks of (gap above, height), one under the other from the top of this area."""
        result, rest = [], self
        for gap, height in blocks:
            rest = rest.below(0.0, gap)
            result.append(rest.top(height))
            rest = rest.below(height)
        return result


# Set while a right-to-left page is drawn (its render holds the page lock: one at a time).
MIRRORED: ContextVar[bool] = ContextVar("mirrored", default=False)
FLIPPED_ALIGN = {"L": "R", "R": "L"}
FLIPPED_CORNER = {"LEFT": "RIGHT", "RIGHT": "LEFT"}


def on_paper(x: float, w: float = 0.0) -> float:
    """Where something that starts x mm from the reading edge and is w mm wide lies on paper."""
    return PAGE_W - x - w if MIRRORED.get() else x


def area_on_paper(area: Area) -> Area:
    return Area(on_paper(area.x, area.w), area.y, area.w, area.h)


def align_on_paper(align: str) -> str:
    """Text aligned to the reading edge ("L") sits on the right of a mirrored page."""
    return FLIPPED_ALIGN.get(align, align) if MIRRORED.get() else align


def corners_on_paper(*corners: str) -> tuple[str, ...]:
    """Rounded corners by name ("TOP_LEFT"), on the other side of a mirrored page."""
    if not MIRRORED.get():
        return corners
    flipped = []
    for corner in corners:
        vertical, side = corner.split("_")
        flipped.append(f"{vertical}_{FLIPPED_CORNER[side]}")
    return tuple(flipped)


@contextlib.contextmanager
def mirrored(on: bool) -> Iterator[None]:
    """Draw the blocks inside in a mirror (``on``) or as they are (the kompas: the same picture
    the screen shows, in its mirrored place)."""
    token = MIRRORED.set(on)
    try:
        yield
    finally:
        MIRRORED.reset(token)


# From the top of the paper: the colour stripe, the title, the action panel; then the kompas
# with its caption on the left, and strengths, helpers and photo on the right; then the next
# appointment and the footer across the page.
PAPER = Area(MARGIN, 0.0, CONTENT_W, PAGE_H)
STRIPE, HEADER, ACTION_PANEL, MIDDLE, APPOINTMENT, FOOTER = PAPER.stack(
    (8.0, 2.5), (3.5, 11.0), (5.0, 88.0), (6.0, 128.5), (3.5, 18.0), (7.0, 5.0)
)
KOMPAS_W = 104.0
LEFT, SIDE = MIDDLE.columns(KOMPAS_W / (CONTENT_W - GUTTER), 1 - KOMPAS_W / (CONTENT_W - GUTTER))
# The caption sits below the quadrant labels, which hang out under the kompas.
KOMPAS, KOMPAS_CAPTION = LEFT.stack((0.0, KOMPAS_W), (3.5, 21.0))
STRENGTHS, HELPERS, PHOTO = SIDE.stack((0.0, 46.0), (4.0, 22.0), (4.0, 46.0))
# An organisation's logo, at the start of the footer line and a little taller than it.
LOGO = Area(FOOTER.x, FOOTER.bottom - 8.0, 30.0, 8.0)
LOGO_GAP = 3.0
BLOCKS = {
    "stripe": STRIPE,
    "header": HEADER,
    "action panel": ACTION_PANEL,
    "kompas": KOMPAS,
    "kompas caption": KOMPAS_CAPTION,
    "strengths": STRENGTHS,
    "helpers": HELPERS,
    "photo": PHOTO,
    "appointment": APPOINTMENT,
    "footer": FOOTER,
}

# Inside the action panel: padding; then goal, action and the details stacked in its main
# column, the tick box and "how I will know" in a narrow column on the right.
PANEL_PAD_LEFT, PANEL_PAD_RIGHT, PANEL_PAD_TOP, PANEL_PAD_BOTTOM = 11.0, 7.0, 7.0, 5.0
PANEL_DONE_COLUMN = 0.26  # share of the width for the tick box and "how I will know"
PANEL_COLUMN_GAP = 10.0
GOAL, ACTION = (0.0, 18.0), (4.5, 35.0)  # (gap above, height)
DETAILS_GAP = 1.5  # when and with whom: under the action, to the bottom of the column
TICK_BOX = 14.0
