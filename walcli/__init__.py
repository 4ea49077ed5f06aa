"""wal: the registry of Wallonia's industrial policy."""

__version__ = "0.1.0"
