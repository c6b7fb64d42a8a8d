"""How many examples a property test runs under the loaded Hypothesis profile (conftest.py)."""

from hypothesis import settings


def examples(full: int) -> int:
    """``full`` under the ``ci`` profile (100 examples by default); scaled down with the profile,
    never below ten."""
    return max(10, round(full * settings.default.max_examples / 100))
