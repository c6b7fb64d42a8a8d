"""Hostile text in every text field, in a real browser (design §9): HTML and script tags, Markdown,
LaTeX, Streamlit directives, right-to-left script, emoji sequences, control characters, templating,
text past the limit and text of only spaces (corpus: tests/data/hostile.json).

What a person types must come back as typed: in the field, after walking the steps, in the
conversation file, and wherever the app shows it outside a field. Nothing may run, turn into
markup, break a step or make the page longer than one A4.

What Chromium and Streamlit 1.67 do with such text, found by trying and asserted below:
- A single-line field turns each line break (LF, CR, CRLF) into one space; a text area turns CR and
  CRLF into LF. Every other control or format character (NUL, BEL, ESC, DEL, VT, FF, NEL, U+2028,
  U+2029, zero-width joiner and space, bidi override) stays in the field as typed, and comes back
  unchanged through the server and the file.
- Streamlit refuses an edit that would make a field longer than its max_chars as a whole (its
  frontend drops the change): a paste of too-long text leaves the field as it was, typing stops at
  the limit. The limit counts UTF-16 code units, as JavaScript does.
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from playwright.sync_api import Locator, expect

from krachtwerk.conversation_file import read_conversation, write_conversation
from krachtwerk.figure import alt_text
from krachtwerk.model import MAX_TEXT, Conversation, Kompas
from krachtwerk.ui.actie import pill_text
from krachtwerk.ui.layout import STEPS
from tests.browser.kit import (
    ROOT,
    App,
    Server,
    pdf_text,
    script_traces,
)

CORPUS: dict[str, str] = {
    entry["name"]: entry["text"]
    for entry in json.loads((ROOT / "tests/data/hostile.json").read_text(encoding="utf-8"))
}
NAMES = list(CORPUS)
GROUPS = [NAMES[start::3] for start in range(3)]  # each group mixes markup, scripts and odd text
GROUP_IDS = [f"group{number}" for number in range(1, len(GROUPS) + 1)]

DOMAINS = ("gezin", "werk")
FOCUS = "gezin"
FOCUS_SCORE = 6
NOTE_FIELDS = ("now", "past", "wish", "helpers")
OWN_QUALITY = "own_quality"  # not a model field: "Voeg toe" moves it into the qualities
OWN_QUALITY_LIMIT = 80  # krachtwerk/ui/krachten.py


@dataclass(frozen=True)
class Field:
    """One text field: where it is, where the conversation keeps it, and its max_chars."""

    step: str
    path: str  # attribute path from the Conversation, e.g. "current.validation.coping"
    label: Callable[[App], str]
    limit: int
    multiline: bool
    domain: str | None = None  # a note field, on this domain's card
    leave: str = "Tab"  # Shift+Tab where Tab would open the next date input's calendar

    def box(self, app: App) -> Locator:
        if self.domain is None:
            return app.box(self.label(app))
        card = app.domain_card(self.domain)
        return card.get_by_role("textbox", name=self.label(app), exact=True)


def text_of(key: str) -> Callable[[App], str]:
    return lambda app: app.t(key)


def kompas_text(key: str) -> Callable[[App], str]:
    """The follow-up questions name the focus and its score."""
    return lambda app: app.t(
        key, axis=app.axis_in_sentence(FOCUS), score=FOCUS_SCORE, higher=FOCUS_SCORE + 1
    )


# Limits as the widgets set them: MAX_TEXT unless krachtwerk/ui/*.py or pages/*.py say otherwise.
FIELDS = [
    Field("start", "resident.name", text_of("start.settings.resident_name"), MAX_TEXT, False),
    Field(
        "start", "professional.name", text_of("start.settings.professional_name"), MAX_TEXT, False
    ),
    Field(
        "start",
        "professional.contact",
        text_of("start.settings.professional_contact"),
        MAX_TEXT,
        False,
        leave="Shift+Tab",
    ),
    Field("erkenning", "current.validation.situation", text_of("erkenning.situation"), 600, True),
    Field(
        "erkenning",
        "current.validation.acknowledgement",
        text_of("erkenning.acknowledgement"),
        MAX_TEXT,
        True,
    ),
    Field(
        "erkenning",
        "current.validation.coping",
        text_of("erkenning.coping.question"),
        MAX_TEXT,
        True,
    ),
    *(
        Field(
            "krachten",
            f"current.strengths.domains.{domain}.{name}",
            text_of(f"krachten.fields.{name}"),
            MAX_TEXT,
            True,
            domain,
        )
        for domain in DOMAINS
        for name in NOTE_FIELDS
    ),
    Field("krachten", OWN_QUALITY, text_of("krachten.qualities.own"), OWN_QUALITY_LIMIT, False),
    Field(
        "kompas",
        "current.kompas.why_not_lower",
        kompas_text("kompas.why_not_lower"),
        MAX_TEXT,
        True,
    ),
    Field(
        "kompas", "current.kompas.one_step_up", kompas_text("kompas.one_step_up"), MAX_TEXT, True
    ),
    Field("actie", "current.action.what", text_of("actie.what"), 500, True),
    Field("actie", "current.action.when", text_of("actie.when"), 200, False),
    Field("actie", "current.action.with_whom", text_of("actie.with_whom"), 200, False),
    Field("actie", "current.action.done_when", text_of("actie.done_when"), 300, False),
    Field("actie", "current.action.goal", text_of("actie.goal"), 300, False, leave="Shift+Tab"),
]
WHAT_HELPED = Field(
    "erkenning",
    "current.review.what_helped",
    text_of("erkenning.review.what_helped"),
    MAX_TEXT,
    True,
)
COPING = next(f for f in FIELDS if f.path.endswith(".coping"))
OWN = next(f for f in FIELDS if f.path == OWN_QUALITY)
WHY_NOT_LOWER = next(f for f in FIELDS if f.path.endswith(".why_not_lower"))
ONE_STEP_UP = next(f for f in FIELDS if f.path.endswith(".one_step_up"))
WHAT = next(f for f in FIELDS if f.path.endswith(".what"))


# --- what the browser makes of typed text -------------------------------------------------------


def in_field(text: str, multiline: bool) -> str:
    """What Chromium puts in a field when this text is typed or pasted."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text if multiline else text.replace("\n", " ")


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def put(app: App, field: Field, text: str) -> str:
    """Type text into the field and leave it; returns what the field holds, checked."""
    box = field.box(app)
    typed = in_field(text, field.multiline)
    if utf16_length(typed) > field.limit:
        return type_past_limit(app, box, typed, field.limit, field.leave)
    app.commit(box, text, field.leave)
    expect(box).to_have_value(typed)
    return typed


