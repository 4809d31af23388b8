"""What a concluded case sets off: correction feedback to the respondent and the publication draft."""
from __future__ import annotations

import datetime as dt
from typing import Any

from fazhi.core import services

from .choices import FeedbackKind, PublicationStatus
from .redaction import redact


def raise_correction_feedback(case: Any, on: dt.date) -> list[Any]:
    """A correction flags the enforcement case (or, without one, the unit's practice) for review, and queues the
    normative document the act relied on for incidental review (附带审查, 行政复议法第十三条、第五十六条)."""
    from .models import CorrectionFeedback
    items = []
    if case.enforcement_reference:
        items.append((FeedbackKind.ENFORCEMENT, case.enforcement_reference))
    else:
        items.append((FeedbackKind.UNIT, case.act_description[:200]))
    if case.normative_document:
        items.append((FeedbackKind.NORMATIVE, case.normative_document))
    existing = set(CorrectionFeedback.objects.filter(case=case).values_list('kind', flat=True))
    return [services.create(CorrectionFeedback(case=case, unit=case.respondent_unit, kind=kind, reference=ref,
                                               raised_on=on), message=f'复议纠错反馈：{case.case_number}',
                            enforce=False)
            for kind, ref in items if kind not in existing]


def draft_publication(case: Any) -> Any:
    """Create or refresh the redacted draft of the decision document, awaiting review."""
    from .models import PublishedDecision
    result = redact(case.decision_text, case.personal_names())
    values = {
        'title': f'{case.case_number}行政复议决定书', 'document_number': case.case_number,
        'respondent_name': case.respondent_unit.name, 'domain': case.domain, 'outcome': case.outcome,
        'decided_on': case.concluded_on, 'redacted_text': result.text,
        'findings': [f.to_dict() for f in result.findings], 'status': PublicationStatus.DRAFT, 'published_on': None,
    }
    existing = PublishedDecision.objects.filter(case=case).first()
    if existing is None:
        return services.create(PublishedDecision(case=case, **values), message='自动脱敏生成公开稿')
    return services.update(existing, values, message='重新生成脱敏稿')
