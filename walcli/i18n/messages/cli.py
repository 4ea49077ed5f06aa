"""The command line's own words: typer's panel titles, the usage line, and the framework's
usage errors (unknown option, missing argument...), in French; typer's English stays as is."""

MESSAGES: dict[str, dict[str, str]] = {
    "cli.hint": {"en": "hint: {hint}", "fr": "conseil : {hint}"},
    "cli.help_option": {"en": "Show this message and exit.", "fr": "Afficher cette aide."},
    "cli.usage": {"en": "Usage:", "fr": "Utilisation :"},
    "cli.arguments": {"en": "Arguments", "fr": "Arguments"},
    "cli.options": {"en": "Options", "fr": "Options"},
    "cli.commands": {"en": "Commands", "fr": "Commandes"},
    "cli.error": {"en": "Error", "fr": "Erreur"},
    "cli.try_help": {
        "en": "Try [blue]'{command_path} {help_option}'[/] for help.",
        "fr": "Essayez [blue]'{command_path} {help_option}'[/] pour l'aide.",
    },
    "cli.required": {"en": "[required]", "fr": "[obligatoire]"},
    "cli.default": {"en": "[default: {}]", "fr": "[par défaut : {}]"},
    "cli.no_such_option": {"en": "No such option: {option}", "fr": "Option inconnue : {option}"},
    "cli.no_such_command": {
        "en": "No such command '{name}'.",
        "fr": "Commande inconnue : '{name}'.",
    },
    "cli.missing_argument": {"en": "Missing argument {name}.", "fr": "Argument {name} manquant."},
    "cli.missing_option": {"en": "Missing option {name}.", "fr": "Option {name} manquante."},
    "cli.missing_command": {"en": "Missing command.", "fr": "Commande manquante."},
    "cli.invalid_value": {
        "en": "Invalid value for {name}: {message}",
        "fr": "Valeur invalide pour {name} : {message}",
    },
    "cli.extra_arguments": {
        "en": "Got unexpected extra arguments ({args})",
        "fr": "Arguments en trop : {args}",
    },
    "cli.requires_argument": {
        "en": "Option '{option}' requires an argument.",
        "fr": "L'option '{option}' attend une valeur.",
    },
}
