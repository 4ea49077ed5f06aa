"""`wal validate`: its summary, the words its human formats put around the problems, and
`--explain`."""

MESSAGES: dict[str, dict[str, str]] = {
    "validate.summary": {
        "en": "{records}{scope}, {errors}, {warnings}",
        "fr": "{records}{scope}, {errors}, {warnings}",
    },
    "validate.records.one": {"en": "{count} record", "fr": "{count} fiche"},
    "validate.records.other": {"en": "{count} records", "fr": "{count} fiches"},
    "validate.scope.one": {"en": ", {count} file reported on", "fr": ", {count} fichier examiné"},
    "validate.scope.other": {
        "en": ", {count} files reported on",
        "fr": ", {count} fichiers examinés",
    },
    "validate.nothing_changed": {
        "en": "no data file changed: nothing to check",
        "fr": "aucun fichier de données modifié : rien à vérifier",
    },
    "validate.severity.error": {"en": "error", "fr": "erreur"},
    "validate.severity.warning": {"en": "warning", "fr": "avertissement"},
    "validate.hint": {"en": "hint [{code}]: {hint}", "fr": "conseil [{code}] : {hint}"},
    "validate.fix": {"en": "Fix: {hint}", "fr": "Correction : {hint}"},
    # --explain
    "validate.explain": {
        "en": "{code} ({severity})\n  {description}\n  fix: {hint}\n",
        "fr": "{code} ({severity})\n  {description}\n  correction : {hint}\n",
    },
    "validate.no_code": {
        "en": "--explain: no problem code '{code}' (`wal validate --explain all` lists them all)",
        "fr": "--explain : aucun code de problème '{code}' (`wal validate --explain all` les "
        "liste tous)",
    },
    # the Markdown job summary
    "validate.md.title": {"en": "wal validate", "fr": "wal validate"},
    "validate.md.clean": {
        "en": "No problems in {files} checked.",
        "fr": "Aucun problème dans {files} vérifiés.",
    },
    "validate.md.files.one": {"en": "{count} file", "fr": "{count} fichier"},
    "validate.md.files.other": {"en": "{count} files", "fr": "{count} fichiers"},
    "validate.md.errors.one": {"en": "{count} error", "fr": "{count} erreur"},
    "validate.md.errors.other": {"en": "{count} errors", "fr": "{count} erreurs"},
    "validate.md.warnings.one": {"en": "{count} warning", "fr": "{count} avertissement"},
    "validate.md.warnings.other": {"en": "{count} warnings", "fr": "{count} avertissements"},
    "validate.md.found": {
        "en": "**{errors}, {warnings}** in {files} checked: the check {verdict}.",
        "fr": "**{errors}, {warnings}** dans {files} vérifiés : la vérification {verdict}.",
    },
    "validate.md.fails": {"en": "fails", "fr": "échoue"},
    "validate.md.passes": {"en": "passes", "fr": "réussit"},
    "validate.md.header": {
        "en": "| file | line | column | severity | code | message |",
        "fr": "| fichier | ligne | colonne | gravité | code | message |",
    },
    "validate.md.how_to_fix": {"en": "How to fix", "fr": "Comment corriger"},
    "validate.md.fix_header": {"en": "| code | fix |", "fr": "| code | correction |"},
}
