"""Set-based validation in DuckDB: raw text columns in, typed rows and error codes out.

``load_raw`` reads the source CSV with every column as text; ``stage``
cleans and types every cell in one SQL statement and records an error code
per cell; ``collect_errors`` turns the first ``cap`` codes (plus duplicate
natural keys) into Chinese messages and counts all of them.
"""
from __future__ import annotations

import re

import duckdb

from .errors import IngestFailure, RowError, file_error
from .messages import cell_error, duplicate_error
from .progress import Progress
from .schema import Field, RecordSchema
from .source import Source
from .sqlexpr import error_code, fast, full_clean, lit, slow

RAW, STAGED = "_ingest_raw", "_ingest_staged"


def present_fields(schema: RecordSchema, src: Source) -> list[Field]:
    return [f for f in schema.fields if f.name in src.columns]


def load_raw(con: duckdb.DuckDBPyConnection, src: Source, prog: Progress) -> None:
    """Read the source into a temporary all-text table (the mapped columns c<i> of the file)."""
    columns = "{" + ", ".join(f"'c{i}': 'VARCHAR'" for i in range(src.width)) + "}"
    options = (f"header=false, skip={int(src.skip)}, columns={columns}, delim={lit(src.delimiter)}, "
               "quote='\"', escape='\"', auto_detect=false, null_padding=true, strict_mode=false")
    keep = sorted(set(src.columns.values()) | ({0} if src.numbered else set()))
    select = ", ".join(f"c{i}" for i in keep)  # projection pushdown: unmapped columns are never built
    sql = f"CREATE OR REPLACE TEMP TABLE {RAW} AS SELECT {select} FROM read_csv({lit(str(src.path))}, {options}EXTRA)"
    try:
        prog.run(con, sql.replace("EXTRA", ""))
    except duckdb.Error as exc:
        if "parallel" not in str(exc):  # quoted line breaks need the serial reader
            raise _csv_failure(src, exc) from None
        try:
            prog.run(con, sql.replace("EXTRA", ", parallel=false"))
        except duckdb.Error as exc2:
            raise _csv_failure(src, exc2) from None


def _csv_failure(src: Source, exc: duckdb.Error) -> IngestFailure:
    line = re.search(r"Line: (\d+)", str(exc))
    where = f"第{line.group(1)}行附近" if line and not src.numbered else ""
    detail = str(exc).splitlines()[0][:200]
    return file_error(src.file_name, f"{where}CSV 格式错误，无法解析（{detail}）")


def stage(con: duckdb.DuckDBPyConnection, src: Source, schema: RecordSchema, prog: Progress) -> int:
    """Build the staged table (``_row``, ``v_<field>``, ``e_<field>``); returns the number of data rows.

    Rows whose mapped cells are all empty are skipped (Excel leaves many behind).
    Each layer only refers to the columns of the one below (q: fast reading,
    s: fully cleaned text, only where q failed; v: value; e: error code), and
    the expensive parts sit in CASE branches, which DuckDB evaluates only for
    the rows that reach them.
    """
    fields = present_fields(schema, src)
    cols = {f.name: f"c{src.columns[f.name]}" for f in fields}
    cells = ", ".join(f"{cols[f.name]} AS x_{f.name}" for f in fields)
    filled = "coalesce(" + ", ".join(cols.values()) + ") IS NOT NULL"
    sql = f"SELECT {src.row_expr} AS _row, {cells} FROM {RAW} WHERE {filled}"
    sql = _layer(sql, fields, lambda f: f"x_{f.name}, {fast(f, f'x_{f.name}')} AS q_{f.name}")
    sql = _layer(sql, fields, lambda f: f"q_{f.name}, CASE WHEN q_{f.name} IS NULL THEN "
                                        f"{full_clean(f'x_{f.name}')} END AS s_{f.name}")
    sql = _layer(sql, fields, lambda f: f"s_{f.name}, CASE WHEN q_{f.name} IS NOT NULL THEN q_{f.name} "
                                        f"ELSE {slow(f, f's_{f.name}', src.excel)} END AS v_{f.name}")
    sql = _layer(sql, fields, lambda f: f"v_{f.name}, {error_code(f, f's_{f.name}', f'v_{f.name}')} AS e_{f.name}")
    prog.run(con, f"CREATE OR REPLACE TEMP TABLE {STAGED} AS {sql}")
    return con.execute(f"SELECT count(*) FROM {STAGED}").fetchone()[0]


