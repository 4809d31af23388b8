"""All-or-nothing import of a ledger's records from Excel or CSV into the Django models.

A ledger describes its import once (`LedgerSpec`: the model form and the columns with their Chinese
headers). Every row is validated by that same form — the one the page uses — so an import accepts exactly
what a person could enter. Cells may hold the Chinese labels of choices, 是/否, dates in the usual
office formats, and units by name or code. If any row fails, nothing is written and every failure is
reported by row and column; otherwise all rows land in one transaction through `services.bulk_create`
(one audit entry each) plus one audit event for the batch. The high-volume feeds into the analytics
store use `fazhi.core.ingest` instead.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

import xlsxwriter
from django import forms
from django.db import models, transaction
from django.http import HttpResponse
from django.utils.encoding import escape_uri_path

from . import services
from .permissions import AccessDenied, can, unit_in_scope

MAX_BYTES = 20 * 1024 * 1024
MAX_HEADER_SCAN = 20
_ZIP, _OLE = b'PK\x03\x04', b'\xd0\xcf\x11\xe0'
_NOISE = re.compile(r'[\s*＊:：]+|\([^()]*\)|（[^（）]*）')
_DATE = re.compile(r'^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$')
TRUE_WORDS = {'是', '有', 'y', 'yes', 'true', '1', '√', '✓'}
FALSE_WORDS = {'否', '无', 'n', 'no', 'false', '0', ''}


@dataclass(frozen=True)
class Column:
    field: str
    header: str
    required: bool = False
    help: str = ''
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class LedgerSpec:
    name: str  # the ledger's Chinese name, e.g. 行政复议案件
    form_class: type[forms.ModelForm]
    columns: tuple[Column, ...]
    after_create: Callable[[list[models.Model]], None] | None = None  # runs inside the import transaction
    max_rows: int = 20000

    @property
    def model(self) -> type[models.Model]:
        return self.form_class._meta.model


@dataclass(frozen=True)
class RowError:
    row: int  # the spreadsheet's row number (the header is row 1 when it is the first row)
    column: str
    message: str

    def __str__(self) -> str:
        where = f'第{self.row}行' if self.row else '文件'
        return f'{where}{"「" + self.column + "」" if self.column else ""}：{self.message}'

    def to_dict(self) -> dict[str, Any]:
        return {'row': self.row, 'column': self.column, 'message': self.message, 'text': str(self)}


@dataclass
class ImportResult:
    file_name: str
    created: list[models.Model] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def to_dict(self) -> dict[str, Any]:
        return {'file': self.file_name, 'created': len(self.created), 'ok': self.ok,
                'errors': [e.to_dict() for e in self.errors]}


class FileRefused(Exception):
    """The file as a whole cannot be read (wrong type, empty, too large, no header)."""


# -- template ------------------------------------------------------------------


def template_bytes(spec: LedgerSpec) -> bytes:
    """An .xlsx with the header row to fill in and a sheet explaining every column."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {'in_memory': True})
    bold = book.add_format({'bold': True, 'bg_color': '#F2DCDB', 'border': 1})
    sheet = book.add_worksheet('导入数据')
    for col, column in enumerate(spec.columns):
        sheet.write(0, col, column.header + ('*' if column.required else ''), bold)
        sheet.set_column(col, col, max(12, len(column.header) * 2 + 2))
    notes = book.add_worksheet('填写说明')
    notes.write_row(0, 0, ['列名', '是否必填', '填写要求'], bold)
    form = spec.form_class()
    for row, column in enumerate(spec.columns, start=1):
        notes.write_row(row, 0, [column.header, '必填' if column.required else '选填', _column_help(form, column)])
    notes.set_column(0, 0, 24)
    notes.set_column(2, 2, 90)
    notes.write(len(spec.columns) + 2, 0, '说明：带 * 的列必须填写；任何一行有错误时整个文件都不会导入，请按错误提示修改后重新导入。')
    book.close()
    return buffer.getvalue()


def _column_help(form: forms.Form, column: Column) -> str:
    if column.help:
        return column.help
    field_ = form.fields.get(column.field)
    if isinstance(field_, forms.ModelChoiceField):
        return '填写名称或编码'
    if isinstance(field_, forms.ChoiceField):
        return '可选值：' + '、'.join(str(label) for value, label in field_.choices if value != '')
    if isinstance(field_, forms.DateField):
        return '日期，如 2025-03-05 或 2025年3月5日'
    if isinstance(field_, forms.BooleanField):
        return '填写“是”或“否”'
    return ''


