"""Every path of the litigation lifecycle, refusals with their reasons, deadlines and the link to reconsideration."""
from __future__ import annotations

import pytest

from fazhi.core.models import AuditEntry
from fazhi.core.permissions import AccessDenied
from fazhi.core.workflow import TransitionRefused, timeline
from fazhi.litigation.models import CourtHearing, Lawsuit
from tests.reconsideration.conftest import new_case

from .conftest import D, heard, new_lawsuit, step


def dues(suit):
    return {d.tracked.key: d for d in suit.due_dates(today=D('2026-11-23'))}


def test_first_instance_judgment_that_becomes_effective(suit, officer):
    suit = step(suit, 'submit_defence', officer, on='2026-03-10')
    assert suit.state == 'in_trial' and not suit.defence_late
    suit = heard(suit, officer, on='2026-04-10', appearance='principal', court_notified_head=True)
    suit = heard(suit, officer, on='2026-05-10', appearance='staff', excuse='参加市政府常务会议（不可替代的公务）')
    assert suit.hearing_count == 2
    assert [h.head_appeared for h in CourtHearing.objects.filter(lawsuit=suit).order_by('held_on')] == [True, False]
    suit = step(suit, 'judge', officer, on='2026-06-01', outcome='revoke', served_on='2026-06-03')
    assert suit.state == 'judged' and suit.lost and suit.concluded_on == D('2026-06-01')
    assert dues(suit)['appeal'].due == D('2026-06-18')
    with pytest.raises(TransitionRefused, match='尚未届满'):
        step(suit, 'become_effective', officer, on='2026-06-18')
    suit = step(suit, 'become_effective', officer, on='2026-06-19')
    assert suit.state == 'concluded' and suit.effective_on == D('2026-06-19')
    assert [e.label for e in timeline(suit)][-1] == '裁判生效（未上诉）'
    assert AuditEntry.objects.filter(object_type='litigation.courthearing', action='create').count() == 2


def test_appeal_opens_the_second_instance(suit, officer):
    step(suit, 'submit_defence', officer, on='2026-03-10')
    step(suit, 'judge', officer, on='2026-05-01', outcome='dismiss_claim', served_on='2026-05-06')
    first = step(suit, 'appeal', officer, on='2026-05-20', appellant='plaintiff')
    assert first.state == 'appealed' and first.appealed_on == D('2026-05-20')
    second = Lawsuit.objects.get(parent_case=first)
    assert second.instance == 'second' and second.state == 'received' and second.plaintiff_names == '张三'
    step(second, 'submit_defence', officer, on='2026-05-30')
    with pytest.raises(TransitionRefused, match='二审、再审案件请执行“作出终审裁判”'):
        step(second, 'judge', officer, on='2026-07-01', outcome='dismiss_claim')
    with pytest.raises(TransitionRefused, match='二审案件的裁判结果不能是'):
        step(second, 'final_judgment', officer, on='2026-07-01', outcome='compensation')
    done = step(second, 'final_judgment', officer, on='2026-07-01', outcome='uphold_original')
    assert done.state == 'concluded' and done.effective_on == D('2026-07-01') and not done.lost


def test_appeal_after_the_period_is_refused(suit, officer):
    step(suit, 'submit_defence', officer, on='2026-03-10')
    step(suit, 'judge', officer, on='2026-05-01', outcome='dismiss_suit', served_on='2026-05-06')
    # a ruling: 10 days from service → 2026-05-16 (Saturday) → 2026-05-18
    assert dues(Lawsuit.objects.get(pk=suit.pk))['appeal'].due == D('2026-05-18')
    with pytest.raises(TransitionRefused, match='上诉期限已于2026-05-18届满'):
        step(suit, 'appeal', officer, on='2026-05-19', appellant='plaintiff')


