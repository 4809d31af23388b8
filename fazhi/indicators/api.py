"""API: the catalogue, figures for any visible unit and period, and the records behind a figure."""
from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from fazhi.core.api import ActorMixin

from . import service
from .access import can_see_figures, visible_units
from .definitions import DefinitionError, get
from .periods import Period


def _definition(i: Any) -> dict[str, Any]:
    return {'code': i.code, 'name': i.name, 'area': i.area, 'kind': i.kind, 'unit_of_measure': i.unit_of_measure,
            'version': i.version, 'basis': i.basis, 'definition_note': i.definition_note, 'target': i.target,
            'min_sample': i.min_sample}


class CatalogueView(ActorMixin, APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(responses=dict, summary='指标目录')
    def get(self, request: Any) -> Response:
        return Response([_definition(i) for i in service.all_indicators()])


class _FigureBase(ActorMixin, APIView):
    permission_classes = [IsAuthenticated]

    def scope(self, request: Any, code: str) -> tuple[Any, Any, list[str]] | Response:
        if not can_see_figures(request.user):
            return Response({'detail': '您的角色不能查看指标数据。'}, status=status.HTTP_403_FORBIDDEN)
        try:
            indicator = get(code)
        except DefinitionError as exc:
            return Response({'detail': str(exc)}, status=status.HTTP_404_NOT_FOUND)
        codes = [u.code for u in visible_units(request.user)]
        unit = request.query_params.get('unit') or (codes[0] if codes else '')
        if unit not in codes:
            return Response({'detail': '您无权查看该单位的指标，或单位不存在。'}, status=status.HTTP_403_FORBIDDEN)
        return indicator, unit, codes


class FigureView(_FigureBase):
    @extend_schema(parameters=[OpenApiParameter('unit', str), OpenApiParameter('grain', str),
                               OpenApiParameter('period', str)], responses=dict, summary='指标数值（含同比）')
    def get(self, request: Any, code: str) -> Response:
        scoped = self.scope(request, code)
        if isinstance(scoped, Response):
            return scoped
        indicator, unit, _ = scoped
        grain = request.query_params.get('grain')
        period = request.query_params.get('period')
        with service.store() as con:
            service.refresh(con, [indicator])
            frame = service.figures(con, code, [unit], grain, period)
            values = []
            for row in frame.itertuples():
                last_year = Period(row.grain, row.period).shifted(years=-1)
                before = service.value_of(service.figures(con, code, [unit], row.grain, last_year.label), code,
                                          unit, last_year.label)
                now = service.value_of(frame, code, unit, row.period)
                values.append({'grain': row.grain, 'period': row.period, **now,
                               'year_on_year': service.change(indicator, now['value'], before and before['value'])})
        return Response({'indicator': _definition(indicator), 'unit': unit, 'values': values})


class RecordsView(_FigureBase):
    @extend_schema(parameters=[OpenApiParameter('unit', str), OpenApiParameter('period', str),
                               OpenApiParameter('part', str, enum=['numerator', 'denominator']),
                               OpenApiParameter('limit', int), OpenApiParameter('offset', int)],
                   responses=dict, summary='指标背后的明细记录（分子或分母）')
    def get(self, request: Any, code: str) -> Response:
        scoped = self.scope(request, code)
        if isinstance(scoped, Response):
            return scoped
        indicator, unit, _ = scoped
        try:
            period = Period.parse(request.query_params.get('period', ''))
        except ValueError as exc:
            return Response({'detail': str(exc)}, status=status.HTTP_400_BAD_REQUEST)
        part = request.query_params.get('part', 'numerator')
        limit = min(int(request.query_params.get('limit', 50)), 1000)
        offset = int(request.query_params.get('offset', 0))
        with service.store() as con:
            pages = service.records(con, indicator, part, unit, period, limit=limit, offset=offset)
        return Response({'indicator': code, 'unit': unit, 'period': period.label, 'part': part, 'tables': [
            {'source': p.measure.source, 'total': p.total,
             'rows': p.rows.astype(object).where(p.rows.notna(), None).to_dict('records')} for p in pages]})
