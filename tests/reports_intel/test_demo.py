"""The demo step loads the five source documents from ../shared/seeds, read where they lie."""
from __future__ import annotations

import pytest

from fazhi.core.context import acting_as
from fazhi.core.demo import DemoContext, steps
from fazhi.reports_intel.demo import load_seed_reports, seed_dir, seed_files
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
