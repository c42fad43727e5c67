"""Helpers shared by the tests: hostile-input cases, a hand-annotated corpus, database
integrity checks and a live server process."""
