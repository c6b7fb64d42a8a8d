"""The page's blocks, each drawn into its box of the grid (grid.py) from the Sheet (sheet.py)."""

from __future__ import annotations

import io
import math
from typing import Any

from fpdf import FPDF
from PIL import Image

from krachtwerk.content import label_value, structure, with_note
from krachtwerk.pdf.fit import draw_label, draw_text, line_height, write_lines
from krachtwerk.pdf.fonts import embed_fallbacks, set_font
from krachtwerk.pdf.grid import (
    ACTION,
    DETAILS_GAP,
    GOAL,
    GUTTER,
    LOGO,
    LOGO_GAP,
    MARGIN,
    PAGE_W,
    PANEL_COLUMN_GAP,
    PANEL_DONE_COLUMN,
    PANEL_PAD_BOTTOM,
    PANEL_PAD_LEFT,
    PANEL_PAD_RIGHT,
    PANEL_PAD_TOP,
    TICK_BOX,
    Area,
    corners_on_paper,
    on_paper,
)
from krachtwerk.pdf.sheet import Sheet
from krachtwerk.pdf.style import (
    ACTION_PT,
    BODY_PT,
    DATE_PT,
    DETAIL_PT,
    GOAL_PT,
    INK,
    MIN_PT,
    MUTED,
    PAPER_TINT,
    RULE,
    SMALL_PT,
    STAR,
    TITLE_PT,
    WHITE,
)


def stripe(pdf: FPDF, area: Area) -> None:
    """Four quadrant colours along the top: the kompas's signature."""
    colours = [q.colour for q in structure().quadrants]
    width = area.w / len(colours)
    for index, colour in enumerate(colours):
        pdf.set_fill_color(colour)
        pdf.rect(on_paper(area.x + index * width, width), area.y, width, area.h, style="F")


def header(pdf: FPDF, area: Area, sheet: Sheet) -> None:
    """Title at the reading edge, the date at the other end of the same line."""
    set_font(pdf, DATE_PT)
    date_w = pdf.get_string_width(sheet.date) + 1.0
    title = Area(area.x, area.y, area.w - date_w - GUTTER, area.h)
    # One direction, the page's: a long name must not turn the title around.
    direction = sheet.direction
    draw_text(
        pdf, title, sheet.title, TITLE_PT, bold=True, max_lines=1, leading=1.2, direction=direction
    )
    date = Area(area.right - date_w, area.bottom - line_height(DATE_PT, 1.25) - 1.2, date_w, 6.0)
    draw_text(pdf, date, sheet.date, DATE_PT, colour=MUTED, align="R", max_lines=1)


def action_panel(pdf: FPDF, area: Area, sheet: Sheet) -> None:
    """The heart of the page: my goal, what I will do (biggest), when, with whom, done."""
    pdf.set_fill_color(PAPER_TINT)
    x = on_paper(area.x, area.w)
    pdf.rect(x, area.y, area.w, area.h, style="F", round_corners=True, corner_radius=4)
    pdf.set_fill_color(sheet.accent)
    pdf.rect(
        on_paper(area.x, 4.0),
        area.y,
        4.0,
        area.h,
        style="F",
        round_corners=corners_on_paper("TOP_LEFT", "BOTTOM_LEFT"),
        corner_radius=4,
    )
    inner = Area(
        area.x + PANEL_PAD_LEFT,
        area.y + PANEL_PAD_TOP,
        area.w - PANEL_PAD_LEFT - PANEL_PAD_RIGHT,
        area.h - PANEL_PAD_TOP - PANEL_PAD_BOTTOM,
    )
    main, done = inner.columns(1 - PANEL_DONE_COLUMN, PANEL_DONE_COLUMN, gap=PANEL_COLUMN_GAP)
    goal, action = main.stack(GOAL, ACTION)
    _goal(pdf, goal, sheet)
    _action(pdf, action, sheet)
    when, with_whom = main.below(action.bottom - main.y, DETAILS_GAP).columns(0.5, 0.5)
    _detail(pdf, when, sheet.t("pdf.when"), sheet.when)
    _detail(pdf, with_whom, sheet.t("pdf.with_whom"), sheet.with_whom)
    with pdf.local_context(draw_color=RULE, line_width=0.3):
        rule_x = done.x - PANEL_COLUMN_GAP / 2
        pdf.line(on_paper(rule_x), done.y, on_paper(rule_x), done.bottom)
    _done(pdf, done, sheet)


def _field(
    pdf: FPDF,
    area: Area,
    label: str,
    value: str,
    sizes: tuple[float, float] | float,
    blank: tuple[int, float],
    **style: Any,
) -> None:
    """A labelled block: the value fitted below its label, or lines to write on by hand."""
    rest = area.below(draw_label(pdf, area, label))
    if value:
        draw_text(pdf, rest, value, sizes, **style)
    else:
        write_lines(pdf, rest, *blank)


def _goal(pdf: FPDF, area: Area, sheet: Sheet) -> None:
    _field(pdf, area, sheet.t("pdf.goal"), sheet.goal, GOAL_PT, (1, 9.0), max_lines=2)