def _layer(below: str, fields: list[Field], column) -> str:
    return f"SELECT _row, {', '.join(column(f) for f in fields)} FROM ({below})"


def collect_errors(con: duckdb.DuckDBPyConnection, src: Source, schema: RecordSchema,
                   cap: int) -> tuple[list[RowError], int]:
    """The first ``cap`` errors in row order, and the total number of errors."""
    cells, cell_count = _cell_errors(con, src, schema, cap)
    dups, dup_count = _duplicate_errors(con, src, schema, cap)
    merged = sorted(cells + dups, key=lambda e: e[0])[:cap]
    return [e[1] for e in merged], cell_count + dup_count


def _cell_errors(con, src: Source, schema: RecordSchema, cap: int) -> tuple[list, int]:
    fields = present_fields(schema, src)
    total = con.execute(f"SELECT {' + '.join(f'count(e_{f.name})' for f in fields)} FROM {STAGED}").fetchone()[0]
    if not total:
        return [], 0
    union = " UNION ALL ".join(
        f"SELECT _row, {i} AS fi, e_{f.name} AS code FROM {STAGED} WHERE e_{f.name} IS NOT NULL"
        for i, f in enumerate(fields))
    hits = con.execute(f"SELECT _row, fi, code FROM ({union}) ORDER BY _row, fi LIMIT {int(cap)}").fetchall()
    raw = _raw_cells(con, src, fields, sorted({h[0] for h in hits}))
    errors = [((row, fi), cell_error(src.file_name, row, fields[fi], code, raw.get((row, fi))))
              for row, fi, code in hits]
    return errors, total


def _raw_cells(con, src: Source, fields: list[Field], rows: list[int]) -> dict[tuple[int, int], str | None]:
    cols = ", ".join(f"c{src.columns[f.name]}" for f in fields)
    found = con.execute(f"SELECT _row, {cols} FROM (SELECT {src.row_expr} AS _row, {cols} FROM {RAW}) "
                        "WHERE _row IN (SELECT unnest(?))", [rows]).fetchall()
    return {(r[0], i): v for r in found for i, v in enumerate(r[1:])}


def _duplicate_errors(con, src: Source, schema: RecordSchema, cap: int) -> tuple[list, int]:
    keys = ", ".join(f"v_{k}" for k in schema.natural_key)
    filled = " AND ".join(f"v_{k} IS NOT NULL" for k in schema.natural_key)
    total = con.execute(f"SELECT coalesce(sum(n - 1), 0) FROM (SELECT count(*) AS n FROM {STAGED} "
                        f"WHERE {filled} GROUP BY {keys} HAVING count(*) > 1)").fetchone()[0]
    if not total:
        return [], 0
    hits = con.execute(f"SELECT _row, first_row, {keys} FROM (SELECT _row, {keys}, min(_row) OVER "
                       f"(PARTITION BY {keys}) AS first_row FROM {STAGED} WHERE {filled}) "
                       f"WHERE _row > first_row ORDER BY _row LIMIT {int(cap)}").fetchall()
    return [((h[0], -1), duplicate_error(src.file_name, h[0], h[1], schema, h[2:])) for h in hits], int(total)


def drop_temp(con: duckdb.DuckDBPyConnection) -> None:
    for table in (RAW, STAGED):
        con.execute(f"DROP TABLE IF EXISTS {table}")
