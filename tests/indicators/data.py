"""A small analytics store whose counts are the source documents' own, to reproduce their rates."""
from __future__ import annotations

import datetime as dt

import pandas as pd

from fazhi.core.workcalendar import WorkCalendar
from fazhi.indicators import store

UNITS = [('D', '测试区', 'district', '/1/', None), ('S1', '东湖街道', 'street', '/1/2/', 'D'),
         ('S2', '西岭街道', 'street', '/1/3/', 'D'), ('M', '区市场监管局', 'department', '/1/4/', 'D'),
         ('M1', '市场监管局法制科', 'office', '/1/4/5/', 'M')]
DAY = dt.date(2025, 3, 10)
LAST_YEAR = dt.date(2024, 3, 10)


def _repeat(n: int, **cols) -> pd.DataFrame:
    return pd.DataFrame({k: [v] * n for k, v in cols.items()})


def _numbered(frame: pd.DataFrame, column: str, prefix: str) -> pd.DataFrame:
    frame = frame.reset_index(drop=True)
    frame[column] = [f'{prefix}{i:07d}' for i in range(len(frame))]
    return frame


def hotline() -> pd.DataFrame:
    base = dict(unit_code='S1', received_at=pd.Timestamp('2025-03-10 09:00'), category='市容环境', dispatched=True,
                rated=True, excluded=False, due_at=pd.Timestamp('2025-03-17 18:00'),
                closed_at=pd.Timestamp('2025-03-14 10:00'))
    parts = [
        _repeat(9381, responded=True, resolved=True, satisfaction='satisfied', **base),
        _repeat(112, responded=True, resolved=False, satisfaction='satisfied', **base),
        _repeat(500, responded=True, resolved=False, satisfaction='dissatisfied', **base),
        _repeat(7, responded=False, resolved=False, satisfaction='dissatisfied', **base),
    ]
    # responded 9993/10000 = 99.93%, resolved 9381/10000 = 93.81%, satisfied 9493/10000 = 94.93% (001)
    return _numbered(pd.concat(parts), 'ticket_no', 'H')


def enforcement() -> dict[str, pd.DataFrame]:
    powers = _numbered(_repeat(5876, unit_code='S1', name='职权', kind='penalty', effective_from=dt.date(2020, 1, 1),
                               repealed_on=None), 'power_code', 'P')
    repealed = _numbered(_repeat(10, unit_code='S1', name='已废止职权', kind='penalty',
                                 effective_from=dt.date(2020, 1, 1), repealed_on=dt.date(2025, 1, 15)), 'power_code', 'X')
    officers = _numbered(_repeat(2889, unit_code='S1', name='执法人员', is_a_post=True, certificate_no='C',
                                 certificate_valid_until=dt.date(2027, 1, 1), active=True), 'officer_no', 'O')
    inspected = powers['power_code'].iloc[:5827].tolist()
    acting = officers['officer_no'].iloc[:2782].tolist()
    inspections = pd.DataFrame({
        'unit_code': 'S1', 'power_code': inspected + inspected[:100], 'inspected_on': DAY,
        'officer_no': [acting[i % 2782] for i in range(5927)], 'is_random': [i % 5 == 0 for i in range(5927)],
        'found_violation': False})
    inspections = _numbered(inspections, 'inspection_no', 'I')
    penalties = _numbered(pd.DataFrame({
        'unit_code': 'S1', 'power_code': inspected[:40], 'officer_no': acting[:40], 'decided_on': DAY,
        'amount': 1000.0, 'procedure': ['ordinary'] * 30 + ['simple'] * 10,
        'disclosed_on': [DAY + dt.timedelta(days=d) for d in [1] * 30 + [20] * 5] + [None] * 5,
        'full_process_recorded': [True] * 29 + [False] * 11, 'is_major': [True] * 4 + [False] * 36,
        'legal_reviewed': [True] * 4 + [False] * 36, 'no_penalty': [''] * 38 + ['first_violation'] * 2}), 'case_no', 'F')
    exams = _numbered(pd.DataFrame({'officer_no': 'O', 'unit_code': 'S1', 'exam_date': DAY,
                                    'passed': [True] * 234 + [False] * 6}), 'exam_no', 'E')
    return {'penalty_power': pd.concat([powers, repealed], ignore_index=True), 'enforcement_officer': officers,
            'inspection': inspections, 'penalty': penalties, 'enforcement_exam': exams}


