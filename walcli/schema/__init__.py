"""The schema set of a registry: its documents, the one walker over them, and validators."""
