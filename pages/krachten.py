"""Step 3 · Krachten: what goes well, what helped, what the resident wants, who helps."""

import streamlit as st

from krachtwerk.ui.krachten import coping_strength, domain_cards, domain_notes, qualities
from krachtwerk.ui.layout import require_frame, step_header
from krachtwerk.ui.state import conversation, texts

require_frame()
step_header("krachten")
current = conversation()
meeting = current.current
coping_strength(meeting.validation)
st.header(texts()("krachten.choose"), anchor=False)
domain_cards(meeting.strengths)
domain_notes(meeting.strengths, current.mode)
qualities(meeting.strengths)
