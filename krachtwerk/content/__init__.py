"""The content catalogue of design §4: structure.toml plus one folder of TOML texts per language."""

from krachtwerk.content.catalogue import (
    Catalogue,
    CatalogueError,
    Domain,
    Feeling,
    Quadrant,
    Texts,
    axis_in_sentence,
    axis_label,
    catalogue,
    date_text,
    label_value,
    structure,
    with_note,
)

__all__ = [
    "Catalogue",
    "CatalogueError",
    "Domain",
    "Feeling",
    "Quadrant",
    "Texts",
    "axis_in_sentence",
    "axis_label",
    "catalogue",
    "date_text",
    "label_value",
    "structure",
    "with_note",
]
