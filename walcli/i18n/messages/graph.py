"""`wal graph`: records and links as a diagram."""

MESSAGES: dict[str, dict[str, str]] = {
    "graph.error.depth_without_id": {
        "en": "--depth needs an ID",
        "fr": "--depth demande un identifiant (ID)",
    },
    "graph.title": {"en": "Records and their references", "fr": "Fiches et leurs références"},
}
