"""`wal search`: its help and the headers of its table."""

MESSAGES: dict[str, dict[str, str]] = {
    "search.header.kind": {"en": "kind", "fr": "sorte"},
    "search.header.id": {"en": "id", "fr": "identifiant"},
    "search.header.path": {"en": "field", "fr": "champ"},
    "search.header.text": {"en": "text", "fr": "texte"},
    "search.header.sources": {"en": "sources", "fr": "sources"},
}
