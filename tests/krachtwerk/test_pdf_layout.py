"""Where the text lands on the page: inside the margins, and the action inside its own column."""

from __future__ import annotations

import unicodedata

import pypdfium2
import pytest

from krachtwerk.demos import demo_names, load_demo
from krachtwerk.model import Conversation
from krachtwerk.pdf import render_pdf
from krachtwerk.pdf.grid import ACTION_PANEL, BLOCKS, MARGIN, PAGE_H, PAGE_W, Area

MM = 72 / 25.4  # points per millimetre
PRINTER_EDGE = 5.0  # mm most home printers cannot print at the paper's edge
Char = tuple[str, float, float, float, float]  # char, left, bottom, right, top in points


def characters(pdf: bytes) -> list[Char]:
    document = pypdfium2.PdfDocument(pdf)
    try:
        page = document[0]
        text_page = page.get_textpage()
        chars = []
        for index in range(text_page.count_chars()):
            char = text_page.get_text_range(index, 1)
            if char.strip():
                chars.append((char, *text_page.get_charbox(index)))
        return chars
    finally:
        document.close()


def between(chars: list[Char], start: str, end: str) -> list[Char]:
    """The characters drawn after some words and before others (spaces are not characters)."""
    text = "".join(c[0] for c in chars)
    first = text.index(start.replace(" ", "")) + len(start.replace(" ", ""))
    return chars[first : text.index(end.replace(" ", ""), first)]


def left_of(chars: list[Char], words: str) -> float:
    text = "".join(c[0] for c in chars)
    return chars[text.index(words.replace(" ", ""))][1]


def long_action() -> Conversation:
    conversation = load_demo("noor")
    conversation.current.action.what = " ".join(["Onwaarschijnlijkheidsberekening"] * 12)
    conversation.current.action.when = "Elke zaterdagochtend om negen uur " * 5
    return conversation


@pytest.mark.parametrize("name", [*demo_names(), "long"])
def test_all_text_stays_inside_the_margins(name: str) -> None:
    conversation = long_action() if name == "long" else load_demo(name)
    for char, left, _, right, _ in characters(render_pdf(conversation)):
        assert left >= (MARGIN - 0.5) * MM, char
        assert right <= (PAGE_W - MARGIN + 0.5) * MM, char


@pytest.mark.parametrize("name", [*demo_names(), "long"])
def test_the_action_stays_left_of_the_tick_box_column(name: str) -> None:
    conversation = long_action() if name == "long" else load_demo(name)
    chars = characters(render_pdf(conversation))
    # "Zo weet ik dat het gelukt is" starts the tick box column at its left edge.
    column_start = left_of(chars, "Zo weet ik")
    action = between(chars, "Dit ga ik doen", "Wanneer")
    assert len(action) > 10
    assert max(c[3] for c in action) < column_start


def _overlap(a: Area, b: Area) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


def test_no_two_blocks_of_the_grid_overlap() -> None:
    names = list(BLOCKS)
    for index, name in enumerate(names):
        for other in names[index + 1 :]:
            assert not _overlap(BLOCKS[name], BLOCKS[other]), (name, other)


@pytest.mark.parametrize("name", list(BLOCKS))
def test_every_block_is_inside_the_margins_and_printable(name: str) -> None:
    block = BLOCKS[name]
    assert block.w > 0 and block.h > 0
    assert block.x >= MARGIN and block.right <= PAGE_W - MARGIN
    assert block.y >= PRINTER_EDGE and block.bottom <= PAGE_H - PRINTER_EDGE


def test_blocks_read_from_top_to_bottom_in_drawing_order() -> None:
    """The stripe, title and action come first; the footer is last, under everything."""
    tops = [block.y for block in BLOCKS.values()]
    assert BLOCKS["stripe"].y == min(tops)
    assert BLOCKS["footer"].bottom == max(block.bottom for block in BLOCKS.values())
    assert BLOCKS["action panel"].bottom < min(BLOCKS[n].y for n in ("kompas", "strengths"))


ZALGO = "".join(
    letter + "\u0301\u0300\u0302\u0303\u0304\u0306\u0307\u0308" * 6 for letter in "Taart"
)


def test_stacked_combining_marks_stay_inside_their_box() -> None:
    """Dozens of marks on one letter stacked far above and below the line; a letter keeps at most
    three (Vietnamese has two, pointed Hebrew three), so the action stays in its panel."""
    conversation = load_demo("noor")
    conversation.current.action.what = f"{ZALGO} bakken"
    conversation.current.action.when = "Zaterdag"

    chars = characters(render_pdf(conversation))

    panel_top = (PAGE_H - ACTION_PANEL.y) * MM
    panel_bottom = (PAGE_H - ACTION_PANEL.bottom) * MM
    action = between(chars, "Dit ga ik doen", "Wanneer")
    assert len(action) > 5
    for char, _, bottom, _, top in action:
        assert panel_bottom <= bottom and top <= panel_top, repr(char)
    marks = [c for c in action if unicodedata.category(c[0]).startswith("M")]
    assert len(marks) <= 3 * len("Taart")
