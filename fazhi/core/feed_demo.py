"""Set-based generation of a realistic year of feed records, straight into DuckDB (`INSERT … SELECT … FROM range(n)`).

Every random value is a hash of (row number, salt, seed), so a seed always gives the same data, whatever the
number of threads. Apps register one generator per feed table (`register_generator`); the demo district and
`bench/make_feeds.py` (10 and 100 million records) run the same generators.
"""
from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from typing import Any, Callable

import duckdb

from .feed_demo_words import WORDS
from .feeds import FeedType, ensure_feed_table, forget_ensured
from .ingest.sqlexpr import ident, lit

Generator = Callable[['Gen'], int]
PICK = re.compile(r'fz_pick\(w\.(\w+), i, ([^()]+)\)')
_generators: list[tuple[int, FeedType, Generator]] = []
_rosters: set[str] = set()


@dataclass(frozen=True)
class DemoUnits:
    """Unit codes by role in the district (the demo district's or synthetic ones for benchmarks)."""

    departments: tuple[str, ...]
    enforcement: tuple[str, ...]  # enforcement bodies: departments, vertical agencies, streets
    streets: tuple[str, ...]
    verticals: tuple[str, ...] = ()
    justice: str = ''

    @property
    def service(self) -> tuple[str, ...]:
        """Where the public's requests land: streets three times as often as departments."""
        return self.streets * 3 + self.departments


@dataclass
class Gen:
    con: duckdb.DuckDBPyConnection
    units: DemoUnits
    year: int = 2025
    seed: int = 2026
    scale: float = 1.0
    keys: bool = True  # natural-key constraints (benchmark stores may go without: faster to fill)
    timings: dict[str, tuple[int, float]] = field(default_factory=dict)

    def n(self, base: int, roster: bool = False) -> int:
        """Rows for a volume at scale 1; rosters and lists do not grow beyond their real size."""
        factor = min(self.scale, 1.0) if roster else self.scale
        return max(1, round(base * factor))

    def start(self) -> str:
        return f"DATE '{self.year}-01-01'"

    def codes(self, values: tuple[str, ...]) -> str:
        return '[' + ', '.join(lit(v) for v in values) + ']'

    def word_lists(self, extra: dict[str, tuple[str, ...]] | None = None) -> dict[str, tuple[str, ...]]:
        units = self.units
        return {'enforcement': units.enforcement, 'streets': units.streets, 'departments': units.departments,
                'service': units.service, 'street_heavy': units.streets * 2 + units.enforcement,
                'street_heavier': units.streets * 3 + units.enforcement, 'justice': (units.justice,),
                **WORDS, **(extra or {})}

    def lists(self, extra: dict[str, tuple[str, ...]] | None = None) -> str:
        """A one-row relation `w` holding the unit and word lists as columns (a list literal inside a per-row
        expression would be rebuilt for every row; a column of a cross-joined row is not)."""
        found = self.word_lists(extra)
        return '(SELECT ' + ', '.join(f'{self.codes(v)} AS {k}' for k, v in found.items()) + ') w'

    def expand(self, sql: str, extra: dict[str, tuple[str, ...]] | None = None) -> str:
        """`fz_pick(w.name, i, salt)` → an element of the list picked by hash, with the list's length inlined
        (len() of a list column costs more than the rest of the row)."""
        sizes = {k: len(v) for k, v in self.word_lists(extra).items()}

        def pick(match: re.Match[str]) -> str:
            name, salt = match.group(1), match.group(2)
            return f'w.{name}[CAST(1 + hash(i, {salt}, {int(self.seed)} + 7) % {sizes[name]} AS BIGINT)]'
        return PICK.sub(pick, sql)

    def rows(self, n: int, randoms: int = 12, extra: dict[str, tuple[str, ...]] | None = None) -> str:
        """Rows i = 0..n-1 with u1..u<randoms> uniform in [0, 1), joined to the lists `w`."""
        us = ', '.join(f'fz_u(i, {k}) AS u{k}' for k in range(1, randoms + 1))
        return f'(SELECT i, {us} FROM range({int(n)}) r(i)) g, {self.lists(extra)}'

    def insert(self, feed: FeedType, n: int, select: str, extra: dict[str, tuple[str, ...]] | None = None) -> int:
        """INSERT INTO the feed's table BY NAME the `select` over `rows(n)`."""
        sql = f'INSERT INTO {ident(feed.table)} BY NAME SELECT {select} FROM {self.rows(n, extra=extra)}'
        self.con.execute(self.expand(sql, extra))
        return n


