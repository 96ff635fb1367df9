"""news stage."""
