"""Never lose a conversation: a reload, a server restart and a closed laptop lid, in a real browser.

The server sits behind a Gate (a TCP relay that can go dark like a lost network) and keeps a
disconnected session for only a few seconds, so a "lid closed" break outlives the session. Its
home and temporary folders are its own, so the test can look at everything it could have written.
"""

from __future__ import annotations

import dataclasses
import io
import json
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import expect

from krachtwerk.conversation_file import read_conversation
from krachtwerk.ui.layout import STEPS
from tests.browser.kit import (
    ROOT,
    App,
    Gate,
    Server,
    free_port,
    pdf_images,
    script_traces,
    start_server,
)
from tests.browser.test_conversation import (
    PLANS,
    check_file,
    check_step,
    fill_actie,
    fill_erkenning,
    fill_kompas,
    fill_krachten,
    fill_start,
    validating_sentence,
)

SESSION_TTL_S = 4  # Streamlit keeps a disconnected session this long (120 s by default)
LID_CLOSED_S = SESSION_TTL_S + 6
# Words a person types that appear nowhere else: on the server's disk or in its log they would
# be a leak.
PLAN = dataclasses.replace(
    PLANS[0],
    resident="Zwaluwhenk",
    situation="Sinds de verhuizing naar de Zwaluwstraat zit ik veel thuis.",
)
MARKERS = ("Zwaluwhenk", "Zwaluwstraat")
NOTHING_KEPT = "() => !Object.keys(sessionStorage).some((key) => key.startsWith('krachtkompas.'))"


@dataclass
class Restartable:
    """A server that can be killed and started again on the same port, reached through a Gate."""

    log: Path
    port: int
    env: dict[str, str]
    process: Server
    gate: Gate

    @property
    def url(self) -> str:
        return self.gate.url

    def output(self) -> str:
        return self.process.output()

    def restart(self) -> None:
        """As a crash and a supervisor do it: killed without warning, started on the same port."""
        self.process.process.kill()
        self.process.process.wait(timeout=10)
        self.process = _start(self.log, self.port, self.env)


def _start(log: Path, port: int, env: dict[str, str]) -> Server:
    options = ("--server.disconnectedSessionTTL", str(SESSION_TTL_S))
    return start_server(log, port=port, options=options, env=env)


@pytest.fixture(scope="module")
def server(chromium: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Restartable]:
    folder = tmp_path_factory.mktemp("copy-server")
    env = {"HOME": str(folder / "home"), "TMPDIR": str(folder / "tmp")}
    for made in env.values():
        Path(made).mkdir()
    port = free_port()
    running = Restartable(
        folder / "streamlit.log", port, env, _start(folder / "streamlit.log", port, env), Gate(port)
    )
    yield running
    running.gate.stop()
    running.process.stop()


def a_photo() -> bytes:
    out = io.BytesIO()
    Image.effect_noise((320, 240), 60).convert("RGB").save(out, format="JPEG")
    return out.getvalue()


def photo_shown(app: App):
    return app.page.get_by_role("img", name=app.t("actie.photo.alt"), exact=True)


def fill_everything(app: App) -> None:
    fillers = {
        "start": fill_start,
        "erkenning": fill_erkenning,
        "krachten": fill_krachten,
        "kompas": fill_kompas,
        "actie": fill_actie,
    }
    for index, step in enumerate(STEPS):
        if index:
            app.next()
        app.expect_step(step)
        if step in fillers:
            fillers[step](app, PLAN)
    app.go("actie")
    app.upload(app.t("actie.photo.label"), a_photo(), "foto.jpg", "image/jpeg")
    expect(photo_shown(app)).to_have_count(1)


def check_every_step(app: App, sentence: str) -> None:
    for step in STEPS:
        app.go(step)
        check_step(app, PLAN, step, sentence)


def restored_notice(app: App):
    return app.page.get_by_text(app.t("copy.restored"), exact=True)


def files_written_since(since: float, *folders: Path) -> list[Path]:
    skip = {".git", ".venv", "node_modules", "__pycache__"}
    found = []
    for folder in folders:
        for path in folder.rglob("*"):
            if skip.intersection(path.parts) or not path.is_file():
                continue
            if path.stat().st_mtime >= since:
                found.append(path)
    return found


