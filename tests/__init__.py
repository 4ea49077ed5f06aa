"""The test suite of wal (a package, so its helpers are imported once, as tests.*)."""

import sys

# The suite keeps its bytecode, as an installed package does: with PYTHONDONTWRITEBYTECODE
# (set on some machines) every run would compile wal's sources and rewrite every test module
# again, seconds of each run. This package is imported before any test module or wal's own.
sys.dont_write_bytecode = False
