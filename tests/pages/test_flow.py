"""The whole conversation, start to fridge page, and nothing lost when moving back and forth."""

from __future__ import annotations

import io
import itertools

import pytest
from pypdf import PdfReader

from krachtwerk.conversation_file import read_conversation, write_conversation
from krachtwerk.demos import demo_names
from tests.pages.apptest import STEPS, conversation, go, open_app, widget

TYPED = {
    "erkenning": {
        "text_area": {
            "validation.situation": "Mama werkt veel en ik ben vaak alleen.",
            "validation.coping": "Ik bel mijn tante als het moeilijk is.",
        },
    },
    "krachten": {"text_area": {"strengths.domains.vrije_tijd.now": "Ik teken graag."}},
    "kompas": {"text_area": {"kompas.why_not_lower": "Ik heb mijn tekenschrift."}},
    "actie": {
        "text_area": {"action.what": "Woensdag na school een tekening maken voor tante Lies"},
        "text_input": {
            "action.when": "Woensdag na school",
            "action.with_whom": "Alleen, daarna met tante Lies",
            "action.done_when": "De tekening hangt bij tante Lies",
            "action.goal": "Meer doen wat ik leuk vind",
        },
    },
}


def fill_in_everything(at) -> None:
    at.text_input(key=widget("resident.name")).input("Yara").run()
    at.radio(key=widget("mode")).set_value("jongere").run()
    at.text_input(key=widget("professional.name")).input("Ilse").run()
    go(at, "erkenning")
    at.pills(key=widget("validation.feelings")).set_value(["eenzaam", "hoopvol"]).run()
    for name, value in TYPED["erkenning"]["text_area"].items():
        at.text_area(key=widget(name)).input(value).run()
    go(at, "krachten")
    at.checkbox(key=widget("domain.vrije_tijd.chosen")).check().run()
    at.text_area(key=widget("strengths.domains.vrije_tijd.now")).input("Ik teken graag.").run()
    at.pills(key=widget("strengths.qualities")).set_value(["creatief", "doorzetter"]).run()
    go(at, "kompas")
    for axis, score in {"vrije_tijd": 5, "gezin": 7, "werk": 6}.items():
        at.select_slider(key=widget(f"score.{axis}")).set_value(score).run()
    at.selectbox(key=widget("kompas.focus")).set_value("vrije_tijd").run()
    at.text_area(key=widget("kompas.why_not_lower")).input("Ik heb mijn tekenschrift.").run()
    go(at, "actie")
    at.text_area(key=widget("action.what")).input(TYPED["actie"]["text_area"]["action.what"]).run()
    for name, value in TYPED["actie"]["text_input"].items():
        at.text_input(key=widget(name)).input(value).run()
    at.pills(key=widget("action.shown_strengths")).set_value(["creatief"]).run()


def assert_everything_still_there(at) -> None:
    go(at, "start")
    assert at.text_input(key=widget("resident.name")).value == "Yara"
    assert at.radio(key=widget("mode")).value == "jongere"
    for step, kinds in TYPED.items():
        go(at, step)
        for kind, values in kinds.items():
            for name, value in values.items():
                assert getattr(at, kind)(key=widget(name)).value == value, name
    go(at, "erkenning")
    assert at.pills(key=widget("validation.feelings")).value == ["eenzaam", "hoopvol"]
    go(at, "kompas")
    assert at.select_slider(key=widget("score.gezin")).value == 7
    assert at.selectbox(key=widget("kompas.focus")).value == "vrije_tijd"
    go(at, "actie")
    assert at.pills(key=widget("action.shown_strengths")).value == ["creatief"]


def test_a_whole_conversation_keeps_every_answer_and_prints() -> None:
    at = open_app()
    fill_in_everything(at)
    for _ in range(2):
        for step in [*STEPS, *reversed(STEPS)]:
            go(at, step)
        assert_everything_still_there(at)

    go(at, "afronden")
    pdf = at.session_state["kk.rendered"][1]
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert "Yara" in text
    assert "tekening maken voor tante Lies" in text
    assert "Mama werkt veel" not in text  # the validation step never reaches the page

    saved = write_conversation(conversation(at))
    assert read_conversation(saved) == conversation(at)


def test_vorige_and_volgende_walk_the_steps() -> None:
    at = open_app()
    for expected in STEPS[1:]:
        at.button(key="nav.next").click().run()
        assert not at.exception
        assert at.session_state["kk.conversation"] is not None
        assert f"Stap {STEPS.index(expected) + 1} van 6" in at.caption[0].value
    assert not [b for b in at.button if b.key == "nav.next"]
    at.button(key="nav.previous").click().run()
    assert "Stap 5 van 6" in at.caption[0].value


def test_volgende_keeps_what_was_typed_without_running_the_step_it_leaves(monkeypatch) -> None:
    """A click on Volgende sends what was just typed along with it; the field's own callback
    keeps it, and the step that is left is not drawn again (half the work of every click)."""
    from krachtwerk.ui import kompas

    at = open_app("kompas", demo="noor")
    drawn = []
    real = kompas.kompas_figure
    monkeypatch.setattr(kompas, "kompas_figure", lambda *a, **k: drawn.append(1) or real(*a, **k))
    at.text_area(key=widget("kompas.why_not_lower")).input("Mijn tekenschrift helpt.")
    at.button(key="nav.next").click().run()
    assert not at.exception, at.exception
    assert "Stap 5 van 6" in at.caption[0].value
    assert conversation(at).current.kompas.why_not_lower == "Mijn tekenschrift helpt."
    assert drawn == []  # Kompas did not run on the way out
    at.button(key="nav.previous").click().run()
    assert "Stap 4 van 6" in at.caption[0].value
    assert not at.error  # the chart was drawn, not "Hier ging iets mis"
    assert drawn == [1]


@pytest.mark.parametrize(("demo", "language"), list(itertools.product(demo_names(), ["nl", "en"])))
def test_every_step_runs_for_every_demo_and_language(demo: str, language: str) -> None:
    at = open_app(demo=demo)
    at.radio(key=widget("language")).set_value(language).run()
    for step in STEPS:
        go(at, step)
        assert not at.exception
        assert not at.error, [e.value for e in at.error]
