"""Scanner input without Qt: US key tables, the normaliser and the classifier."""
