"""Excel/CSV import of hand-kept ledgers into audited records: templates, row-level errors, all or nothing.

A ledger is declared once (`LedgerSpec`: Chinese column headers, kinds, required flags, how a row becomes a
record). `run_import` reads the file (XLSX/XLS/ODS, or CSV in UTF-8 or GBK/GB18030), checks every cell and
every row's permission before writing anything, then writes all rows through `fazhi.core.services` in one
transaction. Any error: nothing is written and every problem is reported with its file, row and column.
Generic on purpose, so that it can move to fazhi/core (as `ledger_import`) when other business lines use it.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any, Callable

import xlsxwriter
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from python_calamine import CalamineWorkbook

from fazhi.core import services
from fazhi.core.ingest.errors import RowError, cell_message
from fazhi.core.permissions import AccessDenied, unit_in_scope

MAX_ERRORS = 200
MAX_HEADER_SCAN = 10
TRUE_WORDS = {'是', 'y', 'yes', 'true', '1', '√', '有'}
FALSE_WORDS = {'否', 'n', 'no', 'false', '0', '×', '无', ''}
KIND_HINT = {'text': '文本', 'int': '整数', 'decimal': '数字', 'date': '日期（如 2025-03-01）', 'bool': '是/否',
             'choice': '从下列选项中选择', 'unit': '单位编码或单位全称'}


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    kind: str = 'text'
    required: bool = False
    choices: Any = None  # a TextChoices class for kind='choice'
    example: str = ''
    note: str = ''


@dataclass(frozen=True)
class LedgerSpec:
    name: str
    model: type[models.Model]
    columns: tuple[Column, ...]
    build: Callable[[dict[str, Any]], Any]
    save: Callable[[Any, dict[str, Any]], Any] | None = None
    check: Callable[[dict[str, Any]], list[tuple[str, str]]] | None = None

    def column(self, key: str) -> Column | None:
        return next((c for c in self.columns if c.key == key), None)


@dataclass
class ImportOutcome:
    file: str
    created: int = 0
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


class LedgerFileError(Exception):
    def __init__(self, errors: list[RowError]):
        super().__init__('; '.join(str(e) for e in errors))
        self.errors = errors


# -- templates -----------------------------------------------------------------------------------------------

def template_xlsx(spec: LedgerSpec) -> bytes:
    """A workbook with the header row, one example row and a sheet explaining every column."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {'in_memory': True})
    sheet = book.add_worksheet(spec.name[:31])
    required = book.add_format({'bold': True, 'font_color': '#9b1c1c'})
    optional = book.add_format({'bold': True})
    for i, col in enumerate(spec.columns):
        sheet.write(0, i, col.header, required if col.required else optional)
        sheet.write(1, i, col.example)
        sheet.set_column(i, i, max(12, len(col.header) * 2 + 2))
    notes = book.add_worksheet('填写说明')
    notes.write_row(0, 0, ['列名', '是否必填', '格式', '可选值', '说明'], optional)
    for i, col in enumerate(spec.columns, start=1):
        options = '、'.join(str(label) for _, label in col.choices.choices) if col.choices else ''
        notes.write_row(i, 0, [col.header, '必填' if col.required else '选填', KIND_HINT[col.kind], options, col.note])
    notes.write(len(spec.columns) + 2, 0, '第一行为列名（不可修改），第二行为示例（导入前请删除）。任一行有错误时整个文件不导入。')
    book.close()
    return buffer.getvalue()


# -- reading -------------------------------------------------------------------------------------------------

def _decode(content: bytes) -> str:
    if content.startswith(b'\xef\xbb\xbf'):
        return content.decode('utf-8-sig')
    try:
        return content.decode('utf-8')
    except UnicodeDecodeError:
        return content.decode('gb18030')


