"""Every path of the reconsideration lifecycle, the refusals with their reasons, and the audit trail."""
from __future__ import annotations

import pytest

from fazhi.core.models import AuditEntry
from fazhi.core.permissions import AccessDenied
from fazhi.core.workflow import TransitionRefused, timeline
from fazhi.reconsideration.models import CorrectionFeedback
from fazhi.reconsideration.steps import RejectForm

from .conftest import D, new_case, step


def test_ordinary_path_to_a_correction_decision(case, officer):
    case = step(case, 'accept', officer, on='2026-03-04', procedure='ordinary')
    assert case.state == 'accepted' and case.accepted_on == D('2026-03-04')
    assert case.decision_due_on == D('2026-05-06')  # 60 days → 2026-05-03 (Sunday, 劳动节) → first working day
    case = step(case, 'send_copy', officer, on='2026-03-05')
    case = step(case, 'receive_reply', officer, on='2026-03-16')
    case = step(case, 'hold_hearing', officer, on='2026-03-25', hearing_kind='hearing')
    case = step(case, 'decide', officer, on='2026-04-10', outcome='revoke', decision_text='决定撤销。')
    assert case.state == 'concluded' and case.is_correction and case.handling_days == 37
    assert not case.decided_late and case.next_due_on is None
    labels = [e.label for e in timeline(case)]
    assert labels == ['受理', '发送申请书副本', '收到被申请人答复', '听证（听取意见）', '作出行政复议决定']
    kinds = set(CorrectionFeedback.objects.filter(case=case).values_list('kind', flat=True))
    assert kinds == {'unit'}
    assert AuditEntry.objects.filter(object_type='reconsideration.reconsiderationcase', object_id=str(case.pk),
                                     actor_name='case_officer', action='update').count() == 5


def test_correction_feeds_back_the_enforcement_case_and_the_normative_document(district, officer):
    case = new_case(district.market, enforcement_reference='云市监罚〔2026〕12号',
                    normative_document='《云溪区市场监管轻微违法行为不予处罚清单》（云市监发〔2025〕3号）')
    step(case, 'accept', officer, on='2026-03-03', procedure='ordinary')
    step(case, 'send_copy', officer, on='2026-03-04')
    step(case, 'decide', officer, on='2026-04-01', outcome='confirm_illegal')
    feedback = {f.kind: f for f in CorrectionFeedback.objects.filter(case=case)}
    assert set(feedback) == {'enforcement', 'normative'}
    assert feedback['enforcement'].reference == '云市监罚〔2026〕12号'
    assert feedback['normative'].unit == district.market and feedback['normative'].status == 'pending'


def test_uphold_raises_no_feedback(case, officer):
    step(case, 'accept', officer, on='2026-03-03', procedure='ordinary')
    step(case, 'send_copy', officer, on='2026-03-04')
    step(case, 'decide', officer, on='2026-04-01', outcome='uphold')
    assert not CorrectionFeedback.objects.exists()


def test_correction_request_and_receipt_restart_the_review(case, officer):
    case = step(case, 'request_correction', officer, on='2026-03-04', note='补充提交处罚决定书复印件')
    assert case.state == 'correction'
    case = step(case, 'receive_correction', officer, on='2026-03-10')
    assert case.state == 'received'
    review = next(d for d in case.due_dates() if d.tracked.key == 'acceptance')
    assert review.result.start == D('2026-03-10') and review.due == D('2026-03-17')
    with pytest.raises(TransitionRefused, match='一次性'):
        step(case, 'request_correction', officer, on='2026-03-11', note='再补正')


def test_correction_not_received_in_time_is_deemed_abandoned(case, officer):
    step(case, 'request_correction', officer, on='2026-03-04', note='补充材料')
    # 10 working days from 2026-03-04 end on 2026-03-18
    with pytest.raises(TransitionRefused, match='尚未届满'):
        step(case, 'abandon', officer, on='2026-03-18')
    with pytest.raises(TransitionRefused, match='视为放弃'):
        step(case, 'receive_correction', officer, on='2026-03-19')
    late = step(case, 'receive_correction', officer, on='2026-03-19', late_reason='申请人住院治疗')
    assert late.state == 'received'


def test_abandonment(case, officer):
    step(case, 'request_correction', officer, on='2026-03-04', note='补充材料')
    case = step(case, 'abandon', officer, on='2026-03-19')
    assert case.state == 'abandoned' and case.closed_on == D('2026-03-19')


def test_non_acceptance_within_the_review_period_only(district, officer):
    case = new_case(district.market, received='2026-03-02')
    form = RejectForm(data={'on': '2026-03-09'})
    assert not form.is_valid() and form.errors['note'] == ['请填写不予受理的理由。']
    with pytest.raises(TransitionRefused, match='视为受理'):
        step(case, 'reject', officer, on='2026-03-10', note='超过申请期限')
    rejected = step(case, 'reject', officer, on='2026-03-09', note='超过申请期限')
    assert rejected.state == 'not_accepted' and rejected.closed_on == D('2026-03-09')


def test_deemed_acceptance_after_the_review_period(case, officer):
    with pytest.raises(TransitionRefused, match='尚未届满'):
        step(case, 'deem_accepted', officer, on='2026-03-09')
    with pytest.raises(TransitionRefused, match='请执行“视为受理”'):
        step(case, 'accept', officer, on='2026-03-10', procedure='ordinary')
    case = step(case, 'deem_accepted', officer, on='2026-03-20', procedure='ordinary')
    assert case.acceptance_basis == 'deemed' and case.accepted_on == D('2026-03-09')