def test_a_conversation_typed_by_hand_survives_reload_restart_and_a_closed_lid(
    app: App, server: Restartable
) -> None:
    began = time.time()
    fill_everything(app)
    sentence = validating_sentence(app, PLAN)

    # F5 on every step: the same step comes back with every value, and the photo.
    for step in STEPS:
        app.go(step)
        app.reload()
        app.expect_step(step)
        expect(restored_notice(app)).to_be_visible()
        check_step(app, PLAN, step, sentence)
        app.assert_no_error()
    app.go("actie")
    expect(photo_shown(app)).to_have_count(1)
    # Nothing was saved as a file yet: the browser asked before each reload.
    assert app.asked_to_leave == len(STEPS)

    app.go("afronden")
    _, first_save = app.download_file()
    check_file(read_conversation(first_save), PLAN, sentence)
    app.reload()
    assert app.asked_to_leave == len(STEPS), "the file was saved: nothing to ask"

    # The server is killed and started again: back without a click, nothing lost.
    app.go("kompas")
    with app.page_replaced():
        server.restart()
    app.expect_step("kompas")
    check_every_step(app, sentence)
    _, after_restart = app.download_file()
    assert after_restart == first_save
    _, pdf = app.download_pdf()
    assert pdf_images(pdf) == 1, "the photo came back with the conversation"

    # The lid closed for longer than the server keeps a session: a calm Dutch cover meanwhile,
    # then a fresh page restored from the tab, never the stale one.
    app.go("krachten")
    app.page.evaluate("() => { window.__kkStale = true; }")
    server.gate.close()
    cover = app.page.get_by_role("alert").filter(has_text=app.t("copy.away_title"))
    expect(cover).to_be_visible(timeout=15_000)
    expect(cover).to_contain_text(app.t("copy.away_text"))
    time.sleep(LID_CLOSED_S)
    expect(app.page.get_by_text("Connection error")).not_to_be_visible()
    expect(app.page.get_by_text("Is Streamlit still running")).not_to_be_visible()
    server.gate.open()
    app.back(timeout_ms=60_000)
    assert app.page.evaluate("() => window.__kkStale === undefined"), "the stale page stayed"
    app.expect_step("krachten")
    expect(restored_notice(app)).to_be_visible()
    check_every_step(app, sentence)
    _, after_lid = app.download_file()
    assert after_lid == first_save

    # Nothing of it on the server's disk or in its log.
    log = server.output()
    assert "Traceback" not in log
    home, tmp = (Path(server.env[name]) for name in ("HOME", "TMPDIR"))
    for path in files_written_since(began, ROOT, home, tmp):
        text = path.read_bytes().decode("utf-8", errors="replace")
        assert not any(marker in text for marker in MARKERS), f"written to {path}"
    assert not any(marker in log for marker in MARKERS)


def test_a_second_tab_starts_empty_and_two_tabs_never_mix(app: App, server: Restartable) -> None:
    other = App(app.page.context.new_page(), server.url)
    other.page.on("dialog", other.answer_dialog)
    other.open()
    name = app.t("start.settings.resident_name")
    assert other.value(name) == ""
    app.fill(name, "Zwaluw")
    other.fill(name, "Merel")
    for person, own, theirs in ((app, "Zwaluw", "Merel"), (other, "Merel", "Zwaluw")):
        person.reload()
        assert person.value(name) == own
        assert theirs not in json.dumps(person.stored())
        assert theirs not in person.main_text()
    assert not other.scripts_ran


def test_nieuw_gesprek_leaves_nothing_for_a_reload(app: App) -> None:
    app.load_demo("noor")
    assert app.stored(), "the demo is kept in the tab"
    app.go("afronden")
    app.page.get_by_role("button", name=app.t("afronden.new.button")).click()
    with app.rerun():
        app.page.get_by_role("button", name=app.t("afronden.new.confirm")).click()
    app.expect_step("start")
    app.page.wait_for_function(NOTHING_KEPT)
    asked = app.asked_to_leave
    app.reload()
    assert app.value(app.t("start.settings.resident_name")) == ""
    expect(restored_notice(app)).to_have_count(0)
    assert app.asked_to_leave == asked, "nothing to lose: the browser does not ask"


TAMPERED = {
    "garbage": (
        {"conversation": "}}}{{{ niet te lezen", "version": "1", "step": "kompas"},
        "damaged",
    ),
    "huge": ({"conversation": "x" * 3_000_000, "version": "1", "step": "kompas"}, "damaged"),
    "newer": ({"conversation": "{}", "version": "2", "step": "kompas"}, "newer"),
    "markup step": (
        {"conversation": "{}", "version": "1", "step": "<img src=x onerror=window.__pwned=1>"},
        "damaged",
    ),
}


@pytest.mark.parametrize(("record", "code"), TAMPERED.values(), ids=TAMPERED.keys())
def test_a_tampered_copy_gives_a_message_and_runs_nothing(
    app: App, record: dict[str, str], code: str
) -> None:
    app.fill(app.t("start.settings.resident_name"), "Zwaluw")
    app.page.evaluate(
        """(record) => { for (const [part, value] of Object.entries(record)) {
             sessionStorage.setItem('krachtkompas.copy.' + part, value); } }""",
        record,
    )
    app.reload()
    expect(app.page.get_by_text(app.t(f"copy.{code}"), exact=True)).to_be_visible()
    app.assert_no_error()
    app.expect_step("start")
    assert app.value(app.t("start.settings.resident_name")) == ""
    assert script_traces(app) == []


def test_markup_in_a_kept_conversation_is_shown_as_text(app: App) -> None:
    markup = "<img src=x onerror=window.__pwned=1><script>window.__pwned=2</script>"
    app.fill(app.t("start.settings.resident_name"), markup)
    app.reload()
    assert app.value(app.t("start.settings.resident_name")) == markup
    expect(restored_notice(app)).to_be_visible()
    assert script_traces(app) == []


def test_switched_off_the_tab_keeps_nothing(browser, tmp_path: Path) -> None:
    """An organisation that forbids browser storage: today's behaviour, said on Start."""
    off = start_server(tmp_path / "off.log", env={"KRACHTKOMPAS_BROWSER_COPY": "off"})
    context = browser.new_context(locale="nl-NL", viewport={"width": 1366, "height": 768})
    try:
        app = App(context.new_page(), off.url)
        app.page.on("dialog", app.answer_dialog)
        app.open()
        expect(app.page.get_by_text(app.t("start.copy_off"), exact=False)).to_be_visible()
        app.fill(app.t("start.settings.resident_name"), "Zwaluw")
        app.page.wait_for_function(NOTHING_KEPT)
        app.reload()
        assert app.value(app.t("start.settings.resident_name")) == ""
        assert app.stored() == {}
    finally:
        context.close()
        off.stop()
