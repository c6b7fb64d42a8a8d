"""``python -m krachtwerk``: the command line of design §8.

One command makes one page or one summary, and then the process ends. Three settings make that
quicker without changing what it writes (bench/startup.py measures them):
- The cyclic garbage collector is off. One page makes little cyclic garbage; each collection
  walked every object fpdf2 and fontTools had loaded.
- pydantic's plugin lookup is off; it reads the metadata of every installed package, and we have
  no pydantic plugins.
- At the end every object is frozen, so Python's last collection at exit does not walk them all
  (about 120 ms of a 650 ms ``pdf`` command).
"""

import gc
import os
import sys

gc.disable()
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

from krachtwerk.cli import main  # noqa: E402  (after the settings above)

if __name__ == "__main__":
    status = main()
    gc.freeze()
    sys.exit(status)
