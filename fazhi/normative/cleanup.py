"""Clean-up campaigns: select the documents in force by criteria, record keep / amend / repeal with reasons,
then close the campaign, which carries out the conclusions on the documents (repeal and amendment events,
extended validity) and leaves the result list and counts."""
from __future__ import annotations

import datetime as dt
from typing import Any

from fazhi.core import services, workflow
from fazhi.core.workflow import Transition, Workflow

from .choices import REVIEWER_ROLES, CampaignState, CleanupDecision, EventKind


def candidates(campaign: Any, day: dt.date) -> Any:
    """Documents in force on `day` that match the campaign's criteria."""
    from .models import NormativeDocument
    qs = NormativeDocument.objects.in_force_on(day)
    if campaign.criteria_unit_id:
        qs = qs.filter(unit__path__startswith=campaign.criteria_unit.path)
    if campaign.criteria_subject:
        qs = qs.filter(subject=campaign.criteria_subject)
    if campaign.criteria_from:
        qs = qs.filter(published_on__gte=campaign.criteria_from)
    if campaign.criteria_to:
        qs = qs.filter(published_on__lte=campaign.criteria_to)
    if campaign.criteria_text:
        qs = qs.search(campaign.criteria_text)
    return qs.exclude(cleanup_items__campaign=campaign).order_by('unit__path', 'published_on')


def _select(campaign: Any, data: dict[str, Any]) -> None:
    from .models import CleanupItem
    documents = list(candidates(campaign, data['on']))
    services.bulk_create([CleanupItem(campaign=campaign, document=d) for d in documents], enforce=False,
                         message=f'{campaign.name}：按条件选取{len(documents)}件文件')


def _close_ok(campaign: Any, data: dict[str, Any]) -> str | None:
    counts = campaign.counts()
    if not counts['total']:
        return '清理范围内还没有文件，请先按条件选取文件。'
    if counts[CleanupDecision.PENDING]:
        return f'还有{counts[CleanupDecision.PENDING]}件文件未提出清理结论（继续有效、修改或废止，并说明理由）。'
    return None


def _keep(item: Any, on: dt.date) -> bool:
    doc = item.document
    if not item.new_expires_on or item.new_expires_on == doc.expires_on:
        return True
    services.update(doc, {'expires_on': item.new_expires_on}, enforce=False, message=f'清理：继续有效，有效期延至{item.new_expires_on}')
    expiry = doc.events.filter(kind=EventKind.EXPIRY).first()
    when = item.new_expires_on + dt.timedelta(days=1)
    if expiry is None:
        from .models import DocumentEvent
        services.create(DocumentEvent(document=doc, kind=EventKind.EXPIRY, occurred_on=when, note='清理后延长有效期'),
                        enforce=False)
    else:
        services.update(expiry, {'occurred_on': when, 'note': f'清理后有效期延至{item.new_expires_on}'}, enforce=False)
    return True


def _apply(item: Any, on: dt.date, campaign: Any) -> bool:
    doc = item.document
    if item.decision == CleanupDecision.REPEAL:
        workflow.apply(doc, 'repeal', on=on, note=campaign.name, reason=item.reason, step_on=on)
        return True
    if item.decision == CleanupDecision.AMEND:
        if not item.amended_text.strip():
            return False  # to be amended by its own procedure; the conclusion stays on record
        workflow.apply(doc, 'amend', on=on, note=campaign.name, text=item.amended_text, valid_from=on,
                       summary=f'{campaign.name}：{item.reason}', source='', step_on=on)
        return True
    return _keep(item, on)


def _close(campaign: Any, data: dict[str, Any]) -> None:
    for item in campaign.items.select_related('document'):
        applied = item.applied or _apply(item, data['on'], campaign)
        services.update(item, {'applied': applied, 'closed_on': data['on']}, enforce=False)
    campaign.closed_on = data['on']


CAMPAIGN_WORKFLOW = Workflow(field='state', transitions=[
    Transition('select', '按条件选取文件', sources={CampaignState.OPEN}, target=None, effect=_select,
               roles=REVIEWER_ROLES),
    Transition('close', '完成清理并执行结论', sources={CampaignState.OPEN}, target=CampaignState.CLOSED,
               guard=_close_ok, effect=_close, roles=REVIEWER_ROLES),
])