def test_simplified_procedure_needs_eligibility(district, officer):
    big = new_case(district.market, amount=50000)
    with pytest.raises(TransitionRefused, match='简易程序的适用条件'):
        step(big, 'accept', officer, on='2026-03-03', procedure='simplified')
    consented = step(big, 'accept', officer, on='2026-03-03', procedure='simplified', parties_consent=True)
    assert consented.procedure == 'simplified' and consented.decision_due_on == D('2026-04-02')
    small = new_case(district.market, amount=2000)
    assert step(small, 'accept', officer, on='2026-03-03', procedure='simplified').procedure == 'simplified'


def test_simplified_cannot_be_extended_but_can_convert(district, officer):
    case = new_case(district.market, amount=200)
    step(case, 'accept', officer, on='2026-03-03', procedure='simplified')
    with pytest.raises(TransitionRefused, match='简易程序的审理期限不能延长'):
        step(case, 'extend', officer, on='2026-03-20', days=10, note='案情复杂')
    case = step(case, 'convert_to_ordinary', officer, on='2026-03-20')
    assert case.decision_due_on == D('2026-05-06')  # 60 days from the original acceptance
    case = step(case, 'extend', officer, on='2026-03-21', days=30, note='案情复杂')
    assert case.decision_due_on == D('2026-06-01')
    with pytest.raises(TransitionRefused, match='不得超过三十日'):
        step(case, 'extend', officer, on='2026-03-22', days=1, note='再延')
    with pytest.raises(TransitionRefused, match='已适用普通程序'):
        step(case, 'convert_to_ordinary', officer, on='2026-03-22')


def test_suspension_and_resumption_recompute_the_decision_deadline(case, officer):
    case = step(case, 'accept', officer, on='2026-03-03', procedure='ordinary')
    assert case.decision_due_on == D('2026-05-06')
    case = step(case, 'suspend', officer, on='2026-03-10', note='申请人丧失参加行政复议的行为能力')
    assert case.state == 'suspended' and case.decision_due_on is None
    assert case.next_due_label == '发送申请书副本期限'  # not pausable: still running
    decision = next(d for d in case.due_dates() if d.tracked.key == 'decision')
    assert decision.status == 'suspended' and decision.due is None
    with pytest.raises(TransitionRefused, match='不能执行“作出行政复议决定”'):
        step(case, 'decide', officer, on='2026-03-11', outcome='uphold')
    case = step(case, 'resume', officer, on='2026-03-20')
    assert case.state == 'accepted'
    assert case.decision_due_on == D('2026-05-12')  # 10 suspended days added back
    assert '中止期间' in next(d for d in case.due_dates() if d.tracked.key == 'decision').result.explain_text()


def test_extension_after_the_deadline_is_refused(case, officer):
    step(case, 'accept', officer, on='2026-03-03', procedure='ordinary')
    with pytest.raises(TransitionRefused, match='已于2026-05-06届满'):
        step(case, 'extend', officer, on='2026-05-07', days=30, note='复杂')


@pytest.mark.parametrize('name,outcome', [('mediate', 'mediation'), ('settle', 'settlement'),
                                          ('withdraw', 'withdrawal'), ('terminate', 'termination')])
def test_other_conclusions(case, officer, name, outcome):
    step(case, 'accept', officer, on='2026-03-03', procedure='ordinary')
    step(case, 'suspend', officer, on='2026-03-05', note='双方同意调解')
    concluded = step(case, name, officer, on='2026-03-20', note='依法终止')
    assert concluded.state == 'concluded' and concluded.outcome == outcome
    assert concluded.is_mediated == (outcome in ('mediation', 'settlement'))
    assert concluded.suspension_list[0]['resumed_on'] == '2026-03-20'


def test_decision_needs_the_copy_sent_first(case, officer):
    step(case, 'accept', officer, on='2026-03-03', procedure='ordinary')
    with pytest.raises(TransitionRefused, match='尚未向被申请人发送申请书副本'):
        step(case, 'decide', officer, on='2026-03-20', outcome='uphold')


def test_illegal_transitions_are_refused_with_the_reason(case, officer):
    with pytest.raises(TransitionRefused, match='当前状态为“待受理审查”，不能执行“作出行政复议决定”'):
        step(case, 'decide', officer, on='2026-03-03', outcome='uphold')
    with pytest.raises(TransitionRefused, match='只有在“中止审理”状态下才可以'):
        step(case, 'resume', officer, on='2026-03-03')
    accepted = step(case, 'accept', officer, on='2026-03-03', procedure='ordinary')
    with pytest.raises(TransitionRefused, match='不能执行“受理”'):
        step(accepted, 'accept', officer, on='2026-03-04', procedure='ordinary')


def test_event_dates_must_follow_each_other(case, officer):
    with pytest.raises(TransitionRefused, match='「受理日期」不能早于「收到申请日期」'):
        step(case, 'accept', officer, on='2026-03-01', procedure='ordinary')


def test_unit_officers_and_leaders_cannot_run_steps(case, district):
    for role in ('unit_officer', 'leader', 'legality_reviewer'):
        with pytest.raises(AccessDenied):
            step(case, 'accept', district.users[role], on='2026-03-03', procedure='ordinary')
