"""Per-session state: the one conversation object, and the widgets that are views of it.

The conversation lives under a key no widget owns, so it survives page switches (design §11). Widget
keys all start with WIDGET_PREFIX; they are seeded from the model and dropped when the model is
replaced, so every widget shows the model again.
"""

from __future__ import annotations

import streamlit as st

from krachtwerk.content import Texts, catalogue
from krachtwerk.conversation_file import write_conversation
from krachtwerk.model import Conversation

CONVERSATION_KEY = "kk.conversation"
PHOTO_KEY = "kk.photo"
FLASH_KEY = "kk.flash"
SAVED_KEY = "kk.saved"  # this run's conversation file; forgotten as the next run begins
BOOK_KEY = "kk.copy"  # the browser copy's bookkeeping (krachtwerk/ui/browser_copy.py): no content
WIDGET_PREFIX = "w."


def conversation() -> Conversation:
    if CONVERSATION_KEY not in st.session_state:
        st.session_state[CONVERSATION_KEY] = Conversation()
    return st.session_state[CONVERSATION_KEY]


def saved_file() -> bytes:
    """The conversation file's bytes, written once per run and shared by whoever needs them in
    that run (Afronden's download, the browser copy). Only call once the model no longer changes
    in this run; app.py forgets it as every run begins (begin_run)."""
    if SAVED_KEY not in st.session_state:
        st.session_state[SAVED_KEY] = write_conversation(conversation())
    return st.session_state[SAVED_KEY]


def begin_run() -> None:
    st.session_state.pop(SAVED_KEY, None)


def texts() -> Texts:
    current = conversation()
    return catalogue(current.language).texts(current.mode, current.resident.address)


def forget_widgets() -> None:
    """Every widget reads the model again on the next run."""
    for key in [k for k in st.session_state if str(k).startswith(WIDGET_PREFIX)]:
        del st.session_state[key]


def replace_conversation(new: Conversation) -> None:
    """Show another conversation: forget every widget value so widgets re-read the model."""
    forget_widgets()
    st.session_state.pop(PHOTO_KEY, None)
    st.session_state[CONVERSATION_KEY] = new


def wipe() -> None:
    """Nieuw gesprek: nothing of this conversation stays in the session (design §9).

    The browser copy's bookkeeping stays, told to begin anew, so the next run also empties the
    copy in the tab instead of restoring it.
    """
    book = st.session_state.get(BOOK_KEY)
    for key in list(st.session_state):
        del st.session_state[key]
    st.session_state[CONVERSATION_KEY] = Conversation()
    if book is not None:
        book.begin_anew()
        st.session_state[BOOK_KEY] = book


def widget_key(name: str) -> str:
    return WIDGET_PREFIX + name


def forgotten(key: str) -> bool:
    """True in a widget's callback when the widget was forgotten earlier in the same run: the
    model was replaced (a file, a demo, a restored browser copy) and the widget will show the new
    one. Its old value must not be written anywhere."""
    return key not in st.session_state


def seed(name: str, value: object) -> str:
    """Give a widget its value from the model the first time it is drawn; return its key."""
    key = widget_key(name)
    if key not in st.session_state:
        st.session_state[key] = value
    return key


def set_widget(name: str, value: object) -> None:
    """Change what a widget shows; only call before it is drawn (i.e. from a callback)."""
    st.session_state[widget_key(name)] = value


def flash(kind: str, message: str, place: str = "top") -> None:
    """A message for the next run, shown once: at the top of the page, or at a named place (under
    the control it is about, where the eyes are)."""
    st.session_state.setdefault(FLASH_KEY, []).append((kind, message, place))


def show_flashes(place: str = "top") -> None:
    waiting = st.session_state.get(FLASH_KEY, [])
    for kind, message, _ in [f for f in waiting if f[2] == place]:
        {"success": st.success, "error": st.error, "warning": st.warning}.get(kind, st.info)(
            message
        )
    st.session_state[FLASH_KEY] = [f for f in waiting if f[2] != place]
