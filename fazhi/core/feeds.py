"""Feed record types: the high-volume tables of the analytics store (DuckDB), one rule set for who sees which rows.

A business-area app registers each feed once (`register_feed`): its ingest schema (YAML), the menu group, the
date column and the columns people filter on. Lists, exports, the API and imports all scope rows the same way:
`unit_code` must be one of the codes of the user's units (all units for district-wide roles, nothing for roles
without access) — decided by `fazhi.core.permissions`, exactly as for the application's own records.
"""
from __future__ import annotations

import contextlib
import time
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any, Iterator

import duckdb
from django.conf import settings

from .ingest import RecordSchema, register_schema
from .ingest.land import ensure_table
from .ingest.sqlexpr import ident
from .permissions import can, scope_for

FEED_ACTIONS = frozenset({'view', 'add'})
READER_ROLES = frozenset({'district_admin', 'legality_reviewer', 'case_officer', 'leader', 'unit_officer'})
LOCK_WAIT_SECONDS = 20.0


class StoreBusy(RuntimeError):
    """The analytics store is locked by another process for longer than we wait."""


@dataclass(frozen=True)
class FeedType:
    """One feed table: its schema and how people list it."""

    schema: RecordSchema
    group: str  # menu group (行政执法, 12345热线, …)
    date_field: str | None = None  # the date-range filter and the default order
    filter_fields: tuple[str, ...] = ()  # exact-match filters
    search_fields: tuple[str, ...] = ()  # `q` matches a substring of any of these
    list_fields: tuple[str, ...] = ()  # columns on the page (exports carry every column)
    after_land: tuple[str, ...] = ()  # SQL run after each landed batch (parameter: the batch id)
    extra_ddl: tuple[str, ...] = ()  # views created with the table (e.g. a change log)
    order: int = 100
    access: Any = field(default=None, compare=False)

    @property
    def name(self) -> str:
        return self.schema.name

    @property
    def table(self) -> str:
        return self.schema.table

    @property
    def verbose_name(self) -> str:
        return self.schema.verbose_name

    @property
    def shown_fields(self) -> tuple[str, ...]:
        return self.list_fields or tuple(f.name for f in self.schema.fields)


_feeds: dict[str, FeedType] = {}


def _access_type(schema: RecordSchema) -> type:
    """A stand-in record type so that `fazhi.core.permissions` decides feeds like any other record type."""
    meta = SimpleNamespace(label_lower=f'feeds.{schema.name}', verbose_name=schema.verbose_name,
                           verbose_name_plural=schema.verbose_name, app_label='feeds', model_name=schema.name)
    attrs = {'_meta': meta, 'unit_lookup': 'unit', 'public_q': None, 'editor_roles': frozenset(),
             'unit_officer_actions': FEED_ACTIONS}
    return type(f'Feed_{schema.name}', (), attrs)


def register_feed(schema: RecordSchema, group: str, **options: Any) -> FeedType:
    """Register a feed table (and its schema for `fazhi.core.ingest.get_schema`)."""
    if 'unit_code' not in {f.name for f in schema.fields}:
        raise ValueError(f'feed {schema.name} needs a unit_code column')
    register_schema(schema)
    feed = FeedType(schema=schema, group=group, access=_access_type(schema), **options)
    _feeds[schema.name] = feed
    return feed


def feeds() -> list[FeedType]:
    return sorted(_feeds.values(), key=lambda f: (f.order, f.name))


def get_feed(name: str) -> FeedType | None:
    return _feeds.get(name)


# -- access ------------------------------------------------------------------


def can_feed(user: Any, feed: FeedType, action: str = 'view') -> bool:
    return can(user, action, feed.access)


def visible_feeds(user: Any) -> list[FeedType]:
    return [f for f in feeds() if can_feed(user, f)]


def scope_codes(user: Any, feed: FeedType, action: str = 'view') -> list[str] | None:
    """The unit codes whose rows the user may see (`view`) or import (`add`); None means every unit."""
    scope = scope_for(user, feed.access, action)
    if scope == 'all':
        return None
    unit = getattr(user, 'unit', None)
    if scope != 'subtree' or unit is None:
        return []
    return subtree_codes(unit)


def subtree_codes(unit: Any) -> list[str]:
    from fazhi.organization.models import Unit
    return list(Unit.objects.filter(path__startswith=unit.path).values_list('code', flat=True))


