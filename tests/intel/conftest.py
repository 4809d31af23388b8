"""The intel tests use no Django: neutralise project-wide fixtures that need pytest-django."""

import pytest


@pytest.fixture(autouse=True)
def _fast_password_hashing():
    """Overrides the root conftest's fixture of the same name (it needs pytest-django's `settings`)."""
