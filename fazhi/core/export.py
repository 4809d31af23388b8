"""CSV/XLSX export of any list, from the same restricted queryset the page shows."""
from __future__ import annotations

import csv
import io
from typing import Any, Callable, Iterable, Sequence

import xlsxwriter
from django.http import HttpResponse, StreamingHttpResponse
from django.utils.encoding import escape_uri_path

Column = tuple[str, str, Callable[[Any], Any]]  # (key, Chinese header, getter)


def _rows(objects: Iterable[Any], columns: Sequence[Column]) -> Iterable[list[Any]]:
    for obj in objects:
        yield [_plain(getter(obj)) for _, _, getter in columns]


def _plain(value: Any) -> Any:
    if value is None:
        return ''
    if isinstance(value, bool):
        return '是' if value else '否'
    return value if isinstance(value, (int, float)) else str(value)


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_response(objects: Iterable[Any], columns: Sequence[Column], filename: str) -> StreamingHttpResponse:
    writer = csv.writer(_Echo())

    def stream() -> Iterable[str]:
        yield '\ufeff'  # BOM so that Excel opens UTF-8 Chinese correctly
        yield writer.writerow([header for _, header, _ in columns])
        for row in _rows(objects, columns):
            yield writer.writerow(row)

    response = StreamingHttpResponse(stream(), content_type='text/csv; charset=utf-8')
    response['Content-Disposition'] = f"attachment; filename*=UTF-8''{escape_uri_path(filename)}.csv"
    return response


def xlsx_response(objects: Iterable[Any], columns: Sequence[Column], filename: str) -> HttpResponse:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {'constant_memory': True, 'in_memory': True})
    sheet = book.add_worksheet('数据')
    bold = book.add_format({'bold': True})
    sheet.write_row(0, 0, [header for _, header, _ in columns], bold)
    for i, row in enumerate(_rows(objects, columns), start=1):
        sheet.write_row(i, 0, row)
    book.close()
    response = HttpResponse(buffer.getvalue(),
                            content_type='application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    response['Content-Disposition'] = f"attachment; filename*=UTF-8''{escape_uri_path(filename)}.xlsx"
    return response
