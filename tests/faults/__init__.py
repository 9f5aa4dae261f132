"""Faults and hostile input: Redis full, crashes, hostile and fuzzed files, shutdowns."""
