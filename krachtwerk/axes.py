"""Which axes the kompas has in a conversation's mode, and what of a meeting's kompas counts there.

The one rule, asked by the screens, the kompas drawing, the page, the file summary and the
command line. A mode scores either the ten domains or one axis per quadrant
(``[kompas_axes]`` in content/structure.toml). A score or focus for an axis the mode does not
have stays in the file, because the mode may change back, but it is shown and printed nowhere.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from krachtwerk.content import structure
from krachtwerk.model import Kompas, Mode


@dataclass(frozen=True)
class ModeAxes:
    mode: Mode
    ids: tuple[str, ...]  # clockwise, from the top quadrant's left edge
    per_quadrant: bool  # one axis per quadrant, with the quadrant's own pictogram

    def focus(self, kompas: Kompas) -> str | None:
        """The focus, when it is one of this mode's axes."""
        return kompas.focus if kompas.focus in self.ids else None

    def scores(self, kompas: Kompas) -> dict[str, int]:
        """The scores of this mode's axes, in axis order; an axis without a score is left out."""
        return {axis: kompas.scores[axis] for axis in self.ids if axis in kompas.scores}

    def focus_domains(self, kompas: Kompas) -> tuple[str, ...]:
        """The domains the focus stands for: itself, or every domain of the focus quadrant."""
        focus = self.focus(kompas)
        if focus is None:
            return ()
        if self.per_quadrant:
            return tuple(domain.id for domain in structure().domains_in(focus))
        return (focus,)


@functools.cache
def mode_axes(mode: Mode) -> ModeAxes:
    shape = structure()
    per_quadrant = shape.axes_per_mode[mode] == "quadrants"
    if per_quadrant:
        ids = tuple(quadrant.id for quadrant in shape.quadrants)
    else:  # in each quadrant's order, its domains
        ids = tuple(d.id for q in shape.quadrants for d in shape.domains_in(q.id))
    return ModeAxes(mode, ids, per_quadrant)
