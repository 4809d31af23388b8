"""Reconsideration fixtures: a case factory and a helper that runs a lifecycle step as a given user."""
from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from fazhi.core import services
from fazhi.core.context import acting_as
from fazhi.reconsideration.casework import transitions
from fazhi.reconsideration.models import Party, ReconsiderationCase

D = dt.date.fromisoformat


def new_case(unit: Any, received: str = '2026-03-02', **values: Any) -> ReconsiderationCase:
    fields = dict(received_on=D(received), applicant_names='王小明', respondent_unit=unit,
                  act_description='罚款2000元的行政处罚决定', domain='market', act_type='penalty')
    fields.update(values)
    with acting_as(None, label='system:test'):
        return services.create(ReconsiderationCase(**fields))


def step(case: Any, name: str, user: Any = None, on: str | dt.date = '2026-03-03', **data: Any) -> Any:
    """Run a lifecycle step through its form, as `user` (None: the system)."""
    model = type(case)
    form = transitions.form_class(model, name)(data={'on': str(on), **data})
    assert form.is_valid(), form.errors
    with acting_as(user, label='system:test'):
        return transitions.perform(model.objects.get(pk=case.pk), name, form)


def add_party(case: Any, **values: Any) -> Party:
    fields = dict(case=case, name='王小明', kind='natural', role='applicant', phone='13812345678')
    fields.update(values)
    with acting_as(None, label='system:test'):
        return services.create(Party(**fields))


@pytest.fixture
def case(district: Any) -> ReconsiderationCase:
    return new_case(district.market)


@pytest.fixture
def officer(district: Any) -> Any:
    return district.users['case_officer']
