"""`fazhi report …` writes the files and reports the check; the demo step drafts the demo district's annual report
(published), white paper and one bulletin."""
from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from fazhi.core.context import acting_as
from fazhi.core.demo import DemoContext
from fazhi.reports.demo import build_reports
from fazhi.reports.models import Report


@pytest.fixture
def no_pdf(settings, report_data):
    settings.FAZHI_REPORTS_PDF = False
    return report_data


def test_report_command_writes_docx_and_html_and_prints_the_check(no_pdf, tmp_path):
    out = io.StringIO()
    call_command('report', 'annual', '--unit', 'T', '--year', '2025', '--out', str(tmp_path), '--no-pdf', '--check',
                 stdout=out)
    text = out.getvalue()
    report = Report.objects.get(kind='annual', unit__code='T')
    assert report.current_version.source == 'cli' and report.state == 'checked'
    assert (tmp_path / 'annual-T-2025.docx').read_bytes()[:2] == b'PK'
    html = (tmp_path / 'annual-T-2025.html').read_text(encoding='utf-8')
    assert html.startswith('<!doctype html>') and '响应率' in html
    assert '已生成《测试区人民政府2025年法治政府建设年度报告》第1版' in text and '发布前校核' in text
    call_command('report', 'annual', '--unit', 'T', '--year', '2025', '--no-pdf', stdout=io.StringIO())
    report.refresh_from_db()
    assert report.current_version.number == 2 and report.versions.count() == 2  # the same report, a new version


def test_report_command_maps_a_department_and_refuses_bad_input(no_pdf):
    call_command('report', 'annual', '--unit', 'T-D2', '--year', '2025', '--no-pdf', stdout=io.StringIO())
    assert Report.objects.get(unit__code='T-D2').kind == 'department'
    with pytest.raises(CommandError, match='单位不存在'):
        call_command('report', 'annual', '--unit', 'NOPE', '--year', '2025')
    with pytest.raises(CommandError, match='--month'):
        call_command('report', 'bulletin', '--unit', 'T', '--year', '2025')
    with pytest.raises(CommandError, match='区（县）政府编制'):
        call_command('report', 'whitepaper', '--unit', 'T-D2', '--year', '2025', '--no-pdf')


def test_demo_step_drafts_the_three_documents_and_publishes_the_annual_report(no_pdf, client):
    ctx = DemoContext(year=2025)
    ctx.data['users'] = {'admin': no_pdf.users['district_admin']}
    with acting_as(None, label='system:demo'):  # as demo.run does
        build_reports(ctx)
    kinds = {r.kind: r for r in Report.objects.all()}
    assert set(kinds) == {'annual', 'whitepaper', 'bulletin'}
    assert all(r.current_version is not None for r in kinds.values())
    annual = kinds['annual']
    assert annual.state == 'published' and annual.published_version.override_reason.startswith('演示数据')
    revisions = annual.narratives.get(key='shortcomings').revisions.order_by('number')
    assert [r.author_name for r in revisions] == ['模板初稿', no_pdf.users['district_admin'].full_name]
    assert kinds['bulletin'].month == 12
    assert annual.title in client.get('/public/reports/').content.decode()
