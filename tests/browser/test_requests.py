"""Nothing about the app leaves the machine: every request a whole conversation makes goes to the
app's own server (no font host, no icon host, no analytics)."""

from __future__ import annotations

from urllib.parse import urlsplit

from krachtwerk.ui.layout import STEPS
from tests.browser.conftest import new_app
from tests.browser.kit import App, Server
from tests.browser.test_browser_copy import a_photo, photo_shown


def test_a_whole_conversation_asks_no_other_host(browser, server: Server) -> None:
    app: App = new_app(browser, server)
    asked: list[str] = []
    app.page.context.on("request", lambda request: asked.append(request.url))
    try:
        app.open()
        app.load_demo("wim")
        for step in STEPS:
            app.go(step)
        app.go("actie")
        app.upload(app.t("actie.photo.label"), a_photo(), "foto.jpg", "image/jpeg")
        photo_shown(app).wait_for()
        app.go("afronden")
        app.download_pdf()
        app.download_file()
        app.reload()
    finally:
        app.page.context.close()

    own = urlsplit(server.url).netloc
    elsewhere = sorted(
        {url for url in asked if urlsplit(url).scheme in ("http", "https", "ws", "wss")}
        - {url for url in asked if urlsplit(url).netloc == own}
    )
    assert len(asked) > 20  # the recording saw the conversation
    assert elsewhere == []
