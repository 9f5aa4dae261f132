"""The test suite, imported from the repository root: `tests.helpers`, `tests.labeled`, ..."""
