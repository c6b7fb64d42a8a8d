"""Step 2 · Erkenning: understand first; how the resident kept going is a strength."""

import streamlit as st

from krachtwerk.ui import fields
from krachtwerk.ui.erkenning import feelings, review, validating_sentences
from krachtwerk.ui.layout import require_frame, step_header
from krachtwerk.ui.state import conversation, texts
from krachtwerk.ui.terugblik import look_back

require_frame()
step_header("erkenning")
t = texts()
meeting = conversation().current
validation = meeting.validation

look_back(conversation())
review(meeting)
fields.text(
    t("erkenning.situation"),
    "validation.situation",
    area=True,
    max_chars=600,
    placeholder=t("erkenning.situation_placeholder"),
)
feelings(validation)
# The professional's aid, folded: the resident reads it only once it is said.
with st.expander(t("erkenning.sentences.title"), icon=":material/record_voice_over:"):
    validating_sentences(validation)
    fields.text(
        t("erkenning.acknowledgement"),
        "validation.acknowledgement",
        area=True,
        help=t("erkenning.acknowledgement_help"),
    )
st.header(t("erkenning.coping.title"), anchor=False)
fields.text(
    t("erkenning.coping.question"),
    "validation.coping",
    area=True,
    placeholder=t("erkenning.coping.placeholder"),
)
st.caption(t("erkenning.coping.carried"))
