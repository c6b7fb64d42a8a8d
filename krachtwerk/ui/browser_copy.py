"""The browser copy (design §9): the conversation kept in the tab's sessionStorage, brought back.

A Components v2 component with inline JS, mounted once at the end of every run:

- A new server session (a reload, a server restart, a session that expired while the laptop was
  closed) first asks the tab what it kept. The tab answers once; ``settle`` restores that copy
  before anything is drawn, or starts empty. Until the tab has answered, nothing is written, so a
  fresh session never overwrites the copy it is about to restore.
- After that, each run hands the tab the conversation file's text (and the photo) only when its
  fingerprint changed; the tab writes it and asks again if a message was lost on the way.
- While the connection is away the tab covers the screen with a calm message in the
  conversation's language, in place of Streamlit's English developer dialog. Back online, a run
  shows whether the server still knows this page; if not, the page loads again and restores.
- Closing the tab with changes not yet saved as a conversation file asks "leave this page?".

The bookkeeping here holds a random token and fingerprints, never anything a resident said.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import streamlit as st

from krachtwerk.browser_copy import (
    VERSION,
    CopyProblem,
    enabled,
    fingerprint,
    is_blank,
    photo_text,
    read_copy,
)
from krachtwerk.content import Texts
from krachtwerk.model import Conversation
from krachtwerk.ui import fields
from krachtwerk.ui.layout import STEPS, go
from krachtwerk.ui.start import new_conversation
from krachtwerk.ui.state import (
    BOOK_KEY,
    PHOTO_KEY,
    conversation,
    flash,
    replace_conversation,
    saved_file,
    texts,
)

COMPONENT_KEY = "kk.browser.copy"
FOUND_KEY = "kk.copy.found"  # what the tab handed back, until the next run restores it
NOTICE_KEY = "kk.copy.notice"  # the step on which "het gesprek staat er weer" is shown

COPY_JS = """
const PREFIX = "krachtkompas.copy.";
const KEYS = {
  version: PREFIX + "version", step: PREFIX + "step", saved: PREFIX + "saved",
  conversation: PREFIX + "conversation", conversationFp: PREFIX + "conversation.fp",
  photo: PREFIX + "photo", photoFp: PREFIX + "photo.fp",
};
const AWAY_AFTER_MS = 1000;  // a blink of the network shows nothing

const storage = () => {
  try { return window.sessionStorage; } catch { return null; }  // blocked by the browser
};

const forget = (store) => { for (const key of Object.values(KEYS)) store.removeItem(key); };

const found = (store) => {
  const conversation = store.getItem(KEYS.conversation);
  if (conversation === null) return null;
  return {
    version: store.getItem(KEYS.version), step: store.getItem(KEYS.step),
    conversation, photo: store.getItem(KEYS.photo),
  };
};

// One part (the conversation or the photo): write it when it came along, else check that what
// the tab holds is what the server last sent. False: something went missing, ask again.
const keep = (store, key, fpKey, fp, content) => {
  if (fp === "") { store.removeItem(key); store.removeItem(fpKey); return true; }
  if (typeof content !== "string") return store.getItem(fpKey) === fp;
  try {
    store.setItem(key, content);
  } catch {
    // Full: the photo goes first ("if it fits"); without room for the conversation, keep nothing
    // rather than something old.
    store.removeItem(KEYS.photo);
    try { store.setItem(key, content); } catch { store.removeItem(key); }
  }
  store.setItem(fpKey, fp);
  return true;
};

const cover = (kk) => {
  if (kk.cover) return kk.cover;
  const style = document.createElement("style");
  style.textContent = `
    .kk-cover { position: fixed; inset: 0; z-index: 1000100; display: flex; align-items: center;
      justify-content: center; padding: 1.5rem; background: rgba(255, 253, 248, 0.97);
      font-family: "Source Sans", "Source Sans Pro", sans-serif; color: #0E1726; }
    .kk-cover[hidden] { display: none; }
    .kk-cover-card { max-width: 34rem; padding: 2rem 2.25rem; border-radius: 1.25rem;
      background: #FFFDF8; border: 2px solid #0F6E6E;
      box-shadow: 0 0.5rem 2rem rgba(14, 23, 38, 0.12); }
    .kk-cover-title { margin: 0 0 0.75rem; font-size: 1.75rem; font-weight: 700; line-height: 1.3; }
    .kk-cover-text { margin: 0; font-size: 1.375rem; line-height: 1.5; }
    .kk-cover-dot { display: inline-block; width: 0.8rem; height: 0.8rem; margin-right: 0.6rem;
      border-radius: 50%; background: #0F6E6E; animation: kk-pulse 1.6s ease-in-out infinite; }
    @keyframes kk-pulse { 50% { opacity: 0.25; } }
    @media (prefers-reduced-motion: reduce) { .kk-cover-dot { animation: none; } }
    html.kk-away [role="dialog"]:not(.kk-cover) { display: none !important; }`;
  document.head.appendChild(style);
  const element = document.createElement("div");
  element.className = "kk-cover";
  element.hidden = true;
  element.setAttribute("role", "alert");
  element.innerHTML = '<div class="kk-cover-card"><p class="kk-cover-title">' +
    '<span class="kk-cover-dot" aria-hidden="true"></span><span></span></p>' +
    '<p class="kk-cover-text"></p></div>';
  document.body.appendChild(element);
  kk.cover = element;
  return element;
};