def template_response(spec: LedgerSpec) -> HttpResponse:
    response = HttpResponse(template_bytes(spec),
                            content_type='application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    response['Content-Disposition'] = f"attachment; filename*=UTF-8''{escape_uri_path(spec.name + '导入模板')}.xlsx"
    return response


# -- reading -------------------------------------------------------------------


def read_table(data: bytes, file_name: str) -> list[list[Any]]:
    """The first sheet of a workbook, or a CSV in UTF-8 / GBK / GB18030, as rows of cells."""
    if not data:
        raise FileRefused(f'文件“{file_name}”是空的。')
    if len(data) > MAX_BYTES:
        raise FileRefused(f'文件“{file_name}”超过 {MAX_BYTES // 1024 // 1024} MB，请分批导入。')
    if data[:4] in (_ZIP, _OLE):
        return _read_workbook(data, file_name)
    if file_name.lower().endswith(('.xlsx', '.xls', '.xlsm', '.ods')):
        raise FileRefused(f'文件“{file_name}”的扩展名是 Excel，但内容不是有效的 Excel 工作簿。')
    return list(csv.reader(io.StringIO(_decode(data))))


def _read_workbook(data: bytes, file_name: str) -> list[list[Any]]:
    from python_calamine import CalamineWorkbook
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        return [list(r) for r in book.get_sheet_by_index(0).to_python(skip_empty_area=False)]
    except Exception as exc:  # noqa: BLE001 — any reader failure is the file's fault, reported in Chinese
        raise FileRefused(f'无法读取 Excel 文件“{file_name}”：{exc}') from exc


def _decode(data: bytes) -> str:
    if data.startswith(b'\xef\xbb\xbf'):
        return data[3:].decode('utf-8')
    try:
        return data.decode('utf-8')
    except UnicodeDecodeError:
        return data.decode('gb18030', errors='replace')


def norm_header(text: Any) -> str:
    return _NOISE.sub('', unicodedata.normalize('NFKC', str(text or ''))).lower()


def _header_map(spec: LedgerSpec, header: Sequence[Any]) -> dict[int, Column]:
    lookup = {norm_header(name): c for c in spec.columns for name in (c.header, *c.aliases)}
    return {i: lookup[norm_header(h)] for i, h in enumerate(header) if norm_header(h) in lookup}


# -- cells to form data --------------------------------------------------------


def _cell_text(value: Any) -> str:
    if value is None:
        return ''
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, bool):
        return '是' if value else '否'
    return str(value).strip()


class CellError(ValueError):
    pass


def _convert(field_: forms.Field, text: str) -> Any:
    """Form data for one cell; free text is kept as written, coded values are read leniently (full-width too)."""
    if text == '':
        return ''
    if isinstance(field_, forms.ModelChoiceField):
        return _lookup_object(field_, text)
    plain = unicodedata.normalize('NFKC', text).strip()
    if isinstance(field_, forms.ChoiceField):
        return _choice_value(field_, plain)
    if isinstance(field_, forms.BooleanField):
        return _boolean(plain)
    if isinstance(field_, forms.DateField):
        return _date(plain)
    if isinstance(field_, (forms.IntegerField, forms.DecimalField, forms.FloatField)):
        return plain.replace(',', '')
    return text


def _choice_value(field_: forms.ChoiceField, text: str) -> str:
    for value, label in field_.choices:
        if text in (str(value), str(label)) or norm_header(text) == norm_header(label):
            return str(value)
    allowed = '、'.join(str(label) for value, label in field_.choices if value != '')
    raise CellError(f'“{text}”不是有效选项，可选值：{allowed}')


def _boolean(text: str) -> str:
    word = text.lower()
    if word in TRUE_WORDS:
        return 'on'
    if word in FALSE_WORDS:
        return ''
    raise CellError(f'“{text}”应填写“是”或“否”')


def _date(text: str) -> str:
    text = text.split(' ')[0] if re.match(r'^\d{4}-\d{2}-\d{2} ', text) else text
    match = _DATE.match(text)
    if not match:
        raise CellError(f'日期“{text}”无法识别，请按 2025-03-05 或 2025年3月5日 填写')
    try:
        return dt.date(*map(int, match.groups())).isoformat()
    except ValueError:
        raise CellError(f'日期“{text}”不存在') from None


def _lookup_object(field_: forms.ModelChoiceField, text: str) -> Any:
    model = field_.queryset.model
    keys = [f for f in ('code', 'username', 'name', 'full_name') if _has_field(model, f)]
    for key in keys:
        found = list(field_.queryset.filter(**{key: text})[:2])
        if len(found) == 1:
            return found[0].pk
        if len(found) > 1:
            raise CellError(f'“{text}”对应多个{model._meta.verbose_name}，请改填编码')
    raise CellError(f'找不到{model._meta.verbose_name}“{text}”（请填写全称或编码）')


def _has_field(model: type[models.Model], name: str) -> bool:
    return any(f.name == name for f in model._meta.get_fields())


# -- import --------------------------------------------------------------------


def run_import(spec: LedgerSpec, data: bytes, file_name: str, user: Any) -> ImportResult:
    """Validate every row; write all of them in one transaction only if none fails."""
    result = ImportResult(file_name)
    if user is not None and not can(user, 'add', spec.model):
        result.errors.append(RowError(0, '', f'您没有权限导入{spec.model._meta.verbose_name}。'))
        return result
    try:
        rows = read_table(data, file_name)
    except FileRefused as exc:
        result.errors.append(RowError(0, '', str(exc)))
        return result
    objects = _validate(spec, rows, user, result)
    if result.errors:
        return result
    if not objects:
        result.errors.append(RowError(0, '', '文件中没有数据行。'))
        return result
    try:
        result.created = _save(spec, objects, file_name)
    except AccessDenied as exc:
        result.errors.append(RowError(0, '', str(exc)))
    return result