def _raw_rows(file_name: str, content: bytes) -> list[list[Any]]:
    if content[:4] in (b'PK\x03\x04', b'\xd0\xcf\x11\xe0'):
        try:
            book = CalamineWorkbook.from_filelike(io.BytesIO(content))
            return book.get_sheet_by_index(0).to_python(skip_empty_area=False)
        except Exception as exc:  # calamine has its own error types for broken workbooks
            raise LedgerFileError([RowError(file_name, None, None, None, f'无法打开 Excel 文件（{exc}）')]) from None
    if file_name.lower().endswith(('.xlsx', '.xls', '.xlsm', '.ods')):
        raise LedgerFileError([RowError(file_name, None, None, None, '文件扩展名是 Excel，但内容不是有效的 Excel 工作簿')])
    return list(csv.reader(io.StringIO(_decode(content))))


def _text(value: Any) -> str:
    if value is None:
        return ''
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def read_table(spec: LedgerSpec, file_name: str, content: bytes) -> list[tuple[int, dict[str, str]]]:
    """(row number as the user sees it, {column key: text}) for every non-empty data row."""
    if not content:
        raise LedgerFileError([RowError(file_name, None, None, None, '文件是空的')])
    rows = _raw_rows(file_name, content)
    headers = {c.header: c.key for c in spec.columns}
    for index, row in enumerate(rows[:MAX_HEADER_SCAN]):
        names = [_text(v).lstrip('*') for v in row]
        if any(n in headers for n in names):
            missing = [c.header for c in spec.columns if c.required and c.header not in names]
            if missing:
                raise LedgerFileError([RowError(file_name, index + 1, None, None,
                                                f'缺少必填列：{"、".join(missing)}（请使用导入模板）')])
            positions = {headers[n]: i for i, n in enumerate(names) if n in headers}
            return [(number, {k: _text(row[i]) if i < len(row) else '' for k, i in positions.items()})
                    for number, row in enumerate(rows[index + 1:], start=index + 2)
                    if any(_text(v) for v in row)]
    raise LedgerFileError([RowError(file_name, None, None, None, '找不到列名行（前10行中没有模板中的列名），请使用导入模板')])


# -- cell parsing --------------------------------------------------------------------------------------------

DATE_PATTERN = re.compile(r'^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$')


def parse_date(text: str) -> dt.date:
    match = DATE_PATTERN.match(text.split(' ')[0] if ' ' in text and ':' in text else text)
    if not match:
        raise ValueError('日期格式不正确，应为 年-月-日（如 2025-03-01）')
    try:
        return dt.date(*(int(g) for g in match.groups()))
    except ValueError:
        raise ValueError('不是有效的日期') from None


def _parse_choice(column: Column, text: str) -> str:
    for value, label in column.choices.choices:
        if text in (str(value), str(label)):
            return value
    options = '、'.join(str(label) for _, label in column.choices.choices)
    raise ValueError(f'“{text}”不是可选值（可选：{options}）')


def _parse_unit(text: str) -> Any:
    from fazhi.organization.models import Unit
    unit = Unit.objects.filter(code=text).first() or Unit.objects.filter(name=text).first()
    if unit is None:
        raise ValueError(f'找不到单位“{text}”（请填写单位编码或单位全称）')
    return unit


def parse_cell(column: Column, text: str) -> Any:
    if text == '':
        if column.required:
            raise ValueError('必填，不能为空')
        return False if column.kind == 'bool' else None
    if column.kind == 'int':
        if not re.fullmatch(r'\d+', text):
            raise ValueError('应为非负整数')
        return int(text)
    if column.kind == 'decimal':
        try:
            return Decimal(text.replace(',', ''))
        except InvalidOperation:
            raise ValueError('应为数字') from None
    if column.kind == 'date':
        return parse_date(text)
    if column.kind == 'bool':
        if text.lower() in TRUE_WORDS:
            return True
        if text.lower() in FALSE_WORDS:
            return False
        raise ValueError('应为“是”或“否”')
    if column.kind == 'choice':
        return _parse_choice(column, text)
    if column.kind == 'unit':
        return _parse_unit(text)
    return text


# -- import --------------------------------------------------------------------------------------------------

