"""The look back (Terugblik): every earlier action and how it went, and the kompas over time.

Shown on Erkenning before the new validation, when the file holds earlier meetings. Everything
comes from one table of the meetings (krachtwerk/history.py), built from the model.
"""

from __future__ import annotations

import itertools

import pandas as pd
import streamlit as st

from krachtwerk import history
from krachtwerk.content import Texts, axis_label, date_text, label_value, with_note
from krachtwerk.figure import checked_figure
from krachtwerk.history_chart import history_spec
from krachtwerk.model import Conversation, Meeting
from krachtwerk.ui import browser, fields
from krachtwerk.ui.state import texts

OUTCOME_ICONS = {
    "gelukt": ":material/check_circle:",
    "deels": ":material/timelapse:",
    "nog_niet": ":material/radio_button_unchecked:",
    None: ":material/help_outline:",
}
SHOWN_MEETINGS = 4  # earlier meetings in view; older ones are folded
MAX_SHOWN_SCORES = 8  # a longer series reads as its first three, "…", and its last three


def look_back(conversation: Conversation) -> None:
    if len(conversation.meetings) < 2:
        return
    t = texts()
    table = history.meetings_table(conversation)
    with st.container(key="terugblik"):
        st.header(t("terugblik.title"), anchor=False)
        st.caption(t("terugblik.intro"))
        timeline, chart = st.columns([2, 3], gap="large")
        with timeline:
            _timeline(t, conversation)
        with chart:
            _chart(t, conversation, table)


def _timeline(t: Texts, conversation: Conversation) -> None:
    """Each earlier meeting's action, how it went and what helped: the latest few in view, the
    older ones folded."""
    st.subheader(t("terugblik.timeline"), anchor=False)
    meetings = conversation.meetings
    lines = [_timeline_line(t, meeting, later) for meeting, later in itertools.pairwise(meetings)]
    older, recent = lines[:-SHOWN_MEETINGS], lines[-SHOWN_MEETINGS:]
    if older:
        with st.expander(t("terugblik.older", count=len(older)), icon=":material/history:"):
            st.markdown("\n".join(older))
    st.markdown("\n".join(recent))


def _timeline_line(t: Texts, meeting: Meeting, later: Meeting) -> str:
    what = meeting.action.what.strip()
    outcome = later.review.outcome
    label = t(f"erkenning.review.outcome_{outcome or 'open'}")
    action = fields.plain(what) if what else f"*{t('terugblik.no_action')}*"
    line = f"- **{date_text(t, meeting.date)}** · {action}  \n  {OUTCOME_ICONS[outcome]} {label}"
    if helped := later.review.what_helped.strip():
        line += f" · {label_value(t, t('terugblik.helped'), fields.plain(helped))}"
    return line


def _chart(t: Texts, conversation: Conversation, table: pd.DataFrame) -> None:
    st.subheader(t("terugblik.chart"), anchor=False)
    dates = [date_text(t, meeting.date, short=True) for meeting in conversation.meetings]
    st.plotly_chart(
        checked_figure(history_spec(t, table, dates)),
        config={"displayModeBar": False, "staticPlot": False, "scrollZoom": False},
        alt=t("terugblik.chart_alt"),
        key="terugblik.chart",
    )
    st.markdown(changes_in_words(t, table))
    with st.expander(t("terugblik.in_words"), icon=":material/notes:"):
        st.markdown(series_in_words(t, table))
    browser.download(
        t("terugblik.export"),
        history.export_csv(table),
        history.export_filename(conversation),
        "text/csv",
        icon="table",
        key="download.scores",
    )
    st.caption(t("terugblik.export_help"))


def changes_in_words(t: Texts, table: pd.DataFrame) -> str:
    """What went up, down or stayed, from the first given score to the last."""
    moved: dict[str, list[str]] = {"went_up": [], "went_down": [], "stayed": []}
    for axis, (first, last) in history.changes(table).items():
        kind = "went_up" if last > first else "went_down" if last < first else "stayed"
        moved[kind].append(with_note(t, axis_label(t, axis), f"{first} → {last}"))
    if not any(moved.values()):
        return t("terugblik.nothing_yet")
    said = [(kind, items) for kind, items in moved.items() if items]
    return "  \n".join(
        label_value(t, f"**{t(f'terugblik.{kind}')}**", ", ".join(items)) for kind, items in said
    )


def series_in_words(t: Texts, table: pd.DataFrame) -> str:
    """Every axis's scores in order, as in "Wonen: 3 → 5 → 6"."""
    lines = []
    for axis, points in history.scores_over_time(table).items():
        scores = [str(score) for _meeting, score in points]
        if len(scores) > MAX_SHOWN_SCORES:
            scores = [*scores[:3], "…", *scores[-3:]]
        lines.append(f"- {label_value(t, axis_label(t, axis), ' → '.join(scores))}")
    return "\n".join(lines) or t("terugblik.nothing_yet")
