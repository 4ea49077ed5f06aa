"""Checking a registry: the engine, the rules (one module each) and the table of codes."""
