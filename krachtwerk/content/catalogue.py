"""Load and validate the content catalogue; look texts up by key for a mode and form of address.

A text value in a catalogue is a string, a list of strings, or a table of variants keyed by
``default``, ``je``/``u``, a mode, or ``<mode>_<address>``. The most specific variant wins.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import string
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from krachtwerk.languages import DEFAULT, described
from krachtwerk.model import (
    ADDRESSES,
    MODES,
    NOTE_FIELDS,
    Address,
    Language,
    Mode,
)
from krachtwerk.organisation import Overlay, applied, overlay

log = logging.getLogger(__name__)

CONTENT_DIR = Path(__file__).parent
PICTOGRAM_DIR = Path(__file__).resolve().parents[2] / "assets" / "pictograms"

VARIANT_KEYS = frozenset(
    {"default", *ADDRESSES, *MODES, *(f"{m}_{a}" for m in MODES for a in ADDRESSES)}
)

Value = str | list[str]
AXIS_KINDS = ("domains", "quadrants")


class CatalogueError(ValueError):
    """The catalogue files are incomplete or malformed; raised at load, never mid-conversation."""


@dataclass(frozen=True)
class Quadrant:
    id: str
    angle: float
    colour: str
    ink: str
    pictogram: Path


@dataclass(frozen=True)
class Domain:
    id: str
    quadrant: str
    pictogram: Path


@dataclass(frozen=True)
class Feeling:
    id: str


@dataclass(frozen=True)
class Structure:
    quadrants: tuple[Quadrant, ...]
    domains: tuple[Domain, ...]
    feelings: tuple[Feeling, ...]
    fields_per_mode: dict[str, tuple[str, ...]]
    axes_per_mode: dict[str, str]  # "domains" or "quadrants" (krachtwerk/axes.py reads it)

    def note_fields(self, mode: Mode) -> tuple[str, ...]:
        """The short fields Krachten asks per chosen domain in this mode."""
        return self.fields_per_mode[mode]

    def quadrant(self, quadrant_id: str) -> Quadrant:
        return next(q for q in self.quadrants if q.id == quadrant_id)

    def domain(self, domain_id: str) -> Domain:
        return next(d for d in self.domains if d.id == domain_id)

    def domains_in(self, quadrant_id: str) -> tuple[Domain, ...]:
        return tuple(d for d in self.domains if d.quadrant == quadrant_id)

    @property
    def all_axis_ids(self) -> frozenset[str]:
        return frozenset(q.id for q in self.quadrants) | frozenset(d.id for d in self.domains)

    def axis_kind(self, axis_id: str) -> str:
        """The catalogue table an axis's texts live in: a quadrant's or a domain's."""
        if any(q.id == axis_id for q in self.quadrants):
            return "quadrants"
        if any(d.id == axis_id for d in self.domains):
            return "domains"
        raise KeyError(axis_id)

    def pictogram(self, axis_id: str) -> Path:
        for item in (*self.quadrants, *self.domains):
            if item.id == axis_id:
                return item.pictogram
        raise KeyError(axis_id)


def resolve(value: Any, mode: Mode, address: Address) -> Value:
    """Pick the most specific variant of a catalogue value."""
    if isinstance(value, dict):
        for key in (f"{mode}_{address}", mode, address, "default"):
            if key in value:
                return value[key]
        raise KeyError(f"no variant for {mode}/{address}")
    return value


@dataclass(frozen=True)
class Texts:
    """A catalogue seen from one conversation: its language, mode and form of address."""

    catalogue: Catalogue
    mode: Mode = "volwassene"
    address: Address = "je"

    def __call__(self, key: str, **values: object) -> str:
        text = self.value(key)
        if not isinstance(text, str):
            raise CatalogueError(f"{key} is a list, not a text")
        return text.format(**values) if values else text

    def value(self, key: str) -> Value:
        return resolve(self.catalogue.lookup(key), self.mode, self.address)

    def list(self, key: str) -> list[str]:
        value = self.value(key)
        return [value] if isinstance(value, str) else list(value)


@dataclass(frozen=True)
class Catalogue:
    language: Language
    data: dict[str, Any]

    def lookup(self, key: str) -> Any:
        node: Any = self.data
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                raise KeyError(f"catalogue {self.language}: missing {key}")
            node = node[part]
        return node

    def leaf_keys(self) -> list[str]:
        """Every leaf key (variants tables count as one leaf)."""
        return sorted(_leaf_keys(self.data, ""))

    def texts(self, mode: Mode = "volwassene", address: Address = "je") -> Texts:
        return Texts(self, mode, address)


