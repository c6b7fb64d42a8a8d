"""Krachtkompas: the entrypoint. Page config, navigation over the six steps, the shared frame."""

import streamlit as st

from krachtwerk.ui import browser_copy, frame, login, warm
from krachtwerk.ui.layout import chosen_step, pages, run_step, step_footer, step_of
from krachtwerk.ui.state import begin_run, conversation, show_flashes

st.set_page_config(
    page_title="Krachtkompas",
    page_icon=frame.page_icon(),  # ours, as a data URL (krachtwerk/ui/frame.py)
    layout="wide",
    initial_sidebar_state="collapsed",
)

begin_run()
# Login for professionals when the secrets configure it: no step before it (krachtwerk/ui/login.py)
if not login.gate():
    frame.frame(conversation().language)
    st.stop()
# A copy the tab kept (after a reload or a lost session) is restored before anything is drawn;
# a step chosen with Vorige/Volgende is gone to before the step that was left runs again.
browser_copy.settle()
login.offer_first_name()
go_to = chosen_step()
all_pages = pages()
current = st.navigation(all_pages, position="top")
if go_to is not None and go_to != step_of(current):
    st.switch_page(next(page for page in all_pages if step_of(page) == go_to))
show_flashes()
browser_copy.notice(step_of(current))
run_step(current)
step_footer(all_pages, current)
login.logout_button()
frame.frame(conversation().language)
browser_copy.keep(step_of(current))
warm.freeze_once()  # after the first page is drawn: see krachtwerk/ui/warm.py
