"""Afronden step components: the page preview, the downloads, and wiping the conversation."""

from __future__ import annotations

import streamlit as st

from krachtwerk.browser_copy import fingerprint
from krachtwerk.content import catalogue
from krachtwerk.conversation_file import conversation_filename
from krachtwerk.model import Conversation
from krachtwerk.pdf import pdf_filename, render_pdf
from krachtwerk.preview import page_jpeg
from krachtwerk.ui import browser
from krachtwerk.ui.state import PHOTO_KEY, texts, wipe

RENDERED_KEY = "kk.rendered"
FITS_KEY = "kk.fits"  # this session's text fits on the page (krachtwerk/pdf/fit.py, SESSION_FITS)


def rendered_page(conversation: Conversation, saved: bytes) -> tuple[bytes, bytes]:
    """The PDF and its preview, made again only when the saved conversation or photo changed.

    Kept in this session's state, never in a shared cache: it holds the resident's words
    (design §9).
    """
    photo = st.session_state.get(PHOTO_KEY)
    made_from = fingerprint(saved + (photo or b""))
    cached = st.session_state.get(RENDERED_KEY)
    if cached is None or cached[0] != made_from:
        pdf = render_pdf(conversation, photo, st.session_state.setdefault(FITS_KEY, {}))
        cached = (made_from, pdf, page_jpeg(pdf))
        st.session_state[RENDERED_KEY] = cached
    return cached[1], cached[2]


def preview_alt(conversation: Conversation) -> str:
    """The picture of the page in words, for whoever cannot see it: above all, the small step."""
    t = texts()
    what = conversation.current.action.what.strip()
    page = t("afronden.preview_alt")
    return f"{page} {t('afronden.preview_alt_action', what=what)}" if what else page


def downloads(conversation: Conversation, pdf: bytes, saved: bytes) -> None:
    """Handed over inside this session's connection: no address on the server ever serves them."""
    t = texts()
    browser.download(
        t("afronden.download_pdf"),
        pdf,
        pdf_filename(conversation),
        "application/pdf",
        icon="download",
        key="download.pdf",
        primary=True,
    )
    st.caption(t("afronden.download_pdf_help"))
    if conversation.page_language:  # chosen on Start: say so beside the download
        name = catalogue(conversation.printed_language).texts()("language.name")
        st.caption(t("afronden.page_language", name=name))
    browser.download(
        t("afronden.download_file"),
        saved,
        conversation_filename(conversation),
        "application/json",
        icon="save",
        key="download.file",
        saves=fingerprint(saved),
    )
    st.caption(t("afronden.download_file_help"))


def preview(conversation: Conversation, picture: bytes) -> None:
    browser.picture(picture, "image/jpeg", preview_alt(conversation), key="afronden.preview")
    st.caption(texts()("afronden.preview_caption"))


def new_conversation() -> None:
    t = texts()
    with st.popover(t("afronden.new.button"), icon=":material/delete_sweep:", width="stretch"):
        st.markdown(t("afronden.new.confirm_text"))
        if st.button(t("afronden.new.confirm"), type="primary", key="afronden.new.confirm"):
            wipe()
            st.switch_page("pages/start.py")
