"""Afronden, for the professional only: the anonymised page for the Team Kracht Bespreking.

The texts are anonymised by krachtwerk/team.py. The professional reads every one of them here,
can still change it, and chooses the blocks; then the page is made from exactly what is shown.
Edits live in this session's widgets only. They are keyed by the conversation's fingerprint, so
a changed conversation starts from its own anonymised texts again.
"""

from __future__ import annotations

import streamlit as st

from krachtwerk.browser_copy import fingerprint
from krachtwerk.content import Texts, label_value, structure
from krachtwerk.model import Conversation
from krachtwerk.pdf.team import TEAM_FILENAME, render_team_pdf
from krachtwerk.team import BLOCKS, OPTIONAL_BLOCKS, TeamCase, team_case
from krachtwerk.ui import browser
from krachtwerk.ui.state import seed, texts

RENDERED_KEY = "kk.team.rendered"  # (the case it was made from, the PDF): this session only


def team_page(conversation: Conversation, saved: bytes) -> None:
    t = texts()
    with st.expander(t("afronden.team.title"), icon=":material/groups:"):
        st.caption(t("afronden.team.intro"))
        question = st.text_area(
            t("afronden.team.question"),
            key=seed("team.question", ""),
            placeholder=t("afronden.team.question_placeholder"),
            max_chars=400,
        )
        shown = st.pills(
            t("afronden.team.blocks"),
            [*BLOCKS, *OPTIONAL_BLOCKS],
            selection_mode="multi",
            key=seed("team.blocks", list(BLOCKS)),
            format_func=lambda block: t(f"afronden.team.block.{block}"),
        )
        case = team_case(conversation, question)
        st.markdown(f"**{t('afronden.team.check')}**")  # no heading: none above it inside
        case = _checked(t, case, fingerprint(saved)[:12]).edited(shown=frozenset(shown or ()))
        browser.download(
            t("afronden.team.download"),
            _rendered(conversation, case),
            TEAM_FILENAME,
            "application/pdf",
            icon="download",
            key="download.team",
        )
        st.caption(t("afronden.team.download_help"))


def _checked(t: Texts, case: TeamCase, version: str) -> TeamCase:
    """Every anonymised text in a field the professional can change."""

    def field(label: str, name: str, value: str, help: str | None = None) -> str:
        key = seed(f"team.{name}.{version}", value)
        return st.text_area(label, key=key, help=help, height="content")

    left, right = st.columns(2)
    with left:
        goal = field(t("team.goal"), "goal", case.goal)
        step = field(t("team.step"), "step", case.step)
        qualities = field(t("team.qualities"), "qualities", case.qualities)
        helpers = field(t("team.helpers"), "helpers", case.helpers)
    with right:
        strengths = {}
        for quadrant in structure().quadrants:
            label = label_value(t, t("team.strengths"), t(f"quadrants.{quadrant.id}.label"))
            said = case.strengths.get(quadrant.id, "")
            strengths[quadrant.id] = field(label, f"strengths.{quadrant.id}", said)
    history = field(
        t("team.history"), "history", "\n".join(case.history), t("afronden.team.history_help")
    )
    validation = field(t("team.validation"), "validation", case.validation)
    return case.edited(
        goal=goal,
        step=step,
        qualities=qualities,
        helpers=helpers,
        strengths={quadrant: text for quadrant, text in strengths.items() if text.strip()},
        history=tuple(line.strip() for line in history.splitlines() if line.strip()),
        validation=validation,
    )


def _rendered(conversation: Conversation, case: TeamCase) -> bytes:
    """Made again only when what the page shows changed; kept in this session only."""
    made_from = (
        repr(case),
        conversation.mode,
        conversation.language,
        repr(conversation.current.kompas),
    )
    cached = st.session_state.get(RENDERED_KEY)
    if cached is None or cached[0] != made_from:
        cached = (made_from, render_team_pdf(conversation, case))
        st.session_state[RENDERED_KEY] = cached
    return cached[1]
