"""The page for the Team Kracht Bespreking (design §7b): one A4 for the team, anonymised.

Strengths first: the goal and the step of now, the strengths per quadrant and the qualities, the
kompas, what helped and what was tried, who helps. Then the professional's question to the team
and the fixed guide for the round. Every text comes from a TeamCase (krachtwerk/team.py), already
anonymised and checked by the professional; this module prints only that. It has no name, no
date and no photo. Each block has a fixed box and its text is fitted in it: always one page.
"""

from __future__ import annotations

from fpdf import FPDF

from krachtwerk.content import structure
from krachtwerk.model import Conversation
from krachtwerk.pdf import RENDER_LOCK, blocks
from krachtwerk.pdf.fit import draw_label, draw_text, write_lines
from krachtwerk.pdf.fonts import document, output
from krachtwerk.pdf.grid import MARGIN, PAPER, Area
from krachtwerk.pdf.kompas import draw_kompas
from krachtwerk.pdf.sheet import sheet_of
from krachtwerk.pdf.style import INK, MUTED, PAPER_TINT, SMALL_PT
from krachtwerk.team import TeamCase

TEAM_FILENAME = "krachtkompas-team.pdf"  # no name and no date in it
BODY = (11.0, 8.0)
KOMPAS_W = 80.0

STRIPE, TITLE, SUBTITLE, GOALS, MIDDLE, LOWER, QUESTION, GUIDE, FOOTER = PAPER.stack(
    (8.0, 2.5),
    (3.5, 10.0),
    (1.0, 6.0),
    (5.0, 26.0),
    (5.0, 100.0),
    (5.0, 50.0),
    (5.0, 22.0),
    (4.0, 22.0),
    (5.0, 5.0),
)
LEFT, STRENGTHS = MIDDLE.columns(KOMPAS_W / (MIDDLE.w - 8.0), 1 - KOMPAS_W / (MIDDLE.w - 8.0))
# The kompas, and the qualities under it (below the quadrant labels, which hang out).
KOMPAS, QUALITIES = LEFT.stack((0.0, KOMPAS_W), (7.0, 13.0))
# What helped and who helps; the validation, when the professional includes it, below them.
HISTORY, VALIDATION = LOWER.stack((0.0, 35.0), (3.0, 12.0))
BLOCKS = {
    "title": TITLE,
    "subtitle": SUBTITLE,
    "goals": GOALS,
    "kompas": KOMPAS,
    "qualities": QUALITIES,
    "strengths": STRENGTHS,
    "history and helpers": LOWER,
    "question": QUESTION,
    "guide": GUIDE,
    "footer": FOOTER,
}


def render_team_pdf(conversation: Conversation, case: TeamCase) -> bytes:
    """The team's page, for the case the professional checked (never the raw conversation)."""
    with RENDER_LOCK:
        return _render(conversation, case)


def _render(conversation: Conversation, case: TeamCase) -> bytes:
    # For the kompas only: its scores, focus and words, in the screens' language (the team's).
    sheet = sheet_of(conversation, conversation.language)
    t = sheet.t
    pdf = document(t("team.meta_title"), conversation.language, MARGIN)
    blocks.stripe(pdf, STRIPE)
    draw_text(pdf, TITLE, t("team.title"), (20.0, 14.0), bold=True, max_lines=1, static=True)
    subtitle = f"{t('team.subtitle')} {case.meeting}".strip()
    draw_text(pdf, SUBTITLE, subtitle, (SMALL_PT + 1, 8.0), colour=MUTED, max_lines=1)
    shown = case.shown
    if "goal" in shown:
        goal, step = GOALS.columns(0.42, 0.58)
        _field(pdf, goal, t("team.goal"), case.goal, t("team.empty"), max_lines=3)
        _field(pdf, step, t("team.step"), case.step, t("team.empty"), max_lines=3)
    if "kompas" in shown:
        draw_kompas(pdf, KOMPAS, sheet)
    if "qualities" in shown:
        _field(pdf, QUALITIES, t("team.qualities"), case.qualities, t("team.empty"), max_lines=2)
    _strengths(pdf, STRENGTHS, case, t)
    left, right = (HISTORY if "validation" in shown else LOWER).columns(0.58, 0.42)
    if "history" in shown:
        history = " · ".join(case.history) or t("team.no_history")
        _field(pdf, left, t("team.history"), history, "", max_lines=None)
    if "helpers" in shown:
        _field(pdf, right, t("team.helpers"), case.helpers, t("team.empty"), max_lines=None)
    if "validation" in shown:
        _field(pdf, VALIDATION, t("team.validation"), case.validation, t("team.empty"), None)
    if "question" in shown:
        _question(pdf, QUESTION, case, t)
    if "guide" in shown:
        _guide(pdf, GUIDE, t)
    draw_text(pdf, FOOTER, t("team.footer"), SMALL_PT, colour=MUTED, max_lines=1, static=True)
    if pdf.pages_count != 1:
        raise RuntimeError(f"the page overflowed into {pdf.pages_count} pages")
    return output(pdf)


def _field(pdf: FPDF, area: Area, label: str, text: str, empty: str, max_lines: int | None) -> None:
    rest = area.below(draw_label(pdf, area, label))
    draw_text(pdf, rest, text or empty, BODY, colour=INK if text else MUTED, max_lines=max_lines)


def _strengths(pdf: FPDF, area: Area, case: TeamCase, t) -> None:
    """A row per quadrant, its name in its own colour."""
    if "strengths" not in case.shown:
        return
    shape = structure()
    row = (area.h - 7.0) / len(shape.quadrants) - 1.0
    label, *rows = area.stack((0.0, 7.0), *[(1.0, row)] * len(shape.quadrants))
    draw_label(pdf, label, t("team.strengths"))
    for row_area, quadrant in zip(rows, shape.quadrants, strict=True):
        name = t(f"quadrants.{quadrant.id}.label")
        used = draw_text(pdf, row_area, name, 10.0, bold=True, colour=quadrant.ink, max_lines=1)
        said = case.strengths.get(quadrant.id, "")
        draw_text(
            pdf, row_area.below(used), said or t("team.empty"), BODY, colour=INK if said else MUTED
        )


def _question(pdf: FPDF, area: Area, case: TeamCase, t) -> None:
    pdf.set_fill_color(PAPER_TINT)
    pdf.rect(area.x, area.y, area.w, area.h, style="F", round_corners=True, corner_radius=3)
    inner = Area(area.x + 5.0, area.y + 3.0, area.w - 10.0, area.h - 5.0)
    rest = inner.below(draw_label(pdf, inner, t("team.question")))
    if case.question:
        draw_text(pdf, rest, case.question, (14.0, 9.0), bold=True, max_lines=3)
    else:
        write_lines(pdf, rest, 2, 7.0)


def _guide(pdf: FPDF, area: Area, t) -> None:
    rest = area.below(draw_label(pdf, area, t("team.guide_title")))
    steps = t.list("team.guide")
    row = rest.h / len(steps)
    for index, step in enumerate(steps):
        line = Area(rest.x, rest.y + index * row, rest.w, row)
        draw_text(pdf, line, step, (10.0, 8.0), max_lines=1, static=True)
