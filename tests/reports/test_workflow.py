"""Narrative written by people survives regeneration (with its history and authors); the pre-publication check
finds gaps, figures the data has moved away from and inconsistencies in the text; findings block publication
unless the justice bureau records an override; publishing puts the report on the portal, versions are archived."""
from __future__ import annotations

import pytest
from django.urls import reverse

from fazhi.core.context import acting_as
from fazhi.core.models import AuditEntry
from fazhi.reports import drafting, readback
from fazhi.reports.models import Report

from .conftest import add_hotline


@pytest.fixture
def fast(settings, report_data):
    settings.FAZHI_REPORTS_PDF = False
    settings.FAZHI_REPORTS_INLINE = True
    return report_data


def new_report(unit, kind='annual', month=0):
    with acting_as(None, label='system:test'):
        report = drafting.create_report(kind, unit, 2025, month)
        drafting.render(report, source='cli')
    return Report.objects.get(pk=report.pk)


def body(version):
    return readback.body_text(version.read_file('docx'))


def test_narrative_is_preserved_when_the_report_is_regenerated_from_fresh_data(fast, client, settings):
    report = new_report(fast.district)
    v1 = report.current_version
    admin = fast.users['district_admin']
    client.force_login(admin)
    url = reverse('reports:narrative_edit', args=[report.pk, 'shortcomings'])
    page = client.get(url)
    assert page.status_code == 200 and '第1稿' in page.content.decode()
    text = '一是街道综合执法力量不足。\n二是备案审查时效有待提高。'
    response = client.post(url, {'text': text, 'note': '按考核结果修改', 'base_revision': 1})
    assert response.status_code == 302
    add_hotline(settings.ANALYTICS_DB, 'T-S2', 400, 380, 'HX')  # the data moves on: 10000 → 10400 tickets
    response = client.post(reverse('reports:report_render', args=[report.pk]))
    assert response.status_code == 302
    report.refresh_from_db()
    v2 = report.current_version
    assert v2.number == 2 and v1.number == 1
    assert '一是街道综合执法力量不足。\n二是备案审查时效有待提高。' in body(v2)  # the person's text, as written
    assert '12345热线受理群众诉求10400件' in body(v2)  # fresh figures
    assert '12345热线受理群众诉求10000件' in body(v1) and '一是行政规范性文件合法性审核' in body(v1)  # v1 archived as it was
    assert v2.narratives['shortcomings'] == 2 and v1.narratives['shortcomings'] == 1
    section = report.narratives.get(key='shortcomings')
    assert [(r.number, r.author_name, r.note) for r in section.revisions.order_by('number')] == [
        (1, '模板初稿', '模板初稿'), (2, admin.full_name, '按考核结果修改')]
    # an edit made on an older revision is refused, not silently overwritten
    stale = client.post(url, {'text': '覆盖', 'base_revision': 1})
    assert stale.status_code == 409 and '第2稿' in stale.content.decode()
    assert report.narratives.get(key='shortcomings').text.startswith('一是街道')
    assert AuditEntry.objects.filter(object_type='reports.narrativesection', action='update', actor_name=admin.username
                                     ).exists()


def test_findings_block_publication_until_the_justice_bureau_records_an_override(fast, client):
    report = new_report(fast.district)
    admin = fast.users['district_admin']
    client.force_login(admin)
    client.post(reverse('reports:report_check', args=[report.pk]))
    report.refresh_from_db()
    version = report.current_version
    assert report.state == 'checked' and version.is_checked
    kinds = {f['kind'] for f in version.findings}
    assert 'data_gap' in kinds  # the litigation figures are not in the catalogue yet
    assert any(c['kind'] == 'figures' and c['status'] == 'consistent' for c in version.checks)
    response = client.post(reverse('reports:report_publish', args=[report.pk]), follow=True)
    assert '需修改后重新生成' in response.content.decode()
    report.refresh_from_db()
    assert report.state == 'checked' and report.published_version is None
    assert client.get(reverse('reports_public:report_detail', args=[report.pk])).status_code == 404
    response = client.post(reverse('reports:report_publish', args=[report.pk]),
                           {'override_reason': '应诉数据由区法院另行提供，本次先行发布'}, follow=True)
    assert '已发布第1版' in response.content.decode()
    report.refresh_from_db()
    version.refresh_from_db()
    assert report.state == 'published' and report.published_version == version and report.published_on
    assert version.override_reason == '应诉数据由区法院另行提供，本次先行发布' and version.override_by_name == admin.username
    assert AuditEntry.objects.filter(object_type='reports.reportversion', object_id=str(version.pk),
                                     message__contains='批准带问题发布').exists()


def test_a_department_cannot_override_findings_but_publishes_a_clean_report(fast, client, settings):
    add_hotline(settings.ANALYTICS_DB, 'T-D2', 50, 50, 'HP')
    report = new_report(fast.market)
    assert '全年承办12345热线诉求50件' in body(report.current_version)
    officer = fast.users['unit_officer']
    client.force_login(officer)
    add_hotline(settings.ANALYTICS_DB, 'T-D2', 50, 40, 'HQ')  # data changes after rendering
    client.post(reverse('reports:report_check', args=[report.pk]))
    version = Report.objects.get(pk=report.pk).current_version
    outdated = [f for f in version.findings if f['kind'] == 'figure_outdated']
    assert outdated and '请重新生成' in outdated[0]['message']
    refused = client.post(reverse('reports:report_publish', args=[report.pk]), {'override_reason': '我们认为没问题'},
                          follow=True)
    assert '只有区依法治区办' in refused.content.decode()
    client.post(reverse('reports:report_render', args=[report.pk]))  # regenerate from the new data
    client.post(reverse('reports:report_check', args=[report.pk]))
    report.refresh_from_db()
    assert report.current_version.number == 2 and report.current_version.findings == []
    client.post(reverse('reports:report_publish', args=[report.pk]))
    report.refresh_from_db()
    assert report.state == 'published' and report.published_version.number == 2


