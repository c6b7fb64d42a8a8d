"""Step 5 · Actie: one small concrete action for the coming period."""

import streamlit as st

from krachtwerk.content import axis_label
from krachtwerk.ui import fields
from krachtwerk.ui.actie import action_fields, concreteness, example_actions, photo, shown_strengths
from krachtwerk.ui.layout import require_frame, step_header
from krachtwerk.ui.state import conversation, texts

require_frame()
step_header("actie")
t = texts()
current = conversation()
meeting = current.current
if meeting.kompas.focus:
    st.markdown(t("actie.focus", axis=axis_label(t, meeting.kompas.focus)))
    if meeting.kompas.one_step_up.strip():
        st.markdown(f"> {fields.plain(meeting.kompas.one_step_up)}")
left, right = st.columns([3, 2], gap="large")
with left:
    action_fields(meeting.action)
    concreteness(meeting.action)
with right:
    example_actions(current)
    shown_strengths(meeting)
    photo()
