import itertools
import math

import pytest

from krachtwerk import geometry
from krachtwerk.content import structure
from krachtwerk.geometry import EXTENT, Box
from krachtwerk.model import MODES, Mode


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, abs_tol=1e-9)


@pytest.mark.parametrize("mode", MODES)
def test_each_axis_lies_inside_its_quadrant(mode: Mode) -> None:
    for axis in geometry.axes(mode):
        middle = structure().quadrant(axis.quadrant).angle
        offset = (axis.angle - middle + 180) % 360 - 180
        assert -45 < offset < 45, axis.id


@pytest.mark.parametrize("mode", MODES)
def test_axes_run_clockwise_once_around(mode: Mode) -> None:
    angles = [axis.angle for axis in geometry.axes(mode)]

    steps = [(b - a) % 360 - 360 for a, b in itertools.pairwise([*angles, angles[0]])]

    assert all(-180 < step < 0 for step in steps)
    assert _close(sum(steps), -360)


@pytest.mark.parametrize("mode", MODES)
def test_axis_ends_are_on_the_unit_circle(mode: Mode) -> None:
    for axis in geometry.axes(mode):
        assert _close(math.hypot(*axis.end), 1.0)
        assert _close(math.degrees(math.atan2(axis.end[1], axis.end[0])) % 360, axis.angle % 360)


@pytest.mark.parametrize("mode", MODES)
def test_score_shape_is_closed_and_scaled(mode: Mode) -> None:
    axes = geometry.axes(mode)
    scores = {axis.id: (10, 5)[index % 2] for index, axis in enumerate(axes)}
    del scores[axes[-1].id]  # one axis without a score

    shape = geometry.score_shape(axes, scores)

    assert len(shape) == len(axes) + 1
    assert shape[0] == shape[-1]
    radii = [math.hypot(*point) for point in shape[:-1]]
    for index, radius in enumerate(radii[:-1]):
        assert _close(radius, 1.0 if index % 2 == 0 else 0.5)
    assert _close(radii[-1], 0.0)


def test_score_shape_of_no_axes_is_empty() -> None:
    assert geometry.score_shape([], {}) == []


def test_rings_mark_even_scores() -> None:
    for score, ring in geometry.rings():
        assert all(_close(math.hypot(*point), score / 10) for point in ring)
        assert _close(ring[0][0], ring[-1][0]) and _close(ring[0][1], ring[-1][1])


def test_sectors_are_the_four_quadrants_from_the_centre() -> None:
    sectors = geometry.sectors()

    assert [s.quadrant for s in sectors] == [q.id for q in structure().quadrants]
    for sector in sectors:
        assert sector.outline[0] == (0.0, 0.0)
        assert all(_close(math.hypot(*p), 1.0) for p in sector.outline[1:])


def _boxes(mode: Mode) -> list[Box]:
    """Every distinct pictogram place (in eenvoudig an axis uses its quadrant's own)."""
    boxes = [axis.icon for axis in geometry.axes(mode)] + [s.icon for s in geometry.sectors()]
    return list(dict.fromkeys(boxes))


def test_eenvoudig_axes_use_the_quadrant_pictograms() -> None:
    corners = {s.quadrant: s.icon for s in geometry.sectors()}
    assert {a.id: a.icon for a in geometry.axes("eenvoudig")} == corners


@pytest.mark.parametrize("mode", MODES)
def test_pictogram_boxes_fit_the_picture(mode: Mode) -> None:
    for box in _boxes(mode):
        assert abs(box.x) + box.size / 2 <= EXTENT
        assert abs(box.y) + box.size / 2 <= EXTENT
        assert _close(box.left, box.x - box.size / 2)
        assert _close(box.top, box.y + box.size / 2)


@pytest.mark.parametrize("mode", MODES)
def test_pictogram_boxes_do_not_overlap(mode: Mode) -> None:
    for a, b in itertools.combinations(_boxes(mode), 2):
        apart_x = abs(a.x - b.x) >= (a.size + b.size) / 2
        apart_y = abs(a.y - b.y) >= (a.size + b.size) / 2
        assert apart_x or apart_y, (a, b)


@pytest.mark.parametrize("mode", MODES)
def test_axis_pictograms_sit_outside_the_score_circle(mode: Mode) -> None:
    for axis in geometry.axes(mode):
        nearest = math.hypot(axis.icon.x, axis.icon.y) - axis.icon.size / math.sqrt(2)
        assert nearest > 1.0, axis.id
