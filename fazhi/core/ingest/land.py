"""Landing: one DuckDB transaction creates the table if needed, upserts the staged rows and
records the batch.  Nothing is visible to anyone until COMMIT, so a failure (or kill -9)
before it leaves the store exactly as it was."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import duckdb

from .progress import Progress
from .schema import Field, RecordSchema
from .sqlexpr import ident, sql_type
from .validate import STAGED

BATCH_TABLE = "import_batch"
BATCH_DDL = f"""CREATE TABLE IF NOT EXISTS {BATCH_TABLE} (
    id BIGINT PRIMARY KEY, schema_name VARCHAR NOT NULL, file_name VARCHAR, sha256 VARCHAR,
    row_count BIGINT, inserted BIGINT, updated BIGINT, error_count BIGINT, status VARCHAR NOT NULL,
    message VARCHAR, started_at TIMESTAMP, finished_at TIMESTAMP, user_label VARCHAR)"""
BATCH_COLUMN = "_batch_id"


@dataclass
class Batch:
    """One row of ``import_batch``; status is 'ok', 'rejected' (invalid file) or 'failed'."""

    schema_name: str
    file_name: str
    sha256: str
    started_at: datetime
    user_label: str | None = None
    row_count: int = 0
    inserted: int = 0
    updated: int = 0
    error_count: int = 0
    status: str = "ok"
    message: str | None = None


def table_ddl(schema: RecordSchema) -> str:
    cols = [f"{ident(f.name)} {sql_type(f)}" + (" NOT NULL" if f.name in schema.natural_key else "")
            for f in schema.fields]
    cols.append(f"{BATCH_COLUMN} BIGINT")
    cols.append(f"PRIMARY KEY ({', '.join(map(ident, schema.natural_key))})")
    return f"CREATE TABLE IF NOT EXISTS {ident(schema.table)} (\n    " + ",\n    ".join(cols) + "\n)"


def ensure_table(con: duckdb.DuckDBPyConnection, schema: RecordSchema) -> None:
    """Create the target table, or add columns the schema gained since it was created."""
    con.execute(table_ddl(schema))
    have = {r[0] for r in con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ? AND table_schema = 'main'",
        [schema.table]).fetchall()}
    for f in schema.fields:
        if f.name not in have:
            con.execute(f"ALTER TABLE {ident(schema.table)} ADD COLUMN {ident(f.name)} {sql_type(f)}")


def upsert_sql(schema: RecordSchema, fields: list[Field]) -> str:
    names = [f.name for f in fields] + [BATCH_COLUMN]
    values = [f"v_{f.name}" for f in fields] + ["?"]
    keys = ", ".join(map(ident, schema.natural_key))
    sets = [f"{ident(n)} = excluded.{ident(n)}" for n in names if n not in schema.natural_key]
    return (f"INSERT INTO {ident(schema.table)} ({', '.join(map(ident, names))}) SELECT {', '.join(values)} "
            f"FROM {STAGED} ON CONFLICT ({keys}) DO UPDATE SET {', '.join(sets)}")


def land(con: duckdb.DuckDBPyConnection, schema: RecordSchema, fields: list[Field], batch: Batch,
         prog: Progress) -> int:
    """Upsert the staged rows and record ``batch`` in one transaction; returns the batch id."""
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(BATCH_DDL)
        ensure_table(con, schema)
        batch_id = _next_id(con)
        batch.updated = _existing(con, schema)
        batch.inserted = batch.row_count - batch.updated
        prog.fraction(0.05)
        prog.run(con, upsert_sql(schema, fields), [batch_id], part=(0.05, 0.9))
        _insert_batch(con, batch_id, batch)
        con.execute("COMMIT")
    except BaseException:
        _rollback(con)
        raise
    return batch_id


def _existing(con: duckdb.DuckDBPyConnection, schema: RecordSchema) -> int:
    on = " AND ".join(f"s.v_{k} = t.{ident(k)}" for k in schema.natural_key)
    return con.execute(f"SELECT count(*) FROM {STAGED} s SEMI JOIN {ident(schema.table)} t ON {on}").fetchone()[0]


def _next_id(con: duckdb.DuckDBPyConnection) -> int:
    return con.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {BATCH_TABLE}").fetchone()[0]


def _insert_batch(con: duckdb.DuckDBPyConnection, batch_id: int, b: Batch) -> None:
    con.execute(f"INSERT INTO {BATCH_TABLE} VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [
        batch_id, b.schema_name, b.file_name, b.sha256, b.row_count, b.inserted, b.updated,
        b.error_count, b.status, b.message, b.started_at, datetime.now(), b.user_label])


def record_batch(con: duckdb.DuckDBPyConnection, batch: Batch) -> int:
    """Record a batch that did not land (rejected or failed) in its own transaction."""
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(BATCH_DDL)
        batch_id = _next_id(con)
        _insert_batch(con, batch_id, batch)
        con.execute("COMMIT")
    except BaseException:
        _rollback(con)
        raise
    return batch_id


def _rollback(con: duckdb.DuckDBPyConnection) -> None:
    try:
        con.execute("ROLLBACK")
    except duckdb.Error:
        pass  # the transaction is already gone; the original error matters
