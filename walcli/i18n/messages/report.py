"""`wal report`: the words of the Markdown pages and of the command's messages."""

MESSAGES: dict[str, dict[str, str]] = {
    "report.index.title": {
        "en": "Wallonia's industrial policy",
        "fr": "La politique industrielle wallonne",
    },
    "report.index.intro": {
        "en": "A registry of Wallonia's industrial policy since 2005: the priority domains, "
        "the competitiveness poles, the waves of the Marshall Plan and what followed, and "
        "the Region's responses to industrial shocks. Every fact cites its sources; where "
        "sources disagree, each value is kept with its own.",
        "fr": "Un registre de la politique industrielle wallonne depuis 2005 : les domaines "
        "prioritaires, les pôles de compétitivité, les vagues du Plan Marshall et leurs "
        "suites, et les réponses de la Région aux chocs industriels. Chaque fait cite ses "
        "sources ; quand elles divergent, chaque valeur est gardée avec la sienne.",
    },
    "report.index.short": {"en": "Index", "fr": "Accueil"},
    "report.index.contents": {"en": "Contents", "fr": "Contenu"},
    "report.index.kind": {"en": "Kind", "fr": "Type"},
    "report.index.records": {"en": "Records", "fr": "Fiches"},
    "report.index.total": {"en": "Total", "fr": "Total"},
    "report.decade": {"en": "The decade on one timeline", "fr": "La décennie en un coup d'œil"},
    "report.not_drawn": {
        "en": "{count} more dates are not drawn, to keep the diagram readable.",
        "fr": "{count} autres dates ne sont pas dessinées, pour garder le schéma lisible.",
    },
    "report.timeline.title": {"en": "Timeline", "fr": "Chronologie"},
    "report.timeline.every_event": {
        "en": "Every dated event, in order",
        "fr": "Tous les événements datés, dans l'ordre",
    },
    "report.timeline.date": {"en": "Date", "fr": "Date"},
    "report.timeline.record": {"en": "Record", "fr": "Fiche"},
    "report.timeline.event": {"en": "Event", "fr": "Événement"},
    "report.kind.count": {"en": "Records: {count}.", "fr": "Fiches : {count}."},
    "report.kind.disputed": {
        "en": "{mark}: the sources disagree on this value; the record's page gives each.",
        "fr": "{mark} : les sources divergent sur cette valeur ; la fiche les donne toutes.",
    },
    "report.record.open_questions": {"en": "Open questions", "fr": "Questions ouvertes"},
    "report.record.links": {"en": "Links", "fr": "Liens"},
    "report.record.referenced_by": {"en": "Cited by the {kind}", "fr": "Cité par le {kind}"},
    "report.record.sources": {"en": "Sources", "fr": "Sources"},
    "report.seed_deck_source": {"en": "the seed slide deck", "fr": "la présentation d'origine"},
    "report.when": {"en": "{value} ({when})", "fr": "{value} ({when})"},
    "report.note": {"en": "Note", "fr": "Note"},
    "report.missing_source": {
        "en": "{id} (not among the record's sources)",
        "fr": "{id} (absente des sources de la fiche)",
    },
    "report.period": {"en": "{start} \u2013 {end}", "fr": "{start} \u2013 {end}"},
    "report.open": {"en": "ongoing", "fr": "en cours"},
    # errors and hints (the library raises them; the CLI's boundary prints them)
    "report.error.kind": {
        "en": "no kind {kind!r}; expected one of {kinds}",
        "fr": "pas de type {kind!r} ; attendu : {kinds}",
    },
    "report.error.ambiguous": {
        "en": "{given!r} names records of several kinds: write one of {choices}",
        "fr": "{given!r} désigne des fiches de plusieurs types : écrivez {choices}",
    },
    "report.error.target": {
        "en": "no kind or record {given!r}",
        "fr": "aucun type ni aucune fiche {given!r}",
    },
    "report.error.template_folder": {
        "en": "--template: no folder {folder!r}",
        "fr": "--template : pas de dossier {folder!r}",
    },
    "report.error.template": {
        "en": "{at}: template error: {error}",
        "fr": "{at} : erreur dans le modèle : {error}",
    },
    "report.error.template_read": {
        "en": "{at}: cannot read the template: {error}",
        "fr": "{at} : modèle illisible : {error}",
    },
    "report.error.internals": {
        "en": "{at}: the template reaches for {attribute}, a Python internal: templates may "
        "read the report's data only",
        "fr": "{at} : le modèle cherche à atteindre {attribute}, un élément interne de Python : "
        "un modèle ne peut lire que les données du rapport",
    },
    "report.error.sandbox": {
        "en": "{at}: refused by the sandbox: {error}",
        "fr": "{at} : refusé par le bac à sable : {error}",
    },
    "report.error.export_not_folder": {
        "en": "--export-templates: {folder!r} is not a folder",
        "fr": "--export-templates : {folder!r} n'est pas un dossier",
    },
    "report.error.export_exists": {
        "en": "--export-templates: {count} file(s) already there ({names}); nothing written",
        "fr": "--export-templates : {count} fichier(s) déjà présent(s) ({names}) ; rien n'est écrit",
    },
    "report.error.file_exists": {
        "en": "--out: {path!r} already exists; nothing written",
        "fr": "--out : {path!r} existe déjà ; rien n'est écrit",
    },
    "report.error.no_folder": {
        "en": "--out: no folder {folder!r}",
        "fr": "--out : pas de dossier {folder!r}",
    },
    "report.error.not_folder": {
        "en": "--out: {folder!r} is a file, not a folder",
        "fr": "--out : {folder!r} est un fichier, pas un dossier",
    },
    "report.error.pages_exist": {
        "en": "--out: {count} page(s) already in {folder!r} ({names}); nothing written",
        "fr": "--out : {count} page(s) déjà dans {folder!r} ({names}) ; rien n'est écrit",
    },
    "report.error.cannot_make": {
        "en": "--out: cannot make {folder!r}: {why}",
        "fr": "--out : impossible de créer {folder!r} : {why}",
    },
    "report.error.cannot_write": {
        "en": "--out: cannot write {folder!r}: {why}",
        "fr": "--out : impossible d'écrire {folder!r} : {why}",
    },
    "report.error.check_needs_out": {
        "en": "--check compares with --out: give the FILE or folder to check",
        "fr": "--check compare avec --out : donnez le FICHIER ou le dossier à vérifier",
    },
    "report.hint.force_files": {
        "en": "add --force to overwrite them",
        "fr": "ajoutez --force pour les remplacer",
    },
    "report.hint.force_file": {
        "en": "add --force to overwrite it",
        "fr": "ajoutez --force pour le remplacer",
    },
    "report.hint.force_pages": {
        "en": "add --force to replace them (and remove pages this report no longer has)",
        "fr": "ajoutez --force pour les remplacer (et retirer les pages que ce rapport n'a plus)",
    },
    # what the command says on stderr
    "report.done.templates": {
        "en": "wrote {count} templates to {folder}",
        "fr": "{count} modèles écrits dans {folder}",
    },
    "report.done.file": {"en": "wrote {path}", "fr": "{path} écrit"},
    "report.done.site": {
        "en": "wrote {written} of {count} pages to {folder} ({unchanged} unchanged)",
        "fr": "{written} pages sur {count} écrites dans {folder} ({unchanged} inchangées)",
    },
    "report.done.removed": {
        "en": ", removed {count} it no longer has",
        "fr": ", {count} retirée(s) qu'il n'a plus",
    },
    "report.check.stale": {
        "en": "the report in {folder} is not current: {count} page(s) to write (run the same "
        "command without --check)",
        "fr": "le rapport dans {folder} n'est pas à jour : {count} page(s) à écrire (relancez "
        "la même commande sans --check)",
    },
    "report.check.fresh": {
        "en": "the report in {folder} is current ({count} page(s))",
        "fr": "le rapport dans {folder} est à jour ({count} page(s))",
    },
    "report.unread": {
        "en": "{count} files could not be read and are not in the report",
        "fr": "{count} fichiers illisibles ne sont pas dans le rapport",
    },
    # help (rendered by the CLI's framework in the reader's language)
    "report.help": {
        "en": "Markdown for writers: the whole registry, a kind or a record, as one document or "
        "a site of linked pages (--out DIR), with numbered sources and Mermaid diagrams.",
        "fr": "Du Markdown pour la rédaction : tout le registre, un type ou une fiche, en un "
        "document ou en un site de pages liées (--out DOSSIER), avec sources numérotées et "
        "schémas Mermaid.",
    },
    "report.help.target": {
        "en": "A kind (poles), a record id (biowin, or poles/biowin), or nothing for the whole "
        "registry.",
        "fr": "Un type (poles), l'identifiant d'une fiche (biowin, ou poles/biowin), ou rien "
        "pour tout le registre.",
    },
    "report.help.out": {
        "en": "A FILE.md for one document, or a folder for a site (index, timeline, a page per "
        "kind and per record). Default: the document on stdout.",
        "fr": "Un FICHIER.md pour un document, ou un dossier pour un site (accueil, chronologie, "
        "une page par type et par fiche). Par défaut : le document sur la sortie standard.",
    },
    "report.help.template": {
        "en": "A folder of templates (from --export-templates) used before the built-in ones.",
        "fr": "Un dossier de modèles (issus de --export-templates), utilisés avant ceux fournis.",
    },
    "report.help.check": {
        "en": "Write nothing; exit 1 naming each stale, missing or extra page of --out.",
        "fr": "N'écrire rien ; sortir avec 1 en nommant chaque page périmée, manquante ou en "
        "trop de --out.",
    },
    "report.help.force": {
        "en": "Overwrite files that are in the way.",
        "fr": "Remplacer les fichiers déjà présents.",
    },
    "report.help.export": {
        "en": "Write the built-in templates into DIR, to edit and use with --template.",
        "fr": "Écrire les modèles fournis dans DOSSIER, à modifier et utiliser avec --template.",
    },
}