def _row_errors(spec: LedgerSpec, file_name: str, number: int, raw: dict[str, str]) -> tuple[dict[str, Any], list[RowError]]:
    cleaned: dict[str, Any] = {}
    errors = []
    for column in spec.columns:
        text = raw.get(column.key, '')
        try:
            cleaned[column.key] = parse_cell(column, text)
        except ValueError as exc:
            errors.append(RowError(file_name, number, column.header, text, cell_message(number, column.header, str(exc))))
    if not errors and spec.check is not None:
        for key, message in spec.check(cleaned):
            header = spec.column(key).header if spec.column(key) else key
            errors.append(RowError(file_name, number, header, raw.get(key, ''), cell_message(number, header, message)))
    return cleaned, errors


def _model_errors(spec: LedgerSpec, file_name: str, number: int, obj: Any, user: Any,
                  raw: dict[str, str]) -> list[RowError]:
    errors = []
    try:
        obj.full_clean()
    except ValidationError as exc:
        for name, messages in exc.message_dict.items():
            column = spec.column(name)
            header = column.header if column else str(obj._meta.get_field(name).verbose_name) if name != '__all__' else '整行'
            for message in messages:
                errors.append(RowError(file_name, number, header, raw.get(name, ''),
                                       cell_message(number, header, message)))
    if user is not None and not unit_in_scope(user, type(obj), 'add', getattr(obj, 'owning_unit', None)):
        lookup = (getattr(type(obj), 'unit_lookup', None) or '').split('__')[0]
        unit_col = spec.column(lookup) or next((c for c in spec.columns if c.kind == 'unit'), None)
        header = unit_col.header if unit_col else '单位'
        errors.append(RowError(file_name, number, header, raw.get(unit_col.key, '') if unit_col else '',
                               cell_message(number, header, '您无权为该单位导入记录')))
    return errors


def run_import(spec: LedgerSpec, file_name: str, content: bytes, user: Any) -> ImportOutcome:
    """Check everything first; write everything in one transaction only when nothing is wrong."""
    outcome = ImportOutcome(file_name)
    try:
        table = read_table(spec, file_name, content)
    except LedgerFileError as exc:
        outcome.errors = exc.errors
        return outcome
    if not table:
        outcome.errors = [RowError(file_name, None, None, None, '没有数据行')]
        return outcome
    prepared = []
    for number, raw in table:
        cleaned, errors = _row_errors(spec, file_name, number, raw)
        if not errors:
            obj = spec.build(cleaned)
            errors = _model_errors(spec, file_name, number, obj, user, raw)
            prepared.append((number, obj, cleaned))
        outcome.errors.extend(errors)
        if len(outcome.errors) >= MAX_ERRORS:
            break
    if outcome.errors:
        if user is not None:
            services.record_event(None, f'导入{spec.name}未通过校验：文件“{file_name}”，{len(outcome.errors)}处错误，未写入任何记录')
        return outcome
    try:
        _write(spec, file_name, prepared)
    except _RowFailed as failed:
        outcome.errors = [RowError(file_name, failed.number, None, None,
                                   f'第{failed.number}行：{failed.reason}；整个文件未导入，请修改后重新导入')]
        return outcome
    outcome.created = len(prepared)
    return outcome


class _RowFailed(Exception):
    def __init__(self, number: int, reason: str):
        super().__init__(reason)
        self.number, self.reason = number, reason


def _reason(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return '；'.join(exc.messages)
    return str(exc)


def _write(spec: LedgerSpec, file_name: str, prepared: list[tuple[int, Any, dict[str, Any]]]) -> None:
    save = spec.save or (lambda obj, cleaned: services.create(obj, message=f'导入：{file_name}'))
    with transaction.atomic():
        for number, obj, cleaned in prepared:
            try:
                with transaction.atomic():
                    save(obj, cleaned)
            except (ValidationError, AccessDenied, IntegrityError) as exc:
                raise _RowFailed(number, _reason(exc)) from None
        services.record_event(None, f'导入{spec.name}：文件“{file_name}”，{len(prepared)}条记录')
