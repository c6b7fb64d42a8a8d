"""Krachtkompas: the entrypoint. Page config, navigation over the six steps, the shared frame."""

import streamlit as st

from krachtwerk.ui.layout import page_language, pages, run_step, step_footer
from krachtwerk.ui.state import show_flashes

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
page_language()
