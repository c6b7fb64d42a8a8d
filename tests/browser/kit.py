"""Driving Krachtkompas in a real browser as a person does: by label, role and visible text.

Labels come from the content catalogue, so the tests read the same words the resident reads.
Waiting follows Streamlit's own e2e habit: on the app's script state, never on the clock.
"""

from __future__ import annotations

import io
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Locator, Page, expect
from pypdf import PdfReader

from krachtwerk.axes import mode_axes
from krachtwerk.content import Texts, catalogue, structure
from krachtwerk.demos import load_demo
from krachtwerk.model import Conversation
from krachtwerk.ui.layout import STEPS

ROOT = Path(__file__).resolve().parents[2]
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
# The tab has told this server session what it kept (krachtwerk/ui/browser_copy.py), or keeps none.
COPY_SETTLED = "html[data-kk-copy='live'], html[data-kk-copy='off']"
COVER_GONE = (
    "() => { const cover = document.querySelector('.kk-cover'); return !cover || cover.hidden; }"
)
CONNECTED = "[data-testid='stApp'][data-test-connection-state='CONNECTED']"
TIMEOUT_MS = 30_000
CHROMIUM_ARGS = [
    "--no-sandbox",  # CI runs as root
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # the machine's network is closed: without these Chromium keeps calling home and fails
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Counts what the server sends. A quick rerun can start and finish within one React render, so the
# script-state attribute alone may never flip; a message from the server always arrives.
COUNT_MESSAGES = """
window.__kkMessages = 0;
window.__kkLastMessage = 0;
window.__kkPage = Math.random();  // a new value on every page load
const NativeWebSocket = window.WebSocket;
window.WebSocket = class extends NativeWebSocket {
  constructor(...args) {
    super(...args);
    this.addEventListener('message', () => {
      window.__kkMessages += 1;
      window.__kkLastMessage = performance.now();
    });
  }
};
"""
QUIET_MS = 150  # the server has answered and then said nothing for this long: the run is over
SCRIPT_STATE = "document.querySelector('[data-testid=stApp]')?.dataset.testScriptState"


def find_chromium() -> str | None:
    """CHROMIUM, when set, is the only place looked at; else Debian's chromium."""
    chosen = os.environ.get("CHROMIUM")
    candidates = [chosen] if chosen else [shutil.which("chromium"), "/usr/bin/chromium"]
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            return candidate
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    """One `streamlit run app.py` on a free port; its output goes to a file the tests can read."""

    url: str
    process: subprocess.Popen
    log: Path

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def start_server(
    log: Path,
    port: int | None = None,
    options: tuple[str, ...] = (),
    env: dict[str, str] | None = None,
    script: str = "app.py",
) -> Server:
    """``options``: more `streamlit run` flags; ``env``: more environment variables."""
    port = port or free_port()
    handle = log.open("a", encoding="utf-8")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            script,
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
            "--server.fileWatcherType",
            "none",
            *options,
        ],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        stdout=handle,
        stderr=subprocess.STDOUT,
    )
    handle.close()
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited: {log.read_text()}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as reply:
                if reply.read() == b"ok":
                    return Server(url, process, log)
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError(f"streamlit did not answer /_stcore/health in 60 s: {log.read_text()}")


