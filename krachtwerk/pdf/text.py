"""Resident text made printable: only what the embedded fonts can draw, as typed, on one line;
and which way a text runs (left to right, or right to left)."""

from __future__ import annotations

import unicodedata

from krachtwerk.pdf.fonts import font_of, visible


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
# Punctuation that closes up to the word before it ("taart 🎉!" loses the emoji and the space).
CLOSING = frozenset(".,;:!?…‼⁇⁈⁉،؛؟\u06d4።፣፤፥፦፧")


# Marks one letter carries at most: Vietnamese stacks two, pointed Hebrew three. More ("Zalgo"
# text) stacked high above and below the line and drew outside the text's box on the page.
MAX_MARKS = 3


def _kept(chars: str) -> list[bool]:
    """Which characters print: a combining mark only on a printed letter drawn by the same font,
    and no more than MAX_MARKS of them on one letter."""
    keep: list[bool] = []
    base = -1  # the font of the letter a following mark would sit on; -1: none
    marks = 0  # marks kept on that letter so far
    for char in chars:
        if unicodedata.category(char).startswith("M"):
            keep.append(
                base >= 0 and marks < MAX_MARKS and _drawable(char) and font_of(char) == base
            )
            marks += keep[-1]
            continue
        marks = 0
        keep.append(_drawable(char))
        letter = keep[-1] and not char.isspace() and char not in (ZWJ, ZWNJ)
        base = font_of(char) if letter else -1
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
    return char.isspace() or char in (ZWJ, ZWNJ) or ord(char) in visible()


def _is_letter(char: str) -> bool:
    return unicodedata.category(char)[0] in "LM"


def _hugs(before: str, after: str) -> bool:
    """Punctuation that sits against its word, where only a dropped emoji put a space."""
    return (
        unicodedata.category(before) in ("Ps", "Pi")
        or unicodedata.category(after) in ("Pe", "Pf")
        or after in CLOSING
    )


def direction_of(text: str) -> str:
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
