"""普法责任清单: progress of a duty follows its counts."""
from __future__ import annotations

from fazhi.core import services
from fazhi.core.context import acting_as
from fazhi.legal_education.models import EducationDuty


def test_state_follows_the_counts(district):
    with acting_as(None, label='system:test'):
        duty = services.create(EducationDuty(unit=district.street, year=2025, law_name='《消防法》', audience='居民',
                                             measures='入户宣传', form='campaign', planned_count=4))
        assert duty.state == 'planned' and duty.completion_rate == 0
        duty = services.update(duty, {'completed_count': 2})
        assert duty.state == 'in_progress' and duty.completion_rate == 0.5
        duty = services.update(duty, {'completed_count': 4})
        assert duty.state == 'completed'
