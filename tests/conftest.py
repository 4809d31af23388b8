"""Shared fixtures: a small district with one user per role (a cast, as in Healthchecks' tests)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

PASSWORD = 'Test#Pass2026'


@dataclass
class District:
    district: Any
    justice: Any
    market: Any
    market_office: Any
    street: Any
    other_street: Any
    users: dict[str, Any]


def _build() -> District:
    from fazhi.core import services
    from fazhi.core.context import acting_as
    from fazhi.organization.models import Liaison, Unit, User

    with acting_as(None, label='system:test'):
        def unit(code: str, name: str, kind: str, parent: Any = None) -> Any:
            return services.create(Unit(code=code, name=name, kind=kind, parent=parent))

        district = unit('T', '测试区人民政府', 'district')
        justice = unit('T-D1', '区司法局', 'department', district)
        market = unit('T-D2', '区市场监督管理局', 'department', district)
        market_office = unit('T-D2-1', '区市场监督管理局法制科', 'office', market)
        street = unit('T-S1', '东湖街道', 'street', district)
        other_street = unit('T-S2', '西岭街道', 'street', district)
        roles = {
            'district_admin': justice, 'legality_reviewer': justice, 'case_officer': justice, 'leader': district,
            'unit_officer': market, 'street_officer': street, 'system_admin': justice, 'security_admin': justice,
            'auditor': justice,
        }
        users = {}
        for name, home in roles.items():
            role = 'unit_officer' if name == 'street_officer' else name
            user = User(username=name, role=role, unit=home, full_name=name)
            user.set_password(PASSWORD)
            users[name] = services.create(user)
        for u in (market, market_office, street, other_street):
            services.create(Liaison(unit=u, name=f'{u.name}联络员', phone='010-12345678'))
    return District(district, justice, market, market_office, street, other_street, users)


@pytest.fixture
def district(db: Any) -> District:
    return _build()


@pytest.fixture
def login(client: Any) -> Any:
    def do(user: Any) -> Any:
        client.force_login(user)
        return client
    return do


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ['django.contrib.auth.hashers.MD5PasswordHasher']


@pytest.fixture(autouse=True)
def _own_analytics_store(settings: Any, tmp_path: Any) -> None:
    """Each test gets its own analytics store (ledger pages read their figures from the engine)."""
    settings.ANALYTICS_DB = tmp_path / 'analytics.duckdb'
