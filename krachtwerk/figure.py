"""The kompas on screen: a plotly figure drawn from the shared geometry (design §6).

Cartesian, not polar, so that clicking an axis is a real selection in Streamlit (design §11).

The figure is written as the plain dict plotly would make of it (``figure_spec``) and handed to
st.plotly_chart without plotly validating and copying it again: that took 10 of the 12 ms this
chart cost on each slider move. tests/krachtwerk/test_figure.py proves that validation would
change nothing in what the browser gets.
"""

from __future__ import annotations

import base64
import functools
from pathlib import Path

import plotly.graph_objects as go
import plotly.io as pio

from krachtwerk import geometry
from krachtwerk.axes import mode_axes
from krachtwerk.content import Texts, axis_label, label_value, structure
from krachtwerk.geometry import Box, Point
from krachtwerk.model import Kompas, Mode

INK = "#1F2A37"
SHAPE = "#0F6E6E"
SHAPE_FILL = "rgba(15, 110, 110, 0.30)"
PREVIOUS = "#5B4B8A"
HEIGHT = 520  # with its caption and words, fits beside the sliders at 1366x768
SECTOR_OPACITY = 0.5
LABEL_PX = 17  # quadrant names and scores: legible from a metre (at least 16 px)


@functools.cache
def _svg_uri(path: Path) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(path.read_bytes()).decode("ascii")


def _path(points: list[Point], close: bool = True) -> str:
    head, *rest = points
    svg = f"M {head[0]:.4f},{head[1]:.4f} " + " ".join(f"L {x:.4f},{y:.4f}" for x, y in rest)
    return svg + (" Z" if close else "")


# The backdrop never changes: its SVG paths are written once per process, not on every slider move.
@functools.cache
def _sector_paths() -> tuple[str, ...]:
    return tuple(_path(sector.outline) for sector in geometry.sectors())


@functools.cache
def _ring_paths() -> tuple[str, ...]:
    return tuple(_path(ring) for _score, ring in geometry.rings())


def _image(path: Path, box: Box) -> dict:
    return dict(
        source=_svg_uri(path),
        xref="x",
        yref="y",
        x=box.x,
        y=box.y,
        sizex=box.size,
        sizey=box.size,
        xanchor="center",
        yanchor="middle",
        layer="above",
    )


def alt_text(t: Texts, mode: Mode, kompas: Kompas) -> str:
    """The kompas in words, every score and the focus: colour never carries meaning alone
    (design §6)."""
    parts = []
    for axis in geometry.axes(mode):
        score = kompas.scores.get(axis.id)
        value = t("kompas.alt.score", score=score) if score is not None else t("kompas.alt.none")
        parts.append(label_value(t, axis_label(t, axis.id), value))
    text = t("kompas.alt.intro") + " " + "; ".join(parts) + "."
    if focus := mode_axes(mode).focus(kompas):
        text += " " + t("kompas.alt.focus", axis=axis_label(t, focus))
    return text


class CheckedFigure(go.Figure):
    """A figure dict already in plotly's own form. st.plotly_chart asks a plotly Figure only for
    ``to_dict()`` (plotly.tools.return_figure_from_figure_or_data); a dict it would validate.

    BaseFigure.__init__ is skipped on purpose: it copies the whole dict (and with validation
    checks every property), which is all this class exists to avoid.
    """

    def __init__(self, spec: dict) -> None:  # no super().__init__(): see above
        self._spec = spec

    def to_dict(self) -> dict:
        return self._spec


def kompas_figure(
    t: Texts,
    mode: Mode,
    kompas: Kompas,
    previous: dict[str, int] | None = None,
    label_px: int = LABEL_PX,
) -> go.Figure:
    return checked_figure(figure_spec(t, mode, kompas, previous, label_px))


def checked_figure(spec: dict) -> go.Figure:
    """A figure dict in plotly's own form, handed over as it is (with the template go.Figure()
    would add)."""
    spec["layout"]["template"] = _template(pio.templates.default)
    return CheckedFigure(spec)


@functools.cache
def _template(name: str) -> dict:
    """A named plotly template as a figure holds it (with Streamlit loaded: Streamlit's own)."""
    return go.Figure(layout={"template": name}).to_dict()["layout"]["template"]