def register_generator(order: int, feed: FeedType, generator: Generator, roster: bool = False) -> Generator:
    """`roster`: a list or roster (officers, powers, enterprises) that keeps its real size at scales above 1."""
    _generators.append((order, feed, generator))
    if roster:
        _rosters.add(feed.name)
    return generator


def is_roster(name: str) -> bool:
    return name in _rosters


def generators() -> list[tuple[int, FeedType, Generator]]:
    return sorted(_generators, key=lambda g: (g[0], g[1].name))


def prepare(con: duckdb.DuckDBPyConnection, seed: int) -> None:
    """The random helper of this connection: fz_u(i, salt), uniform in [0, 1) (fz_pick: see Gen.expand)."""
    con.execute(f'CREATE OR REPLACE TEMP MACRO fz_u(i, salt) AS '
                f'CAST(hash(i, salt, {int(seed)}) % 1000000007 AS DOUBLE) / 1000000007.0')


def reset_table(con: duckdb.DuckDBPyConnection, feed: FeedType, keys: bool = True) -> None:
    """Drop the feed's table (and views) and create it empty: the demo year replaces what was there."""
    for ddl in feed.extra_ddl:
        name = ddl.split('VIEW', 1)[1].split('AS', 1)[0].strip()
        con.execute(f'DROP VIEW IF EXISTS {name}')
    con.execute(f'DROP TABLE IF EXISTS {ident(feed.table)}')
    forget_ensured()
    ensure_feed_table(con, feed)
    if not keys:
        con.execute(f'CREATE OR REPLACE TABLE {ident(feed.table)} AS SELECT * FROM {ident(feed.table)} LIMIT 0')


def run_generators(gen: Gen, only: set[str] | None = None) -> dict[str, tuple[int, float]]:
    """Rebuild every registered feed table (or those in `only`) with generated rows; returns rows and seconds."""
    prepare(gen.con, gen.seed)
    for _, feed, generator in generators():
        if only is not None and feed.name not in only:
            continue
        started = time.perf_counter()
        reset_table(gen.con, feed, gen.keys)
        rows = generator(gen)
        gen.timings[feed.name] = (rows, time.perf_counter() - started)
    return gen.timings


def demo_units(ctx: Any) -> DemoUnits:
    """The demo district's unit codes (from the organisation step's units)."""
    units = ctx.data['units']
    departments = tuple(u.code for u in units['departments'])
    enforcing = tuple(u.code for u in units['departments'] if u.is_enforcement_body)
    verticals = tuple(u.code for u in units['verticals'])
    streets = tuple(u.code for u in units['streets'])
    justice = next((u.code for u in units['departments'] if u.name == '区司法局'), departments[0])
    return DemoUnits(departments, enforcing + verticals + streets, streets, verticals, justice)


def demo_feeds(ctx: Any, path: str | None = None) -> dict[str, tuple[int, float]]:
    """Build every feed table of the demo district in the analytics store; returns rows and seconds per table."""
    from .feeds import connect
    with connect(path) as con:
        gen = Gen(con, demo_units(ctx), year=ctx.year, seed=ctx.seed, scale=ctx.scale)
        timings = run_generators(gen)
        con.execute('CHECKPOINT')
    ctx.data['feed_rows'] = {name: rows for name, (rows, _) in timings.items()}
    return timings
