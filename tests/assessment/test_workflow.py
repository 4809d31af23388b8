"""A campaign end to end through the services: self-assessment with evidence, assigned review (never one's own
unit), objections within the window, final scores, publication — every step audited."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from fazhi.assessment import services
from fazhi.assessment.models import CampaignUnit, Objection, ReviewerAssignment
from fazhi.core import services as core_services
from fazhi.core import workflow
from fazhi.core.context import acting_as
from fazhi.core.models import AuditEntry
from fazhi.core.permissions import AccessDenied

from .conftest import as_user, score_of, upload

pytestmark = pytest.mark.django_db
JAN = dt.date(2026, 1, 10)


def test_self_assessment_needs_evidence_and_stays_within_the_unit(campaign, district):
    officer = district.users['unit_officer']  # 区市场监督管理局
    score = score_of(campaign, district.market, '2.2')
    with as_user(officer):
        with pytest.raises(services.AssessmentError, match='须上传佐证材料'):
            services.self_assess(score, self_score=Decimal(18), note='已演练')
        evidence = services.add_evidence(score, upload(), '2025年演练记录')
        assert evidence.sha256 and evidence.size > 0 and evidence.uploaded_by == 'unit_officer'
        with pytest.raises(services.AssessmentError, match='0 至该项分值 20'):
            services.self_assess(score, self_score=Decimal(25), note='超出')
        services.self_assess(score, self_score=Decimal(18), note='预案齐全，演练2次')
    score.refresh_from_db()
    assert score.state == 'self_assessed' and score.self_score == Decimal('18.00')
    other = score_of(campaign, district.street, '2.2')
    with as_user(officer), pytest.raises(AccessDenied):
        services.self_assess(other, self_score=Decimal(1), note='替别人自评')
    assert AuditEntry.objects.filter(action='denied', object_type='assessment.itemscore').exists()
    with as_user(officer), pytest.raises(services.AssessmentError, match='不支持的文件类型'):
        services.add_evidence(score, upload('病毒.exe', b'MZ'))


def _assign(campaign, user, area_code=None, category=''):
    area = campaign.system.items.get(code=area_code) if area_code else None
    with acting_as(None, label='system:test'):
        return core_services.create(ReviewerAssignment(campaign=campaign, reviewer=user, area=area, category=category))


def test_reviewers_see_and_score_only_what_is_assigned_and_never_their_own_unit(campaign, district):
    reviewer = district.users['legality_reviewer']  # works at 区司法局 (T-D1), itself a department assessed
    _assign(campaign, reviewer, '2')
    with acting_as(None, label='system:test'):
        workflow.apply(campaign, 'start_review', step_on=JAN)
    visible = services.assigned_scores(reviewer, campaign)
    assert {(s.entry.unit.code, s.item.code) for s in visible} == {('T-D2', '2.2'), ('T-S1', '2.2'), ('T-S2', '2.2')}
    with as_user(reviewer):
        services.review(score_of(campaign, district.market, '2.2'), value=Decimal(17), comment='演练记录完整')
        with pytest.raises(AccessDenied, match='回避'):
            services.review(score_of(campaign, district.justice, '2.2'), value=Decimal(20), comment='本单位')
        with pytest.raises(AccessDenied, match='未被分配'):
            services.review(score_of(campaign, district.market, '3.1'), value=Decimal(20), comment='未分配')
        with pytest.raises(services.AssessmentError, match='评分意见'):
            services.review(score_of(campaign, district.street, '2.2'), value=Decimal(10), comment=' ')
    other = district.users['case_officer']
    assert not services.assigned_scores(other, campaign).exists()
    with as_user(other), pytest.raises(AccessDenied):
        services.review(score_of(campaign, district.street, '2.2'), value=Decimal(10), comment='未分配')
    reviewed = score_of(campaign, district.market, '2.2')
    assert reviewed.score == Decimal('17.00') and reviewed.reviewer == reviewer and reviewed.state == 'reviewed'
    assert AuditEntry.objects.filter(action='denied', actor_name='case_officer').exists()


def _review_all(campaign, district):
    admin = district.users['district_admin']
    with as_user(admin):
        for score in services.unreviewed(campaign):
            services.review(score, value=Decimal(score.item.points) - 2, comment='材料基本齐全')


def test_whole_campaign_with_an_objection(campaign, district):
    with acting_as(None, label='system:test'):
        workflow.apply(campaign, 'start_review', step_on=JAN)
        with pytest.raises(workflow.TransitionRefused, match='人工评分未完成'):
            workflow.apply(campaign, 'open_objections', step_on=JAN, closes_on=dt.date(2026, 1, 20))
    _review_all(campaign, district)
    with acting_as(None, label='system:test'):
        workflow.apply(campaign, 'open_objections', step_on=JAN, closes_on=dt.date(2026, 1, 20))
    campaign.refresh_from_db()
    assert campaign.state == 'objection'
    street = district.users['street_officer']  # 东湖街道 (T-S1)
    deduction = score_of(campaign, district.street, '2.1')
    with as_user(street):
        objection = services.submit_objection(deduction, reason='隐患T-S1-Z001已于2025-12-30整改，附验收单',
                                              requested=Decimal(6), on=dt.date(2026, 1, 12))
        with pytest.raises(services.AssessmentError, match='已有待处理的申诉'):
            services.submit_objection(deduction, reason='再次申诉', on=dt.date(2026, 1, 12))
        with pytest.raises(services.AssessmentError, match='申诉期已于 2026-01-20 截止'):
            services.submit_objection(score_of(campaign, district.street, '1.1'), reason='晚了', on=dt.date(2026, 1, 21))
    with acting_as(None, label='system:test'):
        with pytest.raises(workflow.TransitionRefused, match='1 件申诉未处理'):
            workflow.apply(campaign, 'finalize', step_on=dt.date(2026, 1, 21))
    admin = district.users['district_admin']
    with as_user(admin):
        workflow.apply(objection, 'accept', step_on=dt.date(2026, 1, 15), decided_score=Decimal(6),
                       response='经核实整改验收单，调减一处扣分')
    objection.refresh_from_db()
    assert objection.state == 'accepted' and objection.original_score == Decimal('4.00')
    assert objection.decided_score == Decimal('6.00') and objection.decided_by == 'district_admin'
    adjusted = score_of(campaign, district.street, '2.1')
    assert adjusted.score == Decimal('6.00') and adjusted.locked and '经申诉调整' in adjusted.explanation
    with acting_as(None, label='system:test'):
        services.score_automatic(campaign)  # re-scoring keeps the decision
        assert score_of(campaign, district.street, '2.1').score == Decimal('6.00')
        with pytest.raises(workflow.TransitionRefused, match='期满后方可定分'):
            workflow.apply(campaign, 'finalize', step_on=dt.date(2026, 1, 20))
        workflow.apply(campaign, 'finalize', step_on=dt.date(2026, 1, 21))
        workflow.apply(campaign, 'publish', step_on=dt.date(2026, 1, 25))
    campaign.refresh_from_db()
    assert campaign.state == 'published' and campaign.published_on == dt.date(2026, 1, 25)
    entry = CampaignUnit.objects.get(campaign=campaign, unit=district.street)
    # T-S1: 15 + 16 + 6 + (20 − 2) = 55 of 70 applicable points → 78.57
    assert entry.complete and entry.raw_score == Decimal('55.00') and entry.total == Decimal('78.57')
    assert entry.grade == '合格' and entry.rank == 2
    first = CampaignUnit.objects.get(campaign=campaign, unit=district.other_street)  # 20 + 8 + 10 + 18 = 56 → 80
    assert first.total == Decimal('80.00') and first.rank == 1 and first.grade == '良好'
    assert all(s.state in ('scored', 'reviewed', 'not_applicable') for s in entry.scores.all())
    with as_user(street), pytest.raises(services.AssessmentError, match='不受理申诉'):
        services.submit_objection(adjusted, reason='发布后', on=dt.date(2026, 1, 26))
    with acting_as(None, label='system:test'), pytest.raises(services.AssessmentError, match='已定分'):
        services.score_automatic(campaign)
    assert AuditEntry.objects.filter(object_type='assessment.objection', action='update').exists()


def test_rejected_objection_keeps_the_score(campaign, district):
    street = district.users['street_officer']
    score = score_of(campaign, district.street, '1.1')
    with as_user(street):
        objection = services.submit_objection(score, reason='响应率统计口径有误', on=dt.date(2026, 1, 8))
    with as_user(district.users['district_admin']):
        with pytest.raises(workflow.TransitionRefused, match='处理意见'):
            workflow.apply(objection, 'reject', step_on=dt.date(2026, 1, 9), response='')
        workflow.apply(objection, 'reject', step_on=dt.date(2026, 1, 9), response='口径与全区一致，维持原分')
    objection.refresh_from_db()
    assert objection.state == 'rejected' and objection.decided_score == score.score
    assert Objection.objects.count() == 1


def test_previous_campaign_gives_changes(campaign, district):
    with acting_as(None, label='system:test'):
        later = services.create_campaign(name='2025年度复核', period='2025', system=campaign.system, previous=campaign)
        workflow.apply(later, 'open', step_on=JAN)
    entry = CampaignUnit.objects.get(campaign=later, unit=district.street)
    assert entry.previous_total == entry.total and entry.change == 0 and entry.rank_change == 0
