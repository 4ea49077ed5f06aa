"""`wal new`: what it says, and the header of the file it writes."""

MESSAGES: dict[str, dict[str, str]] = {
    "new.header": {
        "en": "New {kind}: replace every TODO (the comments say what goes there), then run",
        "fr": "Nouvelle fiche ({kind}) : remplacez chaque TODO (les commentaires disent quoi "
        "y mettre), puis lancez",
    },
    "new.wrote": {
        "en": "wrote {path}: replace every TODO, then run wal validate {path}",
        "fr": "{path} écrit : remplacez chaque TODO, puis lancez wal validate {path}",
    },
    "new.close": {
        "en": "warning: {id} is close to existing ids: {ids}; is it really a new record?",
        "fr": "attention : {id} ressemble à des identifiants existants : {ids} ; "
        "est-ce bien une nouvelle fiche ?",
    },
    "new.unknown_kind": {
        "en": "no kind {kind!r}; expected one of {kinds}",
        "fr": "pas de type de fiche {kind!r} ; attendu : {kinds}",
    },
    "new.bad_id": {
        "en": "{id!r} is not an id: ids are lowercase letters and digits in words joined by "
        "hyphens (my-pole, marshall-4-0), at most 80 characters",
        "fr": "{id!r} n'est pas un identifiant : des lettres minuscules et des chiffres en mots "
        "reliés par des tirets (mon-pole, marshall-4-0), 80 caractères au plus",
    },
    "new.taken": {
        "en": "{id} is already the id of a {kind} ({file}); ids are unique across the registry",
        "fr": "{id} est déjà l'identifiant d'une fiche ({kind}, {file}) ; les identifiants "
        "sont uniques dans tout le registre",
    },
}
