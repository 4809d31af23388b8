"""A normative document's lifecycle: draft → legality review → collective deliberation → publication →
filing → filing review; amendment and repeal as events. The gates: no publication without a passed legality
review and a collective deliberation, no filing without publication."""
from __future__ import annotations

import datetime as dt
from typing import Any

from fazhi.core import services
from fazhi.core.workflow import Transition, Workflow

from .choices import DRAFTER_ROLES, REVIEWER_ROLES, DocumentState, EventKind

S = DocumentState
BEFORE_PUBLICATION = {S.DRAFT, S.REVIEWING, S.DELIBERATED}
IN_FORCE_STATES = {S.PUBLISHED, S.FILED}


def _event(doc: Any, kind: str, day: dt.date, note: str = '', version: Any = None) -> Any:
    from .models import DocumentEvent
    return services.create(DocumentEvent(document=doc, kind=kind, occurred_on=day, note=note, version=version),
                           enforce=False)


def _version(doc: Any, text: str, valid_from: dt.date, note: str = '', source: str = '') -> Any:
    from .models import DocumentVersion
    number = doc.versions.count() + 1
    return services.create(DocumentVersion(document=doc, number=number, text=text, valid_from=valid_from, note=note,
                                           source=source), enforce=False)


# -- legality review ----------------------------------------------------------------------------------------

def _submit(doc: Any, data: dict[str, Any]) -> None:
    from fazhi.legality.models import ReviewRequest
    doc.legality_review = services.create(ReviewRequest(
        unit=doc.unit, matter_type='normative_document', title=doc.title, received_on=data['on']), enforce=False,
        message=f'规范性文件送审：{doc.title}')


def _can_revise(doc: Any, data: dict[str, Any]) -> str | None:
    review = doc.legality_review
    if review is not None and review.state in ('submitted', 'reviewing'):
        return '合法性审核尚未结束；如需撤回修改，请先在审查事项中撤回送审。'
    return None


def review_gap(doc: Any) -> str | None:
    """Why the document lacks a passed legality review (None when it has one)."""
    if doc.review_passed_on is not None:
        return None
    review = doc.legality_review
    if review is None:
        return '未经合法性审核（尚未送审）的规范性文件不得公布。'
    if review.state != 'concluded':
        return f'合法性审核尚未出具意见（{review.serial}，{review.get_state_display()}），不得公布。'
    if not review.passed:
        return f'合法性审核结论为“{review.get_outcome_display()}”，应当修改后重新送审，不得公布。'
    return None


def _deliberation_ok(doc: Any, data: dict[str, Any]) -> str | None:
    gap = review_gap(doc)
    if gap:
        return gap.replace('不得公布', '不得提请集体审议')
    if not (data.get('meeting') or '').strip():
        return '请填写审议会议（如“区政府第12次常务会议”）。'
    return None


def _deliberate(doc: Any, data: dict[str, Any]) -> None:
    if doc.review_passed_on is None:
        doc.review_passed_on = doc.legality_review.concluded_on
    doc.deliberation = data['meeting']
    doc.deliberated_on = data['on']


# -- publication, filing -------------------------------------------------------------------------------------

def _publication_ok(doc: Any, data: dict[str, Any]) -> str | None:
    if gap := review_gap(doc):
        return gap
    if doc.deliberated_on is None:
        return '未经集体审议的规范性文件不得公布。'
    if not (data.get('doc_number') or '').strip():
        return '请填写文号。'
    effective = data.get('effective_on')
    if effective is None or effective < data['step_on']:
        return '施行日期不能早于公布日期。'
    if not (doc.text or '').strip():
        return '正文为空，不能公布。'
    return None


def _publish(doc: Any, data: dict[str, Any]) -> None:
    from .validity import expiry_after, filing_due
    on = data['on']
    doc.doc_number, doc.registration_number = data['doc_number'], data.get('registration_number') or ''
    doc.published_on, doc.effective_on = on, data['effective_on']
    doc.validity_years = data.get('validity_years') or doc.validity_years
    doc.expires_on = expiry_after(doc.effective_on, doc.validity_years) if doc.validity_years else None
    doc.filing_due = filing_due(on).due
    version = _version(doc, doc.text, doc.effective_on, note='公布文本')
    _event(doc, EventKind.PUBLICATION, on, f'{doc.doc_number} 公布', version)
    _event(doc, EventKind.COMMENCEMENT, doc.effective_on, '施行', version)
    if doc.expires_on:
        _event(doc, EventKind.EXPIRY, doc.expires_on + dt.timedelta(days=1), f'有效期{doc.validity_years}年届满')


