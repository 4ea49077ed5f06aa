"""`wal diff`: the words around what changed."""

MESSAGES: dict[str, dict[str, str]] = {
    "diff.since": {
        "en": "Records since {rev} ({commit})",
        "fr": "Fiches depuis {rev} ({commit})",
    },
    "diff.header": {"en": "{since}: {summary}", "fr": "{since} : {summary}"},
    "diff.none": {"en": "(none)", "fr": "(aucune)"},
    "diff.nothing": {"en": "no record changed", "fr": "aucune fiche modifiée"},
    "diff.count.added": {"en": "{count} added", "fr": "{count} ajoutée(s)"},
    "diff.count.removed": {"en": "{count} removed", "fr": "{count} supprimée(s)"},
    "diff.count.renamed": {"en": "{count} renamed", "fr": "{count} renommée(s)"},
    "diff.count.changed": {"en": "{count} changed", "fr": "{count} modifiée(s)"},
    "diff.added": {"en": "{path}: added {new}", "fr": "{path} : ajouté {new}"},
    "diff.removed": {"en": "{path}: removed (was {old})", "fr": "{path} : supprimé (était {old})"},
    "diff.changed": {"en": "{path}: {old} -> {new}", "fr": "{path} : {old} -> {new}"},
    "diff.added_record": {"en": "added {kind} {id}{name}", "fr": "{kind} ajouté : {id}{name}"},
    "diff.removed_record": {
        "en": "removed {kind} {id}{name}",
        "fr": "{kind} supprimé : {id}{name}",
    },
    "diff.changed_record": {
        "en": "changed {kind} {id}{name}",
        "fr": "{kind} modifié : {id}{name}",
    },
    "diff.renamed": {
        "en": "renamed {kind} {old} -> {new}{name}, {percent}% of its fields unchanged",
        "fr": "{kind} renommé : {old} -> {new}{name}, {percent} % de ses champs inchangés",
    },
    "diff.fate_renamed": {"en": "was renamed to {new}", "fr": "a été renommé en {new}"},
    "diff.fate_removed": {"en": "was removed", "fr": "a été supprimé"},
    "diff.broken": {
        "en": "{where}: {record} {path} still names {kind} {id}, which {fate}",
        "fr": "{where} : {record} {path} nomme encore le {kind} {id}, qui {fate}",
    },
    "diff.breaks": {
        "en": "References this change breaks",
        "fr": "Références que ce changement casse",
    },
    "diff.unread_text": {
        "en": "Not compared (the file does not load; see wal validate)",
        "fr": "Non comparé (le fichier ne se charge pas ; voir wal validate)",
    },
    "diff.unread_markdown": {
        "en": "Not compared (the file does not load)",
        "fr": "Non comparé (le fichier ne se charge pas)",
    },
    "diff.md.header": {
        "en": "| field | before | after |",
        "fr": "| champ | avant | après |",
    },
}
