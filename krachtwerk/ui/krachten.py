"""Krachten step components: domain cards, notes per chosen domain, and qualities."""

from __future__ import annotations

import streamlit as st

from krachtwerk.content import structure
from krachtwerk.model import DomainNotes, Mode, Strengths, Validation
from krachtwerk.ui import fields
from krachtwerk.ui.frame import scroll_to
from krachtwerk.ui.state import (
    flash,
    forgotten,
    seed,
    set_widget,
    show_flashes,
    texts,
    widget_key,
)

OWN_QUALITY = "quality.own"


def coping_strength(validation: Validation) -> None:
    """The answer to the coping question comes along as the first strength."""
    if validation.coping.strip():
        t = texts()
        st.success(
            f"**{t('krachten.coping')}** {fields.plain(validation.coping)}",
            icon=":material/bolt:",
        )


def _toggle_domain(strengths: Strengths, domain_id: str) -> None:
    key = widget_key(f"domain.{domain_id}.chosen")
    if forgotten(key):
        return
    if st.session_state[key]:
        strengths.domains.setdefault(domain_id, DomainNotes())
        scroll_to(f"notes-{domain_id}")  # its questions and fields are where the eyes go next
        return
    notes = strengths.domains.get(domain_id)
    if notes is not None and not notes.is_empty():
        st.session_state[key] = True  # never throw away what was written
        t = texts()
        flash("warning", t("krachten.keep_notes", domain=t(f"domains.{domain_id}.label")), key)
        return
    strengths.domains.pop(domain_id, None)


def domain_cards(strengths: Strengths) -> None:
    """The ten domains as pictogram cards, grouped by kompas quadrant; tick to talk about one."""
    t = texts()
    shape = structure()
    for column, quadrant in zip(st.columns(len(shape.quadrants)), shape.quadrants, strict=True):
        with column:
            st.markdown(f"### {t(f'quadrants.{quadrant.id}.label')}")
            for domain in shape.domains_in(quadrant.id):
                # Ticks as a whole; its pictogram comes from the stylesheet (frame.pictogram_rules).
                with st.container(border=True, key=f"card-{domain.id}"):
                    key = seed(f"domain.{domain.id}.chosen", domain.id in strengths.domains)
                    st.checkbox(
                        t(f"domains.{domain.id}.label"),
                        key=key,
                        on_change=_toggle_domain,
                        args=(strengths, domain.id),
                    )
                    show_flashes(key)


def domain_notes(strengths: Strengths, mode: Mode) -> None:
    """For every chosen domain: example questions and the short fields this mode asks."""
    t = texts()
    note_fields = structure().note_fields(mode)
    for domain in structure().domains:
        notes = strengths.domains.get(domain.id)
        if notes is None:
            continue
        with st.container(border=True, key=f"notes-{domain.id}"):
            icon, title = st.columns([1, 12], vertical_alignment="center")
            with icon:
                fields.pictogram(domain.pictogram, 48)
            title.subheader(t(f"domains.{domain.id}.label"), anchor=False)
            with st.expander(t("krachten.questions"), expanded=True, icon=":material/help:"):
                for question in t.list(f"domains.{domain.id}.questions"):
                    st.markdown(f"- {question}")
            left, right = st.columns(2)
            for index, field in enumerate(note_fields):
                with left if index % 2 == 0 else right:
                    fields.text(
                        t(f"krachten.fields.{field}"),
                        f"strengths.domains.{domain.id}.{field}",
                        area=True,
                        height=90,
                    )


def _add_own_quality(strengths: Strengths) -> None:
    own = st.session_state.get(widget_key(OWN_QUALITY), "").strip()
    if own and own not in strengths.qualities:
        strengths.qualities.append(own)
        set_widget("strengths.qualities", list(strengths.qualities))
    set_widget(OWN_QUALITY, "")


def qualities(strengths: Strengths) -> None:
    t = texts()
    st.header(t("krachten.qualities.title"), anchor=False)
    fields.chips(
        t("krachten.qualities.label"),
        "strengths.qualities",
        t.list("lists.qualities"),
    )
    own, add = st.columns([4, 1], vertical_alignment="bottom")
    own.text_input(
        t("krachten.qualities.own"),
        key=seed(OWN_QUALITY, ""),
        max_chars=80,
        placeholder=t("krachten.qualities.own_placeholder"),
    )
    add.button(
        t("krachten.qualities.add"),
        on_click=_add_own_quality,
        args=(strengths,),
        icon=":material/add:",
        key="quality.add",
    )
