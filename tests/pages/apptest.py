"""Shared helpers for the AppTests: open the app at a step, optionally with a demo loaded."""

from __future__ import annotations

import json
from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = Path(__file__).resolve().parents[2] / "app.py"
STEPS = ("start", "erkenning", "krachten", "kompas", "actie", "afronden")


def open_app(step: str = "start", demo: str | None = None) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.run()
    if demo:
        at.button(key=f"start.demo.{demo}").click().run()
    if step != "start":
        go(at, step)
    assert not at.exception, at.exception
    return at


def go(at: AppTest, step: str) -> AppTest:
    at.switch_page(f"pages/{step}.py").run()
    assert not at.exception, at.exception
    return at


def widget(name: str) -> str:
    """The session-state key of a widget bound to a model field."""
    return f"w.{name}"


def conversation(at: AppTest):
    return at.session_state["kk.conversation"]


def shown_text(at: AppTest) -> str:
    """Everything a person reads on the page: markdown, titles, captions, messages."""
    parts = [e.value for e in at.markdown]
    parts += (
        [e.value for e in at.title] + [e.value for e in at.header] + [e.value for e in at.subheader]
    )
    parts += [e.value for e in at.caption] + [e.value for e in at.info]
    parts += [e.value for e in at.success] + [e.value for e in at.warning]
    parts += [e.value for e in at.error]
    return "\n".join(str(p) for p in parts)


def browser_parts(at: AppTest, name: str) -> list[dict]:
    """The data handed to one of our browser components (krachtwerk/ui/browser.py), in order."""
    return [
        json.loads(element.proto.json)
        for element in at.get("bidi_component")
        if element.proto.component_name == f"krachtkompas.{name}"
    ]
