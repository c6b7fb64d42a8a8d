"""Kompas geometry (design §6): every point of the picture in plain x/y, shared by screen and print.

Units: the score ring for 10 has radius 1; y points up. Plotly draws these numbers on equal-scaled
cartesian axes; the PDF scales them to millimetres and flips y.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from krachtwerk.axes import mode_axes
from krachtwerk.content import structure
from krachtwerk.model import Mode

Point = tuple[float, float]

MAX_SCORE = 10
RING_SCORES = (2, 4, 6, 8, 10)
SECTOR_RADIUS = 1.0
AXIS_ICON_RADIUS = 1.2
AXIS_ICON_SIZE = 0.22
QUADRANT_ICON_RADIUS = 1.72
QUADRANT_ICON_SIZE = 0.36
EXTENT = 1.62  # half the width of the square that holds the whole picture, labels included
ARC_STEPS = 24  # segments per quarter circle: smooth on screen and in print


@dataclass(frozen=True)
class Box:
    """A square box centred on (x, y): where a pictogram goes."""

    x: float
    y: float
    size: float

    @property
    def left(self) -> float:
        return self.x - self.size / 2

    @property
    def top(self) -> float:
        return self.y + self.size / 2


@dataclass(frozen=True)
class Axis:
    id: str
    quadrant: str
    angle: float  # degrees, 0 = right, counter-clockwise
    end: Point
    icon: Box

    def at(self, score: float) -> Point:
        return polar(score / MAX_SCORE, self.angle)


@dataclass(frozen=True)
class Sector:
    quadrant: str
    colour: str
    ink: str
    outline: list[Point]
    icon: Box
    label_anchor: Point


def polar(radius: float, angle_deg: float) -> Point:
    rad = math.radians(angle_deg)
    return (radius * math.cos(rad), radius * math.sin(rad))


def arc(radius: float, start_deg: float, end_deg: float, steps: int = ARC_STEPS) -> list[Point]:
    return [polar(radius, start_deg + (end_deg - start_deg) * i / steps) for i in range(steps + 1)]


def circle(radius: float) -> list[Point]:
    return arc(radius, 0, 360, ARC_STEPS * 4)


def axes(mode: Mode) -> list[Axis]:
    """Axes in clockwise order. Eenvoudig: one axis per quadrant, through its middle, whose
    pictogram is the quadrant's own, in the corner."""
    shape = structure()
    per_quadrant = mode_axes(mode).per_quadrant
    result: list[Axis] = []
    for quadrant in shape.quadrants:
        if per_quadrant:
            icon = Box(*polar(QUADRANT_ICON_RADIUS, quadrant.angle), QUADRANT_ICON_SIZE)
            result.append(
                Axis(quadrant.id, quadrant.id, quadrant.angle, polar(1.0, quadrant.angle), icon)
            )
            continue
        domains = shape.domains_in(quadrant.id)
        step = 90 / len(domains)
        start = quadrant.angle + 45  # clockwise: from the quadrant's left edge
        for index, domain in enumerate(domains):
            angle = start - step * (index + 0.5)
            icon = Box(*polar(AXIS_ICON_RADIUS, angle), AXIS_ICON_SIZE)
            result.append(Axis(domain.id, quadrant.id, angle, polar(1.0, angle), icon))
    return result


def sectors() -> list[Sector]:
    """The four coloured quadrants, each a pie slice, with its pictogram in the corner outside."""
    result = []
    for quadrant in structure().quadrants:
        outline = [(0.0, 0.0), *arc(SECTOR_RADIUS, quadrant.angle + 45, quadrant.angle - 45)]
        icon_x, icon_y = polar(QUADRANT_ICON_RADIUS, quadrant.angle)
        label_x, label_y = polar(QUADRANT_ICON_RADIUS, quadrant.angle)
        label_y -= QUADRANT_ICON_SIZE / 2 + 0.04
        result.append(
            Sector(
                quadrant=quadrant.id,
                colour=quadrant.colour,
                ink=quadrant.ink,
                outline=outline,
                icon=Box(icon_x, icon_y, QUADRANT_ICON_SIZE),
                label_anchor=(label_x, label_y),
            )
        )
    return result


def rings() -> list[tuple[int, list[Point]]]:
    return [(score, circle(score / MAX_SCORE)) for score in RING_SCORES]


def score_shape(axis_list: list[Axis], scores: dict[str, int]) -> list[Point]:
    """The closed score polygon; an axis without a score sits at the centre."""
    points = [axis.at(scores.get(axis.id, 0)) for axis in axis_list]
    return [*points, points[0]] if points else []


def is_complete(axis_list: list[Axis], scores: dict[str, int]) -> bool:
    return all(axis.id in scores for axis in axis_list)
