"""The fridge page in the resident's language: every page language holds every text the page
prints, the page is one page with its labels and no missing glyph, a right-to-left page is
mirrored, and the choice lives in the conversation file."""

from __future__ import annotations

import io
import itertools
import json
import string

import pypdfium2
import pytest
from pypdf import PdfReader

from krachtwerk.content import catalogue
from krachtwerk.content.catalogue import page_keys, resolve
from krachtwerk.conversation_file import FileProblem, read_conversation, write_conversation
from krachtwerk.demos import load_demo
from krachtwerk.languages import described, page_languages
from krachtwerk.model import ADDRESSES, LANGUAGES, MODES, PAGE_LANGUAGES, Conversation
from krachtwerk.pdf import render_pdf
from krachtwerk.pdf.grid import MARGIN, PAGE_W
from tests.krachtwerk.test_pdf_layout import characters
from tests.krachtwerk.test_pdf_scripts import assert_no_missing_glyphs

MM = 72 / 25.4
PAGE_ONLY = [code for code in PAGE_LANGUAGES if code not in LANGUAGES]


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_the_page_languages_are_the_screen_languages_and_five_more() -> None:
    assert page_languages() == PAGE_LANGUAGES
    assert PAGE_LANGUAGES[: len(LANGUAGES)] == LANGUAGES
    assert set(PAGE_ONLY) >= {"ar", "tr", "pl", "uk", "ti"}
    assert described()["ar"].direction == "rtl"


@pytest.mark.parametrize("language", PAGE_LANGUAGES)
def test_every_page_language_holds_every_page_text_for_every_mode_and_address(
    language: str,
) -> None:
    held, source = catalogue(language), catalogue("nl")
    for key in page_keys():
        for mode, address in itertools.product(MODES, ADDRESSES):
            text = resolve(held.lookup(key), mode, address)
            wanted = resolve(source.lookup(key), mode, address)
            if isinstance(wanted, list):
                assert isinstance(text, list) and len(text) == len(wanted), key
            else:
                assert placeholders(text) == placeholders(wanted), (key, text)


@pytest.mark.parametrize("language", PAGE_ONLY)
def test_a_page_only_language_says_who_still_has_to_review_it(language: str) -> None:
    info = described()[language]
    assert info.kind == "page"
    assert info.status  # "needs native review" until a native speaker has read it
    assert catalogue(language).texts()("language.status") == info.status


def on_page(conversation: Conversation, language: str) -> bytes:
    conversation.page_language = language
    return render_pdf(conversation)


