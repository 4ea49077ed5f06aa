"""What `wal validate`'s rules say about a record, in both languages (the English is the
message the rule has always printed)."""

MESSAGES: dict[str, dict[str, str]] = {
    "rules.did_you_mean": {
        "en": "; did you mean {choices}?",
        "fr": " ; vouliez-vous dire {choices} ?",
    },
    "rules.bad_date": {
        "en": "{value} is not a calendar date",
        "fr": "{value} n'est pas une date du calendrier",
    },
    "rules.duplicate_id": {
        "en": "id '{id}' is also the id of {file}",
        "fr": "l'identifiant '{id}' est aussi celui de {file}",
    },
    "rules.duplicate_local_id": {
        "en": "{key} {value!r} is already used at {where}",
        "fr": "{key} {value!r} est déjà employé en {where}",
    },
    "rules.duplicate_source": {
        "en": "source {field} {value!r} is listed twice (also at /sources/{first})",
        "fr": "la source {field} {value!r} figure deux fois (aussi en /sources/{first})",
    },
    "rules.placeholder": {
        "en": "{path} is still {todo}: write the real value",
        "fr": "{path} vaut encore {todo} : écrivez la vraie valeur",
    },
    "rules.id_mismatch": {
        "en": "id {id!r} differs from the file name {file}.yaml",
        "fr": "l'identifiant {id!r} diffère du nom de fichier {file}.yaml",
    },
    "rules.period_to": {"en": "from {start} to {end}", "fr": "de {start} à {end}"},
    "rules.period_on": {"en": "from {start} on", "fr": "à partir de {start}"},
    "rules.seed_set_aside": {
        "en": " (the seed deck's {values} does not count)",
        "fr": " ({values} de la présentation ne compte pas)",
    },
    "rules.label_outside_plan": {
        "en": "{field} {values} lies outside the period {period} of {kind} '{id}' ({ref}){note}",
        "fr": "{field} {values} tombe hors de la période {period} du {kind} '{id}' ({ref}){note}",
    },
    "rules.linked_axis": {
        "en": "plan '{plan}' has no axis {axis} (its axes: {axes}){hint}",
        "fr": "le plan '{plan}' n'a pas d'axe {axis} (ses axes : {axes}){hint}",
    },
    "rules.garbled": {
        "en": "text looks garbled: {excerpt}; check it against the source",
        "fr": "le texte semble brouillé : {excerpt} ; vérifiez-le sur la source",
    },
    "rules.mis_decoded": {
        "en": "text looks mis-decoded: {excerpt} probably means {fixed}",
        "fr": "le texte semble mal décodé : {excerpt} signifie sans doute {fixed}",
    },
    "rules.period_order": {
        "en": "{first} {start} is after {second} {end}",
        "fr": "{first} {start} est postérieur à {second} {end}",
    },
    "rules.range_order": {
        "en": "max {high} is below value {low}; a range is value (lower end) .. max",
        "fr": "max {high} est inférieur à value {low} ; une fourchette va de value (le bas) à max",
    },
    "rules.cycle_shortened": {
        "en": "{head} ... ({count} records) ... {tail}",
        "fr": "{head} ... ({count} fiches) ... {tail}",
    },
    "rules.reference_cycle": {
        "en": "{kind} references come back to '{start}': {steps}",
        "fr": "les références entre {kind}s reviennent à '{start}' : {steps}",
    },
    "rules.wrong_kind": {
        "en": "{id!r} is a {actual}, but this field names a {wanted}",
        "fr": "{id!r} est un {actual}, mais ce champ nomme un {wanted}",
    },
    "rules.unknown_reference": {
        "en": "no {kind} {id!r}{hint}",
        "fr": "aucun {kind} {id!r}{hint}",
    },
    "rules.seed_deck_alone": {
        "en": "every claim of this fact is the seed deck's; keep it beside a sourced claim, or "
        "record it in open_questions",
        "fr": "toutes les affirmations de ce fait viennent de la présentation d'origine ; "
        "gardez-la à côté d'une affirmation sourcée, ou notez-la dans open_questions",
    },
    "rules.seed_not_marked": {
        "en": "cites the seed deck ({source!r}) but is not marked attributed_to: seed-deck",
        "fr": "cite la présentation d'origine ({source!r}) sans être marqué "
        "attributed_to: seed-deck",
    },
    "rules.seed_cite": {"en": "cite {source!r}", "fr": "citez {source!r}"},
    "rules.seed_list_it": {
        "en": "list it in the record's sources with kind: seed-deck and cite it",
        "fr": "listez-la dans les sources de la fiche avec kind: seed-deck et citez-la",
    },
    "rules.seed_not_cited": {
        "en": "is attributed to the seed deck but does not cite it ({hint})",
        "fr": "est attribué à la présentation d'origine mais ne la cite pas ({hint})",
    },
    "rules.series_undated": {
        "en": "{key} {date} comes after the undated item {where}; undated items come last",
        "fr": "{key} {date} vient après l'élément sans date {where} ; les éléments sans date "
        "vont à la fin",
    },
    "rules.series_order": {
        "en": "{key} {date} comes after {previous} ({where}); the series is in date order",
        "fr": "{key} {date} vient après {previous} ({where}) ; la série suit l'ordre des dates",
    },
    "rules.unknown_local_index": {
        "en": "no item {value!r} in {where} (it has {count}, from 0)",
        "fr": "aucun élément {value!r} dans {where} (il en a {count}, à partir de 0)",
    },
    "rules.unknown_local_id": {
        "en": "no item with {key} {value!r} in {where}{hint}",
        "fr": "aucun élément de {key} {value!r} dans {where}{hint}",
    },
    "rules.unknown_source": {
        "en": "cites source {source!r}, which the record's sources do not list",
        "fr": "cite la source {source!r}, que les sources de la fiche ne listent pas",
    },
    "rules.base_60": {
        "en": "unquoted {raw} is read by YAML 1.1 as the base-60 number {value}; if you mean a "
        "time or a ratio, quote it: '{quoted}'",
        "fr": "{raw} sans guillemets est lu par YAML 1.1 comme le nombre en base 60 {value} ; "
        "pour une heure ou un rapport, mettez-le entre guillemets : '{quoted}'",
    },
    "rules.other_base": {
        "en": "unquoted {raw} is read by YAML as the {base} number {value}; write {value} in "
        "decimals, or quote it if you mean text: '{quoted}'",
        "fr": "{raw} sans guillemets est lu par YAML comme le nombre {base} {value} ; écrivez "
        "{value} en décimal, ou mettez-le entre guillemets pour un texte : '{quoted}'",
    },
    "rules.base.hexadecimal": {"en": "hexadecimal", "fr": "hexadécimal"},
    "rules.base.binary": {"en": "binary", "fr": "binaire"},
    "rules.octal": {
        "en": "unquoted {raw} is read by YAML 1.1 as the octal number {value}, not {decimal}; "
        "write {decimal} without the leading zero, or quote it if you mean text: '{quoted}'",
        "fr": "{raw} sans guillemets est lu par YAML 1.1 comme le nombre octal {value}, pas "
        "{decimal} ; écrivez {decimal} sans le zéro initial, ou mettez-le entre guillemets "
        "pour un texte : '{quoted}'",
    },
}
