"""The frame around every step: page header, Vorige/Volgende, and the professional's tips."""

from __future__ import annotations

import logging
import runpy
import threading
import traceback
from pathlib import Path

import streamlit as st

from krachtwerk.ui.frame import larger_switch
from krachtwerk.ui.state import texts

STEPS = ("start", "erkenning", "krachten", "kompas", "actie", "afronden")
STEP_ICONS = {
    "start": ":material/waving_hand:",
    "erkenning": ":material/favorite:",
    "krachten": ":material/fitness_center:",
    "kompas": ":material/explore:",
    "actie": ":material/directions_walk:",
    "afronden": ":material/print:",
}


def step_title(step: str) -> str:
    t = texts()
    return f"{STEPS.index(step) + 1} {t(f'steps.{step}.name')}"


PAGES_KEY = "kk.pages"  # this session's six pages, with the titles they were made with


def pages() -> list[st.Page]:
    """The six steps. Made again only when their titles change (another language or mode): each
    st.Page looks its file up on the disk, and under load each of those calls waits for its turn."""
    titles = tuple(step_title(step) for step in STEPS)
    made = st.session_state.get(PAGES_KEY)
    if made is None or made[0] != titles:
        made = (
            titles,
            [
                st.Page(
                    f"pages/{step}.py",
                    title=title,
                    icon=STEP_ICONS[step],
                    url_path=step,
                    default=step == "start",
                )
                for step, title in zip(STEPS, titles, strict=True)
            ],
        )
        st.session_state[PAGES_KEY] = made
    return made[1]


def step_of(page: st.Page) -> str:
    """The step a page shows (the default page, Start, has an empty url_path)."""
    return page.url_path or STEPS[0]


APP = Path(__file__).resolve().parents[2] / "app.py"
log = logging.getLogger("krachtkompas")
_frame = threading.local()  # per script thread, so per session: holds no resident data


def require_frame() -> None:
    """Every page calls this first. Streamlit's legacy pages/ discovery can run a page on its own
    (a deep link on a fresh server, design §11); then run the entrypoint, which runs this page
    inside the frame, and stop the bare run."""
    if getattr(_frame, "active", False):
        return
    runpy.run_path(str(APP))
    st.stop()


def run_step(page: st.Page) -> None:
    """Run a step; if it fails, say so kindly and log only where, never what (design §9).

    Exception messages can quote what a resident typed, so neither the screen nor the log gets them.
    """
    _frame.active = True
    try:
        page.run()
    except Exception as error:
        frame = traceback.extract_tb(error.__traceback__)[-1]
        log.error(
            "step %s failed: %s at %s:%s",
            page.url_path,
            type(error).__name__,
            frame.filename,
            frame.lineno,
        )
        st.error(texts()("frame.error"), icon=":material/sentiment_dissatisfied:")
    finally:
        _frame.active = False


def step_header(step: str) -> None:
    """Compact: the title beside where we are and "groter", then one line of intro."""
    t = texts()
    number = STEPS.index(step) + 1
    with st.container(key="step-header"):
        title, place = st.columns([2, 1], vertical_alignment="bottom")
        title.title(t(f"steps.{step}.title"))
        with place:
            progress, switch = st.columns(2, vertical_alignment="center")
            progress.caption(t("steps.progress", number=number, total=len(STEPS)))
            with switch:
                larger_switch()
            st.progress(number / len(STEPS))
        st.markdown(t(f"steps.{step}.intro"))


GO_KEY = "kk.go"  # a step to go to before any page is drawn


def go(step: str) -> None:
    """Go to this step at the start of the run (app.py), before any page is drawn.

    Vorige/Volgende call it from their callback, which runs after every field's own callback has
    written its value to the model: the step that was left need not run again, which used to be
    half the work of every click. A restored browser copy calls it too."""
    st.session_state[GO_KEY] = step


def chosen_step() -> str | None:
    return st.session_state.pop(GO_KEY, None)


def step_footer(all_pages: list[st.Page], current: st.Page) -> None:
    """Vorige/Volgende under every step, and the professional's tips, folded away."""
    t = texts()
    index = next(i for i, page in enumerate(all_pages) if page.url_path == current.url_path)
    st.divider()
    back, _, forward = st.columns([1, 2, 1])
    if index > 0:
        back.button(
            t("nav.previous"),
            icon=":material/arrow_back:",
            key="nav.previous",
            width="stretch",
            on_click=go,
            args=(step_of(all_pages[index - 1]),),
        )
    if index < len(all_pages) - 1:
        forward.button(
            t("nav.next"),
            icon=":material/arrow_forward:",
            key="nav.next",
            type="primary",
            width="stretch",
            on_click=go,
            args=(step_of(all_pages[index + 1]),),
        )
    with st.expander(t("frame.tips"), icon=":material/lightbulb:"):
        st.markdown("\n".join(f"- {tip}" for tip in t.list(f"tips.{STEPS[index]}")))
