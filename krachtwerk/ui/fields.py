"""Widgets bound to a field of the conversation model: seeded from it, written back every run."""

from __future__ import annotations

import base64
import datetime as dt
import functools
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import streamlit as st

from krachtwerk.model import MAX_TEXT
from krachtwerk.ui.state import flash, forget_widgets, seed, show_flashes


def _write_back(owner: Any, attr: str, key: str, convert: Callable[[Any], Any] = lambda v: v):
    """A callback that copies the widget's new value into the model before the script reruns,
    so everything drawn above the widget (titles in another language, je/u) is already right."""

    def write() -> None:
        setattr(owner, attr, convert(st.session_state[key]))

    return write


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
    owner: Any,
    attr: str,
    name: str,
    *,
    area: bool = False,
    height: int | None = None,
    placeholder: str | None = None,
    help: str | None = None,
    max_chars: int = MAX_TEXT,
) -> str:
    key = seed(name, getattr(owner, attr))
    common = dict(
        key=key,
        max_chars=max_chars,
        placeholder=placeholder,
        help=help,
        on_change=_write_back(owner, attr, key),
    )
    if area:
        value = st.text_area(label, height=height or "content", **common)
    else:
        value = st.text_input(label, **common)
    setattr(owner, attr, value)
    return value


def choice(
    label: str,
    owner: Any,
    attr: str,
    name: str,
    options: Sequence[Any],
    format_func: Callable[[Any], str],
    *,
    horizontal: bool = True,
    help: str | None = None,
    changes_words: bool = False,
) -> Any:
    """A radio bound to a model field.

    Streamlit matches a radio's value by its shown label. A choice that changes the words on screen
    (language, mode, je/u) relabels the radios beside it, and the browser then sends back a label
    that no longer exists, which Streamlit returns as the value. So such a choice redraws every
    widget from the model, and a value that is not an option never reaches the model."""
    key = seed(name, getattr(owner, attr))
    write = _write_back(owner, attr, key)

    def on_change() -> None:
        write()
        if changes_words:
            forget_widgets()

    value = st.radio(
        label,
        options,
        key=key,
        format_func=format_func,
        horizontal=horizontal,
        help=help,
        on_change=on_change,
    )
    if value not in options:
        return getattr(owner, attr)
    setattr(owner, attr, value)
    return value


def date(label: str, owner: Any, attr: str, name: str, *, optional: bool = False) -> dt.date | None:
    key = seed(name, getattr(owner, attr))
    value = st.date_input(
        label,
        key=key,
        format="DD-MM-YYYY",
        min_value=dt.date(2000, 1, 1),
        max_value=dt.date(2100, 12, 31),
        on_change=_write_back(owner, attr, key) if optional else None,
    )
    if value is None and not optional:
        return getattr(owner, attr)
    setattr(owner, attr, value)
    return value


def chips(
    label: str,
    owner: Any,
    attr: str,
    name: str,
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
    current = list(getattr(owner, attr))
    all_options = [*options, *(v for v in current if v not in options)]
    key = seed(name, current)
    write = _write_back(owner, attr, key, lambda v: list(v or []))

    def on_change() -> None:
        if at_most is not None and len(st.session_state[key] or []) > at_most:
            st.session_state[key] = list(getattr(owner, attr))
            flash("warning", too_many, place=key)
            return
        write()

    value = st.pills(
        label,
        all_options,
        selection_mode="multi",
        key=key,
        format_func=format_func,
        help=help,
        on_change=on_change,
    )
    show_flashes(key)
    setattr(owner, attr, list(value or []))
    return list(value or [])


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
