"""Once per server process: load what all sessions share, then hide it from the garbage collector.

Streamlit runs a full garbage collection after every script run (``runner.postScriptGC``). A full
collection walks every object the process holds, and most of ours live as long as the process:
fonts and their parsed tables, pictograms, catalogues, plotly, pydantic and Streamlit themselves
(about 180,000 objects). Walking them took 50 ms per run for one person and 200-290 ms under load,
80% of the server's CPU with 50 people at once (bench/load.py).

So after the first run the long-lived objects are loaded on purpose, collected once, and frozen
(``gc.freeze()``): the collector no longer walks them. Frozen objects are still freed when nothing
refers to them; only a reference cycle among them would stay, and they are kept for good anyway.
With them frozen, Streamlit's collection after every run is switched off too
(.streamlit/config.toml): what a run leaves in cycles is young and Python's own generational
collection finds it, while the full walk over every live session still cost 10-18 ms a run with
ten people. bench/load.py measured both: memory after three waves of 50 people is the same with
and without it, and 50 at once wait half as long without it (bench/README.md, "Load").

Nothing about a resident is loaded here: the warm-up uses a demo case only.
"""

from __future__ import annotations

import gc
import os
import threading

import plotly.io

from krachtwerk import history
from krachtwerk.content import catalogue, structure
from krachtwerk.demos import load_demo
from krachtwerk.figure import checked_figure, kompas_figure
from krachtwerk.history_chart import history_spec
from krachtwerk.model import LANGUAGES, MODES
from krachtwerk.pdf import render_pdf
from krachtwerk.preview import page_jpeg

SETTING = "KRACHTKOMPAS_GC_FREEZE"  # "off" only to measure the difference (bench/load.py)
# Words in every script the page has a fallback font for, so each font is loaded now.
SCRIPTS = "Noor مرحبا שלום ሰላም"

_lock = threading.Lock()
_frozen = False


def freeze_once() -> None:
    """Call at the end of a run: the first call per process warms up and freezes (~0.5 s)."""
    global _frozen
    if _frozen or os.environ.get(SETTING, "on").strip().lower() == "off":
        return
    with _lock:
        if _frozen:
            return
        warm_up()
        gc.collect()
        gc.freeze()
        _frozen = True


def warm_up() -> None:
    """What a whole conversation loads: catalogues, both kompas drawings, the look back (pandas),
    every page font."""
    for language in LANGUAGES:
        catalogue(language)
    structure()
    demo = load_demo("wim")
    for mode in MODES:
        t = catalogue(demo.language).texts(mode)
        plotly.io.to_json(kompas_figure(t, mode, demo.current.kompas), validate=False)
    # The look back: pandas and the chart over time (demo wim has two meetings).
    table = history.meetings_table(demo)
    dates = [meeting.date.isoformat() for meeting in demo.meetings]
    history.export_csv(table)
    plotly.io.to_json(checked_figure(history_spec(t, table, dates)), validate=False)
    demo.resident.name = SCRIPTS
    demo.current.action.what = SCRIPTS
    page_jpeg(render_pdf(demo))
