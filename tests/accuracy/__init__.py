"""Accuracy figures of the analysis: the evaluation command and the floors held on it."""
