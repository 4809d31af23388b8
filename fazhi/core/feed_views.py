"""Generic scoped list, export and API of any feed table, read straight from the analytics store.

Rows are restricted to the user's units on every path (page, CSV/XLSX export, API) by the same
`build_query`, which takes the scope from `fazhi.core.permissions`.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any, Iterable

import xlsxwriter
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, path, reverse
from django.utils.encoding import escape_uri_path
from django.views import View
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from . import feed_query as fq
from .api import ActorMixin
from .feeds import FeedType, StoreBusy, can_feed, connect, feeds, get_feed, unit_names, visible_feeds
from .permissions import deny_message
from .views import forbidden

PAGE_SIZE = 50
API_PAGE_SIZE, API_MAX_LIMIT = 100, 1000
XLSX_MAX_ROWS = 1_048_575
XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'


def export_columns(feed: FeedType) -> list[tuple[str, str]]:
    """(column, Chinese header) of an export: every field, with the unit's name after its code."""
    columns = []
    for f in feed.schema.fields:
        columns.append((f.name, f.verbose_name))
        if f.name == 'unit_code':
            columns.append(('_unit_name', '单位名称'))
    return columns


def _display_rows(feed: FeedType, rows: Iterable[tuple[Any, ...]], names: dict[str, str]) -> Iterable[list[Any]]:
    fields = feed.schema.fields
    unit_at = next(i for i, f in enumerate(fields) if f.name == 'unit_code')
    for row in rows:
        cells = [fq.display(f, v) for f, v in zip(fields, row)]
        cells.insert(unit_at + 1, names.get(row[unit_at], ''))
        yield cells


def _filename(feed: FeedType, suffix: str) -> str:
    return escape_uri_path(f'{feed.verbose_name}_{dt.date.today():%Y%m%d}.{suffix}')


def csv_export(feed: FeedType, query: fq.FeedQuery) -> StreamingHttpResponse:
    names, fields = unit_names(), [f.name for f in feed.schema.fields]

    def lines() -> Iterable[str]:
        buffer = io.StringIO('\ufeff')
        buffer.seek(1)
        writer = csv.writer(buffer)
        writer.writerow([h for _, h in export_columns(feed)])
        with connect() as con:
            for i, cells in enumerate(_display_rows(feed, fq.stream(con, query, fields), names)):
                writer.writerow(cells)
                if i % 2000 == 1999:
                    yield buffer.getvalue()
                    buffer.seek(0)
                    buffer.truncate()
        yield buffer.getvalue()

    response = StreamingHttpResponse(lines(), content_type='text/csv; charset=utf-8')
    response['Content-Disposition'] = f"attachment; filename*=UTF-8''{_filename(feed, 'csv')}"
    return response


def xlsx_export(feed: FeedType, query: fq.FeedQuery) -> HttpResponse:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {'constant_memory': True, 'in_memory': True})
    sheet = book.add_worksheet('数据')
    sheet.write_row(0, 0, [h for _, h in export_columns(feed)], book.add_format({'bold': True}))
    with connect() as con:
        rows = fq.stream(con, query, [f.name for f in feed.schema.fields])
        for i, cells in enumerate(_display_rows(feed, rows, unit_names()), start=1):
            sheet.write_row(i, 0, cells)
    book.close()
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response['Content-Disposition'] = f"attachment; filename*=UTF-8''{_filename(feed, 'xlsx')}"
    return response


def filter_controls(feed: FeedType, params: Any) -> list[dict[str, Any]]:
    """The key-column filters of the page: a select for choices and 是/否, a text box otherwise."""
    controls = []
    for name in feed.filter_fields:
        f = feed.schema.field(name)
        options: list[tuple[str, str]] | None = None
        if f.type == 'choice':
            options = [(code, label) for code, label in fq.labels(f).items()]
        elif f.type == 'bool':
            options = [('true', '是'), ('false', '否')]
        controls.append({'name': name, 'label': f.verbose_name, 'options': options, 'value': params.get(name, '')})
    return controls


