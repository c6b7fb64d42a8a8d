"""One way to bind a widget: named once by its path in the conversation, written by its callback."""

import pytest

from krachtwerk.demos import load_demo
from krachtwerk.model import DomainNotes
from krachtwerk.ui import fields
from tests.pages.apptest import conversation, go, open_app, widget


@pytest.fixture
def noor(monkeypatch):
    current = load_demo("noor")
    current.current.strengths.domains["wonen"] = DomainNotes(now="Netjes")
    monkeypatch.setattr(fields, "conversation", lambda: current)
    return current


def test_a_path_names_a_field_of_the_conversation_or_of_the_current_meeting(noor) -> None:
    meeting = noor.current
    assert fields._owner("resident.name") == (noor.resident, "name")
    assert fields._owner("mode") == (noor, "mode")
    assert fields._owner("date") == (meeting, "date")
    assert fields._owner("action.when") == (meeting.action, "when")
    assert fields._owner("strengths.domains.wonen.now") == (
        meeting.strengths.domains["wonen"],
        "now",
    )
    fields._write("strengths.domains.wonen.now", "Opgeruimd")
    assert meeting.strengths.domains["wonen"].now == "Opgeruimd"


def test_every_text_field_shows_the_model_value_its_key_names(monkeypatch) -> None:
    """Walk the steps with a demo: each bound text widget's key is its path, and its value is the
    value at that path in the model (nothing is written after drawing to make them agree)."""
    at = open_app(demo="noor")
    checked = 0
    for step in ("erkenning", "krachten", "kompas", "actie"):
        go(at, step)
        monkeypatch.setattr(fields, "conversation", lambda: conversation(at))
        for element in [*at.text_area, *at.text_input]:
            path = str(element.key or "").removeprefix(widget(""))
            try:
                owner, attr = fields._owner(path)
            except (AttributeError, KeyError):
                continue  # not a model field (e.g. the own quality being typed)
            assert element.value == getattr(owner, attr), path
            checked += 1
        monkeypatch.undo()
    assert checked >= 8
