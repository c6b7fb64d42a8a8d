"""Make the Noto Sans "Latin core" fonts from the shipped Noto Sans (see README.md here).

Run from the repository root: ``.venv/bin/python assets/fonts/make_core.py``. Same input, same
bytes out: rerun it only when NotoSans-*.ttf change. tests/krachtwerk/test_pdf.py checks that the
core draws every glyph as Noto Sans does and that a page embeds the same subset either way.
"""

from __future__ import annotations

from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

HERE = Path(__file__).resolve().parent
CORE = {
    "NotoSans-Regular.ttf": "NotoSansCore-Regular.ttf",
    "NotoSans-Bold.ttf": "NotoSansCore-Bold.ttf",
}
# Basic Latin (with its controls), Latin-1, Latin Extended-A and -B, general punctuation,
# currency signs, "№" and "™".
RANGES = [
    (0x0000, 0x007E),
    (0x00A0, 0x024F),
    (0x2000, 0x206F),
    (0x20A0, 0x20CF),
    (0x2116, 0x2116),
    (0x2122, 0x2122),
]
# fpdf2 leaves these out of every embedded font; the core only feeds its subsetting.
LAYOUT_TABLES = ("GDEF", "GPOS", "GSUB")


def core_font(source: Path) -> TTFont:
    """Every glyph the ranges reach (through any layout feature too), all else kept as it was.

    Every character that maps to a kept glyph keeps its mapping too ("fi" is reached from "f"
    and "i", and U+FB01 maps to it): a subset of the core then equals that of the full font.
    """
    cmap = TTFont(source, lazy=True).getBestCmap()
    wanted = {u for low, high in RANGES for u in range(low, high + 1)}
    font = _subset(source, wanted)
    while True:  # the added characters' layout features may reach further glyphs
        kept = set(font.getGlyphOrder())
        more = {u for u, glyph in cmap.items() if glyph in kept} - wanted
        if not more:
            break
        wanted |= more
        font = _subset(source, wanted)
    for tag in LAYOUT_TABLES:
        if tag in font:
            del font[tag]
    return font


def _subset(source: Path, unicodes: set[int]) -> TTFont:
    font = TTFont(source, recalcTimestamp=False, recalcBBoxes=False)
    options = subset.Options(
        layout_features=["*"],  # glyphs HarfBuzz may substitute for these characters
        glyph_names=True,  # fpdf2 asks for glyphs by name
        name_IDs=["*"],
        name_languages=["*"],
        name_legacy=True,
        notdef_outline=True,
        recommended_glyphs=True,
        legacy_kern=True,
        symbol_cmap=True,
        legacy_cmap=True,
        prune_unicode_ranges=False,
        prune_codepage_ranges=False,
        recalc_bounds=False,
        recalc_timestamp=False,
        drop_tables=[],
        passthrough_tables=True,
    )
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)
    return font


def main() -> None:
    for source, target in CORE.items():
        font = core_font(HERE / source)
        font.save(HERE / target)
        print(f"{target}: {len(font.getGlyphOrder())} glyphs, {(HERE / target).stat().st_size} B")


if __name__ == "__main__":
    main()
