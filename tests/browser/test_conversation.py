"""The whole conversation in each mode, as the professional and the resident do it at one screen:
type, pick chips, set scores, click the focus on the kompas, write the action, download the page
and the file. Then walk back and forth over all steps twice: nothing may be lost."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pytest
from playwright.sync_api import expect

from krachtwerk.axes import mode_axes
from krachtwerk.conversation_file import read_conversation
from krachtwerk.model import Conversation, DomainNotes
from krachtwerk.ui.actie import pill_text
from krachtwerk.ui.layout import STEPS
from tests.browser.kit import App, pdf_text, squash

NOTE_FIELDS = tuple(DomainNotes.model_fields)


@dataclass(frozen=True)
class Plan:
    """Everything one conversation fills in, per mode."""

    mode: str
    address: str
    resident: str
    professional: str
    contact: str
    situation: str
    feelings: tuple[str, str]
    coping: str
    domains: tuple[str, str]
    notes: dict[str, str]
    qualities: tuple[int, int]  # positions in the catalogue's list of qualities
    own_quality: str
    focus: str
    why_not_lower: str
    one_step_up: str
    action: dict[str, str] = field(default_factory=dict)

    def scores(self) -> dict[str, int]:
        """A different score per axis, so a mix-up between axes shows."""
        return {axis: (3 + 2 * i) % 11 for i, axis in enumerate(mode_axes(self.mode).ids)}


PLANS = [
    Plan(
        mode="volwassene",
        address="u",
        resident="Henk",
        professional="Marloes",
        contact="06-11223344",
        situation="Sinds de verhuizing zit ik veel thuis. De trap is zwaar.",
        feelings=("eenzaam", "hoopvol"),
        coping="Elke ochtend maak ik een rondje door de flat.",
        domains=("netwerk", "wonen"),
        notes={
            "now": "De buurvrouw brengt soms soep.",
            "past": "Ik zat bij de biljartclub.",
            "wish": "Weer een vaste avond met mensen.",
            "helpers": "Mijn dochter Ellen.",
        },
        qualities=(0, 3),
        own_quality="Ik kan goed vertellen",
        focus="netwerk",
        why_not_lower="De buurvrouw komt elke week langs.",
        one_step_up="Eén avond per week onder de mensen.",
        action={
            "what": "Donderdag om 19 uur naar de biljartavond in het buurthuis",
            "when": "Donderdag 19:00",
            "with_whom": "Buurman Kees",
            "done_when": "Ik heb twee avonden meegedaan",
            "goal": "Minder alleen thuis zitten",
        },
    ),
    Plan(
        mode="jongere",
        address="je",
        resident="Lotte",
        professional="Sem",
        contact="sem@wijkteam.example",
        situation="Op school gaat het niet lekker. Ik slaap slecht.",
        feelings=("moe", "boos"),
        coping="Ik ga dan gamen met mijn neef.",
        domains=("werk", "vrije_tijd"),
        notes={
            "now": "Tekenen gaat goed.",
            "past": "In groep 8 had ik een maatje.",
            "wish": "Een rustige plek om huiswerk te maken.",
            "helpers": "Mentor Yusuf.",
        },
        qualities=(1, 2),
        own_quality="Ik teken mooie strips",
        focus="werk",
        why_not_lower="Ik ga nog elke dag naar school.",
        one_step_up="Twee keer per week huiswerk af.",
        action={
            "what": "Dinsdag na school een uur huiswerk in de bieb",
            "when": "Dinsdag 15:30",
            "with_whom": "Mijn neef Daan",
            "done_when": "Ik heb drie dinsdagen gedaan",
            "goal": "Mijn diploma halen",
        },
    ),
    Plan(
        mode="eenvoudig",
        address="je",
        resident="Amal",
        professional="Ruud",
        contact="0800-1234",
        situation="Ik woon nu alleen. Post is moeilijk.",
        feelings=("bang", "op"),
        coping="Ik bel mijn zus elke dag.",
        domains=("geld", "gezin"),
        notes={  # eenvoudig asks two of the four
            "now": "Ik betaal de huur op tijd.",
            "helpers": "De buurtcoach.",
        },
        qualities=(0, 4),
        own_quality="Ik vraag om hulp",
        focus="thuis",
        why_not_lower="Ik kook elke dag.",
        one_step_up="Eén brief per week zelf lezen.",
        action={
            "what": "Maandag samen met Ruud één brief openen",
            "when": "Maandag 10:00",
            "with_whom": "Ruud",
            "done_when": "De brief is gelezen",
            "goal": "Zelf mijn post doen",
        },
    ),
]


def feeling_chip(app: App, feeling: str) -> str:
    """The pill's accessible name: its emoji is hidden from screen readers."""
    return app.t(f"feelings.{feeling}.label")