def copied_text(pdf: bytes) -> str:
    """The page's text as a viewer copies it (PDFium, as in Chrome): lines in reading order."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        return " ".join(document[0].get_textpage().get_text_bounded().split())
    finally:
        document.close()


@pytest.mark.parametrize("demo", ["ria", "samira"])
@pytest.mark.parametrize("language", PAGE_LANGUAGES)
def test_the_page_in_each_language_is_one_page_with_its_own_labels(
    language: str, demo: str
) -> None:
    conversation = load_demo(demo)
    t = catalogue(language).texts(conversation.mode, conversation.resident.address)

    pdf = on_page(conversation, language)

    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1
    text = copied_text(pdf)
    labels = [t(f"pdf.{key}") for key in ("action", "when", "with_whom", "done", "strengths")]
    labels += [t(f"quadrants.{quadrant}.label") for quadrant in ("ik", "mensen", "thuis", "dagen")]
    labels.append(t.list("pdf.months")[conversation.current.date.month - 1])
    for label in labels:
        assert " ".join(label.split()) in text, label  # Arabic too: in the order it is read
    assert " ".join(conversation.current.action.what.split()) in text  # as typed
    assert_no_missing_glyphs(pdf)
    assert f"/Lang ({language})".encode() in pdf


@pytest.mark.parametrize("language", PAGE_LANGUAGES)
def test_all_text_stays_inside_the_margins_in_every_language(language: str) -> None:
    for char, left, _, right, _ in characters(on_page(load_demo("ria"), language)):
        assert left >= (MARGIN - 0.5) * MM, char
        assert right <= (PAGE_W - MARGIN + 0.5) * MM, char


def _spans(pdf: bytes, words: str) -> tuple[float, float]:
    """Left and right edge (points) of where some words are drawn."""
    chars = characters(pdf)
    letters = "".join(c[0] for c in chars)
    start = letters.index(words.replace(" ", ""))
    drawn = chars[start : start + len(words.replace(" ", ""))]
    return min(c[1] for c in drawn), max(c[3] for c in drawn)


def test_a_right_to_left_page_is_the_page_in_a_mirror() -> None:
    middle = PAGE_W / 2 * MM
    t = {code: catalogue(code).texts() for code in ("nl", "ar")}
    nl, ar = on_page(load_demo("ria"), "nl"), on_page(load_demo("ria"), "ar")
    # The action's label starts at the reading edge; the tick box column is at the other end.
    assert _spans(nl, t["nl"]("pdf.action"))[1] < _spans(nl, t["nl"]("pdf.done_when"))[0]
    assert _spans(ar, t["ar"]("pdf.action"))[0] > _spans(ar, t["ar"]("pdf.done_when"))[1]
    # The kompas on the left in Dutch, on the right in Arabic, the strengths on the other side:
    # its left quadrant's label is left of the strengths in Dutch, right of them in Arabic.
    assert _spans(nl, t["nl"]("quadrants.dagen.label"))[1] < _spans(nl, t["nl"]("pdf.strengths"))[0]
    assert _spans(ar, t["ar"]("quadrants.dagen.label"))[0] > _spans(ar, t["ar"]("pdf.strengths"))[1]
    assert _spans(nl, t["nl"]("pdf.strengths"))[0] > middle
    assert _spans(ar, t["ar"]("pdf.strengths"))[1] < middle
    # A label hugs the reading edge of its block: right-aligned on the Arabic page.
    assert _spans(ar, t["ar"]("pdf.goal"))[1] > (PAGE_W - MARGIN - 12) * MM


def test_the_page_language_is_in_the_file_only_when_chosen() -> None:
    plain = load_demo("ria")
    assert "page_language" not in json.loads(write_conversation(plain))

    plain.page_language = "ar"
    data = write_conversation(plain)

    assert json.loads(data)["page_language"] == "ar"
    opened = read_conversation(data)
    assert opened.page_language == "ar" and opened.printed_language == "ar"
    assert opened.language == "nl"  # the screens stay Dutch


def test_an_older_file_without_a_page_language_prints_in_its_screen_language() -> None:
    data = json.loads(write_conversation(load_demo("ria")))
    data["language"] = "en"

    opened = read_conversation(json.dumps(data).encode())

    assert opened.page_language is None and opened.printed_language == "en"


@pytest.mark.parametrize(("field", "code"), [("page_language", "xx"), ("language", "ar")])
def test_a_language_that_is_not_there_is_refused_plainly(field: str, code: str) -> None:
    """A page-only language cannot be the screens' language."""
    data = json.loads(write_conversation(load_demo("ria")))
    data[field] = code

    with pytest.raises(FileProblem) as refused:
        read_conversation(json.dumps(data).encode())

    assert refused.value.code == "invalid"


def test_the_team_page_stays_in_the_screen_language_when_the_fridge_page_does_not() -> None:
    from krachtwerk.pdf.team import render_team_pdf
    from krachtwerk.team import team_case

    conversation = load_demo("ria")
    conversation.page_language = "ar"

    pdf = render_team_pdf(conversation, team_case(conversation, ""))

    text = copied_text(pdf)
    assert catalogue("nl").texts()("quadrants.mensen.label") in text
    assert catalogue("ar").texts()("quadrants.mensen.label") not in text