const show = (kk, why) => {
  const element = cover(kk);
  element.querySelector(".kk-cover-title span:last-child").textContent = kk.words[`${why}_title`];
  element.querySelector(".kk-cover-text").textContent = kk.words[`${why}_text`];
  element.dataset.why = why;
  element.hidden = false;
  document.documentElement.classList.add("kk-away");
};

const hide = (kk) => {
  if (kk.cover) kk.cover.hidden = true;
  document.documentElement.classList.remove("kk-away");
};

const leave = (kk) => {
  // The server no longer knows this page: what is on screen is stale. Load it again; the new
  // session finds the copy in this tab and carries on where the pair was.
  kk.leaving = true;
  show(kk, "away");
  window.location.reload();
};

const start = (kk) => {
  kk.started = true;
  const app = document.querySelector('[data-testid="stApp"]');
  const look = () => {
    const state = app.dataset.testConnectionState;
    if (state === "CONNECTED") {
      clearTimeout(kk.timer);
      if (kk.away) {
        kk.away = false;
        kk.send("back", Date.now());  // one run: does the server still know this page?
      }
    } else if (state && state !== "INITIAL" && !kk.away) {
      kk.away = true;
      kk.timer = setTimeout(() => show(kk, "away"), AWAY_AFTER_MS);
    }
  };
  if (app) {
    new MutationObserver(look).observe(app, {
      attributes: true, attributeFilter: ["data-test-connection-state"],
    });
  }
  window.addEventListener("krachtkompas:saved", (event) => {
    kk.saved = event.detail;
    const store = storage();
    if (store && !kk.off) store.setItem(KEYS.saved, event.detail);
  });
  window.addEventListener("beforeunload", (event) => {
    if (kk.leaving || !kk.fp || kk.fp === kk.saved) return;
    event.preventDefault();
    event.returnValue = "";  // the browser asks its own "leave this page?" question
  });
};

export default function ({ data, setTriggerValue }) {
  const kk = (window.__kkCopy ||= { session: null, asked: null, saved: "" });
  kk.words = data.words;
  kk.send = setTriggerValue;
  kk.off = data.off;
  kk.fp = data.fp;
  if (!kk.started) start(kk);
  if (kk.leaving) return;
  if (kk.session !== null && kk.session !== data.session) return leave(kk);
  kk.session = data.session;
  const store = storage();
  // Where the copy stands, for whoever looks at the page (the browser tests wait on it).
  const stands = data.off || !store ? "off" : data.live ? "live" : "asking";
  document.documentElement.dataset.kkCopy = stands;
  if (data.off || !store) {
    if (store) forget(store);
    if (!kk.away) hide(kk);
    // Logging out: say when the copy is gone, so leaving the page comes after it.
    if (data.tell_forgotten && kk.told !== data.run) {
      kk.told = data.run;
      kk.send("forgotten", data.run);
    }
    return;
  }
  if (!data.live) {
    if (kk.asked !== data.session) {
      kk.asked = data.session;
      const copy = found(store);
      if (copy) show(kk, "restoring");
      setTriggerValue("found", { copy });
    }
    return;
  }
  if (!kk.away) hide(kk);
  kk.saved = store.getItem(KEYS.saved) || kk.saved;
  if (data.fp === "" && data.photo_fp === "") {
    forget(store);
    return;
  }
  const conversationKept = keep(
    store, KEYS.conversation, KEYS.conversationFp, data.fp, data.conversation);
  const photoKept = keep(store, KEYS.photo, KEYS.photoFp, data.photo_fp, data.photo);
  store.setItem(KEYS.step, data.step);
  store.setItem(KEYS.version, data.version);
  if (!conversationKept || !photoKept) setTriggerValue("resend", Date.now());
}
"""

_copy = st.components.v2.component("krachtkompas.copy", js=COPY_JS)


@dataclass
class Book:
    """What this server session knows of the tab's copy: a token and fingerprints, no content."""

    session: str
    live: bool = False  # the tab has answered (or the pair began anew): the copy follows the model
    sent: str | None = None  # fingerprint of the conversation text the tab was last given
    sent_photo: str | None = None
    runs: int = 0

    def begin_anew(self) -> None:
        """Nieuw gesprek: whatever the tab kept is to be emptied, never restored."""
        self.live = True
        self.sent = self.sent_photo = None


