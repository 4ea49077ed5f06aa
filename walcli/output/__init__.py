"""Rendering: one registry of formats per output shape (sheets of rows, records, problems,
diffs), and the one safe-text function and Markdown escaper every format goes through."""
