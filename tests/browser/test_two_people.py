"""Two people fill two different conversations on one server at the same time (design §9): step by
step, turn and turn about, and twice at the very same moment. Neither ever sees a word of the
other's conversation: not on screen, not in the page, not in their PDF or conversation file, and
the server log holds neither."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass

from playwright.sync_api import expect

from krachtwerk.conversation_file import read_conversation
from tests.browser.conftest import new_app
from tests.browser.kit import App, Server, everything_shown, pdf_text, squash


@dataclass(frozen=True)
class Plan:
    """One person's conversation; every text carries the person's marker word."""

    marker: str
    address: str
    resident: str
    professional: str
    situation: str
    feeling: str
    coping: str
    quality: int  # position in the catalogue's list of qualities
    own_quality: str
    scores: dict[str, int]
    action: dict[str, str]


ZWALUW = Plan(
    marker="zwaluw",
    address="u",
    resident="Zwaluwina",
    professional="Zwaluwbert",
    situation="Zwaluwnest: de trap naar mijn huis is zwaar.",
    feeling="eenzaam",
    coping="Zwaluwpad: elke ochtend een rondje om de flat.",
    quality=0,
    own_quality="Zwaluwzang",
    scores={"lichaam": 2, "netwerk": 7},
    action={
        "what": "Zwaluwtocht: dinsdag naar het buurthuis",
        "when": "Zwaluwdag dinsdag 10:00",
        "with_whom": "Zwaluwvriend Kees",
        "done_when": "Zwaluwklaar na twee dinsdagen",
        "goal": "Zwaluwdoel: minder alleen thuis",
    },
)
MEREL = Plan(
    marker="merel",
    address="je",
    resident="Merelijn",
    professional="Merelman",
    situation="Merelhuis: op school gaat het niet lekker.",
    feeling="hoopvol",
    coping="Merelroute: ik fiets elke dag naar mijn neef.",
    quality=3,
    own_quality="Merelfluit",
    scores={"lichaam": 9, "netwerk": 1},
    action={
        "what": "Merelplan: donderdag huiswerk maken in de bieb",
        "when": "Mereldag donderdag 15:30",
        "with_whom": "Merelmaat Daan",
        "done_when": "Merelklaar na drie donderdagen",
        "goal": "Mereldoel: mijn diploma halen",
    },
)


@dataclass
class Person:
    app: App
    plan: Plan
    other: Plan


def assert_private(person: Person) -> None:
    """Nothing of the other conversation anywhere in this person's page."""
    person.app.assert_no_error()
    shown = everything_shown(person.app).lower()
    assert person.other.marker not in shown, f"{person.plan.marker} sees {person.other.marker}"


def turn_about(people: list[Person], action: Callable[[App, Plan], None]) -> None:
    """A does it, B does it; then both pages are checked for the other's words."""
    for person in people:
        action(person.app, person.plan)
    for person in people:
        assert_private(person)


def at_once(people: list[Person], act: Callable[[App, Plan], None]) -> None:
    """Both act before either waits, so the server runs the two sessions' reruns together."""
    with ExitStack() as waits:
        for person in people:
            waits.enter_context(person.app.rerun())
        for person in people:
            act(person.app, person.plan)
    for person in people:
        assert_private(person)


def type_goal(app: App, plan: Plan) -> None:
    box = app.box(app.t("actie.goal"))
    box.fill(plan.action["goal"])
    box.press("Shift+Tab")  # Tab would open the date field's calendar


def press_next(app: App, _plan: Plan) -> None:
    app.page.get_by_role("button", name=app.t("nav.next"), exact=True).click()


def on_start(app: App, plan: Plan) -> None:
    app.choose(app.t(f"start.settings.address_{plan.address}"))
    app.address = plan.address


def resident_name(app: App, plan: Plan) -> None:
    app.fill(app.t("start.settings.resident_name"), plan.resident)
    assert app.value(app.t("start.settings.resident_name")) == plan.resident


def professional_name(app: App, plan: Plan) -> None:
    app.fill(app.t("start.settings.professional_name"), plan.professional)
    assert app.value(app.t("start.settings.professional_name")) == plan.professional


