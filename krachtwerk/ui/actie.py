"""Actie step components: example actions, the concreteness check, strengths to show, a photo."""

from __future__ import annotations

import hashlib

import streamlit as st

from krachtwerk.axes import mode_axes
from krachtwerk.concreteness import check_action
from krachtwerk.model import Action, Conversation, Meeting
from krachtwerk.photo import PhotoError, prepare_photo
from krachtwerk.ui import browser, fields
from krachtwerk.ui.state import PHOTO_KEY, forgotten, seed, set_widget, texts

PHOTO_UPLOAD_KEY = "kk.upload.photo"
PHOTO_PROBLEM_KEY = "kk.upload.photo_problem"
PHOTO_TYPES = ("jpg", "jpeg", "png", "webp", "heic", "heif")
MAX_SHOWN_STRENGTHS = 3
SHORT_PILL = 40  # characters of a strength a pill shows: one fits a column at 1024 px


def _focus_domains(conversation: Conversation) -> tuple[str, ...]:
    return mode_axes(conversation.mode).focus_domains(conversation.current.kompas)


def example_actions(conversation: Conversation) -> None:
    """Examples for the focus, to lower the threshold; taking one fills an empty action only."""
    t = texts()
    action = conversation.current.action
    domains = _focus_domains(conversation)
    if not domains:
        st.caption(t("actie.examples.no_focus"))
        return
    examples = [e for d in domains for e in t.list(f"domains.{d}.example_actions")][:5]
    with st.expander(t("actie.examples.title"), icon=":material/tips_and_updates:"):
        for index, example in enumerate(examples):
            text, take = st.columns([5, 1], vertical_alignment="center")
            text.markdown(f"- {example}")
            take.button(
                t("actie.examples.take"),
                key=f"example.{index}",
                on_click=_take_example,
                args=(action, example),
                disabled=bool(action.what.strip()),
                help=t("actie.examples.take_help"),
            )


def _take_example(action: Action, example: str) -> None:
    if not action.what.strip():
        action.what = example
        set_widget("action.what", example)


def concreteness(action: Action) -> None:
    t = texts()
    checks = check_action(action)
    if not checks:
        return
    with st.container(border=True):
        st.markdown(f"**{t('actie.check.title')}**")
        for check in checks:
            state = "ok" if check.ok else "hint"
            icon = ":material/check_circle:" if check.ok else ":material/lightbulb:"
            st.markdown(f"{icon} {t(f'actie.check.{check.key}.{state}')}")


def strength_options(meeting: Meeting) -> list[str]:
    options = [*meeting.strengths.qualities]
    for extra in (meeting.validation.coping, meeting.kompas.why_not_lower):
        if extra.strip():
            options.append(extra.strip())
    return list(dict.fromkeys([*options, *meeting.action.shown_strengths]))


def pill_text(strength: str) -> str:
    """A pill shows a long strength (a whole answer) by its start."""
    if len(strength) <= SHORT_PILL:
        return strength
    return strength[: SHORT_PILL - 1].rstrip() + "…"


def suggested_short(strength: str) -> str:
    """A first try at a short label: the first sentence, or the words that fit a pill."""
    first = strength.split(". ")[0].strip()
    if len(first) <= SHORT_PILL:
        return first
    cut = strength[:SHORT_PILL]
    return cut[: cut.rfind(" ")].rstrip(" ,;:") if " " in cut else cut


def _shorten(action: Action, long: str, key: str) -> None:
    if forgotten(key):
        return
    short = st.session_state[key].strip()
    if short and long in action.shown_strengths:
        action.shown_strengths[action.shown_strengths.index(long)] = short
        set_widget("action.shown_strengths", list(action.shown_strengths))