def _action(pdf: FPDF, area: Area, sheet: Sheet) -> None:
    label = sheet.t("pdf.action")
    used = draw_text(pdf, area, label, 12.0, bold=True, max_lines=1, static=True) + 1.0
    rest = area.below(used)
    if sheet.what:
        draw_text(pdf, rest, sheet.what, ACTION_PT, bold=True, leading=1.15)
    else:
        write_lines(pdf, rest, 3, 9.5)


def _detail(pdf: FPDF, area: Area, label: str, value: str) -> None:
    _field(pdf, area, label, value, DETAIL_PT, (1, 8.0), bold=True, max_lines=2, leading=1.15)


def _done(pdf: FPDF, area: Area, sheet: Sheet) -> None:
    """A box to tick on the fridge, and how I will know it worked."""
    box = TICK_BOX
    with pdf.local_context(draw_color=INK, fill_color=WHITE, line_width=0.8):
        x = on_paper(area.x, box)
        pdf.rect(x, area.y, box, box, style="DF", round_corners=True, corner_radius=2)
    beside = Area(area.x + box + 3.0, area.y + 2.0, area.w - box - 3.0, 10.0)
    draw_text(pdf, beside, sheet.t("pdf.done"), (16.0, 10.0), bold=True, max_lines=1, static=True)
    rest = area.below(box + 5.0)
    used = draw_label(pdf, rest, sheet.t("pdf.done_when"), max_lines=3)
    rest = rest.below(used)
    if sheet.done_when:
        draw_text(pdf, rest, sheet.done_when, BODY_PT)
    else:
        write_lines(pdf, rest, 3, 8.0)


def kompas_caption(pdf: FPDF, area: Area, sheet: Sheet) -> None:
    """Which axis I work on, how to read the numbers, and which shape is which."""
    rest = area
    if sheet.focus_label:
        text = label_value(sheet.t, sheet.t("pdf.focus"), sheet.focus_label)
        used = draw_text(pdf, rest, text, (12.0, MIN_PT), bold=True, align="C", max_lines=1)
        rest = rest.below(used, 0.5)
        before, now = sheet.previous_scores.get(sheet.focus), sheet.scores.get(sheet.focus)
        if before is not None and now is not None:  # the step made since last time
            change = sheet.t("pdf.change", before=before, now=now)
            used = draw_text(pdf, rest, change, (11.0, MIN_PT), bold=True, align="C", max_lines=1)
            rest = rest.below(used, 0.5)
    if sheet.scores:
        scale = sheet.t("pdf.scale")
        used = draw_text(
            pdf, rest, scale, (SMALL_PT, 7.0), colour=MUTED, align="C", max_lines=1, static=True
        )
        rest = rest.below(used, 0.5)
    if sheet.previous_scores:
        _legend(pdf, rest, sheet)


def _legend(pdf: FPDF, area: Area, sheet: Sheet) -> None:
    now = sheet.t("pdf.legend_now")
    before = with_note(sheet.t, sheet.t("pdf.legend_previous"), sheet.previous_date)
    sample = 8.0
    width = 2 * sample + 6.0 + _width(pdf, now) + _width(pdf, before) + 10.0
    x = area.x + max(0.0, (area.w - width) / 2)
    y = area.y + 2.5
    with pdf.local_context(draw_color=INK, line_width=0.8):
        pdf.line(on_paper(x), y, on_paper(x + sample), y)
    x += sample + 2.0
    x += _inline(pdf, x, area.y, now) + 8.0
    with pdf.local_context(draw_color=INK, line_width=0.55):
        pdf.set_dash_pattern(dash=1.6, gap=1.2)
        pdf.line(on_paper(x), y, on_paper(x + sample), y)
        pdf.set_dash_pattern()
    _inline(pdf, x + sample + 2.0, area.y, before)


def _inline(pdf: FPDF, x: float, y: float, text: str) -> float:
    width = min(_width(pdf, text), PAGE_W - MARGIN - x)
    top = y + (5.0 - line_height(SMALL_PT, 1.25)) / 2  # level with the sample line
    draw_text(pdf, Area(x, top, width + 0.5, 5.0), text, SMALL_PT, colour=MUTED, max_lines=1)
    return width


def _width(pdf: FPDF, text: str) -> float:
    """The width of a line of small text, in whichever fonts draw it."""
    embed_fallbacks(pdf, text, bold=False)
    set_font(pdf, SMALL_PT)
    return pdf.get_string_width(text)


def strengths(pdf: FPDF, area: Area, sheet: Sheet) -> None:
    """Up to three strengths, each with a star."""
    used = draw_label(pdf, area, sheet.t("pdf.strengths"))
    rest = area.below(used + 1.0)
    row = rest.h / 3
    for index in range(3):
        line = Area(rest.x, rest.y + index * row, rest.w, row)
        _star(pdf, line.x + 3.0, line.y + 3.6, 3.0)
        text_area = Area(line.x + 9.0, line.y, line.w - 9.0, row)
        if index < len(sheet.strengths):
            draw_text(pdf, text_area, sheet.strengths[index], BODY_PT, max_lines=2, leading=1.15)
        else:
            write_lines(pdf, text_area.top(7.0), 1, 7.0)


