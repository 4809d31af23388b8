"""Litigation fixtures: a lawsuit factory; `step` runs a lifecycle step as a given user."""
from __future__ import annotations

from typing import Any

import pytest

from fazhi.core import services
from fazhi.core.context import acting_as
from fazhi.litigation.models import Lawsuit
from tests.reconsideration.conftest import D, step  # noqa: F401  (shared helpers)

_numbers = iter(range(1, 100000))


def new_lawsuit(unit: Any, received: str = '2026-03-02', **values: Any) -> Lawsuit:
    fields = dict(case_number=f'（2026）明0105行初{next(_numbers)}号', court='明州市云溪区人民法院',
                  plaintiff_names='张三', defendant_unit=unit, cause='不服行政处罚决定', domain='market',
                  complaint_received_on=D(received))
    fields.update(values)
    with acting_as(None, label='system:test'):
        return services.create(Lawsuit(**fields))


def heard(suit: Any, user: Any, on: str = '2026-03-20', appearance: str = 'deputy', **data: Any) -> Lawsuit:
    return step(suit, 'record_hearing', user, on=on, appearance=appearance, appeared_name='李副局长', **data)


@pytest.fixture
def officer(district: Any) -> Any:
    return district.users['case_officer']


@pytest.fixture
def suit(district: Any) -> Lawsuit:
    return new_lawsuit(district.market)
