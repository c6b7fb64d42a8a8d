"""Erkenning step components: looking back, what is going on, feelings, validation, coping."""

from __future__ import annotations

import streamlit as st

from krachtwerk.content import structure
from krachtwerk.model import OUTCOMES, Meeting, Validation
from krachtwerk.ui import fields
from krachtwerk.ui.state import set_widget, texts


def review(meeting: Meeting) -> None:
    """In a follow-up meeting: first look back at the action agreed last time."""
    if not meeting.review.previous_action:
        return
    t = texts()
    with st.container(border=True):
        st.header(t("erkenning.review.title"), anchor=False)
        st.markdown(t("erkenning.review.previous"))
        st.markdown(f"> {fields.plain(meeting.review.previous_action)}")
        fields.choice(
            t("erkenning.review.outcome"),
            "review.outcome",
            [None, *OUTCOMES],
            lambda o: t(f"erkenning.review.outcome_{o or 'open'}"),
        )
        fields.text(
            t("erkenning.review.what_helped"),
            "review.what_helped",
            area=True,
        )


def feeling_label(feeling_id: str) -> str:
    t = texts()
    return f"{t(f'feelings.{feeling_id}.icon')} {t(f'feelings.{feeling_id}.label')}"


def feelings(validation: Validation) -> list[str]:
    t = texts()
    known = [f.id for f in structure().feelings]
    return fields.chips(
        t("erkenning.feelings"),
        "validation.feelings",
        known,
        lambda f: feeling_label(f) if f in known else fields.plain(f),
    )


def _take_sentence(validation: Validation, sentence: str) -> None:
    joined = f"{validation.acknowledgement.rstrip()} {sentence}".strip()
    validation.acknowledgement = joined
    set_widget("validation.acknowledgement", joined)


def validating_sentences(validation: Validation) -> None:
    """Sentences the professional can say or adapt, for the feelings the resident chose."""
    t = texts()
    chosen = [f for f in validation.feelings if f in {x.id for x in structure().feelings}]
    if not chosen:
        st.caption(t("erkenning.sentences.none"))
        return
    for feeling_id in chosen:
        sentence = t(f"feelings.{feeling_id}.sentence")
        quote, take = st.columns([5, 1], vertical_alignment="center")
        quote.info(sentence, icon=t(f"feelings.{feeling_id}.icon"))
        take.button(
            t("erkenning.sentences.take"),
            key=f"take.{feeling_id}",
            on_click=_take_sentence,
            args=(validation, sentence),
            help=t("erkenning.sentences.take_help"),
        )