def figure_spec(
    t: Texts,
    mode: Mode,
    kompas: Kompas,
    previous: dict[str, int] | None = None,
    label_px: int = LABEL_PX,
) -> dict:
    """The kompas as plotly's figure dict: data (traces) and layout."""
    axes = geometry.axes(mode)
    per_quadrant = mode_axes(mode).per_quadrant
    shape = structure()
    shapes: list[dict] = []
    images: list[dict] = []
    annotations: list[dict] = []

    for sector, outline in zip(geometry.sectors(), _sector_paths(), strict=True):
        shapes.append(
            dict(
                type="path",
                path=outline,
                fillcolor=sector.colour,
                # A tint, not a full wheel: the score shape carries the colour, so an unscored
                # kompas looks empty.
                opacity=SECTOR_OPACITY,
                line=dict(color="white", width=3),
                layer="below",
            )
        )
        images.append(_image(shape.quadrant(sector.quadrant).pictogram, sector.icon))
        annotations.append(
            dict(
                x=sector.label_anchor[0],
                y=sector.label_anchor[1],
                text=f"<b>{t(f'quadrants.{sector.quadrant}.label')}</b>",
                showarrow=False,
                yanchor="top",
                font=dict(size=label_px, color=sector.ink),
            )
        )
    for ring in _ring_paths():
        shapes.append(
            dict(
                type="path",
                path=ring,
                line=dict(color="rgba(31,42,55,0.35)", width=1, dash="dot"),
                layer="below",
            )
        )
    for axis in axes:
        focused = axis.id == kompas.focus
        shapes.append(
            dict(
                type="line",
                x0=0,
                y0=0,
                x1=axis.end[0],
                y1=axis.end[1],
                line=dict(
                    color=INK if focused else "rgba(31,42,55,0.45)", width=6 if focused else 1.5
                ),
                layer="below",
            )
        )
        if not per_quadrant:  # a quadrant's axis has the pictogram in its corner
            images.append(_image(shape.pictogram(axis.id), axis.icon))

    traces: list[dict] = []
    if previous:
        outline = geometry.score_shape(axes, previous)
        traces.append(
            dict(
                type="scatter",
                x=[p[0] for p in outline],
                y=[p[1] for p in outline],
                mode="lines",
                line=dict(color=PREVIOUS, width=2.5, dash="dash"),
                hoverinfo="skip",
                name=t("kompas.previous"),
            )
        )
    outline = geometry.score_shape(axes, kompas.scores)
    traces.append(
        dict(
            type="scatter",
            x=[p[0] for p in outline] if kompas.scores else [],
            y=[p[1] for p in outline] if kompas.scores else [],
            mode="lines",
            fill="toself",
            fillcolor=SHAPE_FILL,
            line=dict(color=SHAPE, width=3),
            hoverinfo="skip",
            name=t("kompas.now"),
        )
    )
    # A dot and its number only where a score was given: never an invented 0.
    points = [
        axis.at(kompas.scores[axis.id]) if axis.id in kompas.scores else None for axis in axes
    ]
    traces.append(
        dict(
            type="scatter",
            x=[p[0] if p else None for p in points],
            y=[p[1] if p else None for p in points],
            mode="markers+text",
            text=[str(kompas.scores[a.id]) if a.id in kompas.scores else "" for a in axes],
            textposition="top center",
            textfont=dict(size=label_px, color=INK),
            marker=dict(size=10, color=SHAPE, line=dict(color="white", width=2)),
            hoverinfo="skip",
        )
    )
    # The click targets: one per axis, under its pictogram. Their customdata names the axis.
    handle_boxes = [a.icon for a in axes]
    labels = [axis_label(t, a.id) for a in axes]
    traces.append(
        dict(
            type="scatter",
            x=[b.x for b in handle_boxes],
            y=[b.y for b in handle_boxes],
            mode="markers",
            marker=dict(
                size=[58 if per_quadrant else 40] * len(axes),
                color=["white"] * len(axes),
                opacity=0.9,
                line=dict(
                    color=[INK if a.id == kompas.focus else "rgba(31,42,55,0.25)" for a in axes],
                    width=[4 if a.id == kompas.focus else 1 for a in axes],
                ),
            ),
            customdata=[[a.id] for a in axes],
            hovertext=[f"{label} · {t('kompas.click')}" for label in labels],
            hoverinfo="text",
            selected=dict(marker=dict(opacity=0.9)),
            unselected=dict(marker=dict(opacity=0.9)),
        )
    )

    extent = geometry.EXTENT
    layout = dict(
        shapes=shapes,
        images=images,
        annotations=annotations,
        showlegend=False,
        height=HEIGHT,
        margin=dict(l=0, r=0, t=0, b=0),
        dragmode=False,
        clickmode="event+select",
        hovermode="closest",
        paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor="rgba(0,0,0,0)",
        xaxis=dict(range=[-extent, extent], visible=False, fixedrange=True),
        yaxis=dict(
            range=[-extent, extent], visible=False, fixedrange=True, scaleanchor="x", scaleratio=1
        ),
    )
    return {"data": traces, "layout": layout}
