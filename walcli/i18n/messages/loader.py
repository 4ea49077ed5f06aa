"""What reading a record file says: encodings, links, pipes and sizes, YAML."""

MESSAGES: dict[str, dict[str, str]] = {
    "loader.utf16": {
        "en": "the file is UTF-16 or UTF-32; save it as UTF-8",
        "fr": "le fichier est en UTF-16 ou UTF-32 ; enregistrez-le en UTF-8",
    },
    "loader.not_utf8": {
        "en": "byte {byte} is not UTF-8",
        "fr": "l'octet {byte} n'est pas de l'UTF-8",
    },
    "loader.nul": {
        "en": "a NUL character: the file looks like UTF-16 or UTF-32 without a byte-order "
        "mark, or binary; save it as UTF-8 text",
        "fr": "un caractère NUL : le fichier semble en UTF-16 ou UTF-32 sans marque d'ordre "
        "des octets, ou binaire ; enregistrez-le en texte UTF-8",
    },
    "loader.loop": {
        "en": "a symbolic link that leads back to itself (a loop)",
        "fr": "un lien symbolique qui ramène à lui-même (une boucle)",
    },
    "loader.dangling": {
        "en": "a symbolic link to nothing (its target is gone)",
        "fr": "un lien symbolique vers rien (sa cible a disparu)",
    },
    "loader.unreadable": {
        "en": "cannot read the file: {reason}",
        "fr": "impossible de lire le fichier : {reason}",
    },
    "loader.changed": {
        "en": "the file changed while it was being opened",
        "fr": "le fichier a changé pendant son ouverture",
    },
    "loader.outside": {
        "en": "the link points outside the registry",
        "fr": "le lien mène hors du registre",
    },
    "loader.not_regular.folder": {
        "en": "a folder, not a regular file",
        "fr": "un dossier, pas un fichier ordinaire",
    },
    "loader.not_regular.pipe": {
        "en": "a named pipe, not a regular file",
        "fr": "un tube nommé, pas un fichier ordinaire",
    },
    "loader.not_regular.device": {
        "en": "a device, not a regular file",
        "fr": "un périphérique, pas un fichier ordinaire",
    },
    "loader.not_regular.socket": {
        "en": "a socket, not a regular file",
        "fr": "une socket, pas un fichier ordinaire",
    },
    "loader.not_regular.other": {"en": "not a regular file", "fr": "pas un fichier ordinaire"},
    "loader.too_large": {
        "en": "larger than {limit} bytes",
        "fr": "plus grand que {limit} octets",
    },
    "loader.folder_outside": {
        "en": "the folder is a link to outside the registry: not read",
        "fr": "le dossier est un lien vers l'extérieur du registre : non lu",
    },
    "loader.folder_unreadable": {
        "en": "cannot read the folder: {reason}",
        "fr": "impossible de lire le dossier : {reason}",
    },
    "loader.kind_not_folder": {
        "en": "not a folder: the kind's records are expected here",
        "fr": "pas un dossier : les fiches de cette sorte sont attendues ici",
    },
    "loader.stray.folder": {"en": "skipped folder", "fr": "dossier ignoré"},
    "loader.stray.file": {"en": "skipped file", "fr": "fichier ignoré"},
    "loader.stray.yml": {
        "en": "skipped file (rename it to .yaml)",
        "fr": "fichier ignoré (renommez-le en .yaml)",
    },
    "loader.stray.kind": {
        "en": "not a kind's folder: skipped",
        "fr": "pas le dossier d'une sorte : ignoré",
    },
    "loader.too_deep": {
        "en": "nesting deeper than {depth} levels",
        "fr": "imbrication sur plus de {depth} niveaux",
    },
    "loader.alias": {
        "en": "an alias (*name) repeats an anchored value",
        "fr": "un alias (*nom) répète une valeur ancrée",
    },
    "loader.merge": {
        "en": "merge keys (<<) are not allowed",
        "fr": "les clés de fusion (<<) ne sont pas permises",
    },
    "loader.key": {
        "en": "a mapping key must be plain text",
        "fr": "une clé doit être du texte simple",
    },
    "loader.duplicate_key": {"en": "duplicate key '{key}'", "fr": "clé en double '{key}'"},
    "loader.number_too_large": {
        "en": "a number of {count} characters (at most {limit}): {start}…",
        "fr": "un nombre de {count} caractères ({limit} au plus) : {start}…",
    },
    "loader.unreadable_value": {
        "en": "unreadable value: {detail}",
        "fr": "valeur illisible (libyaml : {detail})",
    },
    "loader.not_finite": {
        "en": "'{value}' is not a finite number",
        "fr": "'{value}' n'est pas un nombre fini",
    },
    "loader.tag": {"en": "tag '{tag}' is not allowed", "fr": "l'étiquette '{tag}' est refusée"},
    "loader.documents": {
        "en": "more than one YAML document in the file",
        "fr": "plus d'un document YAML dans le fichier",
    },
    "loader.tab": {
        "en": "a tab character where YAML expects indentation or a value",
        "fr": "une tabulation là où YAML attend une indentation ou une valeur",
    },
    "loader.libyaml": {
        "en": "{detail}",
        "fr": "YAML mal formé ici (libyaml : {detail})",
    },
    "loader.empty": {
        "en": "the file holds no YAML document",
        "fr": "le fichier ne contient aucun document YAML",
    },
    "loader.not_mapping": {
        "en": "the document is a {kind}, not a mapping",
        "fr": "le document est un {kind}, pas une table de champs",
    },
}
