"""Step 6 · Afronden: see the page, take it home, and clear the screen for the next person."""

import streamlit as st

from krachtwerk.ui.afronden import downloads, new_conversation, preview, rendered_page
from krachtwerk.ui.layout import require_frame, step_header
from krachtwerk.ui.state import conversation, saved_file
from krachtwerk.ui.team import team_page

require_frame()
step_header("afronden")
current = conversation()
saved = saved_file()  # the download, the render check and the browser copy share it
pdf, picture = rendered_page(current, saved)
page, actions = st.columns([3, 2], gap="large")
with page:
    preview(current, picture)
with actions:
    downloads(current, pdf, saved)
    st.divider()
    new_conversation()
team_page(current, saved)  # for the professional only, folded
