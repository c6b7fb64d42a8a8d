"""The browser copy in Python: what a new session does with what the tab kept, and what each run
hands the tab. The tab's answer is put where the component's callback puts it (FOUND_KEY)."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from krachtwerk.browser_copy import VERSION, conversation_text, fingerprint
from krachtwerk.content import catalogue
from krachtwerk.conversation_file import write_conversation
from krachtwerk.demos import load_demo
from krachtwerk.model import Conversation
from krachtwerk.ui.browser_copy import FOUND_KEY
from krachtwerk.ui.state import SAVED_KEY
from tests.pages.apptest import APP, browser_parts, conversation, shown_text, widget


def new_session(found: object = None, *, tab_answers: bool = True) -> AppTest:
    """A new server session (reload, restart); the tab answers ``found`` (None: it kept none)."""
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.run()
    if tab_answers:
        at.session_state[FOUND_KEY] = found
        at.run()
    assert not at.exception, at.exception
    return at


def kept(conversation: Conversation, step: str) -> dict[str, str | None]:
    return {
        "version": str(VERSION),
        "step": step,
        "conversation": conversation_text(conversation),
        "photo": None,
    }


def last_handed(at: AppTest) -> dict:
    """The data the last run handed to the copy component."""
    return browser_parts(at, "copy")[-1]


def shown_title(at: AppTest) -> str:
    return at.title[0].value


def title_of(step: str, conversation: Conversation) -> str:
    t = catalogue(conversation.language).texts(conversation.mode, conversation.resident.address)
    return t(f"steps.{step}.title")


def test_a_kept_conversation_comes_back_on_its_step() -> None:
    wim = load_demo("wim")
    at = new_session(kept(wim, "kompas"))
    assert conversation(at) == wim
    assert shown_title(at) == title_of("kompas", wim)
    assert "Het gesprek staat er weer" in shown_text(at)
    assert at.select_slider(key=widget("score.gezin")).value == wim.current.kompas.scores["gezin"]


def test_the_notice_is_shown_once_on_the_restored_step() -> None:
    at = new_session(kept(load_demo("noor"), "actie"))
    assert "Het gesprek staat er weer" in shown_text(at)
    at.switch_page("pages/afronden.py").run()
    assert "Het gesprek staat er weer" not in shown_text(at)
    at.switch_page("pages/actie.py").run()
    assert "Het gesprek staat er weer" not in shown_text(at)


def test_start_over_after_a_restore_wipes_everything() -> None:
    at = new_session(kept(load_demo("noor"), "krachten"))
    at.button(key="copy.start_over").click().run()
    assert not at.exception
    assert conversation(at).resident.name == ""
    assert shown_title(at) == title_of("start", Conversation())
    assert last_handed(at)["fp"] == ""  # the tab empties its copy


def test_no_copy_in_the_tab_starts_empty_and_quiet() -> None:
    at = new_session(None)
    assert conversation(at) == Conversation()
    assert "Het gesprek staat er weer" not in shown_text(at)
    assert not at.error


@pytest.mark.parametrize(
    ("found", "message"),
    [
        ("garbage", "beschadigd"),
        ({"version": "1", "step": "kompas", "conversation": "x" * 2_000_000}, "beschadigd"),
        ({"version": "1", "step": "<script>", "conversation": "{}"}, "beschadigd"),
        ({"version": "7", "step": "kompas", "conversation": "{}"}, "nieuwere versie"),
    ],
    ids=["garbage", "huge", "markup step", "newer"],
)
def test_a_bad_copy_is_dropped_with_a_clear_message(found: object, message: str) -> None:
    at = new_session(found)
    assert message in " ".join(e.value for e in at.error)
    assert conversation(at) == Conversation()
    assert shown_title(at) == title_of("start", Conversation())


def test_before_the_tab_answers_nothing_is_handed_over() -> None:
    """A fresh session must never overwrite the copy it is about to restore."""
    at = new_session(tab_answers=False)
    at.text_input(key=widget("resident.name")).input("Zwaluw").run()
    handed = last_handed(at)
    assert handed["live"] is False
    assert "conversation" not in handed


def test_each_change_is_handed_to_the_tab_once() -> None:
    at = new_session(None)
    assert last_handed(at)["fp"] == ""  # nothing filled in: nothing to keep
    at.text_input(key=widget("resident.name")).input("Zwaluw").run()
    handed = last_handed(at)
    assert handed["live"] is True
    assert handed["conversation"] == write_conversation(conversation(at)).decode("utf-8")
    assert handed["fp"] == fingerprint(handed["conversation"].encode("utf-8"))
    assert handed["step"] == "start"
    at.run()  # nothing changed: only the fingerprint goes along
    assert "conversation" not in last_handed(at)
    assert last_handed(at)["fp"] == handed["fp"]
    at.text_input(key=widget("resident.name")).input("Merel").run()
    assert '"Merel"' in last_handed(at)["conversation"]


def test_afronden_and_the_copy_share_one_file_per_run_and_never_a_stale_one() -> None:
    """Afronden writes the file once per run for its download and the copy; the next run, on
    another step and after a change, hands the tab the changed file, not Afronden's."""
    at = new_session(None)
    at.button(key="start.demo.noor").click().run()
    at.switch_page("pages/afronden.py").run()
    assert at.session_state[SAVED_KEY] == write_conversation(conversation(at))
    at.switch_page("pages/start.py").run()
    at.text_input(key=widget("resident.name")).input("Merel").run()
    assert '"Merel"' in last_handed(at)["conversation"]
    assert last_handed(at)["conversation"] == write_conversation(conversation(at)).decode("utf-8")


def test_a_demo_replaces_what_the_tab_keeps() -> None:
    at = new_session(kept(load_demo("wim"), "start"))
    at.button(key="start.demo.noor").click().run()
    assert last_handed(at)["conversation"] == conversation_text(load_demo("noor"))


def test_switched_off_the_tab_keeps_nothing_and_start_says_so(monkeypatch) -> None:
    monkeypatch.setenv("KRACHTKOMPAS_BROWSER_COPY", "off")
    at = new_session(None)
    at.text_input(key=widget("resident.name")).input("Zwaluw").run()
    handed = last_handed(at)
    assert handed["off"] is True
    assert "conversation" not in handed
    assert "bewaart geen kopie" in shown_text(at)


def test_switched_on_start_says_what_the_tab_keeps() -> None:
    at = new_session(None)
    assert "Tot je dit tabblad sluit, bewaart deze browser een kopie" in shown_text(at)
