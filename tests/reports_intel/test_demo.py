"""The demo step loads the five source documents from ../shared/seeds, read where they lie."""
from __future__ import annotations

import pytest

from fazhi.core.context import acting_as
from fazhi.core.demo import DemoContext, steps
from fazhi.reports_intel.demo import draft_text, load_own_draft, load_seed_reports, seed_dir, seed_files
from fazhi.reports_intel.reconciliation import reconcile_report
from fazhi.reports_intel.models import ReportDocument
from tests.intel.seeds import SEEDS

pytestmark = pytest.mark.django_db


def test_the_step_is_registered():
    assert any(step is load_seed_reports for _, _, step in steps())


def test_demo_loads_the_seeds(district, monkeypatch):
    if not SEEDS.is_dir():
        pytest.skip('seed documents not available')
    assert seed_dir().resolve() == SEEDS.resolve()
    ctx = DemoContext()
    ctx.data['users'] = {'admin': district.users['district_admin']}
    with acting_as(None, label='system:demo'):
        load_seed_reports(ctx)
        load_seed_reports(ctx)  # a rebuilt demo finds them already loaded
    assert ReportDocument.objects.count() == len(seed_files()) == 5
    assert set(ReportDocument.objects.values_list('region', flat=True)) == {'通州区', '朝阳区', '青山区', '海门区'}
    assert ReportDocument.objects.filter(finding_count__gt=0).exists()


def test_without_seeds_the_step_does_nothing(db, tmp_path, monkeypatch):
    monkeypatch.setenv('FAZHI_SEED_DIR', str(tmp_path / 'none'))
    messages = []
    ctx = DemoContext(progress=messages.append)
    with acting_as(None, label='system:demo'):
        load_seed_reports(ctx)
    assert ReportDocument.objects.count() == 0 and '跳过' in messages[0]


def test_draft_text_states_each_available_figure_and_misstates_one_rate():
    text, misstated = draft_text('云溪区', 2025, {'hotline.requests': 766000.0, 'hotline.response_rate': 99.0,
                                               'mediation.success_rate': 68.08})
    assert misstated == 'hotline.response_rate'
    assert '766000件' in text and '响应率100.50%' not in text and '响应率97.50%' in text and '68.08%' in text
    assert draft_text('云溪区', 2025, {}) == ('', None)


def test_demo_draft_of_the_own_district_is_reconciled(store_with_data, district):
    from fazhi.indicators import service

    with service.store() as con:
        service.refresh(con)
    ctx = DemoContext(year=2025)
    with acting_as(None, label='system:demo'):
        load_own_draft(ctx)
    report = ReportDocument.objects.get()
    assert report.region == '测试区' and report.year == 2025
    result = reconcile_report(report)
    assert result.applicable and [r.fact.indicator for r in result.differences] == ['hotline.response_rate']
    assert len(result.agreements) >= 4
