"""Markdown reports: which pages (pages), the plain data each receives (context, record,
facts, diagrams), the sandboxed Jinja2 templates that render them (engine, templates/), and
writing or checking a report's folder (write)."""
