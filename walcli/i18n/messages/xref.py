"""Cross-references and time: `wal refs`, `wal timeline`, `wal graph`."""

MESSAGES: dict[str, dict[str, str]] = {
    # -- shared -------------------------------------------------------------------------------
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
        "fr": "l'identifiant {id!r} désigne des fiches de plusieurs types ({kinds}) : "
        "précisez-le avec --kind",
    },
    "xref.error.depth": {
        "en": "--depth: expected a whole number of 1 or more, got {given}",
        "fr": "--depth : nombre entier d'au moins 1 attendu, reçu {given}",
    },
    "xref.unread": {
        "en": "{count} files could not be read and are left out",
        "fr": "{count} fichiers n'ont pas pu être lus et sont laissés de côté",
    },
    # -- refs ---------------------------------------------------------------------------------
    "refs.title": {"en": "{kind} {id}: {name}", "fr": "{kind} {id} : {name}"},
    "refs.references": {"en": "References", "fr": "Références"},
    "refs.referenced_by": {"en": "Referenced by", "fr": "Référencé par"},
    "refs.none": {"en": "none", "fr": "aucune"},
    "refs.depth": {"en": "depth {depth}", "fr": "profondeur {depth}"},
    "refs.via": {"en": "via {kind} {id}", "fr": "via {kind} {id}"},
    # -- timeline -----------------------------------------------------------------------------
    "timeline.error.year": {
        "en": "{option}: expected a year like 2005, got {given!r}",
        "fr": "{option} : année attendue, par exemple 2005, reçu {given!r}",
    },
    "timeline.error.range": {
        "en": "--from {since} is after --to {until}",
        "fr": "--from {since} est postérieur à --to {until}",
    },
    "timeline.error.depth_without_record": {
        "en": "--depth needs --record ID",
        "fr": "--depth demande --record ID",
    },
    "timeline.empty": {
        "en": "no dated fact matches",
        "fr": "aucun fait daté ne correspond",
    },
    "timeline.title": {"en": "Timeline", "fr": "Chronologie"},
    "timeline.title.year": {"en": "Timeline, {year}", "fr": "Chronologie, {year}"},
    "timeline.title.range": {
        "en": "Timeline, {since}\u2013{until}",
        "fr": "Chronologie, {since}\u2013{until}",
    },
    "timeline.title.since": {
        "en": "Timeline, from {since}",
        "fr": "Chronologie, à partir de {since}",
    },
    "timeline.title.until": {
        "en": "Timeline, until {until}",
        "fr": "Chronologie, jusqu'en {until}",
    },
    "timeline.span": {"en": "{start} \u2013 {end}", "fr": "{start} \u2013 {end}"},
    "timeline.column.date": {"en": "Date", "fr": "Date"},
    "timeline.column.record": {"en": "Record", "fr": "Fiche"},
    "timeline.column.event": {"en": "Event", "fr": "Événement"},
    "timeline.column.sources": {"en": "Sources", "fr": "Sources"},
    "timeline.column.note": {"en": "Note", "fr": "Remarque"},
    "timeline.sources.heading": {"en": "Sources", "fr": "Sources"},
    "timeline.record_sources": {
        "en": "the record's sources",
        "fr": "sources de la fiche",
    },
    "timeline.open": {"en": "…", "fr": "…"},
    "timeline.named": {"en": "{what}: {name}", "fr": "{what} : {name}"},
    "timeline.what.other": {"en": "{field}", "fr": "{field}"},
    # Labels of date fields, most specific first: timeline.what.KIND.FIELD, then
    # timeline.what.FIELD, then the field's shorter suffixes (programmes.figures.as_of ->
    # figures.as_of -> as_of). FIELD is the dotted path without list indexes.
    "timeline.what.plans.presented": {"en": "Plan presented", "fr": "Plan présenté"},
    "timeline.what.plans.adopted": {"en": "Plan adopted", "fr": "Plan adopté"},
    "timeline.what.plans.period": {"en": "Plan period", "fr": "Période du plan"},
    "timeline.what.programmes.launched": {"en": "Programme launched", "fr": "Programme lancé"},
    "timeline.what.programmes.adopted": {"en": "Programme adopted", "fr": "Programme adopté"},
    "timeline.what.programmes.period": {"en": "Programme period", "fr": "Période du programme"},
    "timeline.what.poles.founded": {"en": "Pole founded", "fr": "Pôle fondé"},
    "timeline.what.poles.labelled": {"en": "Pole labelled", "fr": "Pôle labellisé"},
    "timeline.what.predecessors.founded": {
        "en": "Predecessor founded",
        "fr": "Fondation d'un prédécesseur",
    },
    "timeline.what.leaders": {"en": "Leader in office", "fr": "Direction"},
    "timeline.what.labels.date": {"en": "Label awarded", "fr": "Label obtenu"},
    "timeline.what.s3_roles.since": {"en": "S3 role", "fr": "Rôle S3"},
    "timeline.what.shocks.announced": {"en": "Announced", "fr": "Annonce"},
    "timeline.what.bodies": {"en": "Body at work", "fr": "Organe en fonction"},
    "timeline.what.objectives.target_date": {
        "en": "Objective deadline",
        "fr": "Échéance d'un objectif",
    },
    "timeline.what.actions.date": {"en": "Action", "fr": "Action"},
    "timeline.what.actions.period": {"en": "Action", "fr": "Action"},
    "timeline.what.by": {"en": "Target date", "fr": "Échéance"},
    "timeline.what.members.as_of": {"en": "Members counted", "fr": "Membres recensés"},
    "timeline.what.projects.as_of": {"en": "Projects counted", "fr": "Projets recensés"},
    "timeline.what.projects.period": {
        "en": "Period of the projects counted",
        "fr": "Période des projets recensés",
    },
    "timeline.what.team.as_of": {"en": "Team counted", "fr": "Équipe recensée"},
    "timeline.what.focus_areas.as_of": {
        "en": "Focus areas listed",
        "fr": "Domaines d'activité listés",
    },
    "timeline.what.figures.as_of": {"en": "Figure", "fr": "Chiffre"},
    "timeline.what.notes.as_of": {"en": "Note", "fr": "Note"},
    "timeline.what.leaders.as_of": {"en": "Leader in office", "fr": "Direction"},
    "timeline.what.addresses.as_of": {"en": "Address", "fr": "Adresse"},
    "timeline.what.as_of": {"en": "As of", "fr": "Situation"},
    "timeline.what.period": {"en": "Period", "fr": "Période"},
    "timeline.what.date": {"en": "Date", "fr": "Date"},
    # -- graph --------------------------------------------------------------------------------
    "graph.error.depth_without_id": {
        "en": "--depth needs an ID",
        "fr": "--depth demande un identifiant (ID)",
    },
    "graph.title": {"en": "Records and their references", "fr": "Fiches et leurs références"},
}