def is_variants(node: Any) -> bool:
    return isinstance(node, dict) and bool(node) and set(node) <= VARIANT_KEYS


def _leaf_keys(node: Any, prefix: str) -> list[str]:
    if isinstance(node, dict) and not is_variants(node):
        keys: list[str] = []
        for name, child in node.items():
            keys += _leaf_keys(child, f"{prefix}{name}.")
        return keys
    return [prefix.rstrip(".")]


def check_value(key: str, value: Any) -> None:
    values = value.values() if is_variants(value) else [value]
    for item in values:
        if isinstance(item, str):
            ok = bool(item.strip())
        else:
            ok = (
                isinstance(item, list)
                and bool(item)
                and all(isinstance(s, str) and s.strip() for s in item)
            )
        if not ok:
            raise CatalogueError(f"{key}: expected non-empty text or list of texts, got {item!r}")
        for text in [item] if isinstance(item, str) else item:
            try:
                list(string.Formatter().parse(text))
            except ValueError as error:
                raise CatalogueError(f"{key}: bad placeholder in {text!r}") from error
    for mode in MODES:
        for address in ADDRESSES:
            try:
                resolve(value, mode, address)
            except KeyError as error:
                raise CatalogueError(f"{key}: {error.args[0]}") from error


def shipped_pictograms() -> frozenset[str]:
    """The file names of our pictograms: the ones an organisation may replace."""
    raw = tomllib.loads((CONTENT_DIR / "structure.toml").read_text(encoding="utf-8"))
    return frozenset(item["pictogram"] for kind in ("quadrants", "domains") for item in raw[kind])


def _pictogram(item: dict[str, Any], own: Mapping[str, Path]) -> Path:
    """Ours, or the organisation's own in its place (krachtwerk/organisation.py)."""
    return own.get(item["pictogram"], PICTOGRAM_DIR / item["pictogram"])


def axis_label(t: Texts, axis_id: str) -> str:
    """The name of a kompas axis (a domain, or a quadrant in mode eenvoudig)."""
    return t(f"{structure().axis_kind(axis_id)}.{axis_id}.label")


def date_text(t: Texts, date: dt.date, short: bool = False) -> str:
    """A date as this language writes it on screen (formats.date, formats.date_short)."""
    key = "formats.date_short" if short else "formats.date"
    return t(key, day=date.day, month=date.month, year=date.year, year2=date.year % 100)


def label_value(t: Texts, label: str, value: object) -> str:
    """ "Wanneer: zaterdag": how this language glues a label to its value."""
    return t("formats.label_value", label=label, value=value)


def with_note(t: Texts, text: str, note: object) -> str:
    """ "Wonen (3 → 6)": how this language adds a note to a text."""
    return t("formats.with_note", text=text, note=note)


def axis_in_sentence(t: Texts, axis_id: str) -> str:
    """The name of a kompas axis as it reads inside a sentence ("bij je mensen", "bij wonen")."""
    return t(f"{structure().axis_kind(axis_id)}.{axis_id}.in_sentence")


@functools.cache
def structure() -> Structure:
    """The shape of the method, with an organisation's own pictograms in place of ours."""
    return structure_with(overlay().pictograms)


@functools.cache
def structure_as_shipped() -> Structure:
    return structure_with({})


def structure_with(own_pictograms: Mapping[str, Path]) -> Structure:
    raw = tomllib.loads((CONTENT_DIR / "structure.toml").read_text(encoding="utf-8"))
    quadrants = tuple(
        Quadrant(q["id"], float(q["angle"]), q["colour"], q["ink"], _pictogram(q, own_pictograms))
        for q in raw["quadrants"]
    )
    quadrant_ids = {q.id for q in quadrants}
    domains = tuple(
        Domain(d["id"], d["quadrant"], _pictogram(d, own_pictograms)) for d in raw["domains"]
    )
    for domain in domains:
        if domain.quadrant not in quadrant_ids:
            raise CatalogueError(f"domain {domain.id}: unknown quadrant {domain.quadrant}")
    for item in (*quadrants, *domains):
        if not item.pictogram.is_file():
            raise CatalogueError(f"{item.id}: pictogram {item.pictogram.name} is missing")
    feelings = tuple(Feeling(f) for f in raw["feelings"])
    fields_per_mode = {mode: tuple(fields) for mode, fields in raw["note_fields"].items()}
    if missing := set(MODES) - fields_per_mode.keys():
        raise CatalogueError(f"note_fields: no fields for {sorted(missing)}")
    for mode, fields in fields_per_mode.items():
        if unknown := set(fields) - set(NOTE_FIELDS):
            raise CatalogueError(f"note_fields.{mode}: unknown fields {sorted(unknown)}")
    axes_per_mode = dict(raw["kompas_axes"])
    if missing := set(MODES) - axes_per_mode.keys():
        raise CatalogueError(f"kompas_axes: no axes for {sorted(missing)}")
    for mode, kind in axes_per_mode.items():
        if kind not in AXIS_KINDS:
            raise CatalogueError(f"kompas_axes.{mode}: {kind!r} is not one of {AXIS_KINDS}")
    return Structure(quadrants, domains, feelings, fields_per_mode, axes_per_mode)