def _filing_ok(doc: Any, data: dict[str, Any]) -> str | None:
    if doc.published_on is None:
        return '文件尚未公布，不能报送备案（应当自公布之日起30日内报送备案）。'
    if data['step_on'] < doc.published_on:
        return '报备日期不能早于公布日期。'
    return None


def _file(doc: Any, data: dict[str, Any]) -> None:
    doc.filed_on = data['on']
    doc.filing_authority = data.get('filing_authority') or doc.filing_authority
    doc.filed_on_time = doc.filing_due is None or data['on'] <= doc.filing_due
    late = '' if doc.filed_on_time else f'（逾期，期限为{doc.filing_due:%Y-%m-%d}）'
    _event(doc, EventKind.FILING, data['on'], f'报送{doc.filing_authority}备案{late}')


def _filing_review(doc: Any, data: dict[str, Any]) -> None:
    doc.filing_review_result = data['result']
    doc.filing_materials_conforming = bool(data.get('materials_conforming'))
    doc.filing_review_opinion = data.get('opinion') or ''
    doc.filing_reviewed_on = data['on']
    _event(doc, EventKind.FILING_REVIEW, data['on'], doc.get_filing_review_result_display())


# -- amendment, repeal ---------------------------------------------------------------------------------------

def _amendment_ok(doc: Any, data: dict[str, Any]) -> str | None:
    valid_from = data.get('valid_from')
    if valid_from is None or (doc.effective_on and valid_from < doc.effective_on):
        return '修改后文本的施行日期不能早于原文件施行日期。'
    if doc.expires_on and valid_from > doc.expires_on:
        return '文件在该日期已超过有效期，不能修改；应当重新制定。'
    if not (data.get('text') or '').strip():
        return '请填写修改后的全文。'
    return None


def _amend(doc: Any, data: dict[str, Any]) -> None:
    version = _version(doc, data['text'], data['valid_from'], note=data.get('summary') or '', source=data.get('source') or '')
    doc.text = data['text']
    doc.amended_on = data['valid_from']
    _event(doc, EventKind.AMENDMENT, data['valid_from'], data.get('summary') or '修改', version)


def _repeal_ok(doc: Any, data: dict[str, Any]) -> str | None:
    if not (data.get('reason') or '').strip():
        return '请填写废止理由。'
    return None


def _repeal(doc: Any, data: dict[str, Any]) -> None:
    doc.repealed_on, doc.repeal_reason = data['on'], data['reason']
    _event(doc, EventKind.REPEAL, data['on'], data['reason'])


DOCUMENT_WORKFLOW = Workflow(field='state', transitions=[
    Transition('submit_review', '送合法性审核', sources={S.DRAFT}, target=S.REVIEWING, effect=_submit,
               roles=DRAFTER_ROLES),
    Transition('revise', '退回修改', sources={S.REVIEWING}, target=S.DRAFT, guard=_can_revise, roles=DRAFTER_ROLES),
    Transition('deliberate', '集体审议', sources={S.REVIEWING}, target=S.DELIBERATED, guard=_deliberation_ok,
               effect=_deliberate, roles=DRAFTER_ROLES),
    Transition('publish', '公布', sources=BEFORE_PUBLICATION, target=S.PUBLISHED, guard=_publication_ok,
               effect=_publish, roles=DRAFTER_ROLES),
    Transition('file', '报送备案', sources=BEFORE_PUBLICATION | {S.PUBLISHED}, target=S.FILED, guard=_filing_ok,
               effect=_file, roles=DRAFTER_ROLES),
    Transition('filing_review', '备案审查', sources={S.FILED}, target=None, effect=_filing_review,
               roles=REVIEWER_ROLES),
    Transition('amend', '修改', sources=IN_FORCE_STATES, target=None, guard=_amendment_ok, effect=_amend,
               roles=DRAFTER_ROLES | REVIEWER_ROLES),  # reviewers carry out clean-up conclusions
    Transition('repeal', '废止', sources=IN_FORCE_STATES, target=S.REPEALED, guard=_repeal_ok, effect=_repeal,
               roles=DRAFTER_ROLES | REVIEWER_ROLES),
])
