"""Hypothesis profiles for the whole suite (tests/properties.py scales each test by them).

- ``ci``: the full number of examples. It is chosen when CI=true (`.ci/run` sets it) or
  HYPOTHESIS_PROFILE=ci.
- ``quick``: a fifth of them, for `make test` on a developer's machine.
"""

import os

from hypothesis import settings

settings.register_profile("ci", max_examples=100, deadline=None, print_blob=True)
settings.register_profile("quick", max_examples=20, deadline=None)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") == "true" else "quick")
)
