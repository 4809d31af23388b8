"""Statutory deadlines of a case across the Spring Festival and National Day."""
from __future__ import annotations

from .conftest import D, new_case, step


def dues(case):
    return {d.tracked.key: d for d in case.due_dates(today=D('2026-11-23'))}


def test_acceptance_review_across_the_spring_festival(district):
    case = new_case(district.market, received='2026-02-12')
    review = dues(case)['acceptance']
    # 2-13 Fri (1), 2-14 Sat is an adjusted working day (2), 2-15..2-23 春节, then 2-24, 2-25, 2-26
    assert review.due == D('2026-02-26')
    text = review.result.explain_text()
    assert '调休上班日' in text and '春节' in text and '届满日：2026-02-26（星期四）' in text


def test_acceptance_review_across_national_day(district):
    case = new_case(district.market, received='2026-09-29')
    # 9-30 (1), 10-1..10-7 国庆, 10-8 (2), 10-9 (3), 10-10 Sat adjusted working day (4), 10-12 (5)
    assert dues(case)['acceptance'].due == D('2026-10-12')


def test_decision_deadline_ending_in_the_spring_festival_rolls_forward(district):
    case = new_case(district.market, received='2025-12-17')
    case = step(case, 'accept', district.users['case_officer'], on='2025-12-20', procedure='ordinary')
    decision = dues(case)['decision']
    assert decision.due == D('2026-02-24')  # day 60 is 2026-02-18, inside the holiday
    assert '顺延至2026-02-24' in decision.result.explain_text()


def test_decision_deadline_ending_in_national_day_rolls_forward(district):
    case = new_case(district.market, received='2026-08-03')
    case = step(case, 'accept', district.users['case_officer'], on='2026-08-05', procedure='ordinary')
    assert dues(case)['decision'].due == D('2026-10-08')  # day 60 is 2026-10-04


def test_suspension_over_the_spring_festival_is_added_back(district):
    officer = district.users['case_officer']
    case = new_case(district.market, received='2026-01-05')
    step(case, 'accept', officer, on='2026-01-06', procedure='ordinary')
    step(case, 'suspend', officer, on='2026-02-10', note='等待有权机关解释')
    case = step(case, 'resume', officer, on='2026-02-25')
    # base 60 days: 2026-03-07; 15 suspended days → 2026-03-22 (Sunday) → 2026-03-23
    assert case.decision_due_on == D('2026-03-23')
    assert '跳过：2026-02-10至2026-02-24 中止期间' in dues(case)['decision'].result.explain_text()


def test_simplified_reply_counts_working_days_over_national_day(district):
    officer = district.users['case_officer']
    case = new_case(district.market, received='2026-09-21', act_type='disclosure', domain='disclosure')
    step(case, 'accept', officer, on='2026-09-22', procedure='simplified')
    case = step(case, 'send_copy', officer, on='2026-09-28')
    # simplified reply: 5 working days from 9-28: 9-29, 9-30, 10-8, 10-9, 10-10 (adjusted Saturday)
    assert dues(case)['reply'].due == D('2026-10-10')
    assert dues(case)['reply'].tracked.responsible == '被申请人'
    assert dues(case)['decision'].due == D('2026-10-22')  # 30 days from 9-22


def test_done_late_and_overdue_statuses(district):
    officer = district.users['case_officer']
    case = new_case(district.market, received='2026-03-02')
    assert dues(case)['acceptance'].status == 'overdue'
    case = step(case, 'accept', officer, on='2026-03-04', procedure='ordinary')
    case = step(case, 'send_copy', officer, on='2026-03-20')
    assert dues(case)['send_copy'].status == 'done_late'
    assert dues(case)['acceptance'].status == 'done'
