"""Loading reports: read, extract, audit and store in one audited transaction; formats; duplicates; errors."""
from __future__ import annotations

import io
import os

import pytest

from fazhi.core.context import acting_as
from fazhi.core.models import AuditEntry
from fazhi.core.permissions import AccessDenied
from fazhi.intel import ReadError, extract
from fazhi.intel import load as load_document
from fazhi.reports_intel import check_text
from fazhi.reports_intel.loading import load_report, remove_report
from fazhi.reports_intel.models import ReportDocument, ReportFact, ReportFinding
from tests.intel.pdf import make_pdf
from tests.intel.seeds import seed_path

from .conftest import SEED_001, SEED_002, SEED_003, SEED_004

pytestmark = pytest.mark.django_db

SNIPPET = '2023年，测试区全年共收到行政复议申请1113件，审结977件，直接纠错236件，纠错率约为24.2%。'


def test_a_seed_is_stored_with_every_fact_and_span(load):
    report = load(SEED_001)
    doc = load_document(seed_path(SEED_001))
    assert report.fact_count == len(extract(doc)) == report.facts.count()
    assert (report.region, report.year, report.format, report.traditional) == ('通州区', 2023, 'text', True)
    assert report.text == doc.text
    for stored in report.facts.all():
        assert report.text[stored.start:stored.end] == stored.text
    rate = report.facts.get(indicator='reconsideration.correction_rate')
    assert (rate.value_text, rate.unit, rate.qualifier, rate.period, rate.text) == ('24.2', '%', '约', 2023, '約為24.2%')
    assert report.uploaded_by.username == 'district_admin'
    assert report.file.read().decode('utf-8') == seed_path(SEED_001).read_text(encoding='utf-8')


def test_findings_and_checks_are_stored(load):
    haimen = load(SEED_004)
    finding = haimen.findings.get()
    assert finding.kind == 'duplicate_paragraph' and '段落重复' == finding.get_kind_display()
    assert '重复出现2次' in finding.message
    (s1, e1), (s2, e2) = finding.spans
    assert haimen.text[s1:e1] == haimen.text[s2:e2]
    chaoyang = load(SEED_002)
    kinds = set(chaoyang.findings.values_list('kind', flat=True))
    assert 'implausible_magnitude' in kinds
    assert any('38000万余件' in ''.join(f.texts) for f in chaoyang.findings.all())
    qingshan = load(SEED_003)
    assert qingshan.finding_count == 0 and qingshan.consistent  # 99 + 512 + 5052 = 5663 was checked and holds


def test_one_audit_entry_per_record_and_none_for_the_text(load):
    report = load(SEED_003)
    entries = AuditEntry.objects.filter(object_type='reports_intel.reportfact')
    assert entries.count() == report.fact_count
    created = AuditEntry.objects.get(object_type='reports_intel.reportdocument', action='create')
    assert created.after['sha256'] == report.sha256 and 'text' not in created.after
    assert created.actor_name == 'district_admin'


def test_the_same_file_is_not_stored_twice(load):
    first = load(SEED_003)
    again = load(SEED_003)
    assert again.pk == first.pk and ReportDocument.objects.count() == 1


@pytest.mark.parametrize('kind', ['html', 'docx', 'pdf', 'gbk'])
def test_every_format_is_read(load, kind):
    if kind == 'html':
        data = f'<html><head><title>测试区报告</title></head><body><nav>首页 | 政务公开</nav><p>{SNIPPET}</p></body></html>'
        name, data = 'report.html', data.encode('utf-8')
    elif kind == 'docx':
        import docx
        d = docx.Document()
        d.add_paragraph(SNIPPET)
        buf = io.BytesIO()
        d.save(buf)
        name, data = 'report.docx', buf.getvalue()
    elif kind == 'pdf':
        name, data = 'report.pdf', make_pdf([SNIPPET])
    else:
        name, data = 'report.txt', SNIPPET.encode('gbk')
    report = load((name, data), region='测试区')
    assert report.format == {'gbk': 'text'}.get(kind, kind)
    values = {(f.text, f.value_text, f.unit) for f in report.facts.all()}
    assert ('977件', '977', '件') in values
    assert report.region == '测试区' and report.facts.filter(region='测试区').count() == report.fact_count


def test_unreadable_files_are_refused_in_chinese_and_leave_nothing(load, media_root):
    with pytest.raises(ReadError, match='broken.pdf'):
        load(('broken.pdf', b'%PDF-1.4 broken'))
    with pytest.raises(ReadError, match='不受支持'):
        load(('table.xlsx', b'PK\x03\x04'))
    with pytest.raises(ReadError, match='空文件'):
        load(('empty.txt', b''))
    assert ReportDocument.objects.count() == 0 and ReportFact.objects.count() == 0
    assert not [p for p in media_root.rglob('*') if p.is_file()]


@pytest.mark.parametrize('role', ['case_officer', 'leader', 'unit_officer', 'system_admin', 'auditor'])
def test_roles_that_may_not_load_are_refused_with_an_audit_entry(district, role, media_root):
    user = district.users[role]
    with acting_as(user), pytest.raises(AccessDenied):
        load_report(SNIPPET.encode(), 'draft.txt', user=user)
    assert ReportDocument.objects.count() == 0
    assert AuditEntry.objects.filter(action='denied', actor_name=role).exists()
    assert not [p for p in media_root.rglob('*') if p.is_file()]


def test_remove_report_takes_facts_findings_and_file(load, media_root, django_capture_on_commit_callbacks):
    report = load(SEED_004)
    path = report.file.path
    with acting_as(report.uploaded_by), django_capture_on_commit_callbacks(execute=True):
        remove_report(report)
    assert not ReportDocument.objects.exists() and not ReportFact.objects.exists()
    assert not ReportFinding.objects.exists()
    assert not os.path.exists(path)
    entry = AuditEntry.objects.filter(object_type='reports_intel.reportdocument', action='delete').get()
    assert '数量事实' in entry.message


def test_check_text_is_the_pre_publication_hook():
    clean = check_text('2023年，共审结977件，直接纠错236件，纠错率24.2%。')
    assert clean.findings == [] and any(c.status == 'consistent' for c in clean.checks)
    draft = '2023年，共审结977件，直接纠错236件，纠错率28.2%。'
    wrong = check_text(draft)
    assert [f.kind for f in wrong.findings] == ['rate_mismatch'] and wrong.findings[0].label == '比率与计数不符'
    assert {draft[s:e] for s, e in wrong.findings[0].spans} == {'28.2%', '236件', '977件'}
    assert wrong.as_dict()['findings'][0]['kind'] == 'rate_mismatch'
