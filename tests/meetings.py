"""Conversations with many meetings: for the look back's tests and bench/history.py."""

from __future__ import annotations

import datetime as dt
import random

from krachtwerk.axes import mode_axes
from krachtwerk.demos import load_demo
from krachtwerk.model import Conversation


def ria_over(count: int) -> Conversation:
    """Ria's story stretched to ``count`` meetings, one a fortnight; the last one is today's."""
    ria = load_demo("ria")
    if count <= len(ria.meetings):
        ria.meetings = ria.meetings[:count]
    else:
        chance = random.Random(count)
        axes = mode_axes(ria.mode).ids
        scores = dict(ria.meetings[0].kompas.scores)
        template = ria.meetings[0]
        meetings = []
        for number in range(count):
            scores = {
                a: max(0, min(10, s + chance.choice((-1, 0, 0, 1, 1)))) for a, s in scores.items()
            }
            meeting = template.model_copy(deep=True)
            meeting.date = dt.date(2025, 1, 6) + dt.timedelta(weeks=2 * number)
            meeting.kompas.scores = dict(scores)
            meeting.kompas.focus = axes[number % len(axes)]
            meeting.review.outcome = ("gelukt", "deels", "nog_niet")[number % 3] if number else None
            meetings.append(meeting)
        ria.meetings = meetings
    ria.current.action.what = ""  # today's meeting is still going on: no question on opening
    return ria
