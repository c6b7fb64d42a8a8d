"""Odd but valid conversation files: whatever the file contract accepts, every step can show and
edit. Each file is opened through the uploader and every step is walked without an error."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from krachtwerk.content import structure
from krachtwerk.conversation_file import read_conversation
from krachtwerk.model import FIRST_DATE, LAST_DATE, MAX_ITEMS, MAX_TEXT
from krachtwerk.ui.layout import STEPS
from tests.browser.kit import App

DOMAINS = [domain.id for domain in structure().domains]
QUADRANTS = [quadrant.id for quadrant in structure().quadrants]
LONG = ("Een lange zin over de week die voorbij is. " * 200)[:MAX_TEXT]
ZALGO = "T" + "\u0301\u0300\u0302" * 20 + "aart"


def meeting(**parts: object) -> dict:
    return {"date": "2026-02-10", **parts}


ODD = {
    # every text at the contract's length: longer than most fields take
    "every text at its longest": {
        "resident": {"name": LONG[:200], "address": "u"},
        "professional": {"name": LONG[:100], "contact": LONG},
        "meetings": [
            meeting(
                review={"previous_action": LONG, "outcome": "deels", "what_helped": LONG},
                validation={"situation": LONG, "acknowledgement": LONG, "coping": LONG},
                strengths={
                    "qualities": [LONG[:300]] * 3,
                    "domains": {d: {"now": LONG, "helpers": LONG} for d in DOMAINS},
                },
                kompas={"scores": dict.fromkeys(DOMAINS, 10), "focus": "geld"},
                action={
                    "what": LONG,
                    "when": LONG,
                    "with_whom": LONG,
                    "done_when": LONG,
                    "goal": LONG,
                    "shown_strengths": [LONG[:300], LONG[1:301], LONG[2:302]],
                },
            )
        ],
    },
    # the dates at the ends of what the date fields show
    "the first and last dates": {
        "meetings": [
            meeting(date=FIRST_DATE.isoformat()),
            meeting(date=LAST_DATE.isoformat(), action={"what": "x", "next_meeting": "2100-12-31"}),
        ],
    },
    # as many meetings and qualities as the contract allows
    "fifty meetings": {
        "meetings": [
            meeting(kompas={"scores": {"wonen": index % 11}}, action={"what": f"Stap {index}"})
            for index in range(MAX_ITEMS)
        ],
    },
    "fifty qualities, every feeling": {
        "meetings": [
            meeting(
                validation={"feelings": [f.id for f in structure().feelings]},
                strengths={"qualities": [f"Kwaliteit {n}" for n in range(MAX_ITEMS)]},
            )
        ],
    },
    # scores and a focus of the other kind of axes (the mode may change back): shown nowhere
    "eenvoudig with a ten-axis focus": {
        "mode": "eenvoudig",
        "meetings": [meeting(kompas={"scores": {"wonen": 3, "ik": 7}, "focus": "wonen"})],
    },
    "volwassene with a quadrant focus": {
        "meetings": [meeting(kompas={"scores": dict.fromkeys(QUADRANTS, 4), "focus": "ik"})],
    },
    # marks stacked on a letter, right-to-left text, a page language
    "odd scripts and a page in Arabic": {
        "page_language": "ar",
        "resident": {"name": "محمد"},
        "meetings": [meeting(action={"what": ZALGO, "with_whom": "שרה en محمد"})],
    },
    "no meetings at all": {"meetings": []},
}


@pytest.mark.parametrize("name", list(ODD))
def test_an_odd_but_valid_file_opens_and_every_step_shows(app: App, name: str) -> None:
    data = json.dumps({"format": "krachtwerk-kompas", "version": 1, **ODD[name]}).encode()
    read_conversation(data)  # valid: the contract accepts it
    app.upload(app.t("start.open.label"), data, "gesprek.json", "application/json")
    app.assert_no_error()
    opened = read_conversation(data)
    app.follow(opened)
    if opened.meetings and opened.is_finished:  # a finished meeting: go on with it
        date = opened.current.date.strftime("%d-%m-%Y")
        with app.rerun():
            app.page.get_by_role(
                "button", name=app.t("start.follow_up.go_on", date=date), exact=True
            ).click()
    for step in STEPS:
        app.go(step)
        app.assert_no_error()
    expect(app.page.get_by_role("button", name=app.t("afronden.download_pdf"))).to_be_visible()
