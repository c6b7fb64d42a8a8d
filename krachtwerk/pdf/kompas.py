"""The kompas on the page, drawn from the one geometry the screen uses (krachtwerk/geometry.py)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fpdf import FPDF
from fpdf.drawing_primitives import Transform
from fpdf.svg import SVGObject

from krachtwerk import geometry
from krachtwerk.content import structure
from krachtwerk.pdf import internals
from krachtwerk.pdf.fit import draw_text
from krachtwerk.pdf.fonts import set_font
from krachtwerk.pdf.grid import MARGIN, PAGE_W, Area
from krachtwerk.pdf.sheet import Sheet
from krachtwerk.pdf.style import INK, WHITE

ToMm = Callable[[geometry.Point], tuple[float, float]]  # kompas units to page mm


def draw_kompas(pdf: FPDF, area: Area, sheet: Sheet) -> None:
    """The kompas, drawn from the one geometry (unit x/y, y up) scaled into the area."""
    scale = min(area.w, area.h) / (2 * geometry.EXTENT)
    centre = (area.x + area.w / 2, area.y + area.h / 2)

    def mm(point: geometry.Point) -> tuple[float, float]:
        return (centre[0] + point[0] * scale, centre[1] - point[1] * scale)

    axes = geometry.axes(sheet.mode)
    _kompas_rose(pdf, mm)
    _kompas_axes(pdf, mm, axes, sheet.focus)
    if sheet.previous_scores:
        with pdf.local_context(draw_color=INK, line_width=0.55):
            pdf.set_dash_pattern(dash=1.6, gap=1.2)
            pdf.polyline([mm(p) for p in geometry.score_shape(axes, sheet.previous_scores)])
            pdf.set_dash_pattern()
    if sheet.scores:
        shape = [mm(p) for p in geometry.score_shape(axes, sheet.scores)]
        with pdf.local_context(fill_color=INK, fill_opacity=0.16):
            pdf.polygon(shape, style="F")
        with pdf.local_context(draw_color=INK, line_width=0.8):
            pdf.polyline(shape)
        with pdf.local_context(fill_color=INK):
            for axis in axes:
                if axis.id in sheet.scores:
                    x, y = mm(axis.at(sheet.scores[axis.id]))
                    pdf.circle(x, y, 1.0, style="F")
    _kompas_icons(pdf, mm, scale, axes, sheet)
    _kompas_badges(pdf, mm, scale, axes, sheet)


def _kompas_rose(pdf: FPDF, mm: ToMm) -> None:
    """Coloured quadrants with white rings: legible as light greys in black and white."""
    for sector in geometry.sectors():
        pdf.set_fill_color(sector.colour)
        pdf.polygon([mm(p) for p in sector.outline], style="F")
    with pdf.local_context(draw_color=WHITE, line_width=0.35):
        for _score, ring in geometry.rings():
            pdf.polyline([mm(p) for p in ring])


def _kompas_axes(pdf: FPDF, mm: ToMm, axes: list[geometry.Axis], focus: str | None) -> None:
    with pdf.local_context(draw_color=WHITE, line_width=0.6):
        for axis in axes:
            pdf.line(*mm((0.0, 0.0)), *mm(axis.end))
    for axis in axes:
        if axis.id == focus:
            with pdf.local_context(draw_color=INK, line_width=1.6):
                pdf.line(*mm((0.0, 0.0)), *mm(axis.end))


def _kompas_icons(
    pdf: FPDF, mm: ToMm, scale: float, axes: list[geometry.Axis], sheet: Sheet
) -> None:
    shape = structure()
    for sector in geometry.sectors():
        _pictogram(pdf, mm, scale, sector.icon, shape.pictogram(sector.quadrant))
        x, y = mm(sector.label_anchor)
        width = 2 * min(x - MARGIN, PAGE_W - MARGIN - x, 30.0)
        label = sheet.t(f"quadrants.{sector.quadrant}.label")
        draw_text(
            pdf,
            Area(x - width / 2, y, width, 5.0),
            label,
            (10.0, 7.0),
            bold=True,
            colour=sector.ink,
            align="C",
            max_lines=1,
            leading=1.1,
            static=True,
        )
    for axis in axes:
        if axis.id == sheet.focus:
            x, y = mm((axis.icon.x, axis.icon.y))
            with pdf.local_context(draw_color=INK, line_width=0.7, fill_color=WHITE):
                pdf.circle(x, y, axis.icon.size * scale * 0.62, style="DF")
        _pictogram(pdf, mm, scale, axis.icon, shape.pictogram(axis.id))


def _kompas_badges(
    pdf: FPDF, mm: ToMm, scale: float, axes: list[geometry.Axis], sheet: Sheet
) -> None:
    """Each score as a number on the rim, so the picture also reads without colour."""
    radius = 2.5
    at = 1.0 - radius / scale * 0.35
    for axis in axes:
        if axis.id not in sheet.scores:
            continue
        x, y = mm(geometry.polar(at, axis.angle))
        focus = axis.id == sheet.focus
        with pdf.local_context(draw_color=INK, line_width=0.35, fill_color=INK if focus else WHITE):
            pdf.circle(x, y, radius, style="DF")
        set_font(pdf, 8.5, bold=True)
        pdf.set_text_color(WHITE if focus else INK)
        pdf.set_xy(x - radius, y - radius)
        pdf.cell(2 * radius, 2 * radius, str(sheet.scores[axis.id]), align="C")


# Each pictogram is drawn once per process for each place and drawing state it is used in, and
# placed from that in every document (internals.draw_once says why). Pictograms and positions
# are static assets and geometry: nothing about a resident.
PICTOGRAMS: dict[tuple[Any, ...], internals.Drawn] = {}


def _pictogram(pdf: FPDF, mm: ToMm, scale: float, box: geometry.Box, path: Path) -> None:
    left, top = mm((box.left, box.top))
    size = box.size * scale
    svg = _svg(path)
    if svg is None:
        pdf.image(str(path), left, top, size, size)
        return
    x, y = pdf.x, pdf.y
    pdf.set_xy(0, 0)
    key = (path, size, left, top, *internals.drawing_state(pdf))
    drawn = PICTOGRAMS.get(key)
    if drawn is None:
        # What FPDF.image() does with an SVG, without parsing the file again. The parsed
        # pictogram is shared by every document: placing it sets its transform (RENDER_LOCK).
        _, _, group = svg.transform_to_rect_viewport(
            scale=1, width=size, height=size, ignore_svg_top_attrs=True
        )
        group.transform = group.transform @ Transform.translation(left, top)
        drawn = PICTOGRAMS[key] = internals.draw_once(pdf, group)
    internals.place(pdf, drawn)
    pdf.set_xy(x, y)


@functools.cache
def _svg(path: Path) -> SVGObject | None:
    """A pictogram parsed once; None when it has gradients (drawing changes those in place)."""
    svg = SVGObject(path.read_bytes())
    return None if svg.gradient_definitions or not svg.viewbox else svg