def quality_words(app: App, plan: Plan) -> list[str]:
    options = app.t.list("lists.qualities")
    return [options[i] for i in plan.qualities]


def fill_start(app: App, plan: Plan) -> None:
    app.fill(app.t("start.settings.resident_name"), plan.resident)
    app.fill(app.t("start.settings.professional_name"), plan.professional)
    app.fill(app.t("start.settings.professional_contact"), plan.contact)
    app.choose(app.t(f"start.settings.address_{plan.address}"))
    app.address = plan.address
    app.choose(app.t(f"start.settings.mode_{plan.mode}"))
    app.mode = plan.mode


def validating_sentence(app: App, plan: Plan) -> str:
    """What "Gebruik" puts in the acknowledgement: the sentence for the first feeling."""
    return app.t(f"feelings.{plan.feelings[0]}.sentence")


def fill_erkenning(app: App, plan: Plan) -> None:
    app.fill(app.t("erkenning.situation"), plan.situation)
    first, second = plan.feelings
    app.toggle_chip(feeling_chip(app, first))
    # the validating sentence for the first feeling goes into the field with one click, in the
    # professional's folded panel: not on the shared screen before it is said
    sentence = validating_sentence(app, plan)
    expect(app.page.get_by_text(sentence)).not_to_be_visible()
    app.open_panel(app.t("erkenning.sentences.title"))
    expect(app.page.get_by_text(sentence)).to_be_visible()
    with app.rerun():
        app.page.get_by_role("button", name=app.t("erkenning.sentences.take")).first.click()
    expect(app.box(app.t("erkenning.acknowledgement"))).to_have_value(sentence)
    app.toggle_chip(feeling_chip(app, second))
    app.fill(app.t("erkenning.coping.question"), plan.coping)


def fill_krachten(app: App, plan: Plan) -> None:
    expect(app.page.get_by_text(plan.coping)).to_be_visible()  # the coping answer came along
    for domain in plan.domains:
        app.tick(app.t(f"domains.{domain}.label"))
    box = app.domain_card(plan.domains[0])
    for name, text in plan.notes.items():
        app.commit(
            box.get_by_role("textbox", name=app.t(f"krachten.fields.{name}"), exact=True), text
        )
    for word in quality_words(app, plan):
        app.toggle_chip(word)
    app.fill(app.t("krachten.qualities.own"), plan.own_quality)
    with app.rerun():
        app.page.get_by_role("button", name=app.t("krachten.qualities.add")).click()
    expect(app.chip(plan.own_quality)).to_be_visible()


def fill_kompas(app: App, plan: Plan) -> None:
    for axis, value in plan.scores().items():
        app.score(axis, value)
    app.click_kompas_axis(plan.focus)
    focus_label = app.t("kompas.focus.label")
    expect(app.page.get_by_role("combobox", name=focus_label, exact=True)).to_be_visible()
    assert app.axis_label(plan.focus) in app.combobox_shows(focus_label)
    score = plan.scores()[plan.focus]
    label = app.axis_in_sentence(plan.focus)
    app.fill(app.t("kompas.why_not_lower", axis=label, score=score), plan.why_not_lower)
    higher = min(score + 1, 10)
    app.fill(app.t("kompas.one_step_up", axis=label, score=score, higher=higher), plan.one_step_up)


def fill_actie(app: App, plan: Plan) -> None:
    for name, text in plan.action.items():
        app.fill(app.t(f"actie.{name}"), text)
    for strength in (plan.coping, plan.own_quality):
        app.toggle_chip(pill_text(strength))  # a long strength shows by its start


