"""Login for professionals (optional, off by default): OpenID Connect with Streamlit's own
``st.login`` / ``st.user`` / ``st.logout`` (docs/operations.md, "Login").

On when the secrets hold an ``[auth]`` section (``.streamlit/secrets.toml``, or a file that
``STREAMLIT_SECRETS_FILES`` names, such as a mounted Kubernetes secret). Then nobody reaches any
step without logging in. The login knows the professional only: their first name is offered for
the "Voornaam van de professional" field, and nothing about the resident is ever tied to it.
Logging out empties the session and the tab's copy of the conversation.
"""

from __future__ import annotations

import streamlit as st

from krachtwerk.ui import browser_copy
from krachtwerk.ui.state import conversation, set_widget, texts, wipe

OFFERED_KEY = "kk.login.offered"  # the first name was offered once in this session
LOGGING_OUT_KEY = "kk.login.logging_out"
FORGOTTEN_KEY = "kk.login.forgotten"


def required() -> bool:
    """Login is on when the secrets configure a provider."""
    return st.secrets.load_if_toml_exists() and "auth" in st.secrets  # no secrets: off


def gate() -> bool:
    """True when the app may be shown. Otherwise the login screen is drawn (and the tab's copy
    of any conversation emptied: whoever sees this screen has no right to it)."""
    if not required():
        return True
    if st.session_state.pop(FORGOTTEN_KEY, False):  # the tab's copy is gone: now leave
        st.session_state.pop(LOGGING_OUT_KEY, None)
        st.logout()
        return False
    if st.session_state.get(LOGGING_OUT_KEY):
        # First the tab empties its copy and says so; the run that follows leaves for the
        # provider's logout. Leaving first raced the copy: the page could reload itself, still
        # logged in, or the browser asked whether to leave unsaved work behind.
        browser_copy.forget_in_tab(then=_forgotten)
        return False
    if st.user.is_logged_in:
        return True
    t = texts()
    st.title(t("login.title"), anchor=False)
    st.markdown(t("login.text"))
    st.button(t("login.button"), type="primary", icon=":material/login:", on_click=st.login)
    browser_copy.forget_in_tab()
    return False


def logout_button() -> None:
    """At the bottom of every step when login is on."""
    if required() and st.user.is_logged_in:
        st.button(
            texts()("login.logout"),
            icon=":material/logout:",
            on_click=_logout,
            key="login.logout",
        )


def _logout() -> None:
    wipe()  # nothing of the conversation stays in the session
    st.session_state[LOGGING_OUT_KEY] = True


def _forgotten() -> None:
    st.session_state[FORGOTTEN_KEY] = True


def offer_first_name() -> None:
    """The professional's first name from the login, once, into an empty field (after the tab's
    copy is settled: a restored conversation keeps its own).

    Only once the tab has answered: the session's first run is cut short by that answer, and
    Streamlit then drops a value set for a widget in it (the field showed empty)."""
    if not (required() and st.user.is_logged_in):
        return
    if st.session_state.get(OFFERED_KEY) or not browser_copy.answered():
        return
    st.session_state[OFFERED_KEY] = True
    professional = conversation().professional
    if professional.name.strip():
        return
    claims = st.user.to_dict()
    first = str(claims.get("given_name") or str(claims.get("name") or "").split(" ")[0]).strip()
    professional.name = first[:60]
    set_widget("professional.name", professional.name)
