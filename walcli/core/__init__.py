"""The model every stage shares: kinds, records and the registry, bilingual text, claims and
dates, paths, id suggestions, problems and the errors that stop a command."""
