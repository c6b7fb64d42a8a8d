"""Where the text lands on the page: inside the margins, and the action inside its own column."""

from __future__ import annotations

import pypdfium2
import pytest

from krachtwerk.demos import demo_names, load_demo
from krachtwerk.model import Conversation
from krachtwerk.pdf import MARGIN, PAGE_W, TICK_BOX, render_pdf

MM = 72 / 25.4  # points per millimetre
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
    # The tick box column starts TICK_BOX + 3 mm left of "Gelukt!"; the action column ends 10 mm
    # before it (a rule sits in the middle of that gap).
    column_end = left_of(chars, "Gelukt") - (TICK_BOX + 3 + 10) * MM
    action = between(chars, "Dit ga ik doen", "Wanneer")
    assert len(action) > 10
    assert max(c[3] for c in action) <= column_end + 0.5 * MM
