"""Step 1 · Start: begin a conversation and set who, how and in which mode."""

import streamlit as st

from krachtwerk.browser_copy import enabled
from krachtwerk.ui.layout import require_frame, step_header
from krachtwerk.ui.start import begin_choices, follow_up_question, settings
from krachtwerk.ui.state import conversation, texts

require_frame()
step_header("start")
t = texts()
copy = t("start.copy_on" if enabled() else "start.copy_off")
follow_up_question()
st.info(f"{t('start.privacy')} {copy}", icon=":material/lock:")
begin_choices()
settings(conversation())
