"""The server's warm-up (krachtwerk/ui/warm.py): after it, the collector no longer walks what all
sessions share. In a child process: a freeze lasts for the whole process it happens in."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROBE = """
import gc, json
from krachtwerk.ui import warm
warm.freeze_once()
warm.freeze_once()  # a second call does nothing
frozen = gc.get_freeze_count()
gc.collect()
print(json.dumps({"frozen": frozen, "walked": len(gc.get_objects())}))
"""


def probe(**env: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(done.stdout.splitlines()[-1])


def test_after_the_warm_up_a_full_collection_walks_little() -> None:
    seen = probe()
    assert seen["frozen"] > 50_000  # fonts, pictograms, catalogues, plotly, pydantic
    assert seen["walked"] < seen["frozen"] / 20


def test_switched_off_nothing_is_frozen() -> None:
    seen = probe(KRACHTKOMPAS_GC_FREEZE="off")
    assert seen["frozen"] == 0
    assert seen["walked"] > 50_000


def test_the_app_has_streamlits_collection_after_every_run_off() -> None:
    """The decision measured in bench/load.py; with the freeze it is safe for memory."""
    import tomllib

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["runner"]["postScriptGC"] is False
