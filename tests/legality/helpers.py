"""Small builders for legality tests (through the audited service, as the system)."""
from __future__ import annotations

import datetime as dt
from typing import Any

from fazhi.core import services
from fazhi.core.context import acting_as
from fazhi.legality.models import AdviserEngagement, LegalAdviser, ReviewRequest


def review(unit: Any, title: str = '区办公用房物业服务合同', matter_type: str = 'contract',
           received_on: dt.date = dt.date(2025, 3, 3), **extra: Any) -> ReviewRequest:
    with acting_as(None, label='system:test'):
        return services.create(ReviewRequest(unit=unit, matter_type=matter_type, title=title,
                                             received_on=received_on, **extra))


def adviser(unit: Any, name: str = '周正', **extra: Any) -> LegalAdviser:
    extra.setdefault('kind', 'external')
    with acting_as(None, label='system:test'):
        return services.create(LegalAdviser(unit=unit, name=name, engaged_from=dt.date(2025, 1, 1), **extra))


def engagement(adv: LegalAdviser, kind: str = 'meeting', **extra: Any) -> AdviserEngagement:
    extra.setdefault('occurred_on', dt.date(2025, 4, 8))
    extra.setdefault('unit', adv.unit)
    with acting_as(None, label='system:test'):
        return services.create(AdviserEngagement(adviser=adv, kind=kind, subject='区政府常务会议', **extra))
