"""The frame every step shares in the browser: a Components v2 component with inline JS
(static/frame.js), mounted once at the end of every run.

- One stylesheet (static/frame.css): text and controls of at least 18 px, a compact step header, a
  kompas that stays in view, domain cards that tick as a whole. It is registered with the script
  once; a run sends only words and flags.
- The page language, and Streamlit's own English (the upload button and its limit, the Enter
  hints of text fields, the skip link, upload refusals) said again in the screen's language.
- Bringing a part that just appeared into view, and "groter" for a resident who sees less well.
"""

from __future__ import annotations

import base64
import functools
import json
import re
import secrets
from pathlib import Path

import streamlit as st

from krachtwerk import geometry
from krachtwerk.content import structure
from krachtwerk.model import MODES
from krachtwerk.ui import fields
from krachtwerk.ui.state import forgotten, seed, texts, widget_key

STATIC = Path(__file__).resolve().parent / "static"
SCROLL_KEY = "kk.frame.scroll"  # the st key of a part to bring into view after this run
LARGER_KEY = "kk.frame.larger"
LARGER_SCALE = 22 / 18  # html.kk-larger in static/frame.css over the theme's baseFontSize
ARIA_WORDS = (  # what a screen reader says for Streamlit's own controls (static/frame.js)
    "steps",
    "choose_date",
    "clear_date",
    "previous_month",
    "next_month",
    "link_to_heading",
    "file_upload",
    "close",
    "help_for",
    "calendar_help",
    "progress",
    "done",
    "tip",
    "day",
    "month",
    "year",
)  # "groter" is on: a screen setting, nothing about the resident


ICON = Path(__file__).resolve().parents[2] / "assets" / "icon" / "krachtkompas.png"


@functools.cache
def page_icon() -> str:
    """The tab's icon as a data URL: a file of ours (a Material icon name made every page load
    ask Google's font host), and no address on the server (a path would be served as media)."""
    return "data:image/png;base64," + base64.b64encode(ICON.read_bytes()).decode("ascii")


def pictogram_rules() -> str:
    """The pictograms of the Krachten cards and of the Kompas sliders, by the element's key
    (Streamlit gives a keyed element the class st-key-<key>, with every character but letters,
    digits, - and _ as -). As elements they were a quarter of what those steps send each run."""
    shape = structure()
    keyed = [(f"card-{domain.id}", domain.pictogram) for domain in shape.domains]
    axis_ids = sorted({axis.id for mode in MODES for axis in geometry.axes(mode)})
    keyed += [(widget_key(f"score.{axis_id}"), shape.pictogram(axis_id)) for axis_id in axis_ids]
    rules = []
    for key, path in keyed:
        key_class = "st-key-" + re.sub(r"[^a-zA-Z0-9_-]", "-", key)
        rules.append(f'.{key_class} {{ background-image: url("{fields.svg_data_uri(path)}"); }}')
    return "\n".join(rules)


def _script() -> str:
    stylesheet = (STATIC / "frame.css").read_text(encoding="utf-8") + pictogram_rules()
    return (
        (STATIC / "frame.js")
        .read_text(encoding="utf-8")
        .replace("__STYLESHEET__", json.dumps(stylesheet))
    )


_frame = st.components.v2.component("krachtkompas.frame", js=_script())


def scroll_to(key: str) -> None:
    """After this run, bring the container with this key into view, once."""
    st.session_state[SCROLL_KEY] = {"key": key, "nonce": secrets.token_hex(4)}


def larger() -> bool:
    return bool(st.session_state.get(LARGER_KEY, False))


def scaled(px: int) -> int:
    """A size in px (a chart's, which rem does not reach) as "groter" shows it."""
    return round(px * LARGER_SCALE) if larger() else px


def _write_larger(key: str) -> None:
    if not forgotten(key):
        st.session_state[LARGER_KEY] = st.session_state[key]


def larger_switch() -> None:
    """In every step's header. Each page owns its widgets, so the setting lives under a key no
    widget owns and the switch is seeded from it."""
    t = texts()
    key = seed("frame.larger", larger())
    st.toggle(
        t("frame.larger"),
        key=key,
        help=t("frame.larger_help"),
        on_change=_write_larger,
        args=(key,),
    )


def frame(language: str) -> None:
    """Once per run: the page language, the words for Streamlit's English, what to scroll to."""
    t = texts()
    words = {
        "too_big": t("browser.too_big", size="{size}"),  # the size is read from Streamlit's words
        "wrong_type": t("browser.wrong_type"),
        "upload_failed": t("browser.upload_failed"),
        "upload": t("browser.upload"),
        "upload_limit": t("browser.upload_limit", size="{size}"),
        "enter_single": t("browser.enter_single"),
        "enter_multiline": t("browser.enter_multiline"),
        "skip": t("browser.skip"),
        "more": t("browser.more", count="{count}"),
        "aria": {name: t(f"browser.aria.{name}", label="{label}") for name in ARIA_WORDS},
    }
    data = {
        "lang": language,
        "words": words,
        "larger": larger(),
        "scroll": st.session_state.pop(SCROLL_KEY, None),
    }
    _frame(data=data, key="kk.browser.frame", height=0)
