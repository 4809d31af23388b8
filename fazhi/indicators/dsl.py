"""Conditions of a measure, as data, compiled to Ibis so they run on DuckDB and Spark alike.

    where:
      all:                                   # AND (a plain list means the same)
        - {column: responded, eq: true}
        - {column: satisfaction, in: [satisfied, basically_satisfied]}
        - any:                               # OR
            - {column: replied_on, not_null: true}
            - {column: due_on, lt: $as_of}     # $as_of: the date the figure is computed for
        - {column: replied_on, le_column: due_on}
        - {not: {column: excluded, eq: true}}
        - {column: no_penalty, blank: true}  # null or empty text
"""
from __future__ import annotations

import datetime as dt
from typing import Any

import ibis

COMPARISONS = {'eq': '__eq__', 'ne': '__ne__', 'lt': '__lt__', 'le': '__le__', 'gt': '__gt__', 'ge': '__ge__'}


class ConditionError(ValueError):
    pass


def _value(value: Any, params: dict[str, Any]) -> Any:
    if isinstance(value, str) and value.startswith('$'):
        if value[1:] not in params:
            raise ConditionError(f'未知参数 {value}')
        return ibis.literal(params[value[1:]])
    if isinstance(value, dt.date):
        return ibis.literal(value)
    return value


def compile_condition(table: Any, cond: Any, params: dict[str, Any]) -> Any:
    if cond is None:
        return ibis.literal(True)
    if isinstance(cond, list):
        cond = {'all': cond}
    if 'all' in cond or 'any' in cond:
        parts = [compile_condition(table, c, params) for c in cond.get('all', cond.get('any'))]
        result = parts[0]
        for part in parts[1:]:
            result = (result & part) if 'all' in cond else (result | part)
        return result
    if 'not' in cond:
        return ~compile_condition(table, cond['not'], params)
    return _leaf(table, cond, params)


def _leaf(table: Any, cond: dict[str, Any], params: dict[str, Any]) -> Any:
    column = table[cond['column']]
    ops = [k for k in cond if k != 'column']
    if len(ops) != 1:
        raise ConditionError(f'条件应恰好包含一个运算：{cond}')
    op, arg = ops[0], cond[ops[0]]
    if op in COMPARISONS:
        expr = getattr(column, COMPARISONS[op])(_value(arg, params))
        return expr.fill_null(False)
    if op == 'in':
        return column.isin(list(arg)).fill_null(False)
    if op == 'not_in':
        return (~column.isin(list(arg))).fill_null(True)
    if op == 'blank':  # empty text or null
        blank = column.isnull() | (column.cast('string') == '')
        return blank if arg else ~blank
    if op == 'is_null':
        return column.isnull() if arg else column.notnull()
    if op == 'not_null':
        return column.notnull() if arg else column.isnull()
    if op.endswith('_column') and op[:-7] in COMPARISONS:
        expr = getattr(column, COMPARISONS[op[:-7]])(table[arg])
        return expr.fill_null(False)
    raise ConditionError(f'未知的条件运算：{op}')


def columns_of(cond: Any) -> set[str]:
    """Columns a condition reads (for validation against the table)."""
    if cond is None:
        return set()
    if isinstance(cond, list):
        return set().union(*(columns_of(c) for c in cond)) if cond else set()
    found = set()
    for key in ('all', 'any'):
        if key in cond:
            found |= columns_of(cond[key])
    if 'not' in cond:
        found |= columns_of(cond['not'])
    if 'column' in cond:
        found.add(cond['column'])
        for op, arg in cond.items():
            if op.endswith('_column'):
                found.add(arg)
    return found
