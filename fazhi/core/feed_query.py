"""Filtered, scoped, paginated reads of a feed table, straight from DuckDB (set-based, parameterised SQL)."""
from __future__ import annotations

import datetime as dt
import decimal
from dataclasses import dataclass, field
from typing import Any, Iterator, Mapping

import duckdb

from .feeds import FeedType, ensure_feed_table, scope_codes, subtree_codes
from .ingest import Field
from .ingest.sqlexpr import ident

TRUE_TEXT, FALSE_TEXT = ('1', 'true', '是', 'yes'), ('0', 'false', '否', 'no')
MAX_QUERY_LENGTH = 100


class BadFilter(ValueError):
    """A filter value the user typed cannot be used (message in Chinese)."""


@dataclass
class FeedQuery:
    """What to read: the scope (None = every unit) and the user's filters."""

    feed: FeedType
    scope: list[str] | None
    unit_codes: list[str] | None = None  # the unit filter (a unit and the units below it)
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    equals: dict[str, Any] = field(default_factory=dict)
    q: str = ''

    def where(self) -> tuple[str, list[Any]]:
        parts, params = ['true'], []
        for codes in (self.scope, self.unit_codes):
            if codes is not None:
                parts.append('unit_code IN (SELECT unnest(?::VARCHAR[]))')
                params.append(codes)
        self._dates(parts, params)
        for name, value in self.equals.items():
            parts.append(f'{ident(name)} = ?')
            params.append(value)
        if self.q and self.feed.search_fields:
            parts.append('(' + ' OR '.join(f'contains(lower(CAST({ident(n)} AS VARCHAR)), ?)'
                                           for n in self.feed.search_fields) + ')')
            params.extend([self.q.lower()] * len(self.feed.search_fields))
        return ' AND '.join(parts), params

    def _dates(self, parts: list[str], params: list[Any]) -> None:
        date_field = self.feed.date_field
        if date_field is None:
            return
        column = f'CAST({ident(date_field)} AS DATE)'
        if self.date_from:
            parts.append(f'{column} >= ?')
            params.append(self.date_from)
        if self.date_to:
            parts.append(f'{column} <= ?')
            params.append(self.date_to)

    @property
    def order_by(self) -> str:
        keys = [ident(k) for k in self.feed.schema.natural_key]
        if self.feed.date_field:
            keys.insert(0, f'{ident(self.feed.date_field)} DESC NULLS LAST')
        return ', '.join(keys)


def build_query(feed: FeedType, user: Any, params: Mapping[str, str], action: str = 'view') -> FeedQuery:
    """The query a request asks for, restricted to the user's units (raises BadFilter for unusable input)."""
    query = FeedQuery(feed, scope_codes(user, feed, action))
    if code := (params.get('unit') or '').strip():
        query.unit_codes = _unit_filter(code)
    query.date_from = _date(params.get('date_from'), '起始日期')
    query.date_to = _date(params.get('date_to'), '截止日期')
    for name in feed.filter_fields:
        raw = (params.get(name) or '').strip()
        if raw:
            query.equals[name] = _typed(feed.schema.field(name), raw)
    query.q = (params.get('q') or '').strip()[:MAX_QUERY_LENGTH]
    return query


def _unit_filter(code: str) -> list[str]:
    from fazhi.organization.models import Unit
    unit = Unit.objects.filter(code=code).first()
    return subtree_codes(unit) if unit is not None else [code]


def _date(raw: str | None, label: str) -> dt.date | None:
    if not raw:
        return None
    try:
        return dt.date.fromisoformat(raw.strip())
    except ValueError:
        raise BadFilter(f'{label}“{raw}”格式不正确，应为 年-月-日（如 2025-03-01）。') from None


def _typed(f: Field, raw: str) -> Any:
    if f.type == 'bool':
        if raw.lower() in TRUE_TEXT:
            return True
        if raw.lower() in FALSE_TEXT:
            return False
        raise BadFilter(f'“{f.verbose_name}”只能为“是”或“否”。')
    if f.type == 'choice':
        if raw in f.choices.values():
            return raw
        if raw in f.choices:
            return f.choices[raw]
        raise BadFilter(f'“{f.verbose_name}”没有“{raw}”这一选项。')
    if f.type == 'int':
        try:
            return int(raw)
        except ValueError:
            raise BadFilter(f'“{f.verbose_name}”应为整数。') from None
    if f.type == 'date':
        return _date(raw, f.verbose_name)
    return raw


# -- reading -----------------------------------------------------------------


def count(con: duckdb.DuckDBPyConnection, query: FeedQuery) -> int:
    ensure_feed_table(con, query.feed)
    if query.scope == []:
        return 0
    where, params = query.where()
    return con.execute(f'SELECT count(*) FROM {ident(query.feed.table)} WHERE {where}', params).fetchone()[0]


def page(con: duckdb.DuckDBPyConnection, query: FeedQuery, columns: list[str], limit: int,
         offset: int) -> list[dict[str, Any]]:
    ensure_feed_table(con, query.feed)
    if query.scope == []:
        return []
    where, params = query.where()
    cols = ', '.join(ident(c) for c in columns)
    sql = (f'SELECT {cols} FROM {ident(query.feed.table)} WHERE {where} ORDER BY {query.order_by} '
           f'LIMIT {int(limit)} OFFSET {int(offset)}')
    return [dict(zip(columns, row)) for row in con.execute(sql, params).fetchall()]


def stream(con: duckdb.DuckDBPyConnection, query: FeedQuery, columns: list[str],
           chunk: int = 10_000) -> Iterator[tuple[Any, ...]]:
    """Every matching row, in list order, fetched in chunks (exports)."""
    ensure_feed_table(con, query.feed)
    if query.scope == []:
        return
    where, params = query.where()
    cols = ', '.join(ident(c) for c in columns)
    cursor = con.execute(f'SELECT {cols} FROM {ident(query.feed.table)} WHERE {where} ORDER BY {query.order_by}',
                         params)
    while rows := cursor.fetchmany(chunk):
        yield from rows


# -- display -----------------------------------------------------------------


def labels(f: Field) -> dict[str, str]:
    """Stored code → the Chinese label (the first label naming that code)."""
    found: dict[str, str] = {}
    for label, code in f.choices.items():
        found.setdefault(code, label)
    return found


def display(f: Field, value: Any) -> Any:
    """A cell as people read it: Chinese choice labels, 是/否, ISO dates, plain numbers."""
    if value is None:
        return ''
    if f.type == 'choice':
        return labels(f).get(value, value)
    if isinstance(value, bool):
        return '是' if value else '否'
    if isinstance(value, dt.datetime):
        return value.strftime('%Y-%m-%d %H:%M:%S')
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value) if f.type == 'decimal' else str(value)
    return value


def jsonable(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    return value
