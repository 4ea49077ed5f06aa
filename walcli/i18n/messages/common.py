"""Words every area uses: kinds, and the marks put on facts."""

MESSAGES: dict[str, dict[str, str]] = {
    "kind.domains": {"en": "domains", "fr": "domaines"},
    "kind.poles": {"en": "poles", "fr": "pôles"},
    "kind.plans": {"en": "plans", "fr": "plans"},
    "kind.shocks": {"en": "shocks", "fr": "chocs"},
    "kind.domain": {"en": "domain", "fr": "domaine"},
    "kind.pole": {"en": "pole", "fr": "pôle"},
    "kind.plan": {"en": "plan", "fr": "plan"},
    "kind.shock": {"en": "shock", "fr": "choc"},
    "mark.disputed": {"en": "sources disagree", "fr": "sources en désaccord"},
    "mark.seed_deck": {"en": "the seed deck's claim", "fr": "affirmation de la présentation"},
    "mark.superseded": {"en": "superseded", "fr": "remplacé"},
}
