"""The 14 pictograms (ten life domains, four kompas quadrants) are simple, safe SVGs.

They must render both in browsers and in fpdf2's SVG support, so they may only use a small set
of elements (see design §4 and §6).
"""

import hashlib
import logging
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from fpdf import FPDF

from krachtwerk.pictograms import svg_problem

PICTOGRAM_DIR = Path(__file__).resolve().parents[1] / "assets" / "pictograms"

DOMAINS: tuple[str, ...] = (
    "lichaam",
    "gevoel",
    "zingeving",
    "gezin",
    "netwerk",
    "wonen",
    "geld",
    "dagelijks",
    "werk",
    "vrije_tijd",
)
QUADRANTS: tuple[str, ...] = ("ik", "mensen", "thuis", "dagen")
NAMES: tuple[str, ...] = DOMAINS + QUADRANTS

SVG_NS = "{http://www.w3.org/2000/svg}"
ALLOWED_ELEMENTS = frozenset(
    {"svg", "g", "path", "circle", "ellipse", "rect", "line", "polyline", "polygon"}
)
ALLOWED_PAINTS = frozenset({"none", "#1f2a37"})


def _path(name: str) -> Path:
    return PICTOGRAM_DIR / f"{name}.svg"


def _root(name: str) -> ET.Element:
    return ET.parse(_path(name)).getroot()


def _local(tag: str) -> str:
    assert tag.startswith(SVG_NS), f"element outside the SVG namespace: {tag}"
    return tag[len(SVG_NS) :]


@pytest.mark.parametrize("name", NAMES)
def test_is_svg_with_48_viewbox(name: str) -> None:
    root = _root(name)
    assert _local(root.tag) == "svg"
    assert root.get("viewBox") == "0 0 48 48"


@pytest.mark.parametrize("name", NAMES)
def test_uses_only_allowed_elements(name: str) -> None:
    used = {_local(element.tag) for element in _root(name).iter()}
    assert used <= ALLOWED_ELEMENTS, f"{name}.svg uses {sorted(used - ALLOWED_ELEMENTS)}"


@pytest.mark.parametrize("name", NAMES)
def test_no_styles_references_or_extra_colours(name: str) -> None:
    for element in _root(name).iter():
        for attribute, value in element.attrib.items():
            assert attribute != "style", f"{name}.svg: use presentation attributes"
            assert "href" not in attribute, f"{name}.svg: no external references"
            assert "url(" not in value, f"{name}.svg: no gradients, masks or clip paths"
        for paint in ("fill", "stroke"):
            if paint in element.attrib:
                assert element.attrib[paint].lower() in ALLOWED_PAINTS, f"{name}.svg {paint}"
        if "stroke-width" in element.attrib:
            assert float(element.attrib["stroke-width"]) >= 2.5, f"{name}.svg is too thin"


@pytest.mark.parametrize("name", NAMES)
def test_fpdf_embeds_without_warnings(name: str, caplog: pytest.LogCaptureFixture) -> None:
    pdf = FPDF()
    pdf.add_page()
    with caplog.at_level(logging.WARNING):
        pdf.image(str(_path(name)), x=10, y=10, w=30)
        output = bytes(pdf.output())
    assert output.startswith(b"%PDF")
    warnings = [
        record.getMessage() for record in caplog.records if record.levelno >= logging.WARNING
    ]
    assert warnings == []


def test_all_pictograms_are_different() -> None:
    digests = {name: hashlib.sha256(_path(name).read_bytes()).hexdigest() for name in NAMES}
    assert len(set(digests.values())) == len(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_ours_pass_the_rules_an_organisations_own_must_pass(name: str) -> None:
    assert svg_problem(_path(name).read_bytes()) is None
