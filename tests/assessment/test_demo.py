"""The demo step: a full campaign published and a demonstration round like 朝阳区 2021 (71 applications, 29
departments and 42 street/town projects, several experts, trimmed means, 11 selected, a published list)."""
from __future__ import annotations

import pytest

from fazhi.assessment import demo as assessment_demo
from fazhi.assessment import projects
from fazhi.assessment.models import Campaign, Deduction, Evidence, ItemScore, Objection, ProjectApplication
from fazhi.core import audit
from fazhi.core.context import acting_as
from fazhi.core.demo import DemoContext
from fazhi.organization import demo as district_demo

pytestmark = pytest.mark.django_db


def test_demo_runs_a_published_campaign_and_a_demonstration_round(settings, tmp_path):
    settings.ANALYTICS_DB = tmp_path / 'analytics.duckdb'
    settings.MEDIA_ROOT = tmp_path / 'media'
    ctx = DemoContext()
    with acting_as(None, label='system:demo'):
        district_demo.create_units(ctx)
        district_demo.create_users(ctx)
    assessment_demo.build(ctx)
    campaign = Campaign.objects.get(name='2025年度法治政府建设考核')
    assert campaign.state == 'published' and campaign.system.is_default
    entries = campaign.entries.all()
    assert entries.filter(category='department').count() == 38 and entries.filter(category='street').count() == 22
    assert all(e.complete and e.rank and e.grade for e in entries)
    assert not ItemScore.objects.filter(entry__campaign=campaign, state__in=['pending', 'self_assessed']).exists()
    assert Evidence.objects.exists() and Objection.objects.filter(state='accepted').count() == 1
    assert Objection.objects.filter(state='rejected').count() == 1
    assert all(d.record_key for d in Deduction.objects.filter(points__gt=0))  # every deduction names a record
    round_ = ctx.data['assessment']['round']
    applications = projects.active_applications(round_)
    assert applications.count() == 71
    assert applications.filter(category='department').count() == 29
    assert applications.filter(category='street').count() == 42
    assert round_.experts.count() == 7 and round_.state == 'published'
    selected = ProjectApplication.objects.filter(ProjectApplication.public_q)
    assert selected.count() == 11
    assert set(selected.filter(category='department').values_list('unit__name', flat=True)) == set(
        assessment_demo.STRONG_DEPARTMENTS)
    justice = applications.get(unit__name='区司法局')
    assert justice.expert_count == 6 and '去掉1个最高分和1个最低分' in justice.method_note
    assert '1位专家因回避未评此项目' in justice.method_note
    assert audit.verify().ok
