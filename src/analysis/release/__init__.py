"""Exports meant to leave the project as files for other users (data standards, k-anonymised)."""
