"""The kompas over time on screen: one small line per axis, across all meetings.

One glance answers "what went up?". Each axis is a row:
- its name on the left, in its quadrant's colour;
- its scores as a line;
- on the right, its first and its last score ("3 → 6").
The latest focus axis is drawn thicker.

Only given scores are points. A meeting that did not score an axis leaves a gap, never an
invented value. A mode change shows as a quadrant row and domain rows that each have gaps.

The figure is built from the meetings table (krachtwerk/history.py), as plotly's own figure dict.
"""

from __future__ import annotations

import pandas as pd

from krachtwerk.content import Texts, axis_label, label_value, structure

GRID = "rgba(31,42,55,0.10)"
LABEL_PX = 16
ROW_PX = 31
AXIS_PX = 40  # the dates under the last row


def rows_of(table: pd.DataFrame) -> list[str]:
    """The axes with at least one given score, by quadrant: the quadrant, then its domains."""
    given = set(table.loc[table["score"].notna(), "axis"])
    shape = structure()
    ordered = [
        axis
        for quadrant in shape.quadrants
        for axis in (quadrant.id, *(d.id for d in shape.domains_in(quadrant.id)))
    ]
    return [axis for axis in ordered if axis in given]


def history_spec(t: Texts, table: pd.DataFrame, dates: list[str]) -> dict:
    """``dates``: the label of each meeting, oldest first (meeting n is dates[n - 1])."""
    shape = structure()
    ink = {d.id: shape.quadrant(d.quadrant).ink for d in shape.domains}
    ink |= {q.id: q.ink for q in shape.quadrants}
    meetings = len(dates)
    xs = list(range(1, meetings + 1))
    rows = rows_of(table)
    focused = set(table.loc[table["focus"], "axis"].tail(1))  # the latest focus
    height = max(1, len(rows)) * ROW_PX + AXIS_PX
    plot_top = 1.0
    row_share = (1.0 - AXIS_PX / height) / max(1, len(rows))
    traces: list[dict] = []
    annotations: list[dict] = []
    layout: dict = {}
    for index, axis in enumerate(rows):
        suffix = "" if index == 0 else str(index + 1)
        top = plot_top - index * row_share
        y_domain = [top - row_share * 0.86, top]
        last_row = index == len(rows) - 1
        layout[f"xaxis{suffix}"] = dict(
            domain=[0.0, 1.0],
            range=[0.7, meetings + 0.3],
            tickvals=_ticks(meetings) if last_row else [],
            ticktext=[dates[n - 1] for n in _ticks(meetings)] if last_row else [],
            tickfont=dict(size=LABEL_PX),
            tickangle=0,
            showgrid=False,
            zeroline=False,
            fixedrange=True,
            anchor=f"y{suffix}",
        )
        layout[f"yaxis{suffix}"] = dict(
            domain=y_domain,
            range=[-1, 11],
            tickvals=[0, 10],
            showticklabels=False,
            gridcolor=GRID,
            zeroline=False,
            fixedrange=True,
            anchor=f"x{suffix}",
        )
        points = table[(table["axis"] == axis) & table["score"].notna()]
        score_at = dict(zip(points["meeting"], points["score"].astype(int), strict=True))
        ys = [score_at.get(meeting) for meeting in xs]  # None: a gap, nothing invented
        label = axis_label(t, axis)
        colour = ink[axis]
        traces.append(
            dict(
                type="scatter",
                x=xs,
                y=ys,
                xaxis=f"x{suffix}",
                yaxis=f"y{suffix}",
                mode="lines+markers",
                line=dict(color=colour, width=4 if axis in focused else 2),
                marker=dict(size=7 if meetings <= 12 else 4, color=colour),
                name=label,
                hovertemplate=label_value(t, label, "%{y}") + "<extra></extra>",
                connectgaps=False,
            )
        )
        middle = sum(y_domain) / 2
        first, last = score_at[min(score_at)], score_at[max(score_at)]
        change = f"{first} → {last}" if len(score_at) > 1 else str(last)
        for text, x, anchor in ((label, -0.01, "right"), (f"<b>{change}</b>", 1.01, "left")):
            annotations.append(
                dict(
                    text=text,
                    x=x,
                    y=middle,
                    xref="paper",
                    yref="paper",
                    xanchor=anchor,
                    yanchor="middle",
                    showarrow=False,
                    font=dict(size=LABEL_PX, color=colour),
                )
            )
    layout.update(
        annotations=annotations,
        showlegend=False,
        height=height,
        margin=dict(l=240, r=70, t=4, b=4),
        paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor="rgba(0,0,0,0)",
        font=dict(size=LABEL_PX),
    )
    return dict(data=traces, layout=layout)


def _ticks(meetings: int) -> list[int]:
    """The first and the last meeting: where the change is read from, legible at any width."""
    return sorted({1, meetings})