def type_past_limit(app: App, box: Locator, text: str, limit: int, leave: str) -> str:
    """Too long for the field: a paste is refused whole; typed key by key, each character goes in
    while it fits, so the field ends at the limit (a two-unit emoji at the last unit stays out)."""
    head = ""
    for char in text:
        if utf16_length(head + char) > limit - 5:
            break
        head += char
    tail = text[len(head) : len(head) + 10]  # typing the rest one key at a time
    assert not {"\t", "\n"} & set(tail), "Tab would leave the field, Enter would submit it"
    expected = head
    for char in tail:
        if utf16_length(expected + char) <= limit:
            expected += char
    box.scroll_into_view_if_needed()
    box.fill("Eerst dit.")  # not yet left, so nothing is sent and nothing reruns
    box.fill(text)
    expect(box).to_have_value("Eerst dit.")
    box.fill(head)
    box.press_sequentially(tail)
    expect(box).to_have_value(expected)
    with app.rerun():
        box.press(leave)
    expect(box).to_have_value(expected)
    return expected


UNDRAWN = {"\ufffd", "\u2060"}  # Markdown shows NUL as U+FFFD; fields.plain adds word joiners


def visible(text: str) -> str:
    """Text as a person reads it: control characters and word joiners draw nothing, and HTML
    collapses runs of whitespace."""
    drawn = (
        c for c in text if c.isspace() or (unicodedata.category(c) != "Cc" and c not in UNDRAWN)
    )
    return " ".join("".join(drawn).split())


# --- where the app shows resident text outside a field ------------------------------------------

MARKUP = ", ".join(
    [
        *("a", "img", "svg", "iframe", "script", "style", "strong", "em", "del", "s", "code"),
        *("pre", "table", "hr", "ul", "ol", "blockquote"),
        *(f"h{level}" for level in range(1, 7)),
        ".katex",
        "[data-testid='stIconMaterial']",
        "[role='img']",
    ]
)


