"""``import_file``: read, validate and land one file, all or nothing."""
from __future__ import annotations

import contextlib
import tempfile
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Iterator, Sequence

import duckdb

from .checks import RowCheck, run_checks
from .encoding import file_sha256
from .errors import IngestFailure, RowError
from .land import Batch, land, record_batch
from .progress import Progress, ProgressFn
from .reader import file_kind, open_source
from .schema import RecordSchema, get_schema
from .validate import collect_errors, drop_temp, load_raw, present_fields, stage

MAX_ERRORS = 1000


@dataclass
class ImportResult:
    ok: bool
    rows: int
    inserted: int
    updated: int
    errors: list[RowError] = field(default_factory=list)
    error_count: int = 0
    batch_id: int | None = None
    seconds: float = 0.0
    file_name: str = ""
    schema_name: str = ""
    status: str = "ok"  # 'ok', 'rejected' (invalid file, nothing landed) or 'failed' (store error, rolled back)


def import_file(path: str | Path, schema: RecordSchema | str, db_path: str | Path | duckdb.DuckDBPyConnection, *,
                progress: ProgressFn | None = None, user_label: str | None = None,
                file_name: str | None = None, max_errors: int = MAX_ERRORS,
                checks: Sequence[RowCheck] = ()) -> ImportResult:
    """Import ``path`` into the DuckDB store ``db_path`` (a file path or an open connection).

    The file lands whole or not at all.  ``progress(done, total)`` is called
    on this thread as the import advances; ``file_name`` is the name shown in
    errors (defaults to the file's own name, useful for uploaded temp files).
    ``checks`` are the caller's extra row checks (see :mod:`.checks`).
    """
    path = Path(path)
    schema = get_schema(schema) if isinstance(schema, str) else schema
    batch = Batch(schema.name, file_name or path.name, "", datetime.now(), user_label)
    prog = Progress(progress, _kind(path))
    started = time.perf_counter()
    with _connection(db_path) as con, tempfile.TemporaryDirectory(prefix="fazhi-ingest-") as work:
        try:
            result = _run(path, schema, con, Path(work), batch, prog, max_errors, checks)
        finally:
            drop_temp(con)
    prog.finish()
    result.seconds = time.perf_counter() - started
    return result


def _kind(path: Path) -> str:
    return (file_kind(path) if path.is_file() else None) or "csv"


def _run(path: Path, schema: RecordSchema, con, work: Path, batch: Batch, prog: Progress,
         max_errors: int, checks: Sequence[RowCheck] = ()) -> ImportResult:
    try:
        prog.phase("read")
        src = open_source(path, schema, work, batch.file_name, prog.fraction)
        batch.sha256 = src.sha256
        prog.phase("load")
        load_raw(con, src, prog)
        prog.phase("validate")
        batch.row_count = stage(con, src, schema, prog)
        errors, count = collect_errors(con, src, schema, max_errors)
        if checks:
            errors, count = run_checks(con, src, schema, checks, errors, count, max_errors)
    except IngestFailure as failure:
        return _reject(con, path, batch, failure.errors, len(failure.errors))
    if count:
        return _reject(con, path, batch, errors, count)
    prog.phase("land")
    try:
        batch_id = land(con, schema, present_fields(schema, src), batch, prog)
    except duckdb.Error as exc:
        return _fail(con, batch, exc)
    return _result(batch, batch_id, [], "ok")


def _reject(con, path: Path, batch: Batch, errors: list[RowError], count: int) -> ImportResult:
    batch.status, batch.error_count = "rejected", count
    batch.sha256 = batch.sha256 or (file_sha256(path) if path.is_file() else "")
    batch.message = f"文件有{count}处错误，未导入任何数据"
    batch.inserted = batch.updated = 0
    return _result(batch, record_batch(con, batch), errors, "rejected")


def _fail(con, batch: Batch, exc: duckdb.Error) -> ImportResult:
    message = f"写入分析库失败，已全部回滚，未导入任何数据（{str(exc).splitlines()[0][:300]}）"
    error = RowError(batch.file_name, None, None, None, message)
    batch.status, batch.error_count, batch.message = "failed", 1, message
    batch.inserted = batch.updated = 0
    with contextlib.suppress(duckdb.Error):
        return _result(batch, record_batch(con, batch), [error], "failed")
    return _result(batch, None, [error], "failed")


def _result(batch: Batch, batch_id: int | None, errors: list[RowError], status: str) -> ImportResult:
    return ImportResult(ok=status == "ok", rows=batch.row_count, inserted=batch.inserted, updated=batch.updated,
                        errors=errors, error_count=batch.error_count, batch_id=batch_id,
                        file_name=batch.file_name, schema_name=batch.schema_name, status=status)


@contextlib.contextmanager
def _connection(db: str | Path | duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    con = db.cursor() if isinstance(db, duckdb.DuckDBPyConnection) else duckdb.connect(str(db))
    try:
        con.execute("SET enable_progress_bar = true")
        con.execute("SET enable_progress_bar_print = false")
        yield con
    finally:
        con.close()