def wait_until_it_answers(url: str, body: bytes | None = None, seconds: float = 30.0) -> None:
    """Until a GET of ``url`` answers (with ``body``, when given); a RuntimeError after that."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as reply:
                if body is None or reply.read() == body:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer in {seconds:.0f} s")


class Gate:
    """A TCP relay between the browser and the server that can go dark, as a closed laptop lid
    or a lost network does: ``close()`` drops every connection and refuses new ones."""

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.is_open = True
        self.connections: set[socket.socket] = set()
        self.lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return  # the gate was taken down
            if not self.is_open:
                client.close()
                continue
            try:
                upstream = socket.create_connection(("127.0.0.1", self.target_port), timeout=5)
            except OSError:
                client.close()
                continue
            upstream.settimeout(None)
            with self.lock:
                self.connections.update((client, upstream))
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while chunk := source.recv(65536):
                sink.sendall(chunk)
        except OSError:
            pass
        finally:
            for end in (source, sink):
                self._drop(end)

    def _drop(self, end: socket.socket) -> None:
        with self.lock:
            self.connections.discard(end)
        with suppress(OSError):
            end.shutdown(socket.SHUT_RDWR)
        end.close()

    def close(self) -> None:
        self.is_open = False
        with self.lock:
            ends = list(self.connections)
        for end in ends:
            self._drop(end)

    def open(self) -> None:
        self.is_open = True

    def stop(self) -> None:
        self.close()
        self.listener.close()


@dataclass
class App:
    """One person's tab on the app."""

    page: Page
    url: str
    language: str = "nl"
    mode: str = "volwassene"
    address: str = "je"
    asked_to_leave: int = 0  # the browser's own "leave this page?" (beforeunload) questions
    scripts_ran: list[str] = field(default_factory=list)  # any other dialog: a script of ours ran

    def answer_dialog(self, dialog) -> None:
        """Leave when the browser asks (a person reloading means it); any alert() is a finding."""
        if dialog.type == "beforeunload":
            self.asked_to_leave += 1
            dialog.accept()
        else:
            self.scripts_ran.append(dialog.message)
            dialog.dismiss()

    # --- words -------------------------------------------------------------------------------

    @property
    def t(self) -> Texts:
        return catalogue(self.language).texts(self.mode, self.address)

    def step_link(self, step: str) -> str:
        return f"{STEPS.index(step) + 1} {self.t(f'steps.{step}.name')}"

    def axis_label(self, axis_id: str) -> str:
        return self.t(f"{structure().axis_kind(axis_id)}.{axis_id}.label")

    def axis_in_sentence(self, axis_id: str) -> str:
        return self.t(f"{structure().axis_kind(axis_id)}.{axis_id}.in_sentence")

    # --- waiting -----------------------------------------------------------------------------

    def settle(self) -> None:
        self.page.wait_for_selector(CONNECTED, state="attached", timeout=TIMEOUT_MS)
        self.page.wait_for_selector(IDLE, state="attached", timeout=TIMEOUT_MS)

    def messages(self) -> int:
        return self.page.evaluate("() => window.__kkMessages || 0")

    @contextmanager
    def rerun(self) -> Iterator[None]:
        """Wrap an action that makes the app run again; returns when that run has finished."""
        before, page = self.messages(), self.page.evaluate("() => window.__kkPage")
        yield
        # A page loaded again meanwhile counts from zero: its own quiet is the end then.
        self.page.wait_for_function(
            f"""() => (window.__kkMessages > {before} || window.__kkPage !== {page})
                 && window.__kkMessages > 0
                 && {SCRIPT_STATE} === 'notRunning'
                 && performance.now() - window.__kkLastMessage > {QUIET_MS}""",
            timeout=TIMEOUT_MS,
        )
        self.settle()

    # --- going places ------------------------------------------------------------------------

    def open(self, path: str = "") -> App:
        self.page.add_init_script(COUNT_MESSAGES)
        self.page.goto(f"{self.url}/{path}")
        self.back()
        expect(self.page.get_by_role("heading", level=1)).to_be_visible(timeout=TIMEOUT_MS)
        return self

    def back(self, timeout_ms: int = TIMEOUT_MS) -> None:
        """Connected, the copy settled (restored or not), no cover over the page, no run going."""
        self.page.wait_for_selector(COPY_SETTLED, state="attached", timeout=timeout_ms)
        self.page.wait_for_function(COVER_GONE, timeout=timeout_ms)
        self.settle()

    @contextmanager
    def page_replaced(self, timeout_ms: int = 60_000) -> Iterator[None]:
        """Wrap what makes the server forget this page (a restart): the tab then loads the page
        again and restores it. Until that new page is there, the stale one still looks connected,
        idle and settled, and a click on it is lost in the reload."""
        self.page.evaluate("() => { window.__kkStale = true; }")
        yield
        self.page.wait_for_function("() => window.__kkStale === undefined", timeout=timeout_ms)
        self.back(timeout_ms)

    def reload(self) -> None:
        """F5, as a person presses it; the browser may ask whether to leave (answer_dialog)."""
        self.page.reload()
        self.back()

    def stored(self) -> dict[str, str]:
        """What this tab's sessionStorage holds for Krachtkompas."""
        return self.page.evaluate(
            """() => Object.fromEntries(Object.entries(sessionStorage)
                       .filter(([key]) => key.startsWith('krachtkompas.')))"""
        )

    def go(self, step: str) -> None:
        with self.rerun():
            self.page.get_by_role("link", name=self.step_link(step), exact=True).click()
        self.expect_step(step)

    def next(self) -> None:
        with self.rerun():
            self.page.get_by_role("button", name=self.t("nav.next"), exact=True).click()

    def previous(self) -> None:
        with self.rerun():
            self.page.get_by_role("button", name=self.t("nav.previous"), exact=True).click()

    def expect_step(self, step: str) -> None:
        progress = self.t("steps.progress", number=STEPS.index(step) + 1, total=len(STEPS))
        expect(self.page.get_by_text(progress, exact=True)).to_be_visible()
        expect(self.page.get_by_role("heading", level=1)).to_have_text(
            self.t(f"steps.{step}.title")
        )

    def load_demo(self, name: str) -> None:
        with self.rerun():
            self.page.get_by_role("button", name=self.t(f"demos.{name}.title")).first.click()
        self.follow(load_demo(name))

    def follow(self, conversation: Conversation) -> None:
        """From now on, read the screen in this conversation's language, mode and address."""
        self.language = conversation.language
        self.mode = conversation.mode
        self.address = conversation.resident.address

    # --- fields ------------------------------------------------------------------------------

    def box(self, label: str) -> Locator:
        """A text input or text area by its label; in a folded panel, the panel is opened."""
        folded = self.page.get_by_role("textbox", name=label, exact=True, include_hidden=True)
        if folded.count() == 1 and not folded.is_visible():
            self.unfold(folded.locator("xpath=ancestor::details[1]"))
        return self.page.get_by_role("textbox", name=label, exact=True)

    def open_panel(self, title: str) -> None:
        """A folded panel (an expander) by its title, opened as a person clicks it."""
        summary = self.page.locator("details > summary").filter(has_text=title)
        self.unfold(summary.locator("xpath=.."))

    def unfold(self, details: Locator) -> None:
        if details.get_attribute("open") is None:
            details.locator("xpath=./summary").click()
            expect(details).to_have_attribute("open", "")

    def fill(self, label: str, text: str) -> None:
        """Type into a field found by its label and leave it, as a person does."""
        box = self.box(label)
        if box.input_value() != text:
            self.commit(box, text)

    def commit(self, box: Locator, text: str, leave: str = "Tab") -> None:
        """Type into a field and leave it (Tab; or Shift+Tab where Tab would land on a date field
        and open its calendar over the page): Streamlit commits a text on blur."""
        box.scroll_into_view_if_needed()
        with self.rerun():
            box.fill(text)
            box.press(leave)

    def value(self, label: str) -> str:
        return self.box(label).input_value()

    def choose(self, option: str) -> None:
        """A radio option by its visible text."""
        radio = self.page.get_by_role("radio", name=option, exact=True)
        if radio.is_checked():
            return
        with self.rerun():
            radio.locator("xpath=ancestor::label[1]").click()

    def chip(self, text: str) -> Locator:
        return self.page.get_by_role("button", name=text, exact=True)

    def toggle_chip(self, text: str) -> None:
        with self.rerun():
            self.chip(text).click()

    def chosen_chips(self, label: str) -> list[str]:
        """The pressed pills of the group with this label."""
        group = self.page.get_by_role("toolbar", name=label, exact=True)
        pressed = group.get_by_role("button", pressed=True)
        # the label without its emoji, which is hidden from screen readers too
        words = pressed.locator("[data-testid='stMarkdownContainer']")
        return [word.strip() for word in words.all_inner_texts()]

    def domain_card(self, domain: str) -> Locator:
        """On Krachten: the card with a chosen domain's notes (its fields share their labels)."""
        heading = self.page.get_by_role(
            "heading", name=self.t(f"domains.{domain}.label"), exact=True
        )
        blocks = self.page.locator("[data-testid='stVerticalBlock']").filter(has=heading)
        return blocks.filter(has=self.page.get_by_role("textbox")).last  # the innermost

    def tick(self, label: str) -> None:
        box = self.page.get_by_role("checkbox", name=label, exact=True)
        with self.rerun():
            box.locator("xpath=ancestor::label[1]").click()

    def slider(self, axis_id: str) -> Locator:
        question = self.t(f"{structure().axis_kind(axis_id)}.{axis_id}.scale_question")
        return self.page.get_by_role("slider", name=f"{self.axis_label(axis_id)} · {question}")

    def score(self, axis_id: str, value: int | None) -> None:
        """With the keyboard: Home is "nog niet", each arrow one step up."""
        slider = self.slider(axis_id)
        slider.scroll_into_view_if_needed()
        with self.rerun():
            slider.focus()
            slider.press("Home")
            for _ in range(0 if value is None else value + 1):
                slider.press("ArrowRight")
            slider.blur()

    def shown_score(self, axis_id: str) -> str:
        return self.slider(axis_id).get_attribute("aria-valuetext") or ""

    def pick_option(self, label: str, option: str) -> None:
        """A selectbox or multiselect: open it by its label, click the option."""
        box = self.page.get_by_role("combobox", name=label, exact=True)
        box.scroll_into_view_if_needed()
        with self.rerun():
            box.click()
            self.page.get_by_role("option", name=option, exact=True).click()
        self.page.keyboard.press("Escape")

    def combobox_shows(self, label: str) -> str:
        """What a closed selectbox or multiselect shows: its text and its chosen tags."""
        box = self.page.get_by_role("combobox", name=label, exact=True)
        tags = box.locator("xpath=ancestor::*[@role='group'][1]")
        return f"{box.input_value()}\n{tags.inner_text()}"

    def click_kompas_axis(self, axis_id: str, mode: str | None = None) -> None:
        """Click the pictogram handle of an axis on the plotly chart, as a finger would."""
        axis_ids = mode_axes(mode or self.mode).ids
        chart = self.page.locator(".js-plotly-plot").first
        chart.scroll_into_view_if_needed()
        handles = chart.locator(".scatterlayer .trace").last.locator(".point")
        expect(handles).to_have_count(len(axis_ids))
        with self.rerun():
            handles.nth(axis_ids.index(axis_id)).click(force=True)

    # --- files -------------------------------------------------------------------------------

    def upload(self, label: str, data: bytes, name: str, mime: str) -> None:
        """Through the uploader with this label and its button, with the file chooser.

        Exact names: Streamlit's hidden file input is also a button, named "file upload"."""
        uploader = self.page.get_by_test_id("stFileUploader").filter(
            has=self.page.get_by_text(label, exact=True)
        )
        with self.rerun():
            with self.page.expect_file_chooser() as chooser:
                uploader.get_by_role("button", name=self.t("browser.upload"), exact=True).click()
            chooser.value.set_files({"name": name, "mimeType": mime, "buffer": data})

    def upload_refused(self, label: str, data: bytes, name: str, mime: str) -> None:
        """A file the browser refuses to send (over the limit): no run follows."""
        uploader = self.page.get_by_test_id("stFileUploader").filter(
            has=self.page.get_by_text(label, exact=True)
        )
        with self.page.expect_file_chooser() as chooser:
            uploader.get_by_role("button", name=self.t("browser.upload"), exact=True).click()
        chooser.value.set_files({"name": name, "mimeType": mime, "buffer": data})
        expect(uploader.get_by_test_id("stFileChip")).to_have_attribute("aria-invalid", "true")

    def download(self, label: str) -> tuple[str, bytes]:
        button = self.page.get_by_role("button", name=label)
        with self.page.expect_download(timeout=TIMEOUT_MS) as info:
            button.click()
        download = info.value
        return download.suggested_filename, Path(download.path()).read_bytes()

    def download_pdf(self) -> tuple[str, bytes]:
        return self.download(self.t("afronden.download_pdf"))

    def download_file(self) -> tuple[str, bytes]:
        return self.download(self.t("afronden.download_file"))

    # --- what a person sees ------------------------------------------------------------------

    def main_text(self) -> str:
        return self.page.locator("[data-testid='stMain']").inner_text()

    def assert_no_error(self) -> None:
        expect(self.page.locator("[data-testid='stException']")).to_have_count(0)
        expect(self.page.get_by_text(self.t("frame.error"))).to_have_count(0)


