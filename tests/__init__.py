"""The test suite of wal (a package, so its helpers are imported once, as tests.*)."""
