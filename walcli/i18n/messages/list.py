"""`wal KIND list`: what a table says besides its cells."""

MESSAGES: dict[str, dict[str, str]] = {
    "list.disputed_note": {
        "en": "≠ sources disagree (amounts: their range; dates: the first given). "
        "`wal {kind} show ID` lists each value with its sources.",
        "fr": "≠ sources en désaccord (montants : leur fourchette ; dates : la première "
        "donnée). `wal {kind} show ID` donne chaque valeur avec ses sources.",
    },
}
