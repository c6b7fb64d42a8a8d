"""The kompas over time: one pandas table of every meeting, built from the model.

It is the single source of the look back on screen (chart, words, timeline), the CSV export and
the command line. It has one row per meeting and axis. A meeting lists the axes of the kind its
own scores use: the ten domains, or the four quadrants (mode eenvoudig). A meeting without
scores lists the axes of the conversation's mode. A score that was not given stays empty: nothing
is ever invented.
"""

from __future__ import annotations

import io

import pandas as pd

from krachtwerk.axes import mode_axes
from krachtwerk.content import structure
from krachtwerk.model import Conversation, Meeting

COLUMNS = ("meeting", "date", "axis", "quadrant", "score", "focus", "outcome")
# What the export and `krachtwerk export` write: numbers and ids, never resident text or names.
EXPORT_COLUMNS = COLUMNS


def meetings_table(conversation: Conversation) -> pd.DataFrame:
    """Every meeting and axis, oldest meeting first, axes in kompas order.

    ``outcome`` is how the action agreed in that meeting went, as the next meeting recorded it
    (empty while no later meeting has looked back at it)."""
    shape = structure()
    quadrant_of = {d.id: d.quadrant for d in shape.domains} | {q.id: q.id for q in shape.quadrants}
    meetings = conversation.meetings
    rows = []
    for number, meeting in enumerate(meetings, start=1):
        later = meetings[number] if number < len(meetings) else None
        outcome = later.review.outcome if later else None
        for axis in _axes_of(meeting, conversation):
            rows.append(
                (
                    number,
                    meeting.date,
                    axis,
                    quadrant_of[axis],
                    meeting.kompas.scores.get(axis),
                    axis == meeting.kompas.focus,
                    outcome,
                )
            )
    table = pd.DataFrame.from_records(rows, columns=COLUMNS)
    table["score"] = table["score"].astype("Int64")
    table["date"] = pd.to_datetime(table["date"]).dt.date
    table["outcome"] = table["outcome"].astype("string")
    return table


def _axes_of(meeting: Meeting, conversation: Conversation) -> tuple[str, ...]:
    """The axes of the kind this meeting's own scores use (a mode may have changed since)."""
    scored = set(meeting.kompas.scores)
    for mode in (conversation.mode, "volwassene", "eenvoudig"):
        axes = mode_axes(mode)
        if scored and scored <= set(axes.ids):
            return axes.ids
    if scored:  # both kinds in one meeting: a hand-made file; list both, in kompas order
        ids = mode_axes("volwassene").ids + mode_axes("eenvoudig").ids
        return tuple(axis for axis in ids if axis in scored)
    return mode_axes(conversation.mode).ids


def scores_over_time(table: pd.DataFrame) -> dict[str, list[tuple[int, int]]]:
    """Per axis (kompas order), its given scores as (meeting, score), oldest first."""
    given = table.dropna(subset=["score"])
    return {
        axis: list(zip(group["meeting"].tolist(), group["score"].astype(int).tolist(), strict=True))
        for axis, group in given.groupby("axis", sort=False)
    }


def changes(table: pd.DataFrame) -> dict[str, tuple[int, int]]:
    """Per axis with at least two given scores: (first, last)."""
    return {
        axis: (points[0][1], points[-1][1])
        for axis, points in scores_over_time(table).items()
        if len(points) > 1
    }


def export_csv(table: pd.DataFrame) -> bytes:
    """The scores over time for the professional: UTF-8 with a header, ISO dates, one row per
    meeting and axis; an empty score is an empty cell."""
    out = io.StringIO()
    table.loc[:, list(EXPORT_COLUMNS)].to_csv(out, index=False, lineterminator="\n")
    return out.getvalue().encode("utf-8")


def export_filename(conversation: Conversation) -> str:
    """A neutral name: the date of the last meeting, never a person's name."""
    return f"krachtkompas-scores-{conversation.current.date.isoformat()}.csv"