def test_withdrawal_and_mediation(district, officer):
    early = new_lawsuit(district.market)
    done = step(early, 'withdraw', officer, on='2026-03-05', note='行政机关撤销原处罚决定后原告撤诉')
    assert done.state == 'concluded' and done.outcome == 'withdrawal' and not done.lost
    other = new_lawsuit(district.market)
    step(other, 'submit_defence', officer, on='2026-03-10')
    step(other, 'suspend', officer, on='2026-03-12', note='等待相关民事案件审理结果')
    mediated = step(other, 'mediate', officer, on='2026-04-01')
    assert mediated.outcome == 'mediation' and mediated.suspension_list[0]['resumed_on'] == '2026-04-01'


def test_suspension_pauses_the_court_term(district, officer):
    suit = new_lawsuit(district.market, filed_on=D('2026-02-20'))
    assert dues(suit)['term'].due == D('2026-08-20') and not dues(suit)['term'].tracked.actionable
    step(suit, 'submit_defence', officer, on='2026-03-05')
    step(suit, 'suspend', officer, on='2026-04-01', note='鉴定')
    suit = step(suit, 'resume', officer, on='2026-04-11')
    assert dues(suit)['term'].due == D('2026-08-31')  # 10 days later (08-30 is a Sunday)


def test_head_appearance_rules(suit, officer):
    step(suit, 'submit_defence', officer, on='2026-03-10')
    with pytest.raises(TransitionRefused, match='加盖公章的书面说明'):
        heard(suit, officer, appearance='staff', court_notified_head=True)
    with pytest.raises(TransitionRefused, match='未派员出庭的，须写明理由'):
        heard(suit, officer, appearance='absent')
    with pytest.raises(TransitionRefused, match='请填写出庭负责人的姓名'):
        step(suit, 'record_hearing', officer, on='2026-03-20', appearance='principal')


def test_illegal_transitions_are_refused(suit, officer, district):
    with pytest.raises(TransitionRefused, match='当前状态为“待答辩举证”，不能执行“作出一审裁判”'):
        step(suit, 'judge', officer, on='2026-03-20', outcome='revoke')
    with pytest.raises(TransitionRefused, match='不能执行“开庭（登记出庭应诉情况）”'):
        heard(suit, officer)
    for role in ('unit_officer', 'leader'):
        with pytest.raises(AccessDenied):
            step(suit, 'submit_defence', district.users[role], on='2026-03-10')


def test_defence_deadline_across_national_day_and_late_defence(district, officer):
    suit = new_lawsuit(district.market, received='2026-09-20')
    assert dues(suit)['defence'].due == D('2026-10-08')  # day 15 is 10-05, inside the holiday
    late = step(suit, 'submit_defence', officer, on='2026-10-09')
    assert late.defence_late and dues(late)['defence'].status == 'done_late'


def test_defence_deadline_across_the_spring_festival(district):
    suit = new_lawsuit(district.market, received='2026-02-05')
    assert dues(suit)['defence'].due == D('2026-02-24')  # day 15 is 02-20, inside the holiday


def test_a_lawsuit_after_reconsideration_links_back(district, officer):
    case = new_case(district.market)
    step(case, 'accept', officer, on='2026-03-03', procedure='ordinary')
    step(case, 'send_copy', officer, on='2026-03-04')
    step(case, 'decide', officer, on='2026-03-20', outcome='uphold')
    suit = new_lawsuit(district.market, received='2026-04-01', reconsideration_case=case,
                       co_defendant_reconsideration=True)
    case.refresh_from_db()
    assert case.went_to_litigation and list(case.litigation_cases.all()) == [suit]
    with pytest.raises(Exception, match='与本案被告不一致'):
        new_lawsuit(district.street, reconsideration_case=case)
    from fazhi.core import services
    from fazhi.core.context import acting_as
    with acting_as(officer):
        services.update(Lawsuit.objects.get(pk=suit.pk), {'reconsideration_case': None})
    case.refresh_from_db()
    assert not case.went_to_litigation
