"""The generic all-or-nothing ledger import, on the liaison ledger."""
from __future__ import annotations

import io

import xlsxwriter
from python_calamine import CalamineWorkbook

from fazhi.core.context import acting_as
from fazhi.core.ledger_import import Column, LedgerSpec, read_table, run_import, template_bytes
from fazhi.core.models import AuditEntry
from fazhi.organization.forms import LiaisonForm
from fazhi.organization.models import Liaison

SPEC = LedgerSpec('法治工作联络员', LiaisonForm, (
    Column('unit', '所属单位', True), Column('name', '姓名', True), Column('position', '职务'),
    Column('phone', '联系电话'), Column('is_head', '是否单位法治工作分管负责人', aliases=('分管负责人',)),
))


def xlsx(rows):
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {'in_memory': True})
    sheet = book.add_worksheet()
    for i, row in enumerate(rows):
        sheet.write_row(i, 0, row)
    book.close()
    return buffer.getvalue()


def test_template_lists_columns_and_choices():
    book = CalamineWorkbook.from_filelike(io.BytesIO(template_bytes(SPEC)))
    assert book.get_sheet_by_index(0).to_python()[0] == ['所属单位*', '姓名*', '职务', '联系电话',
                                                         '是否单位法治工作分管负责人']
    notes = book.get_sheet_by_name('填写说明').to_python()
    assert ['所属单位', '必填', '填写名称或编码'] in notes


def test_title_rows_aliases_and_yes_no(district):
    data = xlsx([['联络员名单（2026年）'], ['所属单位', '姓名', '分管负责人'], ['T-D2', '甲', '是'],
                 ['区市场监督管理局法制科', '乙', '否']])
    with acting_as(district.users['unit_officer']):
        result = run_import(SPEC, data, 'a.xlsx', district.users['unit_officer'])
    assert result.ok, result.errors
    assert {(l.name, l.is_head, l.unit.code) for l in result.created} == {('甲', True, 'T-D2'), ('乙', False, 'T-D2-1')}
    assert AuditEntry.objects.filter(action='create', object_type='organization.liaison',
                                     actor_name='unit_officer').count() == 2


def test_rows_outside_the_users_units_fail_and_nothing_lands(district):
    before = Liaison.objects.count()
    data = xlsx([['所属单位', '姓名', '分管负责人'], ['T-D2', '甲', '是'], ['西岭街道', '乙', '也许'], ['T-S2', '丙', '']])
    with acting_as(district.users['unit_officer']):
        result = run_import(SPEC, data, 'a.xlsx', district.users['unit_officer'])
    assert [str(e) for e in result.errors] == ['第3行「是否单位法治工作分管负责人」：“也许”应填写“是”或“否”',
                                               '第4行：该记录所属单位不在您的权限范围内。']
    assert Liaison.objects.count() == before


def test_csv_encodings(district):
    text = '所属单位,姓名\r\n区市场监督管理局,张\r\n'
    for encoding in ('utf-8-sig', 'gbk', 'gb18030', 'utf-8'):
        assert read_table(text.encode(encoding), 'a.csv')[1] == ['区市场监督管理局', '张']


def test_roles_without_add_permission_are_refused(district):
    with acting_as(district.users['auditor']):
        result = run_import(SPEC, xlsx([['所属单位', '姓名'], ['T-D2', '甲']]), 'a.xlsx', district.users['auditor'])
    assert [e.message for e in result.errors] == ['您没有权限导入法治工作联络员。']


def test_empty_and_headerless_files(district):
    user = district.users['district_admin']
    with acting_as(user):
        assert '是空的' in str(run_import(SPEC, b'', 'a.csv', user).errors[0])
        assert '缺少必填列：所属单位、姓名' in str(run_import(SPEC, '甲,乙\r\n'.encode(), 'a.csv', user).errors[0])
        assert '没有数据行' in str(run_import(SPEC, '所属单位,姓名\r\n'.encode(), 'a.csv', user).errors[0])
