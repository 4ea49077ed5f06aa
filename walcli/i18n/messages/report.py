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
    "report.event.presented": {"en": "Presented", "fr": "Présenté"},
    "report.event.adopted": {"en": "Adopted", "fr": "Adopté"},
    "report.event.labelled": {"en": "Labelled", "fr": "Labellisé"},
    "report.event.announced": {"en": "Announced", "fr": "Annoncé"},
    "report.event.period_start": {"en": "Period starts", "fr": "Début de la période"},
    "report.event.period_end": {"en": "Period ends", "fr": "Fin de la période"},
    "report.kind.count": {"en": "Records: {count}.", "fr": "Fiches : {count}."},
    "report.column.name": {"en": "Name", "fr": "Nom"},
    "report.column.id": {"en": "Id", "fr": "Identifiant"},
    "report.disputed_short": {"en": "(disputed)", "fr": "(contesté)"},
    "report.record.open_questions": {"en": "Open questions", "fr": "Questions ouvertes"},
    "report.record.links": {"en": "Links", "fr": "Liens"},
    "report.record.referenced_by": {"en": "Cited by the {kind}", "fr": "Cité par le {kind}"},
    "report.record.sources": {"en": "Sources", "fr": "Sources"},
    "report.seed_deck_source": {"en": "the seed slide deck", "fr": "la présentation d'origine"},
    # Names of fields inside records, where the schema gives no label.
    "report.field.start": {"en": "start", "fr": "début"},
    "report.field.end": {"en": "end", "fr": "fin"},
    "report.field.as_of": {"en": "as of", "fr": "à la date du"},
    "report.field.date": {"en": "date", "fr": "date"},
    "report.field.by": {"en": "by", "fr": "échéance"},
    "report.field.note": {"en": "note", "fr": "note"},
    "report.field.total": {"en": "total", "fr": "total"},
    "report.field.number": {"en": "number", "fr": "numéro"},
    "report.field.title": {"en": "title", "fr": "titre"},
    "report.field.role": {"en": "role", "fr": "rôle"},
    "report.field.type": {"en": "type", "fr": "type"},
    "report.field.lang": {"en": "language", "fr": "langue"},
    "report.field.period": {"en": "period", "fr": "période"},
    "report.field.budget": {"en": "budget", "fr": "budget"},
    "report.field.summary": {"en": "summary", "fr": "résumé"},
    "report.field.description": {"en": "description", "fr": "description"},
    "report.period": {"en": "{start} \u2013 {end}", "fr": "{start} \u2013 {end}"},
    "report.open": {"en": "ongoing", "fr": "en cours"},
    "report.undated": {"en": "Undated", "fr": "Sans date"},
    "report.qualifier": {"en": "{qualifier} {value}", "fr": "{qualifier} {value}"},
    "report.qualifier.about": {"en": "about", "fr": "environ"},
    "report.qualifier.at-least": {"en": "at least", "fr": "au moins"},
    "report.qualifier.more-than": {"en": "more than", "fr": "plus de"},
    "report.qualifier.less-than": {"en": "less than", "fr": "moins de"},
    "report.qualifier.up-to": {"en": "up to", "fr": "jusqu'à"},
    "report.qualifier.nearly": {"en": "nearly", "fr": "près de"},
}
