"""`wal KIND fields`: the paths `--where`, `--sort` and `--columns` accept."""

MESSAGES: dict[str, dict[str, str]] = {
    "fields.header.path": {"en": "path", "fr": "chemin"},
    "fields.header.type": {"en": "type", "fr": "type"},
    "fields.header.label": {"en": "label", "fr": "libellé"},
}
