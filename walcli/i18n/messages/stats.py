"""`wal stats`: titles, headers and measures of its tables."""

MESSAGES: dict[str, dict[str, str]] = {
    "stats.title.summary": {"en": "Records and facts", "fr": "Fiches et faits"},
    "stats.title.fields": {"en": "Field completeness", "fr": "Champs remplis"},
    "stats.header.measure": {"en": "measure", "fr": "mesure"},
    "stats.header.total": {"en": "total", "fr": "total"},
    "stats.header.kind": {"en": "kind", "fr": "sorte"},
    "stats.header.field": {"en": "field", "fr": "champ"},
    "stats.header.present": {"en": "present", "fr": "présent"},
    "stats.header.share": {"en": "share", "fr": "part"},
    "stats.measure.records": {"en": "records", "fr": "fiches"},
    "stats.measure.facts": {"en": "facts", "fr": "faits"},
    "stats.measure.sourced": {"en": "sourced", "fr": "sourcés"},
    "stats.measure.unsourced": {"en": "unsourced", "fr": "non sourcés"},
    "stats.measure.weak_only": {"en": "weak-only", "fr": "sources fragiles seules"},
    "stats.measure.conflicts": {"en": "conflicts", "fr": "désaccords"},
    "stats.measure.seed_deck": {"en": "seed-deck", "fr": "présentation d'origine"},
    "stats.measure.open_questions": {"en": "open-questions", "fr": "questions ouvertes"},
    "stats.measure.qualified": {"en": "qualified", "fr": "chiffres nuancés"},
    "stats.measure.superseded": {"en": "superseded", "fr": "remplacés"},
    "stats.measure.links": {"en": "links", "fr": "liens"},
    "stats.measure.sourced_links": {"en": "sourced-links", "fr": "liens sourcés"},
}
