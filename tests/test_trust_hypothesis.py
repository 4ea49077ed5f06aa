"""The property tests draw the same examples on every run unless seeds are asked for: a suite
that fails one run in five blocks every landing."""

from __future__ import annotations

import os

import pytest
from hypothesis import settings


def test_examples_are_the_same_on_every_run_unless_seeded(pytestconfig: pytest.Config) -> None:
    seeded = pytestconfig.getoption("hypothesis_seed", default=None) is not None
    fresh = seeded or os.environ.get("WAL_HYPOTHESIS") == "random"
    assert settings.default.derandomize is not fresh
    assert settings.default.database is None  # nothing remembered between runs either
