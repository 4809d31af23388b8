"""Excel ledger of existing documents (存量文件台账): each row lands with its history as events and a version,
and the same gates as the workflow: no publication without a legality review, no filing without publication."""
from __future__ import annotations

import datetime as dt
from typing import Any

from fazhi.core import services
from fazhi.legality.ledger_import import Column, LedgerSpec

from .choices import DocumentState, EventKind, FilingReviewResult, Subject
from .models import DocumentEvent, DocumentVersion, NormativeDocument
from .validity import expiry_after, filing_due

YES_NO = {'是': True, '否': False, '': None}


def _check(row: dict[str, Any]) -> list[tuple[str, str]]:
    errors = []
    published = row['published_on']
    if published and not row['review_passed_on']:
        errors.append(('review_passed_on', '已公布的文件必须有合法性审核记录（未经合法性审核不得公布）'))
    if published and not row['doc_number']:
        errors.append(('doc_number', '已公布的文件应当填写文号'))
    for key, label in (('filed_on', '报备'), ('repealed_on', '废止'), ('effective_on', '施行')):
        if row[key] and not published:
            errors.append((key, f'文件尚未公布，不能登记{label}'))
        elif row[key] and row[key] < published:
            errors.append((key, f'{label}日期不能早于公布日期'))
    if (row['materials_conforming'] or '') not in YES_NO:
        errors.append(('materials_conforming', '应为“是”“否”或不填（尚未审查）'))
    if row['review_passed_on'] and published and row['review_passed_on'] > published:
        errors.append(('review_passed_on', '合法性审核通过日期不能晚于公布日期'))
    return errors


def _state(row: dict[str, Any]) -> str:
    if row['repealed_on']:
        return DocumentState.REPEALED
    if row['filed_on']:
        return DocumentState.FILED
    return DocumentState.PUBLISHED if row['published_on'] else DocumentState.DRAFT


def _build(row: dict[str, Any]) -> NormativeDocument:
    doc = NormativeDocument(
        unit=row['unit'], issuer=row['issuer'] or row['unit'].name, title=row['title'],
        subject=row['subject'] or Subject.GENERAL, text=row['text'] or '', state=_state(row),
        doc_number=row['doc_number'] or '', registration_number=row['registration_number'] or '',
        review_passed_on=row['review_passed_on'], deliberated_on=row['deliberated_on'],
        published_on=row['published_on'], effective_on=row['effective_on'] or row['published_on'],
        validity_years=row['validity_years'], filing_authority=row['filing_authority'] or '', filed_on=row['filed_on'],
        repealed_on=row['repealed_on'], repeal_reason=row['repeal_reason'] or '')
    if doc.published_on:
        doc.expires_on = row['expires_on'] or (expiry_after(doc.effective_on, doc.validity_years)
                                               if doc.validity_years else None)
        doc.filing_due = filing_due(doc.published_on).due
    if doc.filed_on:
        doc.filed_on_time = doc.filed_on <= doc.filing_due
        conforming = YES_NO.get(row['materials_conforming'] or '')
        if conforming is not None:
            doc.filing_materials_conforming = conforming
            doc.filing_reviewed_on = doc.filed_on
            doc.filing_review_result = (FilingReviewResult.CONFORMING if conforming
                                        else FilingReviewResult.CORRECTION_ORDERED)
    return doc


def history_events(doc: NormativeDocument, version: DocumentVersion) -> list[DocumentEvent]:
    """The lifecycle events implied by a published document's dates."""
    events = [DocumentEvent(document=doc, kind=EventKind.PUBLICATION, occurred_on=doc.published_on, version=version,
                            note=f'{doc.doc_number} 公布'),
              DocumentEvent(document=doc, kind=EventKind.COMMENCEMENT, occurred_on=doc.effective_on, version=version,
                            note='施行')]
    if doc.expires_on:
        events.append(DocumentEvent(document=doc, kind=EventKind.EXPIRY, note='有效期届满',
                                    occurred_on=doc.expires_on + dt.timedelta(days=1)))
    if doc.filed_on:
        events.append(DocumentEvent(document=doc, kind=EventKind.FILING, occurred_on=doc.filed_on,
                                    note=f'报送{doc.filing_authority}备案'))
    if doc.repealed_on:
        events.append(DocumentEvent(document=doc, kind=EventKind.REPEAL, occurred_on=doc.repealed_on,
                                    note=doc.repeal_reason))
    return events


def register_existing(doc: NormativeDocument, row: dict[str, Any] | None = None, message: str = '导入') -> NormativeDocument:
    """Save an existing (possibly published) document with its first version and its events."""
    doc = services.create(doc, message=message)
    if doc.published_on:
        version = services.create(DocumentVersion(document=doc, number=1, text=doc.text, valid_from=doc.effective_on,
                                                  note='公布文本'), enforce=False, message=message)
        services.bulk_create(history_events(doc, version), enforce=False, message=message)
    return doc


DOCUMENT_LEDGER = LedgerSpec('规范性文件台账', NormativeDocument, (
    Column('unit', '起草单位', 'unit', True, example='区市场监督管理局'),
    Column('issuer', '制定机关', example='明州市云溪区市场监督管理局', note='不填则为起草单位'),
    Column('title', '文件名称', required=True, example='云溪区餐饮服务单位油烟排放管理办法'),
    Column('subject', '主题分类', 'choice', choices=Subject, example='市场监管'),
    Column('doc_number', '文号', example='云市监规〔2024〕2号'),
    Column('registration_number', '统一登记编号', example='YXQD-2024-0012'),
    Column('review_passed_on', '合法性审核通过日期', 'date', example='2024-03-01', note='已公布的文件必填'),
    Column('deliberated_on', '集体审议日期', 'date', example='2024-03-08'),
    Column('published_on', '公布日期', 'date', example='2024-03-15'),
    Column('effective_on', '施行日期', 'date', example='2024-04-15', note='不填则为公布日期'),
    Column('validity_years', '有效期（年）', 'int', example='5'),
    Column('expires_on', '有效期至', 'date', example='', note='不填则按有效期年数计算'),
    Column('filing_authority', '备案机关', example='明州市云溪区人民政府'),
    Column('filed_on', '报备日期', 'date', example='2024-03-28'),
    Column('materials_conforming', '报备材料是否规范', example='是', note='是/否；尚未备案审查的不填'),
    Column('repealed_on', '废止日期', 'date', example=''),
    Column('repeal_reason', '废止理由', example=''),
    Column('text', '正文', example='第一条 为了……，根据……，制定本办法。'),
), build=_build, check=_check, save=lambda doc, row: register_existing(doc, row))
