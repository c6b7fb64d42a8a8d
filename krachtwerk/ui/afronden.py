"""Afronden step components: the page preview, the downloads, and wiping the conversation."""

from __future__ import annotations

import hashlib

import streamlit as st

from krachtwerk.conversation_file import conversation_filename
from krachtwerk.model import Conversation
from krachtwerk.pdf import pdf_filename, render_pdf
from krachtwerk.preview import page_jpeg
from krachtwerk.ui.state import PHOTO_KEY, texts, wipe

RENDERED_KEY = "kk.rendered"


def rendered_page(conversation: Conversation, saved: bytes) -> tuple[bytes, bytes]:
    """The PDF and its preview, made again only when the saved conversation or photo changed.

    Kept in this session's state, never in a shared cache: it holds the resident's words (SPEC §9).
    """
    photo = st.session_state.get(PHOTO_KEY)
    fingerprint = hashlib.sha256(saved + (photo or b"")).hexdigest()
    cached = st.session_state.get(RENDERED_KEY)
    if cached is None or cached[0] != fingerprint:
        pdf = render_pdf(conversation, photo)
        cached = (fingerprint, pdf, page_jpeg(pdf))
        st.session_state[RENDERED_KEY] = cached
    return cached[1], cached[2]


def preview_alt(conversation: Conversation) -> str:
    """The picture of the page in words, for whoever cannot see it: above all, the small step."""
    t = texts()
    what = conversation.current.action.what.strip()
    page = t("afronden.preview_alt")
    return f"{page} {t('afronden.preview_alt_action', what=what)}" if what else page


def downloads(conversation: Conversation, pdf: bytes, saved: bytes) -> None:
    t = texts()
    st.download_button(
        t("afronden.download_pdf"),
        data=pdf,
        file_name=pdf_filename(conversation),
        mime="application/pdf",
        icon=":material/picture_as_pdf:",
        type="primary",
        on_click="ignore",
        width="stretch",
        key="download.pdf",
    )
    st.caption(t("afronden.download_pdf_help"))
    st.download_button(
        t("afronden.download_file"),
        data=saved,
        file_name=conversation_filename(conversation),
        mime="application/json",
        icon=":material/save:",
        on_click="ignore",
        width="stretch",
        key="download.file",
    )
    st.caption(t("afronden.download_file_help"))


def new_conversation() -> None:
    t = texts()
    with st.popover(t("afronden.new.button"), icon=":material/delete_sweep:", width="stretch"):
        st.markdown(t("afronden.new.confirm_text"))
        if st.button(t("afronden.new.confirm"), type="primary", key="afronden.new.confirm"):
            wipe()
            st.switch_page("pages/start.py")
