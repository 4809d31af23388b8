"""Guards that fail when a record type lacks what every record type must have."""
from __future__ import annotations

import pytest
from django.apps import apps
from django.core.management import call_command

from fazhi.core.models import DomainModel

# Record types whose access tests exist, with the test module that covers them. A new DomainModel must be
# added here together with its tests (denied / unit-scoped / allowed / audit entry written).
ACCESS_TESTED = {
    'organization.liaison': 'tests/organization/test_access.py',
    'organization.unit': 'tests/organization/test_access.py',
    'core.holidayyear': 'tests/core/test_statutory_pages.py',
    'core.holidayday': 'tests/core/test_statutory_pages.py',
    'core.workflowevent': 'tests/core/test_meta.py',
    'reconsideration.reconsiderationcase': 'tests/reconsideration/test_access.py',
    'reconsideration.party': 'tests/reconsideration/test_access.py',
    'reconsideration.servicerecord': 'tests/reconsideration/test_access.py',
    'reconsideration.correctionfeedback': 'tests/reconsideration/test_access.py',
    'reconsideration.publisheddecision': 'tests/reconsideration/test_access.py',
    'litigation.lawsuit': 'tests/litigation/test_access.py',
    'litigation.courthearing': 'tests/litigation/test_access.py',
    'litigation.judicialsuggestion': 'tests/litigation/test_access.py',
    'legality.reviewrequest': 'tests/legality/test_access.py',
    'legality.legaladviser': 'tests/legality/test_access.py',
    'legality.adviserengagement': 'tests/legality/test_access.py',
    'supervision.proposal': 'tests/supervision/test_access.py',
    'supervision.auditfinding': 'tests/supervision/test_access.py',
    'emergency.emergencyplan': 'tests/emergency/test_access.py',
    'emergency.drill': 'tests/emergency/test_access.py',
    'disclosure.disclosurerequest': 'tests/disclosure/test_access.py',
    'disclosure.disclosureitem': 'tests/disclosure/test_access.py',
    'legal_education.educationduty': 'tests/legal_education/test_access.py',
    'reports_intel.reportdocument': 'tests/reports_intel/test_access.py',
    'reports_intel.reportfact': 'tests/reports_intel/test_access.py',
    'reports_intel.reportfinding': 'tests/reports_intel/test_access.py',
    'normative.normativedocument': 'tests/normative/test_access.py',
    'normative.documentversion': 'tests/normative/test_access.py',
    'normative.documentevent': 'tests/normative/test_access.py',
    'normative.cleanupcampaign': 'tests/normative/test_access.py',
    'normative.cleanupitem': 'tests/normative/test_access.py',
    'decisions.decisioncatalogue': 'tests/decisions/test_access.py',
    'decisions.majordecision': 'tests/decisions/test_access.py',
    'decisions.decisionprocedure': 'tests/decisions/test_access.py',
    'decisions.publiccomment': 'tests/decisions/test_access.py',
    'decisions.decisionevaluation': 'tests/decisions/test_access.py',
    'reports.report': 'tests/reports/test_access.py',
    'reports.reportversion': 'tests/reports/test_access.py',
    'reports.narrativesection': 'tests/reports/test_access.py',
    'reports.narrativerevision': 'tests/reports/test_access.py',
    'reports.reportfigure': 'tests/reports/test_access.py',
    'assessment.indicatorsystem': 'tests/assessment/test_access.py',
    'assessment.systemitem': 'tests/assessment/test_access.py',
    'assessment.campaign': 'tests/assessment/test_access.py',
    'assessment.campaignunit': 'tests/assessment/test_access.py',
    'assessment.itemscore': 'tests/assessment/test_access.py',
    'assessment.deduction': 'tests/assessment/test_access.py',
    'assessment.evidence': 'tests/assessment/test_access.py',
    'assessment.objection': 'tests/assessment/test_access.py',
    'assessment.reviewerassignment': 'tests/assessment/test_access.py',
    'assessment.projectround': 'tests/assessment/test_access.py',
    'assessment.projectapplication': 'tests/assessment/test_access.py',
    'assessment.roundexpert': 'tests/assessment/test_access.py',
    'assessment.expertscore': 'tests/assessment/test_access.py',
}


def domain_models():
    return [m for m in apps.get_models() if issubclass(m, DomainModel)]


def test_every_domain_record_type_has_access_tests():
    missing = [m._meta.label_lower for m in domain_models() if m._meta.label_lower not in ACCESS_TESTED]
    assert not missing, f'record types without access tests: {missing}'


def test_every_domain_record_type_has_chinese_names_and_a_unit_rule():
    for model in domain_models():
        assert any('\u4e00' <= ch <= '\u9fff' for ch in str(model._meta.verbose_name)), model
        lookup = model.unit_lookup
        if lookup is not None:
            field = model._meta.get_field(lookup.split('__')[0])
            assert field.is_relation, f'{model}: unit_lookup must follow a relation'
        for field in model._meta.concrete_fields:
            if field.name != 'id':
                assert any('\u4e00' <= ch <= '\u9fff' for ch in str(field.verbose_name)), f'{model}.{field.name}'


def test_openapi_schema_generates_and_validates(tmp_path, capsys):
    out = tmp_path / 'openapi.yaml'
    call_command('spectacular', '--file', str(out), '--validate')  # enum-name collisions are only cosmetic
    text = out.read_text(encoding='utf-8')
    assert '/api/organization/liaisons/' in text and '/api/deadlines/' in text


@pytest.mark.django_db
def test_no_missing_migrations():
    call_command('makemigrations', '--check', '--dry-run', verbosity=0)


@pytest.mark.django_db
def test_timeline_events_are_not_listed_to_unit_officers(district):
    from fazhi.core.models import WorkflowEvent
    from fazhi.core.permissions import can
    assert not can(district.users['unit_officer'], 'view', WorkflowEvent)
    assert not can(None, 'view', WorkflowEvent)
    assert can(district.users['leader'], 'view', WorkflowEvent)
    assert not can(district.users['leader'], 'add', WorkflowEvent)
