"""Cross-references and time (`wal refs`, `wal timeline`, `wal graph`): what they share."""

MESSAGES: dict[str, dict[str, str]] = {
    "xref.missing": {"en": "(missing)", "fr": "(absente)"},
    "xref.error.kind": {
        "en": "--kind: no kind {given!r}; expected one of {known}",
        "fr": "--kind : aucun type {given!r} ; attendu : {known}",
    },
    "xref.error.not_found": {
        "en": "no record with id {id!r}",
        "fr": "aucune fiche d'identifiant {id!r}",
    },
    "xref.error.not_found_kind": {
        "en": "no {what} with id {id!r}",
        "fr": "aucun {what} d'identifiant {id!r}",
    },
    "xref.error.did_you_mean": {
        "en": "; did you mean {ids}?",
        "fr": " ; vouliez-vous dire {ids} ?",
    },
    "xref.error.other_kind": {
        "en": "; it is the id of a record of {kinds}",
        "fr": " ; c'est l'identifiant d'une fiche de type {kinds}",
    },
    "xref.error.ambiguous": {
        "en": "id {id!r} names records of several kinds ({kinds}): choose one with --kind",
        "fr": "l'identifiant {id!r} désigne des fiches de plusieurs types ({kinds}) : précisez-le avec --kind",
    },
    "xref.error.depth": {
        "en": "--depth: expected a whole number of 1 or more, got {given}",
        "fr": "--depth : nombre entier d'au moins 1 attendu, reçu {given}",
    },
    "xref.unread": {
        "en": "{count} files could not be read and are left out",
        "fr": "{count} fichiers n'ont pas pu être lus et sont laissés de côté",
    },
}
