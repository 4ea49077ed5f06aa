"""Errors a person can cause with an argument or the environment, and their hints."""

MESSAGES: dict[str, dict[str, str]] = {
    "errors.with_hint": {"en": "{message}; {hint}", "fr": "{message} ; {hint}"},
    "errors.did_you_mean": {"en": "did you mean {choices}?", "fr": "vouliez-vous dire {choices} ?"},
    "errors.no_record": {
        "en": "no {kind} with id '{id}'",
        "fr": "aucun {kind} ne porte l'identifiant '{id}'",
    },
    "errors.no_record_option": {
        "en": "{option}: no {kind} '{id}'",
        "fr": "{option} : aucun {kind} '{id}'",
    },
    "errors.lang": {
        "en": "{origin}: expected fr or en, got '{value}'",
        "fr": "{origin} : fr ou en attendu, reçu '{value}'",
    },
    "errors.year": {
        "en": "{option}: expected a year such as 2013, got '{value}'",
        "fr": "{option} : une année comme 2013 est attendue, reçu '{value}'",
    },
    "errors.columns": {
        "en": "--columns: expected comma-separated field paths, e.g. id,name,domain",
        "fr": "--columns : chemins de champs séparés par des virgules attendus, par ex. "
        "id,name,domain",
    },
    "errors.where": {
        "en": "--where '{text}': expected PATH OP VALUE, with OP one of = != ~ < > <= >= "
        "(e.g. --where 'domain=biotech')",
        "fr": "--where '{text}' : CHEMIN OP VALEUR attendu, OP étant l'un de = != ~ < > <= >= "
        "(par ex. --where 'domain=biotech')",
    },
    "errors.no_field": {
        "en": "{option}: no field '{path}' in these records",
        "fr": "{option} : aucun champ '{path}' dans ces fiches",
    },
    "errors.format": {
        "en": "--format: expected one of {choices}, got '{value}'",
        "fr": "--format : l'un de {choices} attendu, reçu '{value}'",
    },
    "errors.kind": {
        "en": "--kind: no kind '{value}'; expected one of {choices}",
        "fr": "--kind : aucune sorte de fiche '{value}' ; attendu : {choices}",
    },
    "errors.nothing_found": {
        "en": "nothing mentions '{query}'",
        "fr": "rien ne mentionne '{query}'",
    },
    "errors.unread_files": {
        "en": "{count} files could not be read and are not counted",
        "fr": "{count} fichiers n'ont pu être lus et ne sont pas comptés",
    },
}