def _validate(spec: LedgerSpec, rows: list[list[Any]], user: Any, result: ImportResult) -> list[models.Model]:
    header_at = _find_header(spec, rows)
    if header_at is None:
        result.errors.append(RowError(0, '', '文件中没有表头和数据。'))
        return []
    columns = _header_map(spec, rows[header_at])
    present = {c.field for c in columns.values()}
    missing = [c.header for c in spec.columns if c.required and c.field not in present]
    if missing:
        result.errors.append(RowError(header_at + 1, '', f'缺少必填列：{"、".join(missing)}（请使用导入模板）'))
        return []
    data_rows = [(n, r) for n, r in enumerate(rows[header_at + 1:], start=header_at + 2)
                 if any(_cell_text(c) for c in r)]
    if len(data_rows) > spec.max_rows:
        result.errors.append(RowError(0, '', f'一次最多导入 {spec.max_rows} 行，本文件有 {len(data_rows)} 行，请分批导入。'))
        return []
    seen: dict[tuple[str, str], int] = {}
    objects = []
    for number, row in data_rows:
        obj = _validate_row(spec, columns, number, row, user, result, seen)
        if obj is not None:
            objects.append(obj)
    return objects


def _find_header(spec: LedgerSpec, rows: list[list[Any]]) -> int | None:
    """The row naming the most columns among the first rows (title rows above the header are common)."""
    filled = [i for i, r in enumerate(rows[:MAX_HEADER_SCAN]) if any(_cell_text(c) for c in r)]
    if not filled:
        return None
    best = max(filled, key=lambda i: (len(_header_map(spec, rows[i])), -i))
    return best if _header_map(spec, rows[best]) else filled[0]


def _validate_row(spec: LedgerSpec, columns: dict[int, Column], number: int, row: list[Any], user: Any,
                  result: ImportResult, seen: dict[tuple[str, str], int]) -> models.Model | None:
    form = spec.form_class(user=user) if _takes_user(spec) else spec.form_class()
    data: dict[str, Any] = {}
    failed = False
    for index, column in columns.items():
        text = _cell_text(row[index]) if index < len(row) else ''
        try:
            data[column.field] = _convert(form.fields[column.field], text)
        except CellError as exc:
            result.errors.append(RowError(number, column.header, str(exc)))
            failed = True
    if failed:
        return None
    _fill_defaults(spec, form, data)
    form = spec.form_class(data=data, user=user) if _takes_user(spec) else spec.form_class(data=data)
    if not form.is_valid():
        _form_errors(spec, number, form, result)
        return None
    obj = form.save(commit=False)
    return obj if _row_allowed(spec, number, obj, user, result, seen) else None


def _fill_defaults(spec: LedgerSpec, form: forms.Form, data: dict[str, Any]) -> None:
    """Columns left out or left empty take the model's default, as on the page."""
    model_fields = {f.name: f for f in spec.model._meta.fields}
    own = set(form._meta.fields or ()) if hasattr(form, '_meta') else set()
    for name, field_ in form.fields.items():
        model_field = model_fields.get(name) if name in own else None
        if data.get(name) in (None, '') and model_field is not None and model_field.has_default() \
                and not isinstance(field_, forms.BooleanField):
            data[name] = model_field.get_default()


def _takes_user(spec: LedgerSpec) -> bool:
    from .forms import ScopedModelForm
    return issubclass(spec.form_class, ScopedModelForm)


def _form_errors(spec: LedgerSpec, number: int, form: forms.Form, result: ImportResult) -> None:
    headers = {c.field: c.header for c in spec.columns}
    for name, messages in form.errors.items():
        label = headers.get(name) or (str(form.fields[name].label) if name in form.fields else '')
        for message in messages:
            result.errors.append(RowError(number, label, message))


def _row_allowed(spec: LedgerSpec, number: int, obj: models.Model, user: Any, result: ImportResult,
                 seen: dict[tuple[str, str], int]) -> bool:
    if user is not None and not unit_in_scope(user, spec.model, 'add', getattr(obj, 'owning_unit', None)):
        result.errors.append(RowError(number, '', '该记录所属单位不在您的权限范围内。'))
        return False
    headers = {c.field: c.header for c in spec.columns}
    for f in spec.model._meta.fields:
        if f.unique and f.name in headers and (value := getattr(obj, f.attname)) not in (None, ''):
            first = seen.setdefault((f.name, str(value)), number)
            if first != number:
                result.errors.append(RowError(number, headers[f.name], f'“{value}”与第{first}行重复'))
                return False
    return True


def _save(spec: LedgerSpec, objects: list[models.Model], file_name: str) -> list[models.Model]:
    with transaction.atomic():
        created = services.bulk_create(objects, message=f'导入{spec.name}：{file_name}')
        if spec.after_create is not None:
            spec.after_create(created)
        services.record_event(None, f'导入{spec.name} {len(created)} 条（文件：{file_name}）')
    return created