def _star(pdf: FPDF, x: float, y: float, radius: float) -> None:
    x = on_paper(x)
    points = [
        (x + r * math.sin(math.radians(36 * i)), y - r * math.cos(math.radians(36 * i)))
        for i, r in ((i, radius if i % 2 == 0 else radius * 0.45) for i in range(10))
    ]
    with pdf.local_context(draw_color=INK, fill_color=STAR, line_width=0.35):
        pdf.polygon(points, style="DF")


def helpers(pdf: FPDF, area: Area, sheet: Sheet) -> None:
    _field(pdf, area, sheet.t("pdf.helpers"), sheet.helpers, BODY_PT, (2, 7.5), leading=1.2)


def photo(pdf: FPDF, area: Area, sheet: Sheet, photo: bytes | None) -> None:
    """The photo fitted in its frame, or a dashed frame to stick one on."""
    if photo:
        with Image.open(io.BytesIO(photo)) as image:
            width, height = image.size
        fit = min(area.w / width, area.h / height)
        w, h = width * fit, height * fit
        x, y = on_paper(area.x + (area.w - w) / 2, w), area.y + (area.h - h) / 2
        pdf.image(io.BytesIO(photo), x, y, w, h)
        with pdf.local_context(draw_color=RULE, line_width=0.3):
            pdf.rect(x, y, w, h)
        return
    with pdf.local_context(draw_color=MUTED, line_width=0.4):
        pdf.set_dash_pattern(dash=2.0, gap=1.5)
        x = on_paper(area.x, area.w)
        pdf.rect(x, area.y, area.w, area.h, round_corners=True, corner_radius=3)
        pdf.set_dash_pattern()
    middle = Area(area.x + 4.0, area.y + area.h / 2 - 3.5, area.w - 8.0, 7.0)
    label = sheet.t("pdf.photo")
    draw_text(pdf, middle, label, (12.0, MIN_PT), colour=MUTED, align="C", max_lines=1, static=True)


def appointment(pdf: FPDF, area: Area, sheet: Sheet) -> None:
    """Next appointment and my contact person, side by side on a rule."""
    with pdf.local_context(draw_color=RULE, line_width=0.3):
        pdf.line(on_paper(area.x), area.y - 3.0, on_paper(area.right), area.y - 3.0)
    left, right = area.columns(0.42, 0.58)
    used = draw_label(pdf, left, sheet.t("pdf.next_meeting"))
    if sheet.next_meeting:
        draw_text(pdf, left.below(used), sheet.next_meeting, DETAIL_PT, bold=True, max_lines=1)
    else:
        write_lines(pdf, left.below(used), 1, 8.0)
    used = draw_label(pdf, right, sheet.t("pdf.contact"))
    rest = right.below(used)
    if not (sheet.professional or sheet.contact):
        write_lines(pdf, rest, 1, 8.0)
        return
    if sheet.professional:
        used = draw_text(pdf, rest, sheet.professional, DETAIL_PT, bold=True, max_lines=1)
        rest = rest.below(used)
    draw_text(pdf, rest, sheet.contact, BODY_PT, max_lines=1)


def footer(pdf: FPDF, area: Area, sheet: Sheet) -> None:
    """Who made the page (and for which organisation, with its logo); where to hang it."""
    footer, hang_up = sheet.t("pdf.footer"), sheet.t("pdf.hang_up")
    left, right = area.columns(0.4, 0.6)
    if sheet.organisation or sheet.logo:  # "hang this up" keeps what it needs, they get the rest
        right_w = min(_width(pdf, hang_up) + 1.0, area.w * 0.5)
        left = Area(area.x, area.y, area.w - right_w - GUTTER, area.h)
        right = Area(area.right - right_w, area.y, right_w, area.h)
    if sheet.logo:
        used = _logo(pdf, LOGO, sheet.logo) + LOGO_GAP
        left = Area(left.x + used, left.y, max(left.w - used, 1.0), left.h)
    if sheet.organisation:
        footer = sheet.t("pdf.footer_organisation", organisation=sheet.organisation)
    style: dict[str, Any] = dict(colour=MUTED, max_lines=1, static=True, direction=sheet.direction)
    draw_text(pdf, left, footer, SMALL_PT, **style)
    draw_text(pdf, right, hang_up, SMALL_PT, align="R", **style)


def _logo(pdf: FPDF, area: Area, logo: bytes) -> float:
    """The organisation's logo fitted into its box from the reading edge; returns its width."""
    with Image.open(io.BytesIO(logo)) as image:
        width, height = image.size
    fit = min(area.w / width, area.h / height)
    w, h = width * fit, height * fit
    pdf.image(io.BytesIO(logo), on_paper(area.x, w), area.bottom - h, w, h)
    return w