@functools.cache
def catalogue(language: Language = "nl") -> Catalogue:
    """The validated catalogue of one language, with the organisation's own texts in it
    (krachtwerk/organisation.py); static data, so caching it is safe (design §9)."""
    return catalogue_with(language, overlay())


def catalogue_with(language: Language, changes: Overlay) -> Catalogue:
    """Our texts of one language with an organisation's changes (checked: load_overlay)."""
    shipped = catalogue_as_shipped(language)
    data = applied(shipped.data, language, changes)
    if data is shipped.data:
        return shipped
    try:
        return _validated(Catalogue(language, data))  # checked key by key already
    except CatalogueError as error:  # should not happen: then ours, and say why
        log.warning("%s: the organisation's texts are not used: %s", language, error)
        return shipped


@functools.cache
def catalogue_as_shipped(language: Language = "nl") -> Catalogue:
    """Our own texts of one language, checked.

    A page language (krachtwerk/languages.py) holds only the texts the fridge page prints."""
    if language not in described():
        raise CatalogueError(f"unknown language {language!r}")
    data: dict[str, Any] = {}
    parts = sorted((CONTENT_DIR / language).glob("*.toml"))
    if not parts:
        raise CatalogueError(f"no catalogue files for {language!r}")
    for path in parts:
        try:
            part = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as error:
            raise CatalogueError(f"{language}/{path.name}: {error}") from error
        if clash := data.keys() & part.keys():
            raise CatalogueError(f"{language}/{path.name}: {sorted(clash)} defined twice")
        data |= part
    return _validated(Catalogue(language, data))


def _validated(loaded: Catalogue) -> Catalogue:
    for key in loaded.leaf_keys():
        check_value(key, loaded.lookup(key))
    if described()[loaded.language].kind == "page":
        _check_page(loaded)
    else:
        _check_required(loaded)
    return loaded


def page_keys() -> list[str]:
    """Every text the fridge page prints, as the default language has them: what a page
    language must hold (and all it may hold)."""
    return [key for key in catalogue_as_shipped(DEFAULT).leaf_keys() if _on_page(key)]


def _on_page(key: str) -> bool:
    kind, _, rest = key.partition(".")
    return kind in PAGE_SECTIONS or (kind in AXIS_KINDS and rest.endswith(".label"))


def _check_page(loaded: Catalogue) -> None:
    wanted, held = set(page_keys()), set(loaded.leaf_keys())
    if missing := sorted(wanted - held):
        raise CatalogueError(f"catalogue {loaded.language}: missing {', '.join(missing)}")
    if extra := sorted(held - wanted):
        raise CatalogueError(f"catalogue {loaded.language}: not on the page: {', '.join(extra)}")


def _check_required(loaded: Catalogue) -> None:
    """Every id in the structure has its texts; the structure is the source of what must exist."""
    shape = structure_as_shipped()
    required = [f"quadrants.{q.id}.{f}" for q in shape.quadrants for f in QUADRANT_FIELDS]
    required += [f"domains.{d.id}.{f}" for d in shape.domains for f in DOMAIN_FIELDS]
    required += [f"feelings.{f.id}.{k}" for f in shape.feelings for k in FEELING_FIELDS]
    required += [f"lists.{name}" for name in LIST_FIELDS]
    for key in required:
        try:
            loaded.lookup(key)
        except KeyError as error:
            raise CatalogueError(str(error.args[0])) from error


QUADRANT_FIELDS = ("label", "scale_question")
DOMAIN_FIELDS = ("label", "short", "questions", "scale_question", "example_actions")
FEELING_FIELDS = ("label", "icon", "sentence")
LIST_FIELDS = ("qualities",)
PAGE_SECTIONS = ("pdf", "formats", "language")  # and the label of every domain and quadrant
