"""Help texts of every command and option, and the heading of their examples."""

MESSAGES: dict[str, dict[str, str]] = {
    "help.wal": {
        "en": "The registry of Wallonia's industrial policy: query, show and validate its "
        "records. --lang fr|en works anywhere on the line.",
        "fr": "Le registre de la politique industrielle wallonne : interroger, afficher et "
        "valider ses fiches. --lang fr|en s'accepte partout sur la ligne.",
    },
    "help.examples": {"en": "Examples:", "fr": "Exemples :"},
    # global options
    "help.option.root": {
        "en": "Registry folder (holding data/ and schemas/). Else WAL_ROOT, else the nearest "
        "such folder upward, else the bundled snapshot.",
        "fr": "Dossier du registre (avec data/ et schemas/). Sinon WAL_ROOT, sinon le plus "
        "proche dossier de ce type en remontant, sinon l'instantané fourni avec l'outil.",
    },
    "help.option.lang": {
        "en": "Language of the output: fr or en, anywhere on the line. Else WAL_LANG, else fr "
        "when LANG starts with fr.",
        "fr": "Langue de la sortie : fr ou en, n'importe où sur la ligne. Sinon WAL_LANG, sinon "
        "fr quand LANG commence par fr.",
    },
    "help.option.version": {"en": "Print the version.", "fr": "Afficher la version."},
    # list, show, fields
    "help.option.where": {
        "en": "PATH OP VALUE with OP one of = != ~ < > <= >= (dotted paths, see the fields "
        "command; repeatable; case and accents ignored).",
        "fr": "CHEMIN OP VALEUR, OP étant l'un de = != ~ < > <= >= (chemins pointés, voir la "
        "commande fields ; répétable ; casse et accents ignorés).",
    },
    "help.option.sort": {
        "en": "Field to sort by; prefix with - for descending.",
        "fr": "Champ de tri ; précédé de - pour l'ordre décroissant.",
    },
    "help.option.columns": {
        "en": "Comma-separated field paths to show (see the fields command).",
        "fr": "Chemins des champs à afficher, séparés par des virgules (voir la commande fields).",
    },
    "help.option.format": {
        "en": "One of {choices}. Default: {tty} on a terminal, {pipe} otherwise.",
        "fr": "Au choix : {choices}. Par défaut : {tty} dans un terminal, {pipe} sinon.",
    },
    "help.option.format_one": {
        "en": "One of {choices}. Default: {tty}.",
        "fr": "Au choix : {choices}. Par défaut : {tty}.",
    },
    "help.option.brief": {
        "en": "Only the short card: name, summary, key dates and figures, links.",
        "fr": "La fiche courte seulement : nom, résumé, dates et chiffres clés, liens.",
    },
    "help.kind.domains": {"en": "The priority domains.", "fr": "Les domaines prioritaires."},
    "help.kind.poles": {
        "en": "The competitiveness poles.",
        "fr": "Les pôles de compétitivité.",
    },
    "help.kind.plans": {
        "en": "The plans (Marshall Plan waves, strategies).",
        "fr": "Les plans (vagues du Plan Marshall, stratégies).",
    },
    "help.kind.shocks": {
        "en": "The industrial shocks and the Region's responses.",
        "fr": "Les chocs industriels et les réponses de la Région.",
    },
    "help.list.domains": {
        "en": "List domains, filtered and sorted.",
        "fr": "Lister les domaines, filtrés et triés.",
    },
    "help.list.poles": {
        "en": "List poles, filtered and sorted.",
        "fr": "Lister les pôles, filtrés et triés.",
    },
    "help.list.plans": {
        "en": "List plans, filtered and sorted.",
        "fr": "Lister les plans, filtrés et triés.",
    },
    "help.list.shocks": {
        "en": "List shocks, filtered and sorted.",
        "fr": "Lister les chocs, filtrés et triés.",
    },
    "help.show.domains": {
        "en": "Show one domain: every field with its sources, its links and what refers to "
        "it. The id forgives case.",
        "fr": "Afficher un domaine : chaque champ avec ses sources, ses liens et ce qui le "
        "cite. L'identifiant ignore la casse.",
    },
    "help.show.poles": {
        "en": "Show one pole: every field with its sources, its links and what refers to it. "
        "The id forgives case.",
        "fr": "Afficher un pôle : chaque champ avec ses sources, ses liens et ce qui le cite. "
        "L'identifiant ignore la casse.",
    },
    "help.show.plans": {
        "en": "Show one plan: every field with its sources, its links and what refers to it. "
        "The id forgives case.",
        "fr": "Afficher un plan : chaque champ avec ses sources, ses liens et ce qui le cite. "
        "L'identifiant ignore la casse.",
    },
    "help.show.shocks": {
        "en": "Show one shock: every field with its sources, its links and what refers to "
        "it. The id forgives case.",
        "fr": "Afficher un choc : chaque champ avec ses sources, ses liens et ce qui le cite. "
        "L'identifiant ignore la casse.",
    },
    "help.show.id.domains": {"en": "The domain's id.", "fr": "L'identifiant du domaine."},
    "help.show.id.poles": {"en": "The pole's id.", "fr": "L'identifiant du pôle."},
    "help.show.id.plans": {"en": "The plan's id.", "fr": "L'identifiant du plan."},
    "help.show.id.shocks": {"en": "The shock's id.", "fr": "L'identifiant du choc."},
    "help.fields.domains": {
        "en": "The fields of domains that --where, --sort and --columns accept, with their types.",
        "fr": "Les champs des domaines qu'acceptent --where, --sort et --columns, avec leur type.",
    },
    "help.fields.poles": {
        "en": "The fields of poles that --where, --sort and --columns accept, with their types.",
        "fr": "Les champs des pôles qu'acceptent --where, --sort et --columns, avec leur type.",
    },
    "help.fields.plans": {
        "en": "The fields of plans that --where, --sort and --columns accept, with their types.",
        "fr": "Les champs des plans qu'acceptent --where, --sort et --columns, avec leur type.",
    },
    "help.fields.shocks": {
        "en": "The fields of shocks that --where, --sort and --columns accept, with their types.",
        "fr": "Les champs des chocs qu'acceptent --where, --sort et --columns, avec leur type.",
    },
    # filters of list, by kind
    "help.filter.domains.type": {
        "en": "Domain type (priority-domain, transversal, ...).",
        "fr": "Type de domaine (priority-domain, transversal, ...).",
    },
    "help.filter.domains.plan": {
        "en": "Linked to this plan, by any link (introduced by...); its id.",
        "fr": "Lié à ce plan, par n'importe quel lien (introduit par...) ; son identifiant.",
    },
    "help.filter.poles.domain": {
        "en": "Serving this domain, directly or by an S3 role; its id.",
        "fr": "Au service de ce domaine, directement ou par un rôle dans la S3 ; son identifiant.",
    },
    "help.filter.poles.plan": {
        "en": "Labelled under this plan (its id).",
        "fr": "Labellisé dans le cadre de ce plan (son identifiant).",
    },
    "help.filter.poles.year": {
        "en": "Labelled by this year.",
        "fr": "Labellisé en ou avant cette année.",
    },
    "help.filter.plans.year": {"en": "Running in this year.", "fr": "En cours cette année-là."},
    "help.filter.plans.type": {
        "en": "Plan type (plan-wave, programme, strategy, ...).",
        "fr": "Type de plan (plan-wave, programme, strategy, ...).",
    },
    "help.filter.plans.domain": {
        "en": "Linked to this domain, by any link; its id.",
        "fr": "Lié à ce domaine, par n'importe quel lien ; son identifiant.",
    },
    "help.filter.plans.plan": {
        "en": "Linked to this plan, by any link (predecessor, plan links...); its id.",
        "fr": "Lié à ce plan, par n'importe quel lien (prédécesseur, liens de plan...) ; son "
        "identifiant.",
    },
    "help.filter.shocks.year": {"en": "Announced in this year.", "fr": "Annoncé cette année-là."},
    "help.filter.shocks.company": {
        "en": "Company name contains this.",
        "fr": "Le nom de l'entreprise contient ce texte.",
    },
    "help.filter.shocks.pole": {
        "en": "Involving this pole (its id).",
        "fr": "Impliquant ce pôle (son identifiant).",
    },
    "help.filter.shocks.domain": {
        "en": "Linked to this domain, by any link; its id.",
        "fr": "Lié à ce domaine, par n'importe quel lien ; son identifiant.",
    },
    "help.filter.shocks.plan": {
        "en": "Linked to this plan, by any link; its id.",
        "fr": "Lié à ce plan, par n'importe quel lien ; son identifiant.",
    },
    # search, stats
    "help.search": {
        "en": "Find every fact that mentions TEXT (case and accents ignored), with its sources.",
        "fr": "Trouver chaque fait qui mentionne TEXTE (casse et accents ignorés), avec ses "
        "sources.",
    },
    "help.search.text": {
        "en": "Words to find (all of them).",
        "fr": "Mots à trouver (tous).",
    },
    "help.search.kind": {
        "en": "Only these kinds (repeatable): domains, poles, plans, shocks.",
        "fr": "Seulement ces sortes de fiches (répétable) : domains, poles, plans, shocks.",
    },
    "help.stats": {
        "en": "Per kind: records, field completeness, sourced facts, conflicts and seed-deck "
        "claims.",
        "fr": "Par sorte de fiche : nombre de fiches, champs remplis, faits sourcés, désaccords "
        "et affirmations de la présentation.",
    },
    "help.diff": {
        "en": "What changed in the records since REV: added, removed, renamed and changed "
        "records, each changed field old -> new, and references the change breaks. The work "
        "tree is compared, as it is on disk; git is only read.",
        "fr": "Ce qui a changé dans les fiches depuis REV : fiches ajoutées, supprimées, "
        "renommées et modifiées, chaque champ modifié ancien -> nouveau, et les références "
        "que le changement casse. L'arbre de travail est comparé tel quel ; git est seulement "
        "lu.",
    },
    "help.diff.rev": {
        "en": "A git revision: HEAD~1, main, a tag.",
        "fr": "Une révision git : HEAD~1, main, une étiquette.",
    },
    "help.validate": {
        "en": "Check every record: YAML, schema, ids, references and rules. Exit 1 if problems.",
        "fr": "Vérifier chaque fiche : YAML, schéma, identifiants, références et règles. Code "
        "de sortie 1 en cas de problème.",
    },
    "help.validate.files": {
        "en": "Report only on these files and the problems they cause elsewhere (the whole "
        "registry is still loaded). A path that no longer exists counts as a deleted record.",
        "fr": "Ne rendre compte que de ces fichiers et des problèmes qu'ils causent ailleurs "
        "(tout le registre est chargé). Un chemin qui n'existe plus compte comme une fiche "
        "supprimée.",
    },
    "help.validate.format": {
        "en": "One of {choices}. Default: github when GITHUB_ACTIONS=true, else text.",
        "fr": "Au choix : {choices}. Par défaut : github quand GITHUB_ACTIONS=true, sinon text.",
    },
    "help.validate.strict": {
        "en": "Warnings fail the run too.",
        "fr": "Les avertissements font aussi échouer la vérification.",
    },
    "help.validate.changed": {
        "en": "Hook mode: check FILES and the record files git deletes in this change (staged, "
        "or between PRE_COMMIT_FROM_REF and PRE_COMMIT_TO_REF); nothing given and nothing "
        "deleted means nothing to check.",
        "fr": "Mode crochet : vérifier FICHIERS et les fiches que git supprime dans ce "
        "changement (indexé, ou entre PRE_COMMIT_FROM_REF et PRE_COMMIT_TO_REF) ; rien de "
        "donné ni de supprimé, rien à vérifier.",
    },
    "help.validate.explain": {
        "en": "Print what a problem code means and how to fix it; --explain all lists every code.",
        "fr": "Afficher ce que signifie un code de problème et comment le corriger ; "
        "--explain all les liste tous.",
    },
    # export, new
    "help.export": {
        "en": "Export every record: a table per kind, claims, sources and links. Writes "
        "atomically, never over an existing path without --force.",
        "fr": "Exporter toutes les fiches : une table par sorte, les affirmations, les sources "
        "et les liens. Écrit de façon atomique, jamais par-dessus un chemin existant sans "
        "--force.",
    },
    "help.export.format": {
        "en": "One of {formats}. Default: from the --out suffix (.db, .sqlite, .xlsx, .json).",
        "fr": "Un de {formats}. Par défaut : d'après l'extension de --out (.db, .sqlite, "
        ".xlsx, .json).",
    },
    "help.export.out": {
        "en": "The file or folder to write (- for stdout, json only).",
        "fr": "Le fichier ou le dossier à écrire (- pour la sortie standard, json seulement).",
    },
    "help.export.force": {
        "en": "Replace an existing --out (a file by a file, an export folder by a folder), "
        "atomically.",
        "fr": "Remplacer un --out existant (un fichier par un fichier, un dossier d'export par "
        "un dossier), de façon atomique.",
    },
    "help.export.excel": {
        "en": "csv only: UTF-8 with BOM, ';' separators, CRLF and decimal commas, as Excel "
        "opens them in Belgium and France.",
        "fr": "csv seulement : UTF-8 avec BOM, séparateurs ';', CRLF et virgules décimales, "
        "comme Excel les ouvre en Belgique et en France.",
    },
    "help.new": {
        "en": "Write data/KIND/ID.yaml from the kind's schema: every required field a TODO to "
        "fill in (never over a file).",
        "fr": "Écrire data/KIND/ID.yaml d'après le schéma de la sorte : chaque champ requis "
        "un TODO à remplir (jamais par-dessus un fichier).",
    },
    "help.new.kind": {
        "en": "domains, poles, plans or shocks.",
        "fr": "domains, poles, plans ou shocks.",
    },
    "help.new.id": {
        "en": "The new record's id: lowercase words joined by hyphens.",
        "fr": "L'identifiant de la nouvelle fiche : des mots en minuscules reliés par des "
        "traits d'union.",
    },
    # refs, timeline, graph
    "help.xref.kinds": {
        "en": "Only records of this kind (repeatable).",
        "fr": "Seulement les fiches de cette sorte (répétable).",
    },
    "help.refs": {
        "en": "What a record references and what references it: kind, id, name, field path "
        "and the file:line where each link is written.",
        "fr": "Ce qu'une fiche cite et ce qui la cite : sorte, identifiant, nom, chemin du "
        "champ et le fichier:ligne où chaque lien est écrit.",
    },
    "help.refs.id": {
        "en": "A record's id, of any kind (case ignored).",
        "fr": "L'identifiant d'une fiche, de toute sorte (casse ignorée).",
    },
    "help.refs.kind": {
        "en": "The record's kind, when the id is ambiguous.",
        "fr": "La sorte de la fiche, quand l'identifiant est ambigu.",
    },
    "help.refs.depth": {
        "en": "Follow links N steps, both ways (default 1).",
        "fr": "Suivre les liens sur N pas, dans les deux sens (1 par défaut).",
    },
    "help.graph": {
        "en": "Records as nodes (labelled with their name, shaped by kind) and references as "
        "edges labelled by field: a Mermaid flowchart, Graphviz DOT or JSON.",
        "fr": "Les fiches en nœuds (nommés, formés selon leur sorte) et les références en "
        "arêtes nommées par leur champ : un organigramme Mermaid, du DOT Graphviz ou du JSON.",
    },
    "help.graph.id": {
        "en": "Only the records around this one (see --depth).",
        "fr": "Seulement les fiches autour de celle-ci (voir --depth).",
    },
    "help.graph.depth": {
        "en": "With ID: records within N links (default 1).",
        "fr": "Avec ID : les fiches à N liens au plus (1 par défaut).",
    },
    "help.timeline": {
        "en": "Every dated fact as an event in date order: plans presented and adopted, "
        "periods, programmes, poles founded and labelled, shocks, task forces, actions, "
        "timeline entries; each with its sources, marked when sources disagree or when the "
        "seed deck claims it.",
        "fr": "Chaque fait daté en événement, dans l'ordre des dates : plans présentés et "
        "adoptés, périodes, programmes, pôles créés et labellisés, chocs, task forces, "
        "actions, jalons ; chacun avec ses sources, marqué quand les sources divergent ou "
        "quand la présentation d'origine l'affirme.",
    },
    "help.timeline.from": {
        "en": "Only events in or after this year (inclusive).",
        "fr": "Seulement les événements de cette année ou après (incluse).",
    },
    "help.timeline.to": {
        "en": "Only events in or before this year (inclusive).",
        "fr": "Seulement les événements de cette année ou avant (incluse).",
    },
    "help.timeline.record": {
        "en": "Only this record's events.",
        "fr": "Seulement les événements de cette fiche.",
    },
    "help.timeline.depth": {
        "en": "With --record: also the records within N links of it, both ways.",
        "fr": "Avec --record : aussi les fiches à N liens au plus, dans les deux sens.",
    },
    "help.timeline.all": {
        "en": "Also the dates that say as of when a figure held (member counts, figures...).",
        "fr": "Aussi les dates auxquelles un chiffre valait (nombres de membres, chiffres...).",
    },
}
