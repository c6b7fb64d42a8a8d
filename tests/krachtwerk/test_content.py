"""The content catalogue (design §4): complete in every language, mode and form of address."""

from __future__ import annotations

import itertools
import re
import string

import pytest

from krachtwerk.content import catalogue, structure
from krachtwerk.content.catalogue import resolve
from krachtwerk.model import ADDRESSES, LANGUAGES, MODES

COMBOS = list(itertools.product(MODES, ADDRESSES))
# Keys that name the forms of address themselves.
ABOUT_ADDRESS = {"start.settings.address_je", "start.settings.address_u", "file.places.address"}
JE_WORDS = re.compile(r"\b(je|jij|jou|jouw|jezelf)\b", re.IGNORECASE)
U_WORDS = re.compile(r"\b(u|uw|uzelf)\b", re.IGNORECASE)


def resolved_texts(language: str, mode: str, address: str) -> dict[str, list[str]]:
    cat = catalogue(language)
    result = {}
    for key in cat.leaf_keys():
        value = resolve(cat.lookup(key), mode, address)
        result[key] = [value] if isinstance(value, str) else list(value)
    return result


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_language_has_the_same_keys() -> None:
    keys = {language: set(catalogue(language).leaf_keys()) for language in LANGUAGES}
    assert keys["nl"] == keys["en"]


@pytest.mark.parametrize(("mode", "address"), COMBOS)
def test_placeholders_match_across_languages(mode: str, address: str) -> None:
    nl = resolved_texts("nl", mode, address)
    en = resolved_texts("en", mode, address)
    for key, texts in nl.items():
        if len(texts) == 1 and len(en[key]) == 1:
            assert placeholders(texts[0]) == placeholders(en[key][0]), key


# For each form of address, the words of the other form.
OTHER_FORM = {"u": JE_WORDS, "je": U_WORDS}


@pytest.mark.parametrize(("mode", "address"), COMBOS)
def test_no_text_uses_the_other_form_of_address(mode: str, address: str) -> None:
    wrong = {
        key: text
        for key, texts in resolved_texts("nl", mode, address).items()
        for text in texts
        if OTHER_FORM[address].search(text)
        and not key.startswith("tips.")
        and key not in ABOUT_ADDRESS
    }
    assert not wrong


@pytest.mark.parametrize(
    ("language", "mode", "address"), [(lang, *c) for lang in LANGUAGES for c in COMBOS]
)
def test_every_domain_has_two_to_four_questions_and_examples(
    language: str, mode: str, address: str
) -> None:
    t = catalogue(language).texts(mode, address)
    for domain in structure().domains:
        assert 2 <= len(t.list(f"domains.{domain.id}.questions")) <= 4, domain.id
        assert t.list(f"domains.{domain.id}.example_actions"), domain.id
        assert t(f"domains.{domain.id}.label")


def test_every_feeling_has_a_label_an_icon_and_a_sentence() -> None:
    for language, (mode, address) in itertools.product(LANGUAGES, COMBOS):
        t = catalogue(language).texts(mode, address)
        for feeling in structure().feelings:
            assert t(f"feelings.{feeling.id}.label")
            assert len(t(f"feelings.{feeling.id}.icon")) == 1
            assert t(f"feelings.{feeling.id}.sentence").endswith((".", "!"))


def test_the_default_domains_and_quadrants_of_the_spec() -> None:
    shape = structure()
    assert [d.id for d in shape.domains] == [
        "lichaam", "gevoel", "zingeving", "gezin", "netwerk",
        "wonen", "geld", "dagelijks", "werk", "vrije_tijd",
    ]  # fmt: skip
    assert {d.id: d.quadrant for d in shape.domains}["geld"] == "thuis"
    assert [q.id for q in shape.quadrants] == ["ik", "mensen", "thuis", "dagen"]
    nl = catalogue("nl").texts()
    assert nl("domains.zingeving.label") == "Zingeving, geloof en cultuur"
    assert nl("quadrants.mensen.label") == "Mijn mensen"
    assert catalogue("en").texts()("domains.netwerk.label") == "Friends, neighbours, network"


def test_every_pictogram_exists_once() -> None:
    shape = structure()
    pictograms = [item.pictogram for item in (*shape.quadrants, *shape.domains)]
    assert len(set(pictograms)) == 14
    assert all(path.is_file() for path in pictograms)
