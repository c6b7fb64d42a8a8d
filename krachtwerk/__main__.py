"""``python -m krachtwerk``: the command line of SPEC §8."""

import sys

from krachtwerk.cli import main

if __name__ == "__main__":
    sys.exit(main())
