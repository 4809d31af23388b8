"""`fazhi assess`: a whole campaign from the command line, the what-if of a draft system, a demonstration round."""
from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from django.core.management import CommandError, call_command

from fazhi.assessment import projects, reports
from fazhi.assessment.models import Campaign, IndicatorSystem
from fazhi.core import services as core_services
from fazhi.core import workflow
from fazhi.core.context import acting_as

from .conftest import SYSTEM

pytestmark = pytest.mark.django_db


def run(capsys, *args):
    call_command('assess', *args)
    return capsys.readouterr().out


def test_a_campaign_end_to_end_by_cli(store, district, tmp_path, capsys):
    path = tmp_path / 'system.yaml'
    path.write_text(SYSTEM, encoding='utf-8')
    assert '校验通过：测试考核体系（test-system），3 个一级指标、8 个指标项、5 项末级指标' in run(capsys, 'validate', str(path))
    assert '已导入：测试考核体系（第1版）' in run(capsys, 'load', str(path), '--note', '首版')
    assert '已导入默认指标体系' in run(capsys, 'load-default')
    assert '未重复导入' in run(capsys, 'load-default')
    assert 'shifan-2021' in run(capsys, 'systems')
    out = run(capsys, 'create', '--name', '2025年度考核', '--period', '2025', '--system', 'test-system:1')
    campaign = Campaign.objects.get(name='2025年度考核')
    assert f'fazhi assess step {campaign.pk} open' in out
    out = run(capsys, 'step', str(campaign.pk), 'open', '--on', '2026-01-05')
    assert '当前状态“单位自评”' in out and '参评单位 2 个' in out and '排名暂定' in out
    assert '已自动计分 ' in run(capsys, 'score', str(campaign.pk))
    out = run(capsys, 'deductions', str(campaign.pk), '--unit', 'T-S1')
    assert '扣2分：隐患T-S1-Z000（2025-05-12发现）至计分日尚未整改' in out and '共 3 条扣分记录' in out
    run(capsys, 'step', str(campaign.pk), 'start_review', '--on', '2026-01-20')
    with pytest.raises(CommandError, match='人工评分未完成'):
        call_command('assess', 'step', str(campaign.pk), 'open_objections', '--closes-on', '2026-02-01')
    from decimal import Decimal

    from fazhi.assessment import services
    with acting_as(None, label='system:test'):
        for score in services.unreviewed(campaign):
            services.review(score, value=Decimal(score.item.points) - 1, comment='按评分表录入')
    today = dt.date.today()
    run(capsys, 'step', str(campaign.pk), 'open_objections', '--on', today.isoformat(),
        '--closes-on', today.isoformat())
    after = (today + dt.timedelta(days=1)).isoformat()
    run(capsys, 'step', str(campaign.pk), 'finalize', '--on', after)
    assert '当前状态“已发布”' in run(capsys, 'step', str(campaign.pk), 'publish', '--on', after)
    out = run(capsys, 'ranking', str(campaign.pk))
    assert '街道（乡镇）：参评单位 2 个' in out and '区政府工作部门：参评单位 2 个' in out and '排名暂定' not in out
    for fmt in ('xlsx', 'docx') + (('pdf',) if reports.cjk_font() else ()):
        target = tmp_path / f'结果.{fmt}'
        assert '已导出' in run(capsys, 'export', str(campaign.pk), '--format', fmt, '--output', str(target))
        body = target.read_bytes()
        assert body[:4] == (b'%PDF' if fmt == 'pdf' else b'PK\x03\x04')
    names = zipfile.ZipFile(io.BytesIO((tmp_path / '结果.docx').read_bytes())).namelist()
    assert any(n.startswith('word/media/') for n in names)  # the chart
    with pytest.raises(CommandError, match='已定分'):
        call_command('assess', 'score', str(campaign.pk))
    draft = tmp_path / 'draft.yaml'
    draft.write_text(SYSTEM.replace('points: 20\n        rule: {type: threshold', 'points: 20\n        rule: {type: threshold', 1)
                     .replace('{min: 99, score: 20}, {min: 95, score: 15}', '{min: 99, score: 20}, {min: 95, score: 5}'),
                     encoding='utf-8')
    out = run(capsys, 'compare', str(campaign.pk), '--file', str(draft))
    assert '按 草稿' in out and '名次发生变化的单位' in out
    assert IndicatorSystem.objects.filter(code='test-system').count() == 1  # the draft was not saved


def test_round_results_by_cli(district, capsys):
    with acting_as(None, label='system:test'):
        round_ = core_services.create(__import__('fazhi.assessment.models', fromlist=['ProjectRound']).ProjectRound(
            name='示范项目评审', year=2025, dimension_max=projects.DEFAULT_MAX, quota_department=1, quota_street=1))
    run(capsys, 'round-step', str(round_.pk), 'open')
    with acting_as(None, label='system:test'):
        for unit in (district.market, district.justice, district.street, district.other_street):
            projects.submit_application(round_, unit=unit, title=f'{unit.name}项目', description='x', measures='x',
                                        effects='x')
        experts = [projects.add_expert(round_, name=f'专家{i}', affiliation='高校') for i in range(3)]
        for e in experts:
            projects.declare(e, conflict_unit_codes=[], text='')
        workflow.apply(round_, 'start_review', step_on=dt.date(2025, 9, 20))
        for n, a in enumerate(projects.active_applications(round_).order_by('unit__code')):
            for e in experts:
                projects.record_score(e, a, {k: 10 + n for k in ('importance', 'innovation', 'effectiveness',
                                                                 'legality', 'sustainability')})
    run(capsys, 'round-step', str(round_.pk), 'decide')
    out = run(capsys, 'round', str(round_.pk))
    assert '区属部门：2 个项目，入选 1 个（名额 1）' in out and '3位专家评分（不足5位' in out
    assert '当前状态“已公布”' in run(capsys, 'round-step', str(round_.pk), 'publish')
