"""Step 4 · Kompas: score each axis, pick the focus, find what already works."""

import streamlit as st

from krachtwerk.ui.kompas import chart, focus, follow_ups, scores
from krachtwerk.ui.layout import require_frame, step_header
from krachtwerk.ui.state import conversation

require_frame()
step_header("kompas")
current = conversation()
picture, numbers = st.columns([5, 4], gap="large")
with picture, st.container(key="kompas-picture"):  # stays in view (ui/static/frame.css)
    chart(current)
with numbers, st.container(key="kompas-numbers"):
    scores(current)
    focus(current)
    follow_ups(current)
