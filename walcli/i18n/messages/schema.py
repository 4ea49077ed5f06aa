"""What a record's schema errors say, in French (in English, jsonschema's own words are kept
as they are: `Msg(english=...)`)."""

MESSAGES: dict[str, dict[str, str]] = {
    "schema.at": {"en": "{where}: {message}{suffix}", "fr": "{where} : {message}{suffix}"},
    "schema.record": {"en": "record", "fr": "fiche"},
    "schema.other": {"en": "{message}", "fr": "{message}"},
    "schema.other_branch": {
        "en": " ({count} other branch also failed)",
        "fr": " ({count} autre forme a aussi échoué)",
    },
    "schema.other_branches": {
        "en": " ({count} other branches also failed)",
        "fr": " ({count} autres formes ont aussi échoué)",
    },
    "schema.not_valid_here": {
        "en": "{value} is not valid here: {described}",
        "fr": "{value} n'est pas valide ici : {described}",
    },
    "schema.required": {
        "en": "'{field}' is a required property",
        "fr": "le champ '{field}' est obligatoire",
    },
    "schema.type": {"en": "{value} is not of type {types}", "fr": "{value} n'est pas {types}"},
    "schema.unexpected": {
        "en": "unexpected field {field!r}{hint}",
        "fr": "champ inattendu {field!r}{hint}",
    },
    "schema.enum": {
        "en": "{value} is not one of the allowed values{hint}",
        "fr": "{value} ne fait pas partie des valeurs permises{hint}",
    },
    "schema.const": {"en": "{limit} was expected", "fr": "{limit} était attendu"},
    "schema.pattern": {
        "en": "{value} does not match {limit}",
        "fr": "{value} n'a pas la forme {limit}",
    },
    "schema.format": {
        "en": "{value} is not a {limit}",
        "fr": "{value} n'est pas au format {limit}",
    },
    "schema.min_items": {
        "en": "{value} has fewer than {limit} items",
        "fr": "{value} a moins de {limit} éléments",
    },
    "schema.max_items": {
        "en": "{value} has more than {limit} items",
        "fr": "{value} a plus de {limit} éléments",
    },
    "schema.min_length": {
        "en": "{value} is shorter than {limit} characters",
        "fr": "{value} fait moins de {limit} caractères",
    },
    "schema.max_length": {
        "en": "{value} is longer than {limit} characters",
        "fr": "{value} fait plus de {limit} caractères",
    },
    "schema.minimum": {
        "en": "{value} is less than the minimum of {limit}",
        "fr": "{value} est inférieur au minimum de {limit}",
    },
    "schema.maximum": {
        "en": "{value} is greater than the maximum of {limit}",
        "fr": "{value} est supérieur au maximum de {limit}",
    },
    "schema.unique_items": {
        "en": "{value} has non-unique elements",
        "fr": "{value} contient des éléments répétés",
    },
    "schema.type_name.string": {"en": "text", "fr": "du texte"},
    "schema.type_name.integer": {"en": "a whole number", "fr": "un nombre entier"},
    "schema.type_name.number": {"en": "a number", "fr": "un nombre"},
    "schema.type_name.boolean": {"en": "true or false", "fr": "vrai ou faux"},
    "schema.type_name.object": {"en": "a mapping", "fr": "un dictionnaire"},
    "schema.type_name.array": {"en": "a list", "fr": "une liste"},
    "schema.type_name.null": {"en": "null", "fr": "null"},
    "schema.either": {"en": "{first} or {second}", "fr": "{first} ou {second}"},
    "schema.expects": {"en": "this field expects {types}", "fr": "ce champ attend {types}"},
    "schema.implicit_empty": {
        "en": "the value is empty, which YAML reads as null; {expected}: write the value",
        "fr": "la valeur est vide, ce que YAML lit comme null ; {expected} : écrivez la valeur",
    },
    "schema.implicit": {
        "en": "unquoted {raw} is read by YAML as {read_as}, but {expected}; if you mean the "
        "text, quote it: '{quoted}'",
        "fr": "{raw} sans guillemets est lu par YAML comme {read_as}, mais {expected} ; pour "
        "le texte, mettez-le entre guillemets : '{quoted}'",
    },
}
