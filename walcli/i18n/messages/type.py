"""Types of fields in words, for `wal KIND fields`."""

MESSAGES: dict[str, dict[str, str]] = {
    "type.reference": {"en": "id of a {kind}", "fr": "identifiant d'un {kind}"},
    "type.date": {
        "en": "date (2006, 2006-07, 2006-07-12)",
        "fr": "date (2006, 2006-07, 2006-07-12)",
    },
    "type.money": {"en": "euros", "fr": "euros"},
    "type.count": {"en": "whole number", "fr": "nombre entier"},
    "type.integer": {"en": "whole number", "fr": "nombre entier"},
    "type.number": {"en": "number", "fr": "nombre"},
    "type.url": {"en": "URL", "fr": "URL"},
    "type.text": {"en": "text (.fr, .en)", "fr": "texte (.fr, .en)"},
    "type.string": {"en": "text", "fr": "texte"},
    "type.id": {"en": "id", "fr": "identifiant"},
    "type.source-id": {"en": "source id", "fr": "identifiant de source"},
    "type.period": {"en": "period (.start, .end)", "fr": "période (.start, .end)"},
    "type.claims": {
        "en": "{of}, per source (.value, .sources)",
        "fr": "{of}, par source (.value, .sources)",
    },
    "type.figure": {"en": "figure", "fr": "chiffre"},
    "type.list": {"en": "list", "fr": "liste"},
    "type.list_of": {"en": "list of: {of}", "fr": "liste de : {of}"},
    "type.enum": {"en": "one of: {values}", "fr": "au choix : {values}"},
    "type.boolean": {"en": "true or false", "fr": "true ou false"},
    "type.object": {"en": "group of fields", "fr": "groupe de champs"},
    "type.any": {"en": "any value", "fr": "toute valeur"},
}