def markup_in(region: Locator) -> Counter[str]:
    """Every element inside the region that typed text could have made by being interpreted."""
    found = region.evaluate(
        "(el, selector) => [...el.querySelectorAll(selector)].map(e => e.tagName.toLowerCase())",
        MARKUP,
    )
    return Counter(found)


def assert_literal(region: Locator, expected: str, own_markup: dict[str, int]) -> None:
    """The region shows exactly this text, and no markup beyond the app's own."""
    region.scroll_into_view_if_needed()
    assert visible(region.inner_text()) == visible(expected)
    assert markup_in(region) == Counter(own_markup)


def coping_box(app: App) -> Locator:
    success = app.page.get_by_test_id("stAlertContentSuccess")
    return success.get_by_test_id("stMarkdownContainer")


def quote(app: App) -> Locator:
    """The block that quotes resident text: the review on Erkenning, the step up on Actie."""
    return app.page.get_by_test_id("stMarkdownContainer").filter(has=app.page.locator("blockquote"))


def quality_pills(app: App) -> Locator:
    group = app.page.get_by_role("toolbar", name=app.t("krachten.qualities.label"), exact=True)
    return group.get_by_role("button")


def strength_pills(app: App) -> Locator:
    group = app.page.get_by_role("toolbar", name=app.t("actie.strengths.label"), exact=True)
    return group.get_by_role("button")


def strength_options(app: App) -> list[str]:
    """What the strengths on Actie offer, as the pills show them (a long one by its start)."""
    shown = []
    for pill in strength_pills(app).all():
        assert markup_in(pill) == Counter()
        shown.append(visible(pill.inner_text()))
    return shown


def choose_every_strength(app: App) -> list[str]:
    """Press the offered strengths one by one, as far as the page takes them (three); returns
    what each pill showed."""
    chosen: list[str] = []
    for pill in strength_pills(app).all()[:3]:
        chosen.append(visible(pill.inner_text()))
        pill.scroll_into_view_if_needed()
        with app.rerun():
            pill.click()
    return chosen


def add_own_quality(app: App, text: str) -> str:
    """Type an own quality and press Voeg toe; returns what was added ("" for nothing)."""
    before = quality_pills(app).count()
    held = put(app, OWN, text)
    with app.rerun():
        app.page.get_by_role("button", name=app.t("krachten.qualities.add")).click()
    expect(OWN.box(app)).to_have_value("")
    added = held.strip()
    expect(quality_pills(app)).to_have_count(before + (1 if added else 0))
    return added


def follow_up_file(previous_action: str) -> bytes:
    """A saved follow-up conversation: last time's action, and today's focus already chosen."""
    conversation = Conversation()
    conversation.current.action.what = previous_action
    conversation.start_follow_up()
    conversation.current.kompas.scores = {FOCUS: FOCUS_SCORE}
    conversation.current.kompas.focus = FOCUS
    return write_conversation(conversation)


def open_file(app: App, data: bytes) -> None:
    app.upload(app.t("start.open.label"), data, "gesprek.json", "application/json")
    app.assert_no_error()


def go(app: App, step: str) -> None:
    """App.go, but finds the step's own title among the level-1 headings: resident text made
    into a heading must fail the literal check, not the way there."""
    with app.rerun():
        app.page.get_by_role("link", name=app.step_link(step), exact=True).click()
    progress = app.t("steps.progress", number=STEPS.index(step) + 1, total=len(STEPS))
    expect(app.page.get_by_text(progress, exact=True)).to_be_visible()
    title = app.t(f"steps.{step}.title")
    expect(app.page.get_by_role("heading", level=1, name=title, exact=True)).to_be_visible()
    app.assert_no_error()
    assert not script_traces(app)


