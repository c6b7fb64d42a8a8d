"""Every script a resident writes prints: the right glyphs, the right order, nothing else."""

from __future__ import annotations

import ctypes
import functools
import io
import unicodedata

import pypdfium2
import pypdfium2.raw as pdfium
import pytest
from fontTools.ttLib import TTFont
from pypdf import PdfReader

from krachtwerk.demos import load_demo
from krachtwerk.model import Conversation, DomainNotes
from krachtwerk.pdf import clean, render_pdf
from krachtwerk.pdf.fonts import FONT_DIR

NAMES = ["Łukasz", "Şükrü", "Nguyễn Thị Ánh", "Σωκράτης", "Алексей", "محمد", "שרה", "ሰላም"]
# Invisible characters that must never print: controls, zero-width and bidi format characters.
INVISIBLE = (
    "\x00\x07\x1b\x7f\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2066\u2067\u2068\u2069\ufeff\u00ad\u2060"
)
WALES = "🏴\U000e0067\U000e0062\U000e0077\U000e006c\U000e0073\U000e007f"  # a tag sequence flag
Glyph = tuple[str, str, float, float]  # character, font name, left edge, baseline (points)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def page_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    return nfc(" ".join(reader.pages[0].extract_text().split()))


def glyphs(pdf: bytes) -> list[Glyph]:
    """Every drawn character, with the font that draws it and where (pdfium's view)."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        text_page = document[0].get_textpage()
        name = ctypes.create_string_buffer(256)
        flags = ctypes.c_int()
        x, y = ctypes.c_double(), ctypes.c_double()
        found = []
        for index in range(text_page.count_chars()):
            char = text_page.get_text_range(index, 1)
            if not char.strip():
                continue
            pdfium.FPDFText_GetFontInfo(text_page.raw, index, name, 256, ctypes.byref(flags))
            pdfium.FPDFText_GetCharOrigin(text_page.raw, index, ctypes.byref(x), ctypes.byref(y))
            left = text_page.get_charbox(index)[0]
            found.append((char, name.value.decode(), left, round(y.value, 1)))
        return found
    finally:
        document.close()


def reading_order(glyph: Glyph) -> tuple[float, float]:
    """Where a Latin reader meets a glyph: lines from the top, then from the left."""
    return (-glyph[3], glyph[2])


def positions(drawn: list[Glyph], after: str, words: list[str]) -> list[tuple[float, float]]:
    """Reading positions of words (each searched after the one before) that follow a label."""
    letters = "".join(glyph[0] for glyph in drawn)
    start, found = letters.index(after), []
    for word in words:
        start = letters.index(word, start)
        found.append(reading_order(drawn[start]))
    return found


def embedded_fonts(pdf: bytes) -> set[str]:
    fonts = PdfReader(io.BytesIO(pdf)).pages[0]["/Resources"]["/Font"]
    return {str(fonts[key].get_object()["/BaseFont"]).split("+")[-1] for key in fonts}


@functools.cache
def font_cmap(name: str) -> frozenset[int]:
    """The characters a shipped font has a glyph for, by its PDF name ("NotoSansArabicBold")."""
    family, bold, _ = name.partition("Bold")
    font = TTFont(FONT_DIR / f"{family}-{'Bold' if bold else 'Regular'}.ttf", lazy=True)
    return frozenset(font.getBestCmap())


def assert_no_missing_glyphs(pdf: bytes) -> None:
    """No .notdef box: every character is drawn by a font that has a glyph for it."""
    for char, font, *_ in glyphs(pdf):
        assert ord(char) in font_cmap(font.split("+")[-1]), (char, font)


def with_name(name: str) -> Conversation:
    conversation = load_demo("noor")
    conversation.resident.name = name
    conversation.professional.name = name
    return conversation


@pytest.mark.parametrize("name", NAMES)
def test_a_name_in_any_script_prints_in_the_title_and_as_contact(name: str) -> None:
    pdf = render_pdf(with_name(name))

    assert page_text(pdf).count(nfc(name)) >= 2
    assert_no_missing_glyphs(pdf)


def test_a_name_typed_decomposed_prints_composed() -> None:
    name = unicodedata.normalize("NFD", "Nguyễn Thị Ánh")

    assert "Nguyễn Thị Ánh" in page_text(render_pdf(with_name(name)))


@pytest.mark.parametrize(
    ("name", "font"), [("محمد", "Arabic"), ("שרה", "Hebrew"), ("ሰላም", "Ethiopic")]
)
def test_bold_text_in_a_fallback_script_is_bold_too(name: str, font: str) -> None:
    conversation = load_demo("noor")
    conversation.resident.name = name  # the title is bold

    drawn = {f for char, f, *_ in glyphs(render_pdf(conversation)) if char in name}

    assert {f.split("+")[-1] for f in drawn} == {f"NotoSans{font}Bold"}


def test_a_page_in_dutch_only_embeds_no_fallback_font() -> None:
    assert embedded_fonts(render_pdf(load_demo("noor"))) == {"NotoSans", "NotoSansBold"}


def test_a_mixed_direction_action_keeps_its_words_in_reading_order() -> None:
    conversation = load_demo("noor")
    conversation.current.action.what = "Zaterdag met محمد naar de markt"
    conversation.current.action.when = ""

    pdf = render_pdf(conversation)

    words = page_text(pdf).split()
    assert all(word in words for word in conversation.current.action.what.split())
    drawn = glyphs(pdf)
    found = positions(drawn, "Ditgaikdoen", ["Zaterdag", "met", "naar", "de", "markt"])
    assert found == sorted(found)  # the Dutch words in reading order, over two lines
    arabic = {glyph[0]: glyph for glyph in drawn if glyph[0] in "محد"}
    assert found[1] < reading_order(arabic["ح"]) < found[2]  # محمد between "met" and "naar"
    assert arabic["ح"][3] == arabic["د"][3]  # on one line, right to left:
    assert arabic["ح"][2] > arabic["د"][2]  # its second letter right of its last
    assert_no_missing_glyphs(pdf)


@pytest.mark.parametrize(
    ("field", "text", "label"),
    [
        # wraps after "met": the second line starts with محمد yet is still a Dutch line
        ("done_when", "Ik ben blij met محمد en zijn zus", "geluktis"),
        # most words are Dutch, so the Arabic name at the start does not turn the line around
        ("with_whom", "محمد en Fatima", "Metwie"),
    ],
)
def test_a_dutch_sentence_with_an_arabic_name_reads_left_to_right(
    field: str, text: str, label: str
) -> None:
    conversation = load_demo("noor")
    setattr(conversation.current.action, field, text)

    drawn = glyphs(render_pdf(conversation))

    words = text.split()
    at = words.index("محمد")
    found = positions(drawn, label, words[:at] + words[at + 1 :])
    assert found == sorted(found)  # the Dutch words in reading order
    name = next(reading_order(glyph) for glyph in drawn if glyph[0] == "ح")
    assert name < found[at]  # محمد before the word after it
    assert at == 0 or found[at - 1] < name


def test_a_wrapped_dutch_line_that_starts_with_a_hebrew_word_stays_dutch() -> None:
    conversation = load_demo("noor")
    # The narrow "how I will know" column wraps this after "heb": line 2 starts in Latin, line 1
    # in Hebrew (a fallback font); line 2 once printed in the wrong font (fpdf2 2.8.9).
    conversation.current.action.done_when = "שלום עולם: ik heb 2 appels gekocht"

    pdf = render_pdf(conversation)

    text = page_text(pdf)
    assert "ik heb" in text
    assert "2 appels gekocht" in text
    assert_no_missing_glyphs(pdf)


def test_a_right_to_left_paragraph_reads_right_to_left() -> None:
    conversation = load_demo("noor")
    conversation.current.action.with_whom = "مع جدتي"

    drawn = glyphs(render_pdf(conversation))

    x = {char: left for char, _, left, _ in drawn if char in "عجد"}
    assert x["ع"] > x["ج"] > x["د"]  # مع first, on the right


def test_an_action_of_only_emoji_gives_the_lines_to_write_on() -> None:
    emoji = load_demo("noor")
    emoji.current.action.what = (
        "🎉🎂 👩\u200d👩\u200d👧 🇳🇱 🏴\U000e0067\U000e0062\U000e007f 👍🏽 ❤\ufe0f"
    )
    empty = load_demo("noor")
    empty.current.action.what = ""

    assert page_text(render_pdf(emoji)) == page_text(render_pdf(empty))


def test_emoji_go_without_leaving_gaps() -> None:
    conversation = load_demo("noor")
    conversation.current.action.what = "Ik 🎂 bak een taart 🎉!"

    assert "Ik bak een taart!" in page_text(render_pdf(conversation))


@pytest.mark.parametrize(
    "markup", ["<b>vet</b>", "**vet**", "[link](x)", "<script>alert(1)</script>", "{nb}", "__x__"]
)
def test_markup_prints_as_typed(markup: str) -> None:
    conversation = load_demo("noor")
    conversation.current.action.what = f"Lees {markup} hardop"
    conversation.resident.name = markup

    text = page_text(render_pdf(conversation))

    assert f"Lees {markup} hardop" in text
    assert text.count(markup) >= 2


def test_control_characters_never_reach_the_page() -> None:
    conversation = load_demo("noor")
    action = conversation.current.action
    action.what = "Ik\x00 ga\r\nnaar\tde\u200b markt\u202e\u2066 nu\x07"
    action.when = INVISIBLE.join("zaterdag")
    conversation.resident.name = f"\u202e\r\t{INVISIBLE}Noor\u2069"

    pdf = render_pdf(conversation)

    text = page_text(pdf)
    assert "Ik ga naar de markt nu" in text
    assert "zaterdag" in text
    assert "Het kompas van Noor" in text
    assert not set(INVISIBLE + "\r\t") & {glyph[0] for glyph in glyphs(pdf)}


def test_newlines_inside_a_field_become_spaces() -> None:
    conversation = load_demo("noor")
    conversation.current.action.what = "Boodschappen:\n- brood\n- melk\r\n\r\nklaar"

    assert "Boodschappen: - brood - melk klaar" in page_text(render_pdf(conversation))


@pytest.mark.parametrize(
    "unit",
    ["Dit is een hele lange zin met veel woorden. ", "سأذهب مع جدتي إلى السوق ", "ሰላም ትግርኛ "],
)
def test_a_5000_character_action_and_50_qualities_still_make_one_page(unit: str) -> None:
    long = (unit * 5000)[:5000]
    conversation = load_demo("noor")
    conversation.current.action.what = long
    conversation.current.action.shown_strengths = []
    conversation.current.strengths.qualities = [long] * 50
    conversation.current.strengths.domains = {"vrije_tijd": DomainNotes(helpers=long)}

    pdf = render_pdf(conversation)

    assert "…" in page_text(pdf)
    assert_no_missing_glyphs(pdf)


@pytest.mark.parametrize(
    "action",
    [
        ("Zaterdag ga ik met oma naar de markt en daarna bakken we samen een cake. " * 7)[:500],
        ("В субботу я пойду с бабушкой на рынок, а потом мы испечём торт. " * 8)[:500],  # noqa: RUF001
        ("ብቀዳም ምስ ዓባየይ ናብ ዕዳጋ ክኸይድ እየ፣ ድሕሪኡ ኬክ ክንሰርሕ ኢና። " * 10)[:500],
        ("سأذهب يوم السبت مع جدتي إلى السوق ثم نخبز معا كعكة كبيرة. " * 10)[:500],
    ],
)
def test_an_action_as_long_as_the_app_allows_prints_whole(action: str) -> None:
    conversation = load_demo("noor")
    conversation.current.action.what = action

    text = page_text(render_pdf(conversation))

    assert "…" not in text
    assert action.split()[-1] in text.split()


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("Ik 🎂 bak een taart 🎉!", "Ik bak een taart!"),
        (
            "Met 👩\u200d👩\u200d👧 naar 🇳🇱 en " + WALES,
            "Met naar en",
        ),
        ("Goed 👍🏽, super ❤\ufe0f.", "Goed, super."),
        ("Feest (🎉 met taart)", "Feest (met taart)"),
        ("🎂\u0301 taart", "taart"),  # an accent on a dropped emoji goes with it
        ("A\u200bB\u2066C\u2069\u202eD\ufeff", "ABCD"),
        ("regel een\r\nregel twee\tdrie\u2028vier", "regel een regel twee drie vier"),
        ("taart !", "taart !"),  # a space someone typed stays
    ],
)
def test_clean_drops_emoji_and_invisible_characters_without_leftovers(
    typed: str, printed: str
) -> None:
    assert clean(typed) == printed
