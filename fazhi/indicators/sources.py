"""Tables the catalogue reads: the store's tables plus a few derived ones, defined in Ibis once for all engines."""
from __future__ import annotations

from typing import Any, Callable

import ibis


def _enforcement_act(con: Any) -> Any:
    """Every enforcement act — an inspection or a penalty decision — with its officer and power."""
    ins, pen = con.table('inspection'), con.table('penalty')
    cols = lambda t, date, kind: t.select(  # noqa: E731
        unit_code=t.unit_code.cast('string'), officer_no=t.officer_no.cast('string'),
        power_code=t.power_code.cast('string'), act_on=t[date].cast('date'), act_kind=ibis.literal(kind))
    return cols(ins, 'inspected_on', 'inspection').union(cols(pen, 'decided_on', 'penalty'))


def _penalty_disclosure(con: Any) -> Any:
    """Penalties with the number of working days from decision to public disclosure."""
    pen, day = con.table('penalty'), con.table('workday')
    decided = day.select(decided_day=day.day, decided_index=day.workday_index)
    disclosed = day.select(disclosed_day=day.day, disclosed_index=day.workday_index)
    joined = pen.left_join(decided, pen.decided_on == decided.decided_day).left_join(
        disclosed, pen.disclosed_on == disclosed.disclosed_day)
    return joined.mutate(disclosure_workdays=joined.disclosed_index - joined.decided_index)


DERIVED: dict[str, Callable[[Any], Any]] = {
    'enforcement_act': _enforcement_act,
    'penalty_disclosure': _penalty_disclosure,
}


BASES: dict[str, tuple[str, ...]] = {
    'enforcement_act': ('inspection', 'penalty'),
    'penalty_disclosure': ('penalty', 'workday'),
}


def base_tables(name: str) -> tuple[str, ...]:
    """The stored tables a source reads (a derived source reads several)."""
    return BASES.get(name, (name,))


def table(con: Any, name: str) -> Any:
    maker = DERIVED.get(name)
    return maker(con) if maker else con.table(name)
