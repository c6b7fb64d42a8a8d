"""Start step components: new, open or demo conversation, and the conversation's settings."""

from __future__ import annotations

import streamlit as st

from krachtwerk.content import catalogue, date_text
from krachtwerk.conversation_file import MAX_FILE_BYTES, FileProblem, describe, read_conversation
from krachtwerk.demos import demo_names, load_demo
from krachtwerk.model import ADDRESSES, LANGUAGES, MODES, PAGE_LANGUAGES, Conversation
from krachtwerk.ui import fields
from krachtwerk.ui.state import conversation, flash, replace_conversation, texts, wipe

UPLOAD_KEY = "kk.upload.conversation"
FOLLOW_UP_KEY = "kk.follow_up"  # the date of the finished meeting just opened: no content


def _open_uploaded_file() -> None:
    upload = st.session_state.get(UPLOAD_KEY)
    if upload is None:
        return
    current = conversation()
    try:
        opened = read_conversation(upload.getvalue())
    except FileProblem as problem:
        # The message can quote a name from the file: show it as text, never as Markdown.
        message = fields.plain(describe(problem, current.language))
        flash("error", f"{message} {texts()('file.kept')}")
        return
    last_date = date_text(texts(), opened.current.date)
    st.session_state.pop(FOLLOW_UP_KEY, None)
    if opened.is_finished:
        # The new meeting is the default, so Volgende never writes over last time's meeting.
        opened.start_follow_up()
        st.session_state[FOLLOW_UP_KEY] = last_date  # follow_up_question() says the rest
    else:
        flash("success", texts()("start.opened", date=last_date))
    replace_conversation(opened)


def _load_demo(name: str) -> None:
    st.session_state.pop(FOLLOW_UP_KEY, None)
    replace_conversation(load_demo(name))
    flash("success", texts()("start.demo_loaded"))


def new_conversation() -> None:
    """Nieuw gesprek: wipe everything and say so."""
    wipe()
    flash("success", texts()("start.wiped"))


def begin_choices() -> None:
    """The three ways to begin: new, continue from a file, or a demo."""
    t = texts()
    new_col, open_col, demo_col = st.columns(3, border=True)
    with new_col:
        st.header(t("start.new.title"), anchor=False)
        st.markdown(t("start.new.body"))
        fields.confirmed_button(
            t("start.new.button"),
            ":material/add:",
            t("start.new.confirm_text"),
            t("start.new.confirm"),
            new_conversation,
            key="start.new.confirm",
        )
    with open_col:
        st.header(t("start.open.title"), anchor=False)
        st.file_uploader(
            t("start.open.label"),
            type=["json"],
            key=UPLOAD_KEY,
            on_change=_open_uploaded_file,
            help=t("start.open.help"),
            # The browser refuses bigger files before it sends them (it counts 1 MB as 10^6 B).
            max_upload_size=MAX_FILE_BYTES // 1_000_000,
        )
    with demo_col:
        st.header(t("start.demo.title"), anchor=False)
        st.caption(t("start.demo.body"))
        for name in demo_names():
            st.button(
                t(f"demos.{name}.title"),
                on_click=_load_demo,
                args=(name,),
                icon=":material/play_arrow:",
                key=f"start.demo.{name}",
                help=t(f"demos.{name}.description"),
                width="stretch",
            )


def _answer_follow_up(go_on: bool) -> None:
    st.session_state.pop(FOLLOW_UP_KEY, None)
    if go_on:
        current = conversation()
        current.undo_follow_up()
        replace_conversation(current)


def follow_up_question() -> None:
    """After opening a finished conversation: one clear question, the new meeting already chosen."""
    last_date = st.session_state.get(FOLLOW_UP_KEY)
    if last_date is None:
        return
    t = texts()
    with st.container(border=True, key="follow-up"):
        st.header(t("start.follow_up.title"), anchor=False)
        st.markdown(t("start.follow_up.text", date=last_date))
        new, go_on = st.columns(2)
        new.button(
            t("start.follow_up.new"),
            on_click=_answer_follow_up,
            args=(False,),
            icon=":material/event_repeat:",
            key="start.follow_up.new",
            type="primary",
            width="stretch",
        )
        go_on.button(
            t("start.follow_up.go_on", date=last_date),
            on_click=_answer_follow_up,
            args=(True,),
            icon=":material/history:",
            key="start.follow_up.go_on",
            width="stretch",
        )


def settings(current: Conversation) -> None:
    t = texts()
    st.header(t("start.settings.title"), anchor=False)
    names, who = st.columns(2)
    with names:
        fields.text(t("start.settings.resident_name"), "resident.name")
        fields.text(t("start.settings.professional_name"), "professional.name")
        fields.text(
            t("start.settings.professional_contact"),
            "professional.contact",
            placeholder=t("start.settings.contact_placeholder"),
        )
        fields.date(t("start.settings.date"), "date")
    with who:
        fields.choice(
            t("start.settings.address"),
            "resident.address",
            ADDRESSES,
            lambda a: t(f"start.settings.address_{a}"),
            changes_words=True,
        )
        fields.choice(
            t("start.settings.mode"),
            "mode",
            MODES,
            lambda m: t(f"start.settings.mode_{m}"),
            horizontal=False,
            changes_words=True,
        )
        fields.choice(
            t("start.settings.language"),
            "language",
            LANGUAGES,
            lambda code: catalogue(code).texts()("language.name"),
            changes_words=True,
        )
        screen_language = catalogue(current.language).texts()("language.name")
        same = t("start.settings.page_language_same", name=screen_language)
        fields.choice(
            t("start.settings.page_language"),
            "page_language",
            (None, *PAGE_LANGUAGES),
            lambda code: catalogue(code).texts()("language.name") if code else same,
            help=t("start.settings.page_language_help"),
            dropdown=True,
            placeholder=same,
        )
