"""The app with an organisation's own content (KRACHTKOMPAS_CONTENT) that is partly broken: it
starts, uses what is fine, and says in its log what it left out."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import expect

from tests.browser.kit import App, Server, start_server

BROKEN = {
    "nl/screens.toml": '[steps.start]\ntitle = "Welkom bij Wijkteam Noord"\n',
    "nl/kapot.toml": "= nope",
    "pictograms/geld.svg": "<svg",
    "organisation.toml": '[organisation]\nname = "Wijkteam Noord"\nlogo = "weg.png"\n',
}


@pytest.fixture(scope="module")
def server(chromium: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("organisation")
    for name, text in BROKEN.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    log = tmp_path_factory.mktemp("server") / "streamlit.log"
    running = start_server(log, env={"KRACHTKOMPAS_CONTENT": str(folder)})
    yield running
    running.stop()


def test_the_app_starts_with_what_is_fine_and_logs_the_rest(app: App, server: Server) -> None:
    expect(app.page.get_by_role("heading", level=1)).to_have_text("Welkom bij Wijkteam Noord")
    app.load_demo("ria")
    app.go("afronden")
    expect(app.page.get_by_text("Hier ging iets mis")).to_have_count(0)

    said = server.output()
    assert "nl/kapot.toml: not valid TOML" in said
    assert "pictograms/geld.svg: not an SVG file that can be read" in said
    assert "organisation.logo: the logo weg.png is not in this folder" in said
    assert said.count("not valid TOML") == 1  # checked once, when the first page ran
