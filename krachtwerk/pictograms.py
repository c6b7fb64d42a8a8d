"""What a pictogram may be: a small, safe SVG that browsers and fpdf2 both draw the same way.

The shipped pictograms (assets/pictograms) follow these rules, and an organisation's own
pictograms (krachtwerk/organisation.py) are checked against them before they are used.
"""

from __future__ import annotations

import logging
import xml.etree.ElementTree as ET

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

MAX_BYTES = 100_000  # ours are 1-2 KB
SVG_NS = "{http://www.w3.org/2000/svg}"
ALLOWED_ELEMENTS = frozenset(
    {"svg", "g", "path", "circle", "ellipse", "rect", "line", "polyline", "polygon", "title"}
)


def svg_problem(data: bytes) -> str | None:
    """Why these bytes cannot be a pictogram (a code for the catalogue), or None when they can."""
    if len(data) > MAX_BYTES:
        return "too_big"
    try:
        root = fromstring(data, forbid_dtd=True)
    except (ET.ParseError, DefusedXmlException, ValueError):
        return "not_svg"
    if root.tag != f"{SVG_NS}svg":
        return "not_svg"
    if not root.get("viewBox"):
        return "no_viewbox"
    for element in root.iter():
        if not element.tag.startswith(SVG_NS) or element.tag[len(SVG_NS) :] not in ALLOWED_ELEMENTS:
            return "element"
        for attribute, value in element.attrib.items():
            if attribute == "style" or "href" in attribute or "url(" in value:
                return "element"
    return None if _draws_in_pdf(data) else "not_drawn"


def _draws_in_pdf(data: bytes) -> bool:
    """fpdf2 draws it without a warning (it skips what it cannot draw, and says so)."""
    warnings: list[logging.LogRecord] = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = warnings.append  # type: ignore[method-assign]
    # The page keeps fpdf2's logger at ERROR (its warnings may quote resident text); its SVG
    # warnings only ever speak of a pictogram, so they are heard here, and kept out of the log.
    logger = logging.getLogger("fpdf.svg")
    level, propagate = logger.level, logger.propagate
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    logger.addHandler(handler)
    from fpdf import FPDF  # here: checking a file needs it, loading the catalogue does not

    try:
        pdf = FPDF()
        pdf.add_page()
        pdf.image(data, x=10, y=10, w=20)
        bytes(pdf.output())
    except Exception:  # fpdf2 raises many kinds on a broken drawing
        return False
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
        logger.propagate = propagate
    return not warnings