def unit_names() -> dict[str, str]:
    from fazhi.organization.models import Unit
    return dict(Unit.objects.values_list('code', 'name'))


# -- the store ---------------------------------------------------------------


def store_path() -> str:
    return str(settings.ANALYTICS_DB)


@contextlib.contextmanager
def connect(path: str | None = None, wait: float = LOCK_WAIT_SECONDS) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection to the analytics store; waits while another process holds its lock."""
    con = _open(path or store_path(), wait)
    try:
        yield con
    finally:
        con.close()


def _open(path: str, wait: float) -> duckdb.DuckDBPyConnection:
    deadline = time.monotonic() + wait
    while True:
        try:
            return duckdb.connect(path)
        except duckdb.IOException as exc:
            if 'lock' not in str(exc).lower() or time.monotonic() > deadline:
                raise StoreBusy('分析数据库正被其他进程占用（可能正在导入数据），请稍后重试。') from exc
            time.sleep(0.2)


_ensured: set[tuple[str, str]] = set()


def ensure_feed_table(con: duckdb.DuckDBPyConnection, feed: FeedType) -> None:
    """Create the feed's table (and its views) if missing, adding columns the schema gained (once per process)."""
    key = (_database_file(con), feed.table)
    if key in _ensured and key[0]:
        return
    for attempt in range(3):
        try:
            ensure_table(con, feed.schema)
            for ddl in feed.extra_ddl:
                con.execute(ddl)
            break
        except duckdb.TransactionException:  # another thread created it at the same moment
            if attempt == 2:
                raise
            time.sleep(0.05)
    _ensured.add(key)


def forget_ensured() -> None:
    """After tables were dropped (demo rebuild, tests), let the next read create them again."""
    _ensured.clear()


def _database_file(con: duckdb.DuckDBPyConnection) -> str:
    """The store's file ('' for an in-memory database, which is never cached)."""
    return con.execute("SELECT coalesce(path, '') FROM duckdb_databases() WHERE database_name = "
                       "current_database()").fetchone()[0]


def change_log_ddl(table: str, key: str, tracked: dict[str, str]) -> str:
    """A view `<table>_change` deriving the change log of a versioned list from its versions.

    Each version (``key``, ``effective_from``) is an addition (first version) or an amendment (later
    versions, naming the tracked columns that changed); a ``repealed_on`` without a later version is a
    removal. The log can never disagree with the versions it is derived from.
    """
    lags = ', '.join(f'lag({ident(c)}) OVER w AS prev_{c}' for c in tracked)
    changed = ', '.join(f"CASE WHEN {ident(c)} IS DISTINCT FROM prev_{c} THEN '{label}' END"
                        for c, label in tracked.items())
    k = ident(key)
    return f"""CREATE OR REPLACE VIEW {ident(table + '_change')} AS
WITH v AS (SELECT *, {lags}, lag(effective_from) OVER w AS prev_from, lead(effective_from) OVER w AS next_from
           FROM {ident(table)} WINDOW w AS (PARTITION BY {k} ORDER BY effective_from))
SELECT {k} AS {k}, unit_code, name, effective_from AS changed_on,
       CASE WHEN prev_from IS NULL THEN 'add' ELSE 'amend' END AS change_type,
       CASE WHEN prev_from IS NULL THEN '' ELSE concat_ws('、', {changed}) END AS changed_fields,
       adjust_doc, adjust_reason
FROM v
UNION ALL
SELECT {k}, unit_code, name, repealed_on, 'repeal', '', adjust_doc, adjust_reason
FROM v WHERE repealed_on IS NOT NULL AND (next_from IS NULL OR next_from > repealed_on)"""


def run_after_land(con: duckdb.DuckDBPyConnection, feed: FeedType, batch_id: int) -> None:
    """Derived values and defaults for the rows of one landed batch (idempotent)."""
    for sql in feed.after_land:
        con.execute(sql.format(table=ident(feed.table)), [batch_id])


def row_count(feed: FeedType, path: str | None = None) -> int:
    with connect(path) as con:
        ensure_feed_table(con, feed)
        return con.execute(f'SELECT count(*) FROM {ident(feed.table)}').fetchone()[0]


def nav_items(*feed_types: FeedType) -> list[Any]:
    """Menu entries of feeds, shown to the roles that may read feeds (rows are scoped on the page)."""
    from .navigation import NavItem
    return [NavItem(f.group, f.verbose_name, f'feeds:{f.name}', roles=READER_ROLES) for f in feed_types]
