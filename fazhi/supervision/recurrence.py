"""Reopen a closed audit finding when a later finding of the same unit shows the same problem again."""
from __future__ import annotations

from typing import Any

from fazhi.core import workflow
from fazhi.core.context import acting_as, current_actor

from .choices import FindingState


def reopen_earlier(finding: Any) -> list[Any]:
    """Called after every audited save of a finding; only a finding that names a problem type can reopen others."""
    if not finding.problem_code:
        return []
    earlier = list(type(finding).objects.filter(
        unit_id=finding.unit_id, problem_code=finding.problem_code, state=FindingState.CLOSED,
        found_on__lt=finding.found_on).exclude(pk=finding.pk))
    reopened = []
    for old in earlier:
        actor = current_actor()
        with acting_as(None, label=f'system:recurrence:{actor.name if actor else "system"}'):
            reason = f'审计发现同类问题再次出现（问题编号 {finding.finding_no}，{finding.found_on:%Y-%m-%d}）'
            reopened.append(workflow.apply(old, 'recur', on=finding.found_on, note=reason, reason=reason))
        if finding.recurrence_of_id is None:  # the create's audit entry, written after this hook, records it
            finding.recurrence_of = old
            type(finding).objects.filter(pk=finding.pk).update(recurrence_of=old)
    return reopened
