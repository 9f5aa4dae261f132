"""Functions, extraction and analysis on files: no server and no service process."""
