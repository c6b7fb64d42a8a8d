"""What the app does in the browser itself: Streamlit Components v2 with inline JS, no build step.

- ``download``: a download button whose file travels inside this session's own connection and is
  handed to the browser as a blob. Streamlit's download button serves files at ``/media/<id>``,
  an address that answered without any cookie long after Nieuw gesprek and after the tab closed.
- ``picture``: an image shown from a data URL, for the same reason (the page preview, the photo).

Resident text only ever reaches the browser as data set with ``textContent`` or a DOM property,
never as markup (docs/design.md, privacy).
"""

from __future__ import annotations

import base64

import streamlit as st

ICONS = {
    # Material Symbols "file_download", "save" and "table_chart", as constant markup chosen by name.
    "download": "M19 9h-4V3H9v6H5l7 7 7-7zM5 18v2h14v-2H5z",
    "save": "M17 3H5a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h14a2 2 0 0 0 2-2V7l-4-4zm-5 16a3 3 0 1 1 "
    "0-6 3 3 0 0 1 0 6zm3-10H5V5h10v4z",
    "table": "M10 10.02h5V21h-5zM17 21h3a2 2 0 0 0 2-2v-9h-5v11zm3-18H5a2 2 0 0 0-2 2v3h19V5a2 2 0 "
    "0 0-2-2zM3 19a2 2 0 0 0 2 2h3V10H3v9z",
}

DOWNLOAD_HTML = (
    '<button type="button"><svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">'
    '<path fill="currentColor"></path></svg><span></span></button>'
)

DOWNLOAD_CSS = """
button {
  display: flex; align-items: center; justify-content: center; gap: 0.5rem; width: 100%;
  min-height: 2.75rem; padding: 0.5rem 1rem; cursor: pointer;
  font: inherit; font-family: var(--st-font, inherit); font-size: 1rem; line-height: 1.6;
  color: var(--st-text-color, #0E1726); background: var(--st-background-color, #FFFDF8);
  border: 1px solid var(--st-border-color, rgba(14, 23, 38, 0.2));
  border-radius: var(--st-base-radius, 1rem);
}
button:hover {
  border-color: var(--st-primary-color, #0F6E6E); color: var(--st-primary-color, #0F6E6E);
}
button:focus-visible { outline: 2px solid var(--st-primary-color, #0F6E6E); outline-offset: 2px; }
button.primary { color: #FFFFFF; background: var(--st-primary-color, #0F6E6E);
  border-color: var(--st-primary-color, #0F6E6E); }
button.primary:hover { color: #FFFFFF; filter: brightness(0.92); }
svg { width: 1.25em; height: 1.25em; flex: none; }
"""

DOWNLOAD_JS = """
export default function ({ data, parentElement }) {
  const button = parentElement.querySelector("button");
  button.className = data.primary ? "primary" : "secondary";
  button.querySelector("span").textContent = data.label;
  button.querySelector("path").setAttribute("d", data.icon);
  button.onclick = () => {
    const bytes = Uint8Array.from(atob(data.content), (c) => c.charCodeAt(0));
    const url = URL.createObjectURL(new Blob([bytes], { type: data.mime }));
    const link = document.createElement("a");
    link.href = url;
    link.download = data.file_name;
    parentElement.appendChild(link);
    link.click();
    link.remove();
    // The blob lives in this tab only; once the browser has it, let go of it there too.
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    // The conversation file is saved: closing the tab now loses nothing (browser_copy.py).
    if (data.saves) {
      window.dispatchEvent(new CustomEvent("krachtkompas:saved", { detail: data.saves }));
    }
  };
}
"""

PICTURE_JS = """
export default function ({ data, parentElement }) {
  const picture = parentElement.querySelector("img");
  picture.src = data.src;
  picture.alt = data.alt;
  picture.style.width = data.width ? `${data.width}px` : "100%";
}
"""

_download = st.components.v2.component(
    "krachtkompas.download", html=DOWNLOAD_HTML, css=DOWNLOAD_CSS, js=DOWNLOAD_JS
)
_picture = st.components.v2.component(
    "krachtkompas.picture", html='<img alt="">', css="img { display: block; }", js=PICTURE_JS
)


def download(
    label: str,
    data: bytes,
    file_name: str,
    mime: str,
    icon: str,
    key: str,
    primary: bool = False,
    saves: str | None = None,
) -> None:
    """``saves``: the fingerprint of the conversation this file holds, when it is that file."""
    content = base64.b64encode(data).decode("ascii")
    payload = {
        "label": label,
        "content": content,
        "file_name": file_name,
        "mime": mime,
        "icon": ICONS[icon],
        "primary": primary,
        "saves": saves,
    }
    _download(data=payload, key=key)


def picture(data: bytes, mime: str, alt: str, key: str, width: int | None = None) -> None:
    src = f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"
    _picture(data={"src": src, "alt": alt, "width": width}, key=key)