def _book() -> Book:
    if BOOK_KEY not in st.session_state:
        st.session_state[BOOK_KEY] = Book(session=secrets.token_urlsafe(12))
    return st.session_state[BOOK_KEY]


def _component_value(event: str) -> object:
    return st.session_state[COMPONENT_KEY].get(event)


def _found() -> None:
    answer = _component_value("found")
    if isinstance(answer, Mapping):
        st.session_state[FOUND_KEY] = answer.get("copy")


def _resend() -> None:
    book = _book()
    book.sent = book.sent_photo = None


def _back() -> None:
    """The connection is back: the run this starts is all that is needed."""


def settle() -> None:
    """Before anything is drawn: restore what the tab handed back (and go to its step)."""
    if FOUND_KEY in st.session_state:
        _restore(st.session_state.pop(FOUND_KEY))


def _restore(found: object) -> None:
    book = _book()
    if book.live:  # the pair already began anew in this session: their work wins
        return
    book.live = True
    if found is None:
        return
    try:
        restored = read_copy(found, STEPS)
    except CopyProblem as problem:
        # Also forget what this session's first run took from the widgets still on screen.
        replace_conversation(Conversation())
        flash("error", texts()(f"copy.{problem.code}"))
        return
    replace_conversation(restored.conversation)
    if restored.photo is not None:
        st.session_state[PHOTO_KEY] = restored.photo
    st.session_state[NOTICE_KEY] = restored.step
    go(restored.step)


def _start_over() -> None:
    new_conversation()
    go("start")


def notice(step: str) -> None:
    """One calm line on the step the pair was on, with a way to start fresh instead."""
    restored_step = st.session_state.get(NOTICE_KEY)
    if restored_step is None:
        return
    if restored_step != step:
        del st.session_state[NOTICE_KEY]
        return
    t = texts()
    line, choice = st.columns([3, 1], vertical_alignment="center")
    line.info(t("copy.restored"), icon=":material/history:")
    with choice:
        fields.confirmed_button(
            t("copy.start_over"),
            ":material/restart_alt:",
            t("copy.start_over_text"),
            t("copy.start_over_confirm"),
            _start_over,
            key="copy.start_over",
        )


def keep(step: str) -> None:
    """At the end of every run: hand the tab what changed, and the words it may need offline."""
    book = _book()
    book.runs += 1
    on = enabled()
    current = conversation()
    photo = st.session_state.get(PHOTO_KEY)
    text = None if photo is None and is_blank(current) else saved_file().decode("utf-8")
    fp = "" if text is None else fingerprint(text.encode("utf-8"))
    photo_fp = "" if photo is None else fingerprint(photo)
    t = texts()
    data: dict[str, object] = {
        "session": book.session,
        "live": book.live,
        "off": not on,
        "run": book.runs,  # every run reaches the tab, also when nothing else changed
        "step": step,
        "version": str(VERSION),
        "fp": fp,
        "photo_fp": photo_fp,
        "words": _words(t, on),
    }
    if on and book.live:
        if text is None:
            book.sent = None
        elif fp != book.sent:
            data["conversation"] = text
            book.sent = fp
        if photo is None:
            book.sent_photo = None
        elif photo_fp != book.sent_photo:
            data["photo"] = photo_text(photo)
            book.sent_photo = photo_fp
    _copy(
        data=data,
        key=COMPONENT_KEY,
        height=0,
        on_found_change=_found,
        on_resend_change=_resend,
        on_back_change=_back,
    )


def forget_in_tab(then: Callable[[], None] | None = None) -> None:
    """Empty the tab's copy (logging out, or logged out): the component mounted as switched off,
    so the tab removes what it kept. Nothing is restored, nothing is sent. ``then`` runs once
    the tab says the copy is gone. This session's own token: the tab would load the page again
    on a token it does not know."""
    book = _book()
    book.runs += 1
    _copy(
        data={
            "session": book.session,
            "live": False,
            "off": True,
            "tell_forgotten": then is not None,
            "run": book.runs,
            "step": STEPS[0],
            "version": str(VERSION),
            "fp": "",
            "photo_fp": "",
            "words": _words(texts(), on=False),
        },
        key=COMPONENT_KEY,
        height=0,
        on_forgotten_change=then or _nothing,
    )


def _words(t: Texts, on: bool) -> dict[str, str]:
    """What the tab may need to say while the connection is away, in the conversation's words."""
    return {
        "away_title": t("copy.away_title"),
        "away_text": t("copy.away_text" if on else "copy.away_text_off"),
        "restoring_title": t("copy.restoring_title"),
        "restoring_text": t("copy.restoring_text"),
    }


def _nothing() -> None:
    """No one waits for the tab to say its copy is gone."""


def answered() -> bool:
    """The tab has told this session what it kept (or keeps nothing): from here on a run is not
    cut short by that answer, so a value set for a widget now reaches the screen."""
    return not enabled() or _book().live