def shorter_labels(action: Action) -> None:
    """A chosen strength that is a whole answer gets a short label for the page, where it would
    otherwise print small; the pair writes it, a first try is filled in."""
    t = texts()
    for strength in [s for s in action.shown_strengths if len(s) > SHORT_PILL]:
        name = f"strength.short.{hashlib.sha256(strength.encode()).hexdigest()[:12]}"
        key = seed(name, suggested_short(strength))
        st.text_input(
            t("actie.strengths.shorter", start=fields.plain(pill_text(strength))),
            key=key,
            max_chars=SHORT_PILL,
            help=t("actie.strengths.shorter_help"),
            on_change=_shorten,
            args=(action, strength, key),
        )


def shown_strengths(meeting: Meeting) -> None:
    t = texts()
    options = strength_options(meeting)
    if not options:
        st.markdown(f"**{t('actie.strengths.label')}**")
        st.caption(t("actie.strengths.none"))
        return
    fields.chips(
        t("actie.strengths.label"),
        "action.shown_strengths",
        options,
        lambda strength: fields.plain(pill_text(strength)),
        help=t("actie.strengths.help"),
        at_most=MAX_SHOWN_STRENGTHS,
        too_many=t("actie.strengths.too_many", most=MAX_SHOWN_STRENGTHS),
    )
    shorter_labels(meeting.action)


def _photo_uploaded() -> None:
    """A new upload replaces the photo; one that cannot be used leaves none, never an old one."""
    upload = st.session_state.get(PHOTO_UPLOAD_KEY)
    st.session_state.pop(PHOTO_KEY, None)
    st.session_state.pop(PHOTO_PROBLEM_KEY, None)
    if upload is None:
        return
    try:
        st.session_state[PHOTO_KEY] = prepare_photo(upload.getvalue())
    except PhotoError as error:
        st.session_state[PHOTO_PROBLEM_KEY] = (upload.file_id, error.reason)


def _photo_problem() -> str | None:
    """Why the file now in the uploader cannot be used; forgotten once that file is gone."""
    upload = st.session_state.get(PHOTO_UPLOAD_KEY)
    problem = st.session_state.get(PHOTO_PROBLEM_KEY)
    if upload is None or problem is None or problem[0] != upload.file_id:
        return None
    return problem[1]


def _remove_photo() -> None:
    st.session_state.pop(PHOTO_KEY, None)
    st.session_state.pop(PHOTO_UPLOAD_KEY, None)


def photo() -> None:
    """An optional photo for the page. Kept in this session only, never in the file (design §5)."""
    t = texts()
    st.header(t("actie.photo.title"), anchor=False)
    if prepared := st.session_state.get(PHOTO_KEY):
        picture, remove = st.columns([2, 3], vertical_alignment="center")
        with picture:
            browser.picture(prepared, "image/jpeg", t("actie.photo.alt"), key="photo", width=220)
        remove.button(
            t("actie.photo.remove"),
            on_click=_remove_photo,
            icon=":material/delete:",
            key="photo.remove",
        )
        return
    st.file_uploader(
        t("actie.photo.label"),
        type=list(PHOTO_TYPES),  # only what the file dialog offers: the content is checked after
        key=PHOTO_UPLOAD_KEY,
        on_change=_photo_uploaded,
        help=t("actie.photo.help"),
    )
    if reason := _photo_problem():
        message = f"{t(f'actie.photo.error_{reason}')} {t('actie.photo.made_without')}"
        st.error(message, icon=":material/no_photography:")


def action_fields(action: Action) -> None:
    t = texts()
    fields.text(
        t("actie.what"),
        "action.what",
        area=True,
        height=100,
        max_chars=500,
        placeholder=t("actie.what_placeholder"),
    )
    when, who = st.columns(2)
    with when:
        fields.text(t("actie.when"), "action.when", max_chars=200)
    with who:
        fields.text(t("actie.with_whom"), "action.with_whom", max_chars=200)
    fields.text(t("actie.done_when"), "action.done_when", max_chars=300)
    fields.text(t("actie.goal"), "action.goal", max_chars=300)
    fields.date(t("actie.next_meeting"), "action.next_meeting", optional=True)
