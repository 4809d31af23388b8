"""Builders for normative-document tests: a draft, and the procedure steps as the system would record them."""
from __future__ import annotations

import datetime as dt
from typing import Any

from fazhi.core import services
from fazhi.core.context import acting_as
from fazhi.core.workflow import apply
from fazhi.normative.models import NormativeDocument

TEXT = ('第一条 为了规范餐饮服务单位油烟排放，根据有关法律法规，制定本办法。\n'
        '第五条 违反本办法规定的，由区市场监督管理部门责令改正，依法予以行政处罚；情节严重的，处以罚款。\n'
        '第六条 本办法自公布之日起三十日后施行，有效期五年。')


def draft(unit: Any, title: str = '云溪区餐饮服务单位油烟排放管理办法', text: str = TEXT, **extra: Any) -> NormativeDocument:
    extra.setdefault('issuer', unit.name)
    with acting_as(None, label='system:test'):
        return services.create(NormativeDocument(unit=unit, title=title, text=text, **extra))


def reviewed(doc: NormativeDocument, reviewer: Any, on: dt.date = dt.date(2025, 3, 3), outcome: str = 'passed',
             suggestions: int = 0) -> NormativeDocument:
    with acting_as(None, label='system:test'):
        doc = apply(doc, 'submit_review', on=on)
        review = apply(doc.legality_review, 'assign', on=on, reviewer=reviewer)
        apply(review, 'conclude', on=on + dt.timedelta(days=3), step_on=on + dt.timedelta(days=3), outcome=outcome,
              opinion='审查意见', suggestion_count=suggestions)
    doc.refresh_from_db()
    return doc


def published(unit: Any, reviewer: Any, published_on: dt.date = dt.date(2025, 3, 20), *, effective_on: dt.date | None = None,
              years: int = 5, filed_on: dt.date | None = None, **extra: Any) -> NormativeDocument:
    doc = reviewed(draft(unit, **extra), reviewer, on=published_on - dt.timedelta(days=15))
    with acting_as(None, label='system:test'):
        doc = apply(doc, 'deliberate', on=published_on - dt.timedelta(days=3), meeting='局务会议')
        doc = apply(doc, 'publish', on=published_on, step_on=published_on, doc_number='云市监规〔2025〕1号',
                    effective_on=effective_on or published_on + dt.timedelta(days=30), validity_years=years)
        if filed_on:
            doc = apply(doc, 'file', on=filed_on, step_on=filed_on, filing_authority='测试区人民政府')
    return doc