def show_everywhere(app: App, name: str) -> None:
    """One corpus text through every place that shows resident text outside a field, each
    checked to show it literally. Begins and ends on Start."""
    text = CORPUS[name]
    previous_action = text[:MAX_TEXT]
    open_file(app, follow_up_file(previous_action))

    go(app, "erkenning")
    assert_literal(quote(app), previous_action, {"blockquote": 1})
    coping = put(app, COPING, text)

    go(app, "krachten")
    if coping.strip():
        assert_literal(coping_box(app), f"{app.t('krachten.coping')} {coping}", {"strong": 1})
    else:
        expect(app.page.get_by_test_id("stAlertContentSuccess")).to_have_count(0)
    own = add_own_quality(app, text)
    if own:
        assert_literal(quality_pills(app).last, own, {})

    go(app, "kompas")
    why = put(app, WHY_NOT_LOWER, text)
    step_up = put(app, ONE_STEP_UP, text)

    go(app, "actie")
    if step_up.strip():
        assert_literal(quote(app), step_up, {"blockquote": 1})
    else:
        expect(quote(app)).to_have_count(0)
    offered = [visible(pill_text(x)) for x in (own, coping.strip(), why.strip()) if x.strip()]
    assert sorted(set(strength_options(app))) == sorted(set(offered))
    go(app, "start")


def assert_server_quiet(server: Server) -> None:
    """No exception, and no resident text in the log (design §9)."""
    log = server.output()
    assert "Traceback" not in log
    assert " failed: " not in log  # the frame logs a failing step without a traceback
    for marker in ("__pwned", "evil.example", "gnirts", "ingesprongen", "Zin 0001"):
        assert marker not in log


# --- the tests ----------------------------------------------------------------------------------


def assignment(group: list[str]) -> dict[str, str]:
    """Field path -> corpus entry: the group's entries in turn, so each lands in several fields."""
    return {field.path: group[index % len(group)] for index, field in enumerate(FIELDS)}


def stored(conversation: Conversation, path: str) -> object:
    value: object = conversation
    for part in path.split("."):
        value = value[part] if isinstance(value, dict) else getattr(value, part)
    return value


def assert_fields_hold(app: App, step: str, held: dict[str, str]) -> None:
    for field in FIELDS:
        if field.step == step:
            expected = "" if field.path == OWN_QUALITY else held[field.path]
            expect(field.box(app)).to_have_value(expected)


def kompas_in_words(app: App) -> Locator:
    expander = app.page.get_by_test_id("stExpander").filter(has_text=app.t("kompas.in_words"))
    expander.get_by_text(app.t("kompas.in_words")).click()
    return expander.get_by_test_id("stExpanderDetails")


@pytest.mark.parametrize("group", GROUPS, ids=GROUP_IDS)
def test_hostile_text_in_every_field(app: App, server: Server, group: list[str]):
    """Every field of a new conversation gets hostile text; it stays as typed on screen, after
    walking back over every step, and in the file; nothing runs, the page stays one A4."""
    plan = assignment(group)
    assert set(plan) == {field.path for field in FIELDS}
    assert set(plan.values()) == set(group)
    held: dict[str, str] = {}
    # By the step links: kit's next/previous find "Volgende"/"Vorige" by substring, and a chosen
    # strength's remove button is named after its text ("…alineavolgende…").
    for step in STEPS:
        app.go(step)
        if step == "krachten":
            for domain in DOMAINS:
                app.tick(app.t(f"domains.{domain}.label"))
        if step == "kompas":
            app.score(FOCUS, FOCUS_SCORE)
            app.pick_option(app.t("kompas.focus.label"), app.axis_label(FOCUS))
        for field in (f for f in FIELDS if f.step == step):
            if field is OWN:
                held[OWN_QUALITY] = add_own_quality(app, CORPUS[plan[OWN_QUALITY]])
            else:
                held[field.path] = put(app, field, CORPUS[plan[field.path]])
        if step == "kompas":
            kompas = Kompas(scores={FOCUS: FOCUS_SCORE}, focus=FOCUS)
            expect(kompas_in_words(app)).to_have_text(alt_text(app.t, app.mode, kompas))
        if step == "actie":  # the hostile strengths go on the page too
            coping, why = (held[f.path].strip() for f in (COPING, WHY_NOT_LOWER))
            strengths = [s for s in dict.fromkeys([held[OWN_QUALITY], coping, why]) if s]
            assert choose_every_strength(app) == [visible(pill_text(s)) for s in strengths]
        app.assert_no_error()
        assert not script_traces(app)

    pages, _ = pdf_text(app.download_pdf()[1])
    assert pages == 1
    saved = read_conversation(app.download_file()[1])
    for field in FIELDS:
        if field is OWN:
            own = held[OWN_QUALITY]
            assert saved.current.strengths.qualities == ([own] if own else [])
        else:
            assert stored(saved, field.path) == held[field.path], field.path
    assert saved.current.action.shown_strengths == strengths

    for step in reversed(STEPS[:-1]):
        app.go(step)
        assert_fields_hold(app, step, held)
        app.assert_no_error()
        assert not script_traces(app)
    assert_server_quiet(server)