def test_the_consistency_audit_reads_what_people_wrote(fast):
    report = new_report(fast.district)
    with acting_as(fast.users['district_admin']):
        section = report.narratives.get(key='emergency')
        drafting.save_narrative(section, '全年受理调解案件683件，调解成功465件，成功率50.5%。', base_revision=1)
        drafting.render(report)
        version = drafting.check(report)
    audit = [f for f in version.findings if f['source'] == 'audit']
    assert [f['kind'] for f in audit] == ['rate_mismatch'] and '68.08%' in audit[0]['message']
    assert audit[0]['severity'] == 'error'


def test_published_versions_are_archived_on_the_portal(fast, client):
    report = new_report(fast.district)
    with acting_as(None, label='system:test'):
        drafting.check(report)
        drafting.publish(report, override_reason='演示：先行发布')
        drafting.render(report)
        drafting.check(report)
        drafting.publish(report, override_reason='演示：第二次发布')
        drafting.render(report)  # a third version, not published
    report.refresh_from_db()
    assert report.published_version.number == 2 and report.current_version.number == 3 and report.state == 'draft'
    listing = client.get(reverse('reports_public:report_list')).content.decode()
    assert report.title in listing and report.published_on.strftime('%Y-%m-%d') in listing
    page = client.get(reverse('reports_public:report_detail', args=[report.pk]))
    text = page.content.decode()
    assert page.status_code == 200 and '第2版' in text and '第1版' in text and 'class="fz-fig"' in text
    assert client.get(reverse('reports_public:version_detail', args=[report.pk, 1])).status_code == 200
    assert client.get(reverse('reports_public:version_detail', args=[report.pk, 3])).status_code == 404
    html = client.get(reverse('reports_public:report_download', args=[report.pk, 'html']))
    assert html.status_code == 200 and 'attachment' in html['Content-Disposition']
    assert client.get(reverse('reports_public:report_download', args=[report.pk, 'pdf'])).status_code == 404  # no PDF


def test_rendering_from_the_web_reports_its_progress(fast, client):
    admin = fast.users['district_admin']
    client.force_login(admin)
    response = client.post(reverse('reports:report_create'), {'kind': 'bulletin', 'unit': fast.district.pk,
                                                               'year': 2025, 'month': 3})
    assert response.status_code == 302
    report = Report.objects.get(kind='bulletin')
    assert report.title == '测试区人民政府法治政府建设监督通报（2025年第3期）'
    job = report.jobs.get()
    status = client.get(reverse('reports:job_status', args=[report.pk, job.pk])).json()
    assert status == {'state': 'succeeded', 'percent': 100, 'phase': '完成', 'final': True,
                      'message': status['message'], 'version': 1}
    page = client.get(response['Location']).content.decode()
    assert 'job-progress' in page and '已生成第1版' in page
    preview = client.get(reverse('reports:version_detail', args=[report.pk, 1])).content.decode()
    assert 'fz-fig' in preview and '附：数据来源说明' in preview
    duplicate = client.post(reverse('reports:report_create'), {'kind': 'bulletin', 'unit': fast.district.pk,
                                                                'year': 2025, 'month': 3})
    assert duplicate.status_code == 400 and '已经存在' in duplicate.content.decode()


def test_an_indicator_the_engine_cannot_compute_is_said_to_be_missing(fast, monkeypatch):
    from fazhi.indicators import results
    real = results.ensure_fresh

    def broken(con, indicators=None):
        if any(i.code == 'mediation.accepted' for i in indicators or []):
            raise RuntimeError('列 closed_on 不存在')
        return real(con, indicators)
    monkeypatch.setattr(results, 'ensure_fresh', broken)
    report = new_report(fast.district)
    text = body(report.current_version)
    assert '【数据暂缺：指标“受理调解案件数”（mediation.accepted）未能计算：列 closed_on 不存在】' in text
    assert '响应率99.93%、解决率93.81%、满意率94.93%' in text  # the rest of the report is there


@pytest.mark.django_db(transaction=True)
def test_the_web_renders_on_a_background_thread_and_records_progress(settings, tmp_path, client):
    from fazhi.reports import jobs
    from tests.conftest import _build

    from .conftest import load_store
    district = _build()
    settings.ANALYTICS_DB, settings.MEDIA_ROOT = tmp_path / 'a.duckdb', tmp_path / 'media'
    settings.FAZHI_REPORTS_PDF, settings.FAZHI_REPORTS_INLINE = False, False
    load_store(settings.ANALYTICS_DB)
    client.force_login(district.users['district_admin'])
    response = client.post(reverse('reports:report_create'), {'kind': 'annual', 'unit': district.district.pk,
                                                               'year': 2025})
    report = Report.objects.get()
    job = report.jobs.get()
    assert response['Location'] == reverse('reports:job_detail', args=[report.pk, job.pk])
    thread = jobs._running.get(job.pk)
    if thread is not None:
        thread.join(timeout=300)
    status = client.get(reverse('reports:job_status', args=[report.pk, job.pk])).json()
    assert status['state'] == 'succeeded' and status['percent'] == 100 and status['version'] == 1, status
    report.refresh_from_db()
    assert report.current_version.number == 1 and report.current_version.created_by_name == 'district_admin'
