"""Example record schemas shipped with the platform (YAML, one per record type)."""
