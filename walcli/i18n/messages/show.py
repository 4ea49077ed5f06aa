"""`wal KIND show`: the words of a record view around the data."""

MESSAGES: dict[str, dict[str, str]] = {
    # French puts a space before a colon
    "show.label": {"en": "{label}:", "fr": "{label} :"},
    "show.references": {"en": "Links", "fr": "Liens"},
    "show.referenced_by": {"en": "Referenced by", "fr": "Cité par"},
    "show.sources": {"en": "Sources", "fr": "Sources"},
    "show.source_missing": {
        "en": "(not in the record's sources)",
        "fr": "(absente des sources de la fiche)",
    },
    "show.seed_deck_source": {"en": "the seed deck", "fr": "présentation d'origine"},
}
