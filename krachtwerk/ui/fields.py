"""Widgets bound to a field of the conversation model by its path: seeded from it, written back
by their callback."""

from __future__ import annotations

import base64
import datetime as dt
import functools
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import streamlit as st

from krachtwerk.model import FIRST_DATE, LAST_DATE, MAX_TEXT, Conversation
from krachtwerk.ui.state import (
    conversation,
    flash,
    forget_widgets,
    forgotten,
    seed,
    show_flashes,
)

# One way to bind a widget to the model. A widget is named by its path in the conversation, and
# that path is also its key (``w.`` + path): "resident.name" and "mode" are the conversation's
# own, every other path starts at the current meeting ("action.when",
# "strengths.domains.wonen.now"). It is seeded from the model the first time it is drawn, and
# only its callback writes the model, before the script runs again, so everything drawn above it
# (titles in another language, je/u) is already right. Nothing writes after drawing.
CONVERSATION_FIELDS = frozenset(Conversation.model_fields) - {"meetings"}


def _owner(path: str) -> tuple[Any, str]:
    """The model object that holds the field a path names, and the field's name."""
    *parts, attr = path.split(".")
    owner: Any = conversation()
    if (parts or [attr])[0] not in CONVERSATION_FIELDS:
        owner = owner.current
    for part in parts:
        owner = owner[part] if isinstance(owner, dict) else getattr(owner, part)
    return owner, attr


def _value(path: str) -> Any:
    owner, attr = _owner(path)
    return getattr(owner, attr)


def _write(path: str, value: Any) -> None:
    owner, attr = _owner(path)
    setattr(owner, attr, value)


# Showing resident text (or a name from a file) through Markdown, exactly as typed:
# every punctuation mark Markdown could read is escaped (incl. "=" under a line, "&" of "&amp;");
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:=&])")
# Streamlit reads ":material/home:", ":smile:" and ":red[...]" even when escaped, and Markdown makes
# links of bare addresses: an invisible word joiner breaks them (after the ":" that would open a
# directive, before "://", after "www", before "@"); an ordinary "Tijd: 10 uur" stays untouched;
_NOT_A_DIRECTIVE = re.compile(
    r"(?<=:)(?=[\w+\-/]+[:\[])|(?<=[A-Za-z])(?=://)|(?<=[Ww]{3})(?=\.)|(?=@)"
)
# four spaces or a tab at the start of a line would make a code block: keep them, unbreakable.
_LEADING_BLANKS = re.compile(r"^[ \t]+", re.MULTILINE)
WORD_JOINER = "\u2060"
NO_BREAK_SPACE = "\u00a0"


def _unbreakable(blanks: re.Match[str]) -> str:
    return blanks.group().replace("\t", NO_BREAK_SPACE * 4).replace(" ", NO_BREAK_SPACE)


def plain(text: str) -> str:
    """Resident text as literal Markdown: shown as typed, never markup, a link or an icon."""
    text = _LEADING_BLANKS.sub(_unbreakable, text)
    text = _NOT_A_DIRECTIVE.sub(WORD_JOINER, text)
    return _MARKDOWN_SPECIALS.sub(r"\\\1", text)


def text(
    label: str,
    path: str,
    *,
    area: bool = False,
    height: int | None = None,
    placeholder: str | None = None,
    help: str | None = None,
    max_chars: int = MAX_TEXT,
) -> str:
    value = _value(path)
    key = seed(path, value)
    common = dict(
        key=key,
        # A file may hold a longer text than the field takes (up to MAX_TEXT): the field then
        # takes that much, so the text can be read whole and shortened, never silently locked.
        max_chars=max(max_chars, len(value)),
        placeholder=placeholder,
        help=help,
        on_change=lambda: forgotten(key) or _write(path, st.session_state[key]),
    )
    if area:
        return st.text_area(label, height=height or "content", **common)
    return st.text_input(label, **common)


def choice(
    label: str,
    path: str,
    options: Sequence[Any],
    format_func: Callable[[Any], str],
    *,
    horizontal: bool = True,
    help: str | None = None,
    changes_words: bool = False,
    dropdown: bool = False,
    placeholder: str | None = None,
) -> Any:
    """A radio (or, for many options, a ``dropdown``) bound to a model field.

    Streamlit matches a radio's value by its shown label. A choice that changes the words on screen
    (language, mode, je/u) relabels the radios beside it, and the browser then sends back a label
    that no longer exists, which Streamlit returns as the value. So such a choice redraws every
    widget from the model, and a value that is not an option never reaches the model."""
    key = seed(path, _value(path))

    def on_change() -> None:
        if forgotten(key):
            return
        if st.session_state[key] in options:
            _write(path, st.session_state[key])
        if changes_words:
            forget_widgets()

    common = dict(key=key, format_func=format_func, help=help, on_change=on_change)
    if dropdown:  # a None option shows as the placeholder: Streamlit's own is English
        st.selectbox(label, options, placeholder=placeholder, **common)
    else:
        st.radio(label, options, horizontal=horizontal, **common)
    return _value(path)


def date(label: str, path: str, *, optional: bool = False) -> dt.date | None:
    """A date bound to a model field; only an ``optional`` one can be emptied."""
    key = seed(path, _value(path))

    def on_change() -> None:
        if forgotten(key):
            return
        if st.session_state[key] is not None or optional:
            _write(path, st.session_state[key])

    st.date_input(
        label,
        key=key,
        format="DD-MM-YYYY",
        min_value=FIRST_DATE,
        max_value=LAST_DATE,
        on_change=on_change,
    )
    return _value(path)


def chips(
    label: str,
    path: str,
    options: Sequence[str],
    format_func: Callable[[str], str] = plain,
    *,
    help: str | None = None,
    at_most: int | None = None,
    too_many: str = "",
) -> list[str]:
    """Multi-select chips. Values in the model that are not among the options stay selectable.

    Pill labels are Markdown, and own words can be among the options: labels go through plain().
    With ``at_most``, one pill too many is undone and ``too_many`` says why (pills have no limit
    of their own, and a multiselect would offer "Select all")."""
    current = list(_value(path))
    all_options = [*options, *(v for v in current if v not in options)]
    key = seed(path, current)

    def on_change() -> None:
        if forgotten(key):
            return
        chosen = list(st.session_state[key] or [])
        if at_most is not None and len(chosen) > at_most:
            st.session_state[key] = list(_value(path))
            flash("warning", too_many, place=key)
            return
        _write(path, chosen)

    st.pills(
        label,
        all_options,
        selection_mode="multi",
        key=key,
        format_func=format_func,
        help=help,
        on_change=on_change,
    )
    show_flashes(key)
    return list(_value(path))


@functools.cache
def svg_data_uri(path: Path) -> str:
    """A shipped pictogram as a data URI (an asset, never resident data, so safe to keep)."""
    return "data:image/svg+xml;base64," + base64.b64encode(path.read_bytes()).decode("ascii")


def pictogram(path: Path, width: int) -> None:
    """A decorative pictogram beside a label that already says what it is.

    Not st.image: that adds a "Fullscreen" button to every picture, a useless Tab stop for
    keyboard users (twenty of them on the Kompas step)."""
    st.html(f'<img src="{svg_data_uri(path)}" width="{width}" height="{width}" alt="">')


def confirmed_button(
    label: str, icon: str, question: str, confirm: str, on_confirm: Callable[[], None], key: str
) -> None:
    """A button that asks once more before something is wiped: a popover with the question."""
    with st.popover(label, icon=icon, width="stretch"):
        st.markdown(question)
        st.button(confirm, on_click=on_confirm, key=key, type="primary")
