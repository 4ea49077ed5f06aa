"""`wal refs`: a record's links out and in."""

MESSAGES: dict[str, dict[str, str]] = {
    "refs.title": {"en": "{kind} {id}: {name}", "fr": "{kind} {id} : {name}"},
    "refs.references": {"en": "References", "fr": "Références"},
    "refs.referenced_by": {"en": "Referenced by", "fr": "Référencé par"},
    "refs.none": {"en": "none", "fr": "aucune"},
    "refs.depth": {"en": "depth {depth}", "fr": "profondeur {depth}"},
    "refs.via": {"en": "via {kind} {id}", "fr": "via {kind} {id}"},
}