def to(step: str) -> Callable[[App, Plan], None]:
    return lambda app, _plan: app.go(step)


def situation(app: App, plan: Plan) -> None:
    app.fill(app.t("erkenning.situation"), plan.situation)


def feeling(app: App, plan: Plan) -> None:
    app.toggle_chip(app.t(f"feelings.{plan.feeling}.label"))
    app.open_panel(app.t("erkenning.sentences.title"))  # the professional's folded aid
    expect(app.page.get_by_text(app.t(f"feelings.{plan.feeling}.sentence"))).to_be_visible()


def coping(app: App, plan: Plan) -> None:
    app.fill(app.t("erkenning.coping.question"), plan.coping)
    assert app.value(app.t("erkenning.situation")) == plan.situation


def quality(app: App, plan: Plan) -> None:
    expect(app.page.get_by_text(plan.coping)).to_be_visible()  # the coping answer came along
    app.toggle_chip(app.t.list("lists.qualities")[plan.quality])


def own_quality(app: App, plan: Plan) -> None:
    app.fill(app.t("krachten.qualities.own"), plan.own_quality)
    with app.rerun():
        app.page.get_by_role("button", name=app.t("krachten.qualities.add")).click()
    expect(app.chip(plan.own_quality)).to_be_visible()


def scores(app: App, plan: Plan) -> None:
    for axis, value in plan.scores.items():
        app.score(axis, value)
    for axis, value in plan.scores.items():
        assert app.shown_score(axis) == str(value), axis


def action_field(name: str) -> Callable[[App, Plan], None]:
    def fill(app: App, plan: Plan) -> None:
        app.fill(app.t(f"actie.{name}"), plan.action[name])

    return fill


def check_actie(app: App, plan: Plan) -> None:
    for name, text in plan.action.items():
        assert app.value(app.t(f"actie.{name}")) == text, name


def check_pdf(person: Person) -> None:
    name, pdf = person.app.download_pdf()
    pages, text = pdf_text(pdf)
    assert pages == 1
    assert squash(person.plan.action["what"]) in squash(text)
    assert squash(person.plan.resident) in squash(text)
    assert person.other.marker not in (squash(text) + name).lower()


def check_file(person: Person) -> None:
    plan = person.plan
    name, data = person.app.download_file()
    assert person.other.marker.encode() not in data.lower()
    assert person.other.marker not in name.lower()
    saved = read_conversation(data)
    assert saved.resident.name == plan.resident
    assert saved.resident.address == plan.address
    assert saved.professional.name == plan.professional
    meeting = saved.current
    assert meeting.validation.situation == plan.situation
    assert meeting.validation.feelings == [plan.feeling]
    assert meeting.validation.coping == plan.coping
    assert meeting.strengths.qualities == [
        person.app.t.list("lists.qualities")[plan.quality],
        plan.own_quality,
    ]
    assert meeting.kompas.scores == plan.scores
    for field, text in plan.action.items():
        assert getattr(meeting.action, field) == text, field


def test_two_people_at_once_never_see_each_other(app: App, browser, server: Server):
    second = new_app(browser, server).open()
    try:
        people = [Person(app, ZWALUW, MEREL), Person(second, MEREL, ZWALUW)]
        for action in (
            on_start,
            resident_name,
            professional_name,
            to("erkenning"),
            situation,
            feeling,
            coping,
            to("krachten"),
            quality,
            own_quality,
            to("kompas"),
            scores,
            to("actie"),
            *(action_field(name) for name in ZWALUW.action if name != "goal"),
        ):
            turn_about(people, action)
        at_once(people, type_goal)
        turn_about(people, check_actie)
        at_once(people, press_next)
        for person in people:
            person.app.expect_step("afronden")
        for person in people:
            check_pdf(person)
            check_file(person)
        # back to the start, after all the other's typing: still one's own conversation
        turn_about(people, to("start"))
        turn_about(people, resident_name)
    finally:
        second.page.context.close()
    log = server.output().lower()
    for plan in (ZWALUW, MEREL):
        assert plan.marker not in log
    assert "traceback" not in log
