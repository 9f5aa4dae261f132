"""PostgreSQL, the store of record of analyses, and its schema migrations."""