@pytest.mark.parametrize("group", GROUPS, ids=GROUP_IDS)
def test_resident_text_is_shown_as_typed(app: App, server: Server, group: list[str]):
    """Each corpus text in every place the app shows resident text outside a field: the review
    quote, the coping strength, the own-quality pill, the step-up quote, the strengths list."""
    for name in group:
        show_everywhere(app, name)
    assert_server_quiet(server)


def test_follow_up_review_field_and_a_hostile_file(app: App, server: Server):
    """The review field only shows in a follow-up: save a conversation whose action is hostile,
    open that file (which begins the follow-up), then fill the review field with hostile text."""
    app.go("actie")
    action = put(app, WHAT, CORPUS["markdown_inline"])
    app.go("afronden")
    saved = app.download_file()[1]

    app.go("start")
    open_file(app, saved)  # a finished meeting: today's follow-up begins by itself
    question = app.page.get_by_role("heading", name=app.t("start.follow_up.title"), exact=True)
    expect(question).to_be_visible()
    app.go("erkenning")
    assert_literal(quote(app), action, {"blockquote": 1})
    held = ""
    for name in ("svg_onload", "control_chars", "rtl_mixed", "emoji_joiners", "templating", "long"):
        held = put(app, WHAT_HELPED, CORPUS[name])
        app.assert_no_error()
        assert not script_traces(app)

    app.go("afronden")
    pages, _ = pdf_text(app.download_pdf()[1])
    assert pages == 1
    follow_up = read_conversation(app.download_file()[1])
    assert len(follow_up.meetings) == 2
    assert follow_up.meetings[0].action.what == action
    assert follow_up.current.review.previous_action == action
    assert follow_up.current.review.what_helped == held == CORPUS["long"][:MAX_TEXT]
    app.go("erkenning")
    expect(WHAT_HELPED.box(app)).to_have_value(held)
    assert_server_quiet(server)


def test_only_spaces_count_as_empty(app: App, server: Server):
    """Spaces are no answer: no strength, no quality, no quote, no example blocked, and a domain
    with only spaces in its notes can be unticked. The file keeps the spaces as typed."""
    spaces = CORPUS["only_spaces"]
    app.go("erkenning")
    put(app, COPING, spaces)
    app.go("krachten")
    expect(app.page.get_by_test_id("stAlertContentSuccess")).to_have_count(0)
    assert add_own_quality(app, spaces) == ""
    gezin = app.t(f"domains.{FOCUS}.label")
    app.tick(gezin)
    for field in (f for f in FIELDS if f.domain == FOCUS):
        put(app, field, spaces)
    app.tick(gezin)  # untick: notes of only spaces are no notes, so the domain goes
    expect(app.page.get_by_role("checkbox", name=gezin, exact=True)).not_to_be_checked()
    expect(app.page.get_by_text(app.t("krachten.keep_notes", domain=gezin))).to_have_count(0)
    expect(app.page.get_by_role("heading", name=gezin, exact=True)).to_have_count(0)

    app.go("kompas")
    app.score(FOCUS, FOCUS_SCORE)
    app.pick_option(app.t("kompas.focus.label"), app.axis_label(FOCUS))
    put(app, WHY_NOT_LOWER, spaces)
    put(app, ONE_STEP_UP, spaces)

    app.go("actie")
    expect(quote(app)).to_have_count(0)
    put(app, WHAT, spaces)
    assert strength_options(app) == []
    app.page.get_by_text(app.t("actie.examples.title")).click()
    takes = app.page.get_by_role("button", name=app.t("actie.examples.take"), exact=True)
    expect(takes.first).to_be_visible()
    for take in takes.all():
        expect(take).to_be_enabled()
    app.assert_no_error()

    app.go("afronden")
    saved = read_conversation(app.download_file()[1]).current
    assert saved.validation.coping == spaces
    assert saved.strengths.qualities == []
    assert saved.strengths.domains == {}
    assert saved.kompas.why_not_lower == saved.kompas.one_step_up == spaces
    assert saved.action.what == spaces
    assert_server_quiet(server)