def _import_url(feed: FeedType, user: Any) -> str | None:
    if not can_feed(user, feed, 'add'):
        return None
    try:
        return reverse('imports:upload') + f'?type={feed.name}'
    except NoReverseMatch:
        return None


class FeedIndexView(View):
    """Every feed the user may see, by menu group."""

    def get(self, request: Any) -> Any:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        shown = visible_feeds(request.user)
        if not shown:
            return forbidden(request, '您没有权限查看业务数据台账。')
        groups: dict[str, list[FeedType]] = {}
        for feed in shown:
            groups.setdefault(feed.group, []).append(feed)
        return render(request, 'core/feed_index.html', {'groups': groups})


class FeedListView(View):
    """One feed table: filters, pages of 50 rows, CSV/XLSX export of everything that matches."""

    def dispatch(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        self.feed = get_feed(kwargs['name'])
        if self.feed is None:
            raise Http404('没有这种数据台账')
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not can_feed(request.user, self.feed):
            return forbidden(request, deny_message(self.feed.access, 'view'))
        try:
            return super().dispatch(request, *args, **kwargs)
        except StoreBusy as exc:
            return render(request, 'core/feed_list.html', {'feed': self.feed, 'error': str(exc)}, status=503)

    def get(self, request: Any, name: str) -> Any:
        try:
            query = fq.build_query(self.feed, request.user, request.GET)
        except fq.BadFilter as exc:
            return self.render_page(None, error=str(exc), status=400)
        fmt = request.GET.get('export')
        if fmt == 'csv':
            return csv_export(self.feed, query)
        if fmt == 'xlsx':
            return self.xlsx(query)
        return self.render_page(query)

    def xlsx(self, query: fq.FeedQuery) -> Any:
        with connect() as con:
            total = fq.count(con, query)
        if total > XLSX_MAX_ROWS:
            return self.render_page(query, status=400, error=f'符合条件的记录有 {total:,} 条，超过 Excel 单表上限'
                                                             f'（{XLSX_MAX_ROWS:,} 行）；请缩小筛选范围或导出 CSV。')
        return xlsx_export(self.feed, query)

    def render_page(self, query: fq.FeedQuery | None, error: str = '', status: int = 200) -> Any:
        context = self.base_context()
        context['error'] = error
        if query is not None:
            context.update(self.page_context(query))
        return render(self.request, 'core/feed_list.html', context, status=status)

    def base_context(self) -> dict[str, Any]:
        from fazhi.organization.models import Unit
        params = self.request.GET.copy()
        params.pop('page', None)
        params.pop('export', None)
        return {
            'feed': self.feed, 'params': self.request.GET, 'querystring': params.urlencode(),
            'controls': filter_controls(self.feed, self.request.GET),
            'units': Unit.objects.visible_to(self.request.user).only('code', 'name', 'path'),
            'import_url': _import_url(self.feed, self.request.user),
        }

    def page_context(self, query: fq.FeedQuery) -> dict[str, Any]:
        number = _page_number(self.request.GET.get('page'))
        shown = list(self.feed.shown_fields)
        with connect() as con:
            total = fq.count(con, query)
            rows = fq.page(con, query, shown, PAGE_SIZE, (number - 1) * PAGE_SIZE)
        names = unit_names()
        fields = [self.feed.schema.field(n) for n in shown]
        table = [[_cell(f, r[f.name], names) for f in fields] for r in rows]
        pages = max(1, -(-total // PAGE_SIZE))
        return {'total': total, 'headers': [f.verbose_name if f.name != 'unit_code' else '单位' for f in fields],
                'table': table, 'page': number, 'pages': pages,
                'previous': number - 1 if number > 1 else None, 'next': number + 1 if number < pages else None}


def _cell(f: Any, value: Any, names: dict[str, str]) -> Any:
    """A cell on the page: the unit's name, amounts with two decimals and thousands separators."""
    if f.name == 'unit_code':
        return names.get(value, value)
    if f.type == 'decimal' and value is not None:
        return f'{value:,.{f.scale}f}'
    return fq.display(f, value)


def _page_number(raw: str | None) -> int:
    try:
        return max(1, int(raw or 1))
    except ValueError:
        return 1


# -- API ---------------------------------------------------------------------


def describe(feed: FeedType) -> dict[str, Any]:
    return {'name': feed.name, 'verbose_name': feed.verbose_name, 'group': feed.group, 'table': feed.table,
            'natural_key': list(feed.schema.natural_key), 'date_field': feed.date_field,
            'filter_fields': list(feed.filter_fields),
            'fields': [{'name': f.name, 'verbose_name': f.verbose_name, 'type': f.type, 'required': f.required,
                        'choices': {code: label for code, label in fq.labels(f).items()}}
                       for f in feed.schema.fields]}


class FeedTypesAPIView(ActorMixin, APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(responses=OpenApiTypes.OBJECT, summary='可查看的业务数据台账（分析库数据表）')
    def get(self, request: Any) -> Response:
        return Response({'results': [describe(f) for f in visible_feeds(request.user)]})


FILTER_PARAMETERS = [
    OpenApiParameter('name', str, OpenApiParameter.PATH, description='台账名称，如 penalty、hotline_request'),
    OpenApiParameter('unit', str, description='单位编码（含下级单位）'),
    OpenApiParameter('date_from', str, description='起始日期 YYYY-MM-DD'),
    OpenApiParameter('date_to', str, description='截止日期 YYYY-MM-DD'),
    OpenApiParameter('q', str, description='关键词'),
    OpenApiParameter('limit', int), OpenApiParameter('offset', int),
]


class FeedRowsAPIView(ActorMixin, APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(parameters=FILTER_PARAMETERS, responses=OpenApiTypes.OBJECT,
                   summary='台账记录（仅限本人有权查看的单位；其余筛选参数为各台账的关键列）')
    def get(self, request: Any, name: str) -> Response:
        feed = get_feed(name)
        if feed is None:
            return Response({'detail': f'没有这种数据台账：{name}'}, status=status.HTTP_404_NOT_FOUND)
        if not can_feed(request.user, feed):
            return Response({'detail': deny_message(feed.access, 'view')}, status=status.HTTP_403_FORBIDDEN)
        try:
            query = fq.build_query(feed, request.user, request.query_params)
            limit, offset = _limit_offset(request.query_params)
            with connect() as con:
                total = fq.count(con, query)
                fields = [f.name for f in feed.schema.fields]
                rows = fq.page(con, query, fields, limit, offset)
        except fq.BadFilter as exc:
            return Response({'detail': str(exc)}, status=status.HTTP_400_BAD_REQUEST)
        except StoreBusy as exc:
            return Response({'detail': str(exc)}, status=status.HTTP_503_SERVICE_UNAVAILABLE)
        results = [{k: fq.jsonable(v) for k, v in r.items()} for r in rows]
        return Response({'count': total, 'limit': limit, 'offset': offset, 'results': results})


def _limit_offset(params: Any) -> tuple[int, int]:
    try:
        limit = int(params.get('limit') or API_PAGE_SIZE)
        offset = int(params.get('offset') or 0)
    except ValueError:
        raise fq.BadFilter('limit 和 offset 应为整数。') from None
    return min(max(limit, 1), API_MAX_LIMIT), max(offset, 0)


def _named_paths() -> list[Any]:
    """One named URL per feed ('feeds:penalty'), so menus can link to it; urls load after every app registered."""
    return [path(f'{f.name}/', FeedListView.as_view(), {'name': f.name}, name=f.name) for f in feeds()]


urlpatterns = [
    path('', FeedIndexView.as_view(), name='index'),
    *_named_paths(),
    path('<slug:name>/', FeedListView.as_view(), name='list'),
]
api_urlpatterns = [
    path('', FeedTypesAPIView.as_view(), name='api_feed_types'),
    path('<slug:name>/', FeedRowsAPIView.as_view(), name='api_feed_rows'),
]
