"""A small analytics store whose figures give known scores, a small test system, and a campaign builder."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import duckdb
import pandas as pd
import pytest

DAY = dt.date(2025, 5, 12)

SYSTEM = """
code: test-system
name: 测试考核体系
total: 100
small_sample: rebase
categories:
  - {code: department, name: 区政府工作部门, unit_kinds: [department]}
  - {code: street, name: 街道（乡镇）, unit_kinds: [street]}
grades: [{name: 优秀, min: 90}, {name: 良好, min: 80}, {name: 合格, min: 60}, {name: 不合格, min: 0}]
items:
  - code: '1'
    name: 接诉即办
    points: 40
    children:
      - code: '1.1'
        name: 响应及时
        points: 20
        rule: {type: threshold, indicator: hotline.response_rate, bands: [{min: 99, score: 20}, {min: 95, score: 15}, {min: 90, score: 10}]}
      - code: '1.2'
        name: 群众满意
        points: 20
        rule: {type: linear, indicator: hotline.satisfaction_rate, zero: 70, full: 95}
  - code: '2'
    name: 突发事件应对
    points: 30
    children:
      - code: '2.1'
        name: 隐患按期整改
        points: 10
        rule: {type: deduction, indicator: hazard.rectification_rate, occurrences: shortfall, key: hazard_no, each: 2,
               describe: '隐患{hazard_no}（{found_on}发现）至计分日尚未整改'}
      - code: '2.2'
        name: 应急预案和演练
        points: 20
        rule: {type: manual, criteria: 预案齐全并每年演练, evidence: 预案文本和演练记录}
  - code: '3'
    name: 制度建设
    points: 30
    children:
      - code: '3.1'
        name: 规范性文件管理
        points: 30
        applies_to: [department]
        rule: {type: manual, criteria: 合法性审核和报备全覆盖}
"""


def _tickets(unit: str, n: int, responded: int, satisfied: int) -> pd.DataFrame:
    return pd.DataFrame({
        'ticket_no': [f'{unit}-H{i:04d}' for i in range(n)], 'unit_code': unit,
        'received_at': pd.Timestamp('2025-05-12 09:00'), 'category': '市容环境', 'dispatched': True,
        'responded': [i < responded for i in range(n)], 'excluded': False, 'rated': True,
        'resolved': [i < satisfied for i in range(n)],
        'satisfaction': ['satisfied' if i < satisfied else 'dissatisfied' for i in range(n)],
        'due_at': pd.Timestamp('2025-05-19 18:00'), 'closed_at': pd.Timestamp('2025-05-14 10:00')})


def _hazards(unit: str, n: int, open_: int) -> pd.DataFrame:
    return pd.DataFrame({
        'hazard_no': [f'{unit}-Z{i:03d}' for i in range(n)], 'unit_code': unit, 'found_on': DAY,
        'level': 'general', 'due_on': DAY + dt.timedelta(days=30),
        'rectified_on': [None if i < open_ else DAY + dt.timedelta(days=10) for i in range(n)]})


def frames() -> dict[str, pd.DataFrame]:
    hotline = pd.concat([_tickets('T-S1', 100, 98, 90), _tickets('T-S2', 100, 100, 80),
                         _tickets('T-D2', 50, 46, 47), _tickets('T-D1', 10, 10, 10)], ignore_index=True)
    hazard = pd.concat([_hazards('T-S1', 20, 3), _hazards('T-S2', 10, 0)], ignore_index=True)
    hazard['found_on'] = pd.to_datetime(hazard['found_on']).astype('datetime64[s]')
    hazard['due_on'] = pd.to_datetime(hazard['due_on']).astype('datetime64[s]')
    hazard['rectified_on'] = pd.to_datetime(hazard['rectified_on']).astype('datetime64[s]')
    return {'hotline_request': hotline, 'hazard': hazard}


@pytest.fixture
def store(settings: Any, tmp_path: Any, district: Any) -> Any:
    settings.ANALYTICS_DB = tmp_path / 'analytics.duckdb'
    settings.MEDIA_ROOT = tmp_path / 'media'
    con = duckdb.connect(str(settings.ANALYTICS_DB))
    for name, frame in frames().items():
        con.register('_f', frame)
        con.execute(f'CREATE TABLE {name} AS SELECT * FROM _f')
        con.unregister('_f')
    con.close()
    return settings.ANALYTICS_DB


def system(text: str = SYSTEM) -> Any:
    from fazhi.assessment import services
    from fazhi.core.context import acting_as
    with acting_as(None, label='system:test'):
        return services.load_system(text)


@pytest.fixture
def campaign(store: Any, district: Any) -> Any:
    """A campaign of the test system, opened (score sheets made, automatic items scored)."""
    from fazhi.assessment import services
    from fazhi.core import workflow
    from fazhi.core.context import acting_as
    with acting_as(None, label='system:test'):
        found = services.create_campaign(name='2025年度测试考核', period='2025', system=system())
        return workflow.apply(found, 'open', on=dt.date(2026, 1, 5), step_on=dt.date(2026, 1, 5))


def score_of(campaign: Any, unit: Any, code: str) -> Any:
    from fazhi.assessment.models import ItemScore
    return ItemScore.objects.get(entry__campaign=campaign, entry__unit=unit, item__code=code)


def upload(name: str = '演练记录.pdf', body: bytes = b'%PDF-1.4 test evidence') -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile
    return SimpleUploadedFile(name, body, content_type='application/pdf')


def as_user(user: Any) -> Any:
    from fazhi.core.context import acting_as
    return acting_as(user, label=user.username)


D = Decimal
