"""Kompas step components: the chart with clickable axes, the scores, the focus and follow-ups."""

from __future__ import annotations

import streamlit as st

from krachtwerk import geometry
from krachtwerk.axes import mode_axes
from krachtwerk.content import axis_in_sentence, axis_label, structure
from krachtwerk.figure import LABEL_PX, alt_text, kompas_figure
from krachtwerk.model import Conversation, Kompas
from krachtwerk.ui import fields
from krachtwerk.ui.frame import scaled
from krachtwerk.ui.state import forgotten, seed, set_widget, texts, widget_key

CHART_KEY = "kk.kompas.chart"
NOT_SCORED = "none"
SCALE = [NOT_SCORED, *range(geometry.MAX_SCORE + 1)]


def _choose_focus_from_chart(kompas: Kompas, chart_key: str) -> None:
    state = st.session_state.get(chart_key)
    points = state.selection.points if state is not None else []
    for point in points:
        axis_id = (point.get("customdata") or [None])[0]
        if axis_id:
            kompas.focus = axis_id
            set_widget("kompas.focus", axis_id)
            return


def _write_focus(kompas: Kompas, key: str) -> None:
    """Before the rerun, so the chart above the list already shows the new focus."""
    if not forgotten(key):
        kompas.focus = st.session_state[key]


def _write_score(kompas: Kompas, axis_id: str) -> None:
    key = widget_key(f"score.{axis_id}")
    if forgotten(key):
        return
    value = st.session_state[key]
    if value == NOT_SCORED:
        kompas.scores.pop(axis_id, None)
    else:
        kompas.scores[axis_id] = int(value)


def chart(conversation: Conversation) -> None:
    t = texts()
    kompas = conversation.current.kompas
    axes = mode_axes(conversation.mode)
    previous = axes.scores(conversation.previous.kompas) if conversation.previous else None
    figure = kompas_figure(t, conversation.mode, kompas, previous, scaled(LABEL_PX))
    description = alt_text(t, conversation.mode, kompas)
    # A fresh chart key per focus: clicking the same axis again after a change is a new selection.
    chart_key = f"{CHART_KEY}.{kompas.focus}"
    st.plotly_chart(
        figure,
        key=chart_key,
        on_select=lambda: _choose_focus_from_chart(kompas, chart_key),
        selection_mode="points",
        config={"displayModeBar": False, "scrollZoom": False},
        alt=description,
    )
    if previous:
        st.caption(t("kompas.legend_previous"))
    with st.expander(t("kompas.in_words"), icon=":material/notes:"):
        st.markdown(description)


def scores(conversation: Conversation) -> None:
    t = texts()
    kompas = conversation.current.kompas
    st.markdown(f"**{t('kompas.scale_question')}**")
    st.caption(t("kompas.scale_hint"))
    for axis in geometry.axes(conversation.mode):
        question = t(f"{structure().axis_kind(axis.id)}.{axis.id}.scale_question")
        # Its pictogram beside it comes from the stylesheet (frame.pictogram_rules): two columns
        # and a picture per slider were 40 of the step's ~100 elements on every slider move.
        st.select_slider(
            # Plain text: the label is also the slider's accessible name, read aloud as written.
            f"{axis_label(t, axis.id)} · {question}",
            SCALE,
            key=seed(f"score.{axis.id}", kompas.scores.get(axis.id, NOT_SCORED)),
            format_func=lambda v: t("kompas.not_scored") if v == NOT_SCORED else str(v),
            on_change=_write_score,
            args=(kompas, axis.id),
        )


def focus(conversation: Conversation) -> None:
    t = texts()
    kompas = conversation.current.kompas
    axes = mode_axes(conversation.mode)
    st.header(t("kompas.focus.title"), anchor=False)
    # A focus from another mode stays in the file (the mode may change back) but is not shown.
    key = seed("kompas.focus", axes.focus(kompas))
    if st.session_state[key] not in (None, *axes.ids):
        st.session_state[key] = None
    st.selectbox(
        t("kompas.focus.label"),
        axes.ids,
        key=key,
        placeholder=t("kompas.focus.placeholder"),
        format_func=lambda a: axis_label(t, a),
        help=t("kompas.focus.help"),
        on_change=_write_focus,
        args=(kompas, key),
    )


def follow_ups(conversation: Conversation) -> None:
    t = texts()
    kompas = conversation.current.kompas
    focus = mode_axes(conversation.mode).focus(kompas)
    if not focus:
        return
    score = kompas.scores.get(focus)
    label = axis_in_sentence(t, focus)
    if score is None:
        why = t("kompas.why_not_lower_unscored", axis=label)
        step = t("kompas.one_step_up_unscored", axis=label)
    else:
        why = t("kompas.why_not_lower", axis=label, score=score)
        step = t("kompas.one_step_up", axis=label, score=score, higher=min(score + 1, 10))
    fields.text(why, "kompas.why_not_lower", area=True)
    fields.text(step, "kompas.one_step_up", area=True)
