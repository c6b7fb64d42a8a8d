"""The baseline for the Kompas step: bare Streamlit, ten sliders and one chart drawn from them.

The same elements the step has, none of its work: no model, no catalogue, no pictograms, no
browser copy. Run by the benchmarks, never by the app.
"""

import math

import plotly.graph_objects as go
import streamlit as st

AXES = 10
scores = [
    st.select_slider(f"As {i + 1}", list(range(11)), value=5, key=f"score.{i}") for i in range(AXES)
]
angles = [2 * math.pi * i / AXES for i in range(AXES)]
xs = [s * math.cos(a) for s, a in zip(scores, angles, strict=True)]
ys = [s * math.sin(a) for s, a in zip(scores, angles, strict=True)]
figure = go.Figure(
    go.Scatter(x=[*xs, xs[0]], y=[*ys, ys[0]], fill="toself", mode="lines+markers"),
    layout={"xaxis": {"range": [-11, 11]}, "yaxis": {"range": [-11, 11], "scaleanchor": "x"}},
)
st.plotly_chart(figure, key="chart")
