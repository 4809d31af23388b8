"""Law-enforcement feed tables: officers, exams, the versioned power lists, inspections, penalties, reviews."""
from __future__ import annotations

from pathlib import Path

from fazhi.core.feeds import change_log_ddl, register_feed
from fazhi.core.ingest import load_schema

GROUP = '行政执法'
SCHEMAS = Path(__file__).with_name('schemas')


def _schema(name: str):
    return load_schema(SCHEMAS / f'{name}.yaml')


OFFICER = register_feed(
    _schema('enforcement_officer'), GROUP, order=20, filter_fields=('is_a_post', 'active', 'has_legal_qualification'),
    search_fields=('officer_no', 'name', 'certificate_no'),
    list_fields=('officer_no', 'name', 'unit_code', 'position', 'is_a_post', 'certificate_no',
                 'certificate_valid_until', 'active'),
    after_land=('UPDATE {table} SET active = true WHERE _batch_id = ? AND active IS NULL',
                'UPDATE {table} SET is_a_post = false WHERE _batch_id = ? AND is_a_post IS NULL'))

EXAM = register_feed(
    _schema('enforcement_exam'), GROUP, order=21, date_field='exam_date', filter_fields=('result', 'passed'),
    search_fields=('exam_no', 'officer_no', 'name'),
    after_land=("UPDATE {table} SET passed = (result = 'pass') WHERE _batch_id = ? AND passed IS NULL "
                'AND result IS NOT NULL',))

PENALTY_POWER = register_feed(
    _schema('penalty_power'), GROUP, order=22, date_field='effective_from', filter_fields=('kind',),
    search_fields=('power_code', 'name', 'adjust_doc'),
    list_fields=('power_code', 'name', 'unit_code', 'kind', 'effective_from', 'repealed_on', 'adjust_doc'),
    after_land=("UPDATE {table} SET kind = 'penalty' WHERE _batch_id = ? AND kind IS NULL",),
    extra_ddl=(change_log_ddl('penalty_power', 'power_code', {'name': '名称', 'unit_code': '实施主体',
                                                                'kind': '类别', 'legal_basis': '设定依据'}),))

POWER_ITEM = register_feed(
    _schema('power_item'), GROUP, order=23, date_field='effective_from', filter_fields=('category',),
    search_fields=('item_code', 'name', 'adjust_doc'),
    list_fields=('item_code', 'name', 'unit_code', 'category', 'effective_from', 'repealed_on', 'adjust_doc'),
    extra_ddl=(change_log_ddl('power_item', 'item_code', {'name': '名称', 'unit_code': '实施主体',
                                                            'category': '权力类别', 'legal_basis': '设定依据',
                                                            'responsibility': '责任事项'}),))

INSPECTION = register_feed(
    _schema('inspection'), GROUP, order=24, date_field='inspected_on',
    filter_fields=('method', 'is_random', 'result', 'found_violation', 'power_code', 'officer_no', 'task_no'),
    search_fields=('inspection_no', 'target_name', 'target_credit_code'),
    list_fields=('inspection_no', 'inspected_on', 'unit_code', 'power_code', 'officer_no', 'method', 'target_name',
                 'result', 'recorded'),
    after_land=(
        "UPDATE {table} SET is_random = (method = 'random') WHERE _batch_id = ? AND is_random IS NULL "
        'AND method IS NOT NULL',
        "UPDATE {table} SET found_violation = result IN ('rectify', 'case_filed', 'transferred') "
        'WHERE _batch_id = ? AND found_violation IS NULL AND result IS NOT NULL',
    ))

RANDOM_TASK = register_feed(
    _schema('random_inspection_task'), GROUP, order=25, date_field='started_on', filter_fields=('is_joint',),
    search_fields=('task_no', 'name'))

PENALTY = register_feed(
    _schema('penalty'), GROUP, order=26, date_field='decided_on',
    filter_fields=('penalty_kind', 'procedure', 'is_major', 'legal_reviewed', 'full_process_recorded', 'no_penalty',
                   'power_code', 'officer_no'),
    search_fields=('case_no', 'party_name'),
    list_fields=('case_no', 'decided_on', 'unit_code', 'party_name', 'penalty_kind', 'amount', 'procedure',
                 'disclosed_on', 'is_major', 'legal_reviewed', 'no_penalty'),
    after_land=("UPDATE {table} SET no_penalty = '' WHERE _batch_id = ? AND no_penalty IS NULL",))

CASE_FILE_REVIEW = register_feed(
    _schema('case_file_review'), GROUP, order=27, date_field='reviewed_on',
    filter_fields=('case_kind', 'grade', 'sampled'), search_fields=('review_no', 'case_no', 'reviewer'),
    after_land=("UPDATE {table} SET grade = CASE WHEN score >= 90 THEN 'excellent' WHEN score >= 60 THEN 'pass' "
                "ELSE 'fail' END WHERE _batch_id = ? AND grade IS NULL AND score IS NOT NULL",
                'UPDATE {table} SET sampled = false WHERE _batch_id = ? AND sampled IS NULL'))