def mediation() -> pd.DataFrame:
    this_year = pd.DataFrame({'unit_code': 'M1', 'kind': 'administrative', 'accepted_on': DAY, 'closed_on': DAY,
                              'success': [True] * 465 + [False] * 218, 'amount': 100.0,
                              'judicial_confirmation': [True] * 50 + [False] * 633})
    last_year = pd.DataFrame({'unit_code': 'M1', 'kind': 'administrative', 'accepted_on': LAST_YEAR,
                              'closed_on': LAST_YEAR, 'success': [True] * 300 + [False] * 200, 'amount': 100.0,
                              'judicial_confirmation': False})
    return _numbered(pd.concat([this_year, last_year]), 'case_no', 'T')


def credit() -> pd.DataFrame:
    grades = ['A'] * 32063 + ['B'] * 63408 + ['C'] * 15425 + ['D'] * 1996
    return _numbered(pd.DataFrame({'unit_code': 'M', 'graded_on': DAY, 'grade': grades}), 'enterprise_code', 'Q')


def small_tables() -> dict[str, pd.DataFrame]:
    petition = _numbered(pd.DataFrame({
        'unit_code': 'S2', 'received_on': DAY, 'due_on': [DAY + dt.timedelta(days=60)] * 10 + [dt.date(2025, 3, 5)] * 2,
        'closed_on': [DAY] * 10 + [None, dt.date(2025, 3, 4)], 'eligible_for_evaluation': True,
        'evaluated': [True] * 11 + [False], 'satisfied': [True] * 10 + [False] * 2}), 'petition_no', 'X')
    hazard = _numbered(pd.DataFrame({'unit_code': 'S2', 'found_on': DAY, 'level': ['major'] + ['general'] * 49,
                                     'due_on': DAY, 'rectified_on': [DAY] * 49 + [None]}), 'hazard_no', 'Z')
    disclosure = _numbered(pd.DataFrame({
        'unit_code': 'M', 'received_on': DAY, 'due_on': [dt.date(2025, 4, 7)] * 3 + [dt.date(2025, 3, 20)],
        'replied_on': [dt.date(2025, 4, 1), dt.date(2025, 4, 8), None, None], 'outcome': '予以公开'}), 'request_no', 'R')
    legal_aid = _numbered(pd.DataFrame({'unit_code': 'D', 'applied_on': DAY, 'decided_on': DAY,
                                        'granted': [True] * 8 + [False] * 2, 'kind': ['criminal'] * 3 + ['civil'] * 7,
                                        'closed_on': None}), 'case_no', 'L')
    calls = _numbered(pd.DataFrame({'unit_code': 'D', 'received_at': pd.Timestamp('2025-03-10 10:00'),
                                    'topic': ['劳动'] * 25}), 'call_no', 'K')
    reviews = _numbered(pd.DataFrame({'unit_code': 'M', 'case_no': 'F', 'reviewed_on': DAY, 'score': 90,
                                      'grade': ['excellent'] * 2 + ['pass'] * 7 + ['fail'], 'sampled': True}),
                        'review_no', 'V')
    services = _numbered(pd.DataFrame({'unit_code': 'M', 'name': '事项', 'online_available': True,
                                       'fully_online': [True] * 80 + [False] * 20, 'effective_from': dt.date(2022, 1, 1),
                                       'repealed_on': None}), 'item_code', 'G')
    powers = _numbered(pd.DataFrame({'unit_code': ['M'] * 99 + ['S1'] * 512 + ['S2'] * 5052, 'name': '权责',
                                     'category': '行政检查', 'effective_from': dt.date(2021, 1, 1),
                                     'repealed_on': None}), 'item_code', 'W')
    return {'petition': petition, 'hazard': hazard, 'disclosure_request': disclosure, 'legal_aid_case': legal_aid,
            'legal_hotline_call': calls, 'case_file_review': reviews, 'service_item': services, 'power_item': powers}


def all_frames() -> dict[str, pd.DataFrame]:
    frames = {'hotline_request': hotline(), 'mediation': mediation(), 'credit_grade': credit(), **enforcement(),
              **small_tables()}
    frames.update(store.unit_frames(UNITS))
    frames['workday'] = store.workday_frame(WorkCalendar(), dt.date(2024, 1, 1), dt.date(2025, 12, 31))
    return frames


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    """Give every column a concrete type (engines refuse NULL-typed columns): dates as datetime64."""
    frame = frame.copy()
    for col in frame.columns:
        if col.endswith(('_on', '_until', '_from', '_date')) or col in ('day', 'exam_date'):
            frame[col] = pd.to_datetime(frame[col]).astype('datetime64[s]')
        elif frame[col].isna().all():
            frame[col] = frame[col].astype('string')
    return frame


def load(con, frames=None) -> None:
    for name, frame in (frames or all_frames()).items():
        store.put(con, name, _typed(frame))
