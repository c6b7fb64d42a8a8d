"""Login for professionals with OpenID Connect (krachtwerk/ui/login.py), in a real browser against
oidc-provider-mock served on loopback: no step without logging in, the first name offered from
the login, logging out ends the session and empties the tab's copy."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from krachtwerk.ui.layout import STEPS
from tests.browser.kit import App, Server, free_port, start_server, wait_until_it_answers

PROFESSIONAL = '{"sub": "anouk", "given_name": "Anouk", "name": "Anouk de Vries"}'
NOTHING_KEPT = "() => !Object.keys(sessionStorage).some((key) => key.startsWith('krachtkompas.'))"


@pytest.fixture(scope="module")
def server(chromium: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("login")
    provider_port, app_port = free_port(), free_port()
    mock = Path(sys.executable).parent / "oidc-provider-mock"
    provider = subprocess.Popen(
        [str(mock), "--port", str(provider_port), "--user-claims", PROFESSIONAL],
        stdout=(folder / "provider.log").open("w"),
        stderr=subprocess.STDOUT,
    )
    issuer = f"http://127.0.0.1:{provider_port}"
    secrets = folder / "secrets.toml"
    secrets.write_text(
        f"""[auth]
redirect_uri = "http://127.0.0.1:{app_port}/oauth2callback"
cookie_secret = "a-cookie-secret-for-this-test-only-0123456789"
client_id = "krachtkompas"
client_secret = "not-a-secret"
server_metadata_url = "{issuer}/.well-known/openid-configuration"
""",
        encoding="utf-8",
    )
    try:
        wait_until_it_answers(f"{issuer}/.well-known/openid-configuration")
        running = start_server(
            folder / "streamlit.log", port=app_port, env={"STREAMLIT_SECRETS_FILES": str(secrets)}
        )
        yield running
        running.stop()
    finally:
        provider.terminate()
        provider.wait(timeout=10)


def on_login_screen(app: App) -> None:
    expect(app.page.get_by_role("heading", level=1)).to_have_text(app.t("login.title"))
    expect(app.page.get_by_role("button", name=app.t("login.button"))).to_be_visible()
    for step in STEPS:
        expect(app.page.get_by_role("link", name=app.step_link(step), exact=True)).to_have_count(0)


def log_in(app: App) -> None:
    app.page.get_by_role("button", name=app.t("login.button")).click()
    app.page.locator("input[name=sub]").fill("anouk")  # the provider's own page
    app.page.get_by_role("button", name="Authorize").click()
    app.page.wait_for_url(f"{app.url}/**")
    app.back()
    app.expect_step("start")


def test_no_step_is_reachable_without_logging_in(app: App, server: Server) -> None:
    on_login_screen(app)
    for step in ("kompas", "afronden"):  # a step's own address, typed in
        app.page.goto(f"{server.url}/{step}")
        app.back()
        on_login_screen(app)
        assert server.url in app.page.url


def test_logged_in_the_first_name_is_offered_and_logging_out_forgets_all(
    app: App, server: Server
) -> None:
    log_in(app)
    professional = app.t("start.settings.professional_name")
    expect(app.box(professional)).to_have_value("Anouk")  # from the login: the first name only
    resident = app.t("start.settings.resident_name")
    app.fill(resident, "Zwaluw")
    app.go("kompas")
    assert not app.page.evaluate(NOTHING_KEPT), "the tab keeps its copy while logged in"
    cookies = " ".join(c["value"] for c in app.page.context.cookies())
    assert "Zwaluw" not in cookies  # nothing about the resident is tied to the login

    app.page.get_by_role("button", name=app.t("login.logout")).click()
    app.page.get_by_role("button", name="End session").click()  # the provider's own page
    app.page.wait_for_url(f"{app.url}/**")
    app.back()
    on_login_screen(app)
    assert app.page.evaluate(NOTHING_KEPT), "the tab's copy is gone"
    assert app.asked_to_leave == 0  # nothing unsaved was left behind to ask about

    log_in(app)  # the next professional at this screen finds nothing of it
    expect(app.box(professional)).to_have_value("Anouk")
    assert app.value(resident) == ""
    assert "Zwaluw" not in app.main_text()
