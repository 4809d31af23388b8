"""Reports, each role against every path — pages, API, export, search, downloads, the portal — denials included.
Units write their own department reports; the justice bureau (district_admin) compiles the district's; leaders
and the legal-affairs staff read; the system, security and audit administrators see none; the public sees only
what is published."""
from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from fazhi.core import services
from fazhi.core.context import acting_as
from fazhi.core.models import AuditEntry
from fazhi.reports import drafting
from fazhi.reports.models import NarrativeRevision, NarrativeSection, Report, ReportFigure, ReportVersion
from tests.legality.access_kit import ROLES, api_client, assert_scope, expected_ids, scope_of

WRITERS = {'district_admin'}  # may change every report
OWN_WRITERS = {'unit_officer', 'street_officer'}  # may change their own unit's reports


def fake_version(report, *, published=False):
    """A stored version without rendering (access tests need the rows, not the layout)."""
    version = ReportVersion(report=report, number=1, data_as_of=timezone.now(), text='正文', figure_count=1)
    version.save_file('docx', f'{report.pk}.docx', b'PK-docx')
    version.save_file('html', f'{report.pk}.html', '<article class="fz-report"><p>正文</p></article>'.encode())
    if published:
        version.published_at = timezone.now()
    version = services.create(version)
    services.create(ReportFigure(version=version, ref=1, text='683件', part='value', indicator='mediation.accepted',
                                 indicator_name='受理调解案件数', unit_code=report.unit.code, unit_name=report.unit.name,
                                 period='2025', value=683, numerator=683, records=683))
    changes = {'current_version': version}
    if published:
        changes.update(published_version=version, published_on=timezone.localdate(), state='published')
    services.update(report, changes)
    return version


