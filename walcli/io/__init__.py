"""Reading: record files (bounded, UTF-8), YAML with positions, the registry's folders, git."""
