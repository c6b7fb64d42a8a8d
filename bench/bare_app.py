"""The baseline for every step: bare Streamlit, six pages with the kinds and about the number of
elements the app's steps have, none of its work (no model, catalogue, pictograms, PDF, browser
copy). The same keys for what the benchmarks press: ``start.demo.noor``, ``nav.next``, and the
sliders ``w.score.<n>`` on the fourth page. Run by the benchmarks, never by the app.
"""

from __future__ import annotations

import io
import math

import plotly.graph_objects as go
import streamlit as st
from PIL import Image

AXES = 10


def start() -> None:
    st.title("Start")
    st.markdown("Een gesprek over wat goed gaat.")
    for name in ("noor", "wim", "samira"):
        st.button(f"Voorbeeld {name}", key=f"start.demo.{name}")
    st.file_uploader("Gesprek openen", type=["json"], key="start.file")
    st.text_input("Naam", key="start.name")
    st.radio("Vorm", ["volwassene", "jongere", "eenvoudig"], key="start.mode", horizontal=True)


def erkenning() -> None:
    st.title("Wat speelt er")
    for field in ("situation", "acknowledgement", "coping"):
        st.text_area(field, key=f"w.{field}")
    st.pills("Gevoelens", [f"gevoel {i}" for i in range(12)], selection_mode="multi", key="w.f")
    with st.expander("Zinnen"):
        st.markdown("- een zin\n- nog een zin")


def krachten() -> None:
    st.title("Wat gaat goed")
    st.multiselect("Kwaliteiten", [f"kwaliteit {i}" for i in range(29)], key="w.qualities")
    columns = st.columns(2)
    for domain in range(AXES):
        with columns[domain % 2].container(border=True):
            st.markdown(f"**Domein {domain}**")
            st.text_area("Wat gaat goed", key=f"w.now.{domain}")
            st.text_area("Wie helpt", key=f"w.helpers.{domain}")


def kompas() -> None:
    st.title("Kompas")
    picture, numbers = st.columns([1, 1])
    with numbers:
        scores = [
            st.select_slider(f"As {i}", ["geen", *range(11)], value=5, key=f"w.score.{i}")
            for i in range(AXES)
        ]
        st.selectbox("Focus", [f"As {i}" for i in range(AXES)], key="w.focus")
        st.text_area("Waarom niet lager", key="w.why")
    values = [s if isinstance(s, int) else 0 for s in scores]
    angles = [2 * math.pi * i / AXES for i in range(AXES)]
    xs = [v * math.cos(a) for v, a in zip(values, angles, strict=True)]
    ys = [v * math.sin(a) for v, a in zip(values, angles, strict=True)]
    figure = go.Figure(
        go.Scatter(x=[*xs, xs[0]], y=[*ys, ys[0]], fill="toself", mode="lines+markers"),
        layout={"xaxis": {"range": [-11, 11]}, "yaxis": {"range": [-11, 11], "scaleanchor": "x"}},
    )
    with picture:
        st.plotly_chart(figure, key="chart", on_select="rerun", selection_mode="points")


def actie() -> None:
    st.title("Kleine stap")
    for field in ("goal", "what", "when", "with_whom", "how_know"):
        st.text_input(field, key=f"w.{field}")
    st.pills("Krachten", [f"kracht {i}" for i in range(8)], selection_mode="multi", key="w.p")
    st.date_input("Volgende afspraak", value=None, key="w.next")
    st.file_uploader("Foto", type=["jpg", "png"], key="w.photo")


@st.cache_data
def page_picture() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (900, 1273), "white").save(out, format="JPEG", quality=90)
    return out.getvalue()


def afronden() -> None:
    st.title("Klaar")
    page, actions = st.columns([3, 2])
    page.image(page_picture())
    actions.download_button("Blad", b"%PDF-1.4", "blad.pdf", key="download.pdf")
    actions.download_button("Gesprek", b"{}", "gesprek.json", key="download.file")
    with actions.popover("Nieuw gesprek"):
        st.button("Ja", key="afronden.new.confirm")


pages = [
    st.Page(step, title=step.__name__, url_path=step.__name__)
    for step in (start, erkenning, krachten, kompas, actie, afronden)
]
current = st.navigation(pages, position="top")
current.run()
index = [page.url_path for page in pages].index(current.url_path)
back, _, forward = st.columns([1, 2, 1])
if index > 0 and back.button("Vorige", key="nav.previous"):
    st.switch_page(pages[index - 1])
if index < len(pages) - 1 and forward.button("Volgende", key="nav.next", type="primary"):
    st.switch_page(pages[index + 1])
with st.expander("Tips"):
    st.markdown("- een tip")
