"""Message modules, one per area: each holds `MESSAGES = {key: {"en": ..., "fr": ...}}`."""
