"""Krachtkompas: the entrypoint. Page config, navigation over the six steps, the shared frame."""

import streamlit as st

from krachtwerk.ui import browser
from krachtwerk.ui.layout import pages, run_step, step_footer
from krachtwerk.ui.state import conversation, show_flashes

st.set_page_config(
    page_title="Krachtkompas",
    page_icon=":material/explore:",
    layout="wide",
    initial_sidebar_state="collapsed",
)

all_pages = pages()
current = st.navigation(all_pages, position="top")
show_flashes()
run_step(current)
step_footer(all_pages, current)
browser.frame(conversation().language)
