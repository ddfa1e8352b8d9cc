"""spaCy components that turn a report into Fogline records."""