@pytest.fixture
def reports(district, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / 'media'
    settings.FAZHI_REPORTS_INLINE = True
    settings.FAZHI_REPORTS_PDF = False
    with acting_as(None, label='system:test'):
        district.annual = drafting.create_report('annual', district.district, 2025)
        district.market_report = drafting.create_report('annual', district.market, 2025)
        district.street_report = drafting.create_report('annual', district.street, 2025)
        fake_version(district.annual, published=True)
        fake_version(district.market_report)
        fake_version(district.street_report)
    return district


@pytest.mark.parametrize('role', ROLES)
def test_report_list_api_export_and_search_show_exactly_the_roles_scope(reports, client, role):
    expected = expected_ids(Report, reports, role) if scope_of(role) != 'none' else None
    if role == 'unit_officer':
        assert expected == {reports.market_report.pk}
    assert_scope(client, reports.users[role], page_url=reverse('reports:report_list'), api_url='/api/reports/reports/',
                 expected=expected, search=('法治政府建设年度报告', '编制报告'))


@pytest.mark.parametrize('model,unit_path', [(ReportVersion, 'report__unit__path'),
                                             (NarrativeSection, 'report__unit__path'),
                                             (NarrativeRevision, 'section__report__unit__path'),
                                             (ReportFigure, 'version__report__unit__path')])
@pytest.mark.parametrize('role', ROLES)
def test_versions_narratives_and_figures_follow_the_reports_scope(reports, role, model, unit_path):
    visible = set(model.objects.visible_to(reports.users[role]).values_list('pk', flat=True))
    assert visible == expected_ids(model, reports, role, unit_path)


def test_the_public_sees_published_versions_and_their_figures_only(reports):
    assert set(Report.objects.visible_to(None)) == {reports.annual}
    assert set(ReportVersion.objects.visible_to(None)) == {reports.annual.current_version}
    assert {f.version for f in ReportFigure.objects.visible_to(None)} == {reports.annual.current_version}
    assert not NarrativeSection.objects.visible_to(None).exists()
    assert not NarrativeRevision.objects.visible_to(None).exists()


@pytest.mark.parametrize('role', ROLES)
def test_detail_preview_and_download_of_the_district_report(reports, client, role):
    client.force_login(reports.users[role])
    pk = reports.annual.pk
    urls = [reverse('reports:report_detail', args=[pk]), reverse('reports:version_detail', args=[pk, 1]),
            reverse('reports:version_download', args=[pk, 1, 'docx']),
            reverse('reports:narrative_edit', args=[pk, 'shortcomings'])]
    api = api_client(reports.users[role])
    api_urls = [f'/api/reports/reports/{pk}/{tail}' for tail in ('', 'versions/', 'figures/')]
    if scope_of(role) == 'all':
        assert [client.get(u).status_code for u in urls] == [200] * 4
        assert [api.get(u).status_code for u in api_urls] == [200] * 3
        assert api.get(api_urls[2]).json()[0]['records_url'].startswith('/indicators/mediation.accepted/records/')
    else:
        assert [client.get(u).status_code for u in urls] == [403] * 4
        assert all(api.get(u).status_code in (403, 404) for u in api_urls)


@pytest.mark.parametrize('role', ROLES)
def test_who_may_render_check_publish_and_edit_the_district_report(reports, client, role):
    client.force_login(reports.users[role])
    pk = reports.annual.pk
    render = client.post(reverse('reports:report_render', args=[pk]))
    edit = client.post(reverse('reports:narrative_edit', args=[pk, 'shortcomings']),
                       {'text': f'{role}写的不足', 'base_revision': 1})
    check = client.post(reverse('reports:report_check', args=[pk]))
    if role in WRITERS:
        assert render.status_code == 302 and edit.status_code == 302 and check.status_code == 302
        assert Report.objects.get(pk=pk).current_version.number == 2
    else:
        assert render.status_code == edit.status_code == check.status_code == 403
        assert Report.objects.get(pk=pk).current_version.number == 1
        assert NarrativeSection.objects.get(report_id=pk, key='shortcomings').revision == 1


@pytest.mark.parametrize('role', ROLES)
def test_who_may_work_on_the_market_departments_report(reports, client, role):
    client.force_login(reports.users[role])
    pk = reports.market_report.pk
    edit = client.post(reverse('reports:narrative_edit', args=[pk, 'shortcomings']),
                       {'text': f'{role}写的不足', 'base_revision': 1})
    api = api_client(reports.users[role])
    section = NarrativeSection.objects.get(report_id=pk, key='plans')
    patch = api.patch(f'/api/reports/narratives/{section.pk}/', {'text': '明年计划', 'base_revision': 1}, format='json')
    rendered = api.post(f'/api/reports/reports/{pk}/render/')
    if role in WRITERS or role == 'unit_officer':
        assert edit.status_code == 302 and patch.status_code == 200 and rendered.status_code == 202
        assert rendered.json()['state'] == 'succeeded' and rendered.json()['version'] == 2
        job = api.get(f'/api/reports/jobs/{rendered.json()["id"]}/')
        assert job.status_code == 200 and job.json()['percent'] == 100
        revision = NarrativeRevision.objects.get(section__report_id=pk, section__key='shortcomings', number=2)
        assert revision.author == reports.users[role] and revision.text == f'{role}写的不足'
    else:
        assert edit.status_code == 403
        assert patch.status_code in (403, 404) and rendered.status_code in (403, 404)
        assert NarrativeSection.objects.get(pk=section.pk).revision == 1


@pytest.mark.parametrize('role,status', [('district_admin', 200), ('unit_officer', 200), ('street_officer', 200),
                                         ('leader', 403), ('legality_reviewer', 403), ('case_officer', 403),
                                         ('system_admin', 403), ('security_admin', 403), ('auditor', 403)])
def test_who_may_open_the_new_report_form(reports, client, role, status):
    client.force_login(reports.users[role])
    assert client.get(reverse('reports:report_create')).status_code == status


def test_a_unit_officer_creates_only_its_own_departments_report(reports, client):
    officer = reports.users['unit_officer']
    client.force_login(officer)
    form = client.get(reverse('reports:report_create')).context['form']
    assert [u for u, _ in form.fields['unit'].choices] == [str(reports.market.pk)]  # its office writes in it
    assert [k for k, _ in form.fields['kind'].choices] == ['department']
    district = client.post(reverse('reports:report_create'), {'kind': 'annual', 'unit': reports.district.pk,
                                                              'year': 2024})
    street = client.post(reverse('reports:report_create'), {'kind': 'department', 'unit': reports.street.pk,
                                                            'year': 2024})
    assert district.status_code == street.status_code == 400
    own = client.post(reverse('reports:report_create'), {'kind': 'department', 'unit': reports.market.pk, 'year': 2024})
    assert own.status_code == 302
    created = Report.objects.get(unit=reports.market, year=2024)
    assert created.kind == 'department' and created.current_version.number == 1
    api = api_client(officer)
    forged = api.post('/api/reports/reports/', {'kind': 'whitepaper', 'unit': 'T', 'year': 2024}, format='json')
    assert forged.status_code == 403 and '没有权限' in forged.json()['detail']
    assert AuditEntry.objects.filter(action='denied', actor_name='unit_officer',
                                     message__contains='reports.report').exists()
    ok = api.post('/api/reports/reports/', {'kind': 'annual', 'unit': 'T-D2-1', 'year': 2025}, format='json')
    assert ok.status_code == 201 and ok.json()['kind'] == 'department'


@pytest.mark.parametrize('role', ['leader', 'legality_reviewer', 'unit_officer'])
def test_reading_roles_cannot_publish(reports, client, role):
    with acting_as(None, label='system:test'):
        services.update(reports.annual, {'state': 'checked'})
    client.force_login(reports.users[role])
    response = client.post(reverse('reports:report_publish', args=[reports.market_report.pk if role == 'unit_officer'
                                                                     else reports.annual.pk]))
    if role == 'unit_officer':  # own report, but not checked yet
        assert response.status_code == 302
        assert Report.objects.get(pk=reports.market_report.pk).state == 'draft'
    else:
        assert response.status_code == 403


def test_the_public_sees_only_published_reports(reports, client):
    listing = client.get(reverse('reports_public:report_list'))
    assert listing.status_code == 200
    assert [r.pk for r in listing.context['object_list']] == [reports.annual.pk]
    assert client.get(reverse('reports_public:report_detail', args=[reports.annual.pk])).status_code == 200
    for report in (reports.market_report, reports.street_report):
        assert client.get(reverse('reports_public:report_detail', args=[report.pk])).status_code == 404
        assert client.get(reverse('reports_public:report_download', args=[report.pk, 'html'])).status_code == 404
    for name, args in (('reports:report_list', []), ('reports:report_create', []),
                       ('reports:report_detail', [reports.annual.pk])):
        response = client.get(reverse(name, args=args))
        assert response.status_code == 302 and '/accounts/login/' in response['Location']
    anonymous = api_client(None)
    listed = anonymous.get('/api/reports/reports/')
    assert [r['id'] for r in listed.json()['results']] == [reports.annual.pk]  # published ones only
    assert anonymous.post(f'/api/reports/reports/{reports.annual.pk}/publish/').status_code in (401, 403)


def test_every_change_leaves_an_audit_entry(reports):
    report = reports.market_report
    for label in ('reports.report', 'reports.narrativesection', 'reports.narrativerevision', 'reports.reportversion',
                  'reports.reportfigure'):
        assert AuditEntry.objects.filter(object_type=label, action='create').exists(), label
    with acting_as(reports.users['unit_officer']):
        drafting.save_narrative(report.narratives.get(key='plans'), '一是……', base_revision=1)
    entry = AuditEntry.objects.filter(object_type='reports.narrativesection', action='update').latest('seq')
    assert entry.actor_name == 'unit_officer' and entry.after['text'] == '一是……' and entry.before['revision'] == 1