def pdf_text(pdf: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(pdf))
    return len(reader.pages), "\n".join(page.extract_text() or "" for page in reader.pages)


def squash(text: str) -> str:
    """PDF text extraction breaks lines where the page wraps; compare without whitespace."""
    return "".join(text.split())


def field_values(app: App) -> list[str]:
    """What every text box on the page holds: typed values live in properties, not in the HTML."""
    return app.page.locator("input, textarea").evaluate_all("boxes => boxes.map(b => b.value)")


def everything_shown(app: App) -> str:
    """The page's HTML, its visible text and its field values: all a person could read there."""
    return "\n".join([app.page.content(), app.main_text(), *field_values(app)])


def pdf_images(pdf: bytes) -> int:
    """How many images the first page draws (the photo is the only raster image on the page)."""
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    resources = page["/Resources"].get_object() if "/Resources" in page else {}
    objects = resources["/XObject"].get_object() if "/XObject" in resources else {}
    return sum(1 for name in objects if objects[name].get_object()["/Subtype"] == "/Image")


# Hostile test text marks itself: every payload that could run sets window.__pwned.
PLANTED_SCRIPT = """() => {
  const found = [];
  if (typeof window.__pwned !== 'undefined') found.push('window.__pwned is set');
  const urls = ['href', 'src', 'srcdoc', 'action', 'formaction', 'xlink:href', 'data'];
  for (const el of document.querySelectorAll('*')) {
    if (el.matches('input, textarea')) continue;  // holding the typed text is a field's job
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      const value = attr.value.trim().toLowerCase();
      if (name.startsWith('on') || (urls.includes(name) && value.startsWith('javascript:'))) {
        found.push(`<${el.tagName.toLowerCase()} ${name}="${attr.value.slice(0, 60)}">`);
      }
    }
  }
  for (const el of document.querySelectorAll('script, style')) {
    if (el.textContent.includes('__pwned') || el.textContent.includes('*{display:none}')) {
      found.push(`<${el.tagName.toLowerCase()}>${el.textContent.slice(0, 60)}`);
    }
  }
  for (const el of document.querySelectorAll("iframe, img[src='x']")) {
    found.push(el.outerHTML.slice(0, 80));
  }
  return found;
}"""


def script_traces(app: App) -> list[str]:
    """Anything typed text planted that could run script: event-handler attributes, javascript:
    URLs, inline scripts or styles carrying a payload, iframes, and window.__pwned itself."""
    return app.page.evaluate(PLANTED_SCRIPT)
