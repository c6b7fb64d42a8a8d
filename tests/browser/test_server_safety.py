"""Nothing one person does takes the server down or leaves their data behind on it.

- The page and the conversation file reach the browser inside the session's own connection: no
  address on the server ever serves them, so nobody can fetch them later from the browser's
  history or download list, with or without a cookie.
- Several people reach Afronden at the same moment, again and again (PDFium once crashed the whole
  server then): the server stays up and everyone gets their own page.
"""

from __future__ import annotations

import urllib.request

from playwright.sync_api import Response, expect

from tests.browser.conftest import new_app
from tests.browser.kit import TIMEOUT_MS, App, Server, pdf_text, squash
from tests.browser.test_files import GOOD_JPEG

RESIDENT_CONTENT = ("application/pdf", "application/json", "image/jpeg", "image/png")


def _download(app: App, label: str) -> tuple[str, bytes]:
    with app.page.expect_download(timeout=TIMEOUT_MS) as info:
        app.page.get_by_role("button", name=label).click()
    download = info.value
    return download.url, open(download.path(), "rb").read()


def _blob_is_gone(app: App, url: str) -> None:
    app.page.wait_for_function(
        "url => fetch(url).then(() => false, () => true)", arg=url, timeout=TIMEOUT_MS
    )


def test_nothing_of_the_conversation_has_an_address_on_the_server(
    app: App, browser, server: Server
):
    served: list[Response] = []
    app.page.on("response", lambda response: served.append(response))
    app.load_demo("noor")
    app.go("actie")
    app.upload(app.t("actie.photo.label"), GOOD_JPEG, "foto.jpg", "image/jpeg")
    expect(app.page.get_by_role("img", name=app.t("actie.photo.alt"))).to_be_visible()
    app.go("afronden")
    what = app.t("afronden.preview_alt_action", what="Zaterdag met oma")
    preview = app.page.get_by_role("img", name=what)
    expect(preview).to_be_visible()
    app.page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=preview.element_handle()
    )

    pdf_url, pdf = _download(app, app.t("afronden.download_pdf"))
    file_url, saved = _download(app, app.t("afronden.download_file"))
    assert pdf.startswith(b"%PDF-") and b'"format": "krachtwerk-kompas"' in saved
    assert pdf_url.startswith("blob:") and file_url.startswith("blob:")

    # Every address the tab fetched from the server: app code and fonts, nothing of Noor's.
    fetched = [r for r in served if r.url.startswith(server.url)]
    assert fetched, "the tab fetched nothing from the server at all?"
    for response in fetched:
        kind = response.headers.get("content-type", "").split(";")[0]
        assert kind not in RESIDENT_CONTENT, f"{response.url} served {kind}"
        assert "attachment" not in response.headers.get("content-disposition", "")
        assert "/media/" not in response.url

    # The blobs die in the tab soon after the download; the page is wiped by Nieuw gesprek.
    _blob_is_gone(app, pdf_url)
    _blob_is_gone(app, file_url)
    app.page.get_by_role("button", name=app.t("afronden.new.button")).click()
    with app.rerun():
        app.page.get_by_role("button", name=app.t("afronden.new.confirm")).click()
    app.expect_step("start")

    # After Nieuw gesprek and after the tab is closed, no address answers, without a cookie.
    addresses = [r.url for r in fetched if "/static/" not in r.url] + [pdf_url, file_url]
    stranger = browser.new_context()
    try:
        app.page.close()
        for address in addresses:
            if address.startswith("blob:"):
                page = stranger.new_page()
                gone = page.evaluate("url => fetch(url).then(() => false, () => true)", address)
                assert gone, address
            elif "/media/" in address:
                assert stranger.request.get(address).status == 404, address
    finally:
        stranger.close()


PEOPLE = ("noor", "wim", "samira", "noor")
ROUNDS = 4


def test_several_people_reach_afronden_at_the_same_moment_and_the_server_stays_up(
    browser, server: Server
):
    people = [new_app(browser, server).open() for _ in PEOPLE]
    try:
        for person, demo in zip(people, PEOPLE, strict=True):
            person.load_demo(demo)
            person.go("actie")
        for round in range(ROUNDS):
            actions = []
            for number, person in enumerate(people):
                action = f"Ronde {round} voor persoon {number}: samen koken"
                person.fill(person.t("actie.what"), action)
                actions.append(action)
            # All at once: each click starts a run that makes a page and its preview.
            before = [person.messages() for person in people]
            for person in people:
                person.page.get_by_role("link", name=person.step_link("afronden")).click()
            for person, count, action in zip(people, before, actions, strict=True):
                person.page.wait_for_function(f"() => window.__kkMessages > {count}")
                person.settle()
                shown = person.t("afronden.preview_alt_action", what=action)
                expect(person.page.get_by_role("img", name=shown)).to_be_visible()
                person.assert_no_error()
            assert server.process.poll() is None, "the server died"
            for person in people:
                person.go("actie")
        for person, action in zip(people, actions, strict=True):
            person.go("afronden")
            _, pdf = _download(person, person.t("afronden.download_pdf"))
            pages, text = pdf_text(pdf)
            assert pages == 1 and squash(action) in squash(text)
    finally:
        for person in people:
            person.page.context.close()
    with urllib.request.urlopen(f"{server.url}/_stcore/health", timeout=5) as reply:
        assert reply.read() == b"ok"
    assert server.process.poll() is None
    log = server.output()
    assert "Traceback" not in log and "Segmentation" not in log
