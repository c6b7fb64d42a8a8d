"""The page for the Team Kracht Bespreking in a real browser: the professional opens it on
Afronden, reads and changes the anonymised texts, asks the team a question, and downloads it."""

from __future__ import annotations

from krachtwerk.demos import load_demo
from tests.browser.kit import App, pdf_text, squash

WIM = load_demo("wim")


def test_the_professional_prepares_and_downloads_the_team_page(app: App) -> None:
    app.load_demo("wim")
    app.go("afronden")
    app.open_panel(app.t("afronden.team.title"))
    app.fill(app.t("afronden.team.question"), "Hoe blijft het oefenen leuk voor hem?")
    app.fill(app.t("team.goal"), "Zelf naar zijn broer kunnen rijden.")

    name, data = app.download(app.t("afronden.team.download"))
    assert name == "krachtkompas-team.pdf"
    pages, text = pdf_text(data)
    assert pages == 1
    assert squash("Hoe blijft het oefenen leuk voor hem?") in squash(text)
    assert squash("Zelf naar zijn broer kunnen rijden.") in squash(text)
    for secret in (WIM.resident.name, WIM.professional.name, WIM.professional.contact, "Marga"):
        assert squash(secret) not in squash(text)
    app.assert_no_error()
