from tests.imports.kit import analytics, seeded, seeded_template  # noqa: F401  (fixtures)