def check_step(app: App, plan: Plan, step: str, sentence: str) -> None:
    """Everything typed on this step is on screen again."""
    t = app.t
    app.assert_no_error()
    if step == "start":
        assert app.value(t("start.settings.resident_name")) == plan.resident
        assert app.value(t("start.settings.professional_name")) == plan.professional
        assert app.value(t("start.settings.professional_contact")) == plan.contact
        for option in (f"address_{plan.address}", f"mode_{plan.mode}"):
            radio = app.page.get_by_role("radio", name=t(f"start.settings.{option}"), exact=True)
            expect(radio).to_be_checked()
    elif step == "erkenning":
        assert app.value(t("erkenning.situation")) == plan.situation
        assert app.value(t("erkenning.acknowledgement")) == sentence
        assert app.value(t("erkenning.coping.question")) == plan.coping
        chosen = app.chosen_chips(t("erkenning.feelings"))
        assert sorted(chosen) == sorted(feeling_chip(app, f) for f in plan.feelings)
    elif step == "krachten":
        for domain in plan.domains:
            ticked = app.page.get_by_role("checkbox", name=t(f"domains.{domain}.label"), exact=True)
            expect(ticked).to_be_checked()
        box = app.domain_card(plan.domains[0])
        for name, text in plan.notes.items():
            field = box.get_by_role("textbox", name=t(f"krachten.fields.{name}"), exact=True)
            expect(field).to_have_value(text)
        chosen = app.chosen_chips(t("krachten.qualities.label"))
        assert sorted(chosen) == sorted([*quality_words(app, plan), plan.own_quality])
    elif step == "kompas":
        for axis, value in plan.scores().items():
            assert app.shown_score(axis) == str(value), axis
        assert app.axis_label(plan.focus) in app.combobox_shows(t("kompas.focus.label"))
        expect(app.page.get_by_role("textbox").filter(has_text=plan.why_not_lower)).to_have_count(1)
    elif step == "actie":
        for name, text in plan.action.items():
            assert app.value(t(f"actie.{name}")) == text, name
        chosen = app.chosen_chips(t("actie.strengths.label"))
        assert sorted(chosen) == sorted(pill_text(s) for s in (plan.coping, plan.own_quality))
    elif step == "afronden":
        expect(app.page.get_by_role("button", name=t("afronden.download_pdf"))).to_be_visible()


def check_file(saved: Conversation, plan: Plan, sentence: str) -> None:
    assert saved.resident.name == plan.resident
    assert saved.resident.address == plan.address
    assert saved.mode == plan.mode
    assert saved.professional.name == plan.professional
    assert saved.professional.contact == plan.contact
    meeting = saved.current
    assert meeting.validation.situation == plan.situation
    assert sorted(meeting.validation.feelings) == sorted(plan.feelings)
    assert meeting.validation.acknowledgement == sentence
    assert meeting.validation.coping == plan.coping
    assert sorted(meeting.strengths.domains) == sorted(plan.domains)
    notes = meeting.strengths.domains[plan.domains[0]]
    written = {name: getattr(notes, name) for name in NOTE_FIELDS}
    assert written == {name: plan.notes.get(name, "") for name in NOTE_FIELDS}
    assert plan.own_quality in meeting.strengths.qualities
    assert meeting.kompas.scores == plan.scores()
    assert meeting.kompas.focus == plan.focus
    assert meeting.kompas.why_not_lower == plan.why_not_lower
    assert meeting.kompas.one_step_up == plan.one_step_up
    for name, text in plan.action.items():
        assert getattr(meeting.action, name) == text, name
    assert meeting.action.shown_strengths == [plan.coping, plan.own_quality]


@pytest.mark.parametrize("plan", PLANS, ids=[p.mode for p in PLANS])
def test_whole_conversation_then_back_and_forth_twice(app: App, plan: Plan, server):
    fillers = {
        "start": lambda: fill_start(app, plan),
        "erkenning": lambda: fill_erkenning(app, plan),
        "krachten": lambda: fill_krachten(app, plan),
        "kompas": lambda: fill_kompas(app, plan),
        "actie": lambda: fill_actie(app, plan),
    }
    for index, step in enumerate(STEPS):
        if index:
            app.next()
        app.expect_step(step)
        fillers.get(step, lambda: None)()
        app.assert_no_error()
    sentence = validating_sentence(app, plan)

    pdf_name, pdf = app.download_pdf()
    pages, text = pdf_text(pdf)
    assert pages == 1
    assert squash(plan.action["what"]) in squash(text)
    assert squash(plan.resident) in squash(text)
    assert pdf_name == f"krachtkompas-{dt.date.today():%Y-%m-%d}.pdf"
    file_name, first_save = app.download_file()
    assert plan.resident.lower() not in (pdf_name + file_name).lower()
    saved = read_conversation(first_save)
    check_file(saved, plan, sentence)

    for _ in range(2):
        for step in reversed(STEPS[:-1]):
            app.previous()
            app.expect_step(step)
            check_step(app, plan, step, sentence)
        for step in STEPS[1:]:
            app.next()
            app.expect_step(step)
            check_step(app, plan, step, sentence)

    _, second_save = app.download_file()
    assert second_save == first_save
    assert "Traceback" not in server.output()
