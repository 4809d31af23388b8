"""Run an import job: a feed file into the analytics store or a ledger file into the application database.

The web and the API run jobs on a background thread (`start`) and the page polls the job's progress, which is
stored in the database; the `fazhi import` command runs them in the foreground (`execute`) with a progress bar.
Either way the file lands whole or not at all, the job records counts and row-level errors, and every batch
leaves an audit entry.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import os
import threading
import time
import uuid
from pathlib import Path
from typing import Any, Callable

from django.conf import settings
from django.db import OperationalError, close_old_connections, connection
from django.utils import timezone

from fazhi.core import services
from fazhi.core.context import acting_as
from fazhi.core.feeds import connect, run_after_land
from fazhi.core.ingest import PROGRESS_TOTAL, RowError, import_file
from fazhi.core.ingest.progress import PHASES
from fazhi.core.ingest.reader import file_kind
from fazhi.core.permissions import scope_for
from fazhi.legality.ledger_import import run_import

from .choices import JobSource, JobState
from .models import ImportJob
from .registry import ImportType, get_type
from .scope import UnitScope, allowed_codes, unit_checks

log = logging.getLogger(__name__)
ProgressFn = Callable[[int, int], None]
KEPT_ERRORS = 1000
SAVE_EVERY_SECONDS = 0.3
PHASE_LABELS = {'read': '读取文件', 'load': '载入数据', 'validate': '逐行校验', 'land': '写入分析库'}
_running: dict[int, threading.Thread] = {}


# -- jobs --------------------------------------------------------------------


def upload_dir() -> Path:
    return Path(settings.MEDIA_ROOT) / 'imports' / timezone.now().strftime('%Y/%m') / uuid.uuid4().hex


def store_upload(upload: Any) -> tuple[str, int]:
    """Save an uploaded file under MEDIA_ROOT/imports/…; returns (path, size)."""
    folder = upload_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / (Path(upload.name).name or 'upload')
    size = 0
    with open(path, 'wb') as fh:
        for chunk in upload.chunks():
            fh.write(chunk)
            size += len(chunk)
    return str(path), size


def create_job(import_type: ImportType, file_name: str, stored: str, size: int, user: Any, unit: Any,
               source: str, user_label: str = '') -> ImportJob:
    """A queued job; a unit data officer's job is filed under their unit (its history is theirs to see)."""
    if unit is None and user is not None and scope_for(user, import_type.access, 'add') == 'subtree':
        unit = user.unit
    return ImportJob.objects.create(
        type_name=import_type.name, type_label=import_type.verbose_name, file_name=file_name, stored_file=stored,
        size=size, user=user if getattr(user, 'pk', None) else None, unit=unit,
        user_label=user_label or getattr(user, 'username', '') or 'system', source=source)


def start(job: ImportJob) -> None:
    """Run the job on a background thread (inline when FAZHI_IMPORT_INLINE is set, e.g. in tests)."""
    if getattr(settings, 'FAZHI_IMPORT_INLINE', False):
        execute(job)
        return
    thread = threading.Thread(target=_run_in_thread, args=(job.pk,), name=f'fazhi-import-{job.pk}', daemon=True)
    _running[job.pk] = thread
    thread.start()


def _run_in_thread(job_id: int) -> None:
    try:
        job = ImportJob.objects.select_related('user', 'unit').get(pk=job_id)
        execute(job)
    except Exception:  # noqa: BLE001 - recorded on the job; the thread must not die silently
        log.exception('import job %s failed', job_id)
        write(job_id, state=JobState.FAILED, finished_at=timezone.now(),
              message='导入时发生内部错误，未导入任何数据；请稍后重试。')
    finally:
        _running.pop(job_id, None)
        close_old_connections()
        connection.close()


def mark_interrupted() -> int:
    """Jobs left 'running' by a process that died (kill -9, restart): nothing landed; they can be retried."""
    stale = []
    limit = timezone.now() - dt.timedelta(minutes=10)
    for job in ImportJob.objects.filter(state__in=(JobState.QUEUED, JobState.RUNNING)):
        mine = job.pid == os.getpid() and job.pk not in _running
        gone = job.pid is not None and job.pid != os.getpid() and not _alive(job.pid)
        silent = (job.heartbeat_at or job.created_at) < limit
        if mine or gone or silent:
            stale.append(job.pk)
    return ImportJob.objects.filter(pk__in=stale).update(
        state=JobState.INTERRUPTED, finished_at=timezone.now(),
        message='导入进程意外中断，未导入任何数据（分析库和业务库均保持原样）；可重新导入。')


def _alive(pid: int) -> bool:
    """Whether a process of this machine is still running (another host's pid reads as alive)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


# -- running -----------------------------------------------------------------


class _Reporter:
    """Throttled progress written to the job row, and an optional extra callback (the CLI's bar)."""

    def __init__(self, job: ImportJob, kind: str, extra: ProgressFn | None):
        self.job, self.kind, self.extra = job, kind, extra
        self.saved_at = 0.0

    def phase_of(self, done: int) -> str:
        for name, (lo, hi) in PHASES[self.kind].items():
            if lo <= done < hi:
                return PHASE_LABELS[name]
        return '完成'

    def __call__(self, done: int, total: int) -> None:
        if self.extra is not None:
            self.extra(done, total)
        now = time.monotonic()
        if now - self.saved_at >= SAVE_EVERY_SECONDS or done >= total:
            self.saved_at = now
            self.save(done, self.phase_of(done))

    def save(self, done: int, phase: str) -> None:
        write(self.job.pk, attempts=1, progress=done, phase=phase, heartbeat_at=timezone.now())


def write(job_id: int, attempts: int = 50, **fields: Any) -> None:
    """Update the job row; progress is best effort (one attempt), the outcome is retried while the
    application database is busy with another writer (SQLite allows one at a time)."""
    for attempt in range(attempts):
        try:
            ImportJob.objects.filter(pk=job_id).update(**fields)
            return
        except OperationalError:
            if attempt == attempts - 1:
                if attempts > 1:
                    raise
                return
            time.sleep(0.1)


def execute(job: ImportJob, progress: ProgressFn | None = None, *, as_system: bool = False) -> ImportJob:
    """Import the job's file now, on this thread; returns the finished job."""
    import_type = get_type(job.type_name)
    if import_type is None:
        return _finish(job, JobState.FAILED, message=f'未知的记录类型“{job.type_name}”')
    write(job.pk, state=JobState.RUNNING, started_at=timezone.now(), pid=os.getpid(), heartbeat_at=timezone.now())
    user = None if as_system else job.user
    with acting_as(user, label=f'import:{job.user_label}'):
        started = time.perf_counter()
        if import_type.feed is not None:
            job = _run_feed(job, import_type, user, progress)
        else:
            job = _run_ledger(job, import_type, user, progress)
        write(job.pk, seconds=time.perf_counter() - started)
        job.refresh_from_db()
        _audit(job)
    return job


def _limit_text(user: Any, unit: Any) -> str:
    chosen = unit or getattr(user, 'unit', None)
    return f'仅限“{chosen.name}”及其下级单位' if chosen is not None else '本平台的单位'


def _run_feed(job: ImportJob, import_type: ImportType, user: Any, progress: ProgressFn | None) -> ImportJob:
    feed = import_type.feed
    path = Path(job.stored_file)
    kind = (file_kind(path) if path.is_file() else None) or 'csv'
    reporter = _Reporter(job, 'excel' if kind == 'excel' else 'csv', progress)
    codes = allowed_codes(user, feed, job.unit)
    checks = unit_checks(feed, codes, _limit_text(user, job.unit))
    with connect() as con:
        result = import_file(path, feed.schema, con, progress=reporter, user_label=job.user_label,
                             file_name=job.file_name, checks=checks)
        if result.ok and result.batch_id is not None:
            run_after_land(con, feed, result.batch_id)
    state = {'ok': JobState.SUCCEEDED, 'rejected': JobState.REJECTED}.get(result.status, JobState.FAILED)
    message = (f'导入成功：共 {result.rows} 行，新增 {result.inserted} 条，更新 {result.updated} 条。' if result.ok
               else f'文件有 {result.error_count} 处错误，未导入任何数据；请按错误报告修改后重新导入整个文件。')
    return _finish(job, state, rows=result.rows, inserted=result.inserted, updated=result.updated,
                   error_count=result.error_count, errors=result.errors, batch_id=result.batch_id, message=message)


def _run_ledger(job: ImportJob, import_type: ImportType, user: Any, progress: ProgressFn | None) -> ImportJob:
    spec = import_type.ledger
    reporter = _Reporter(job, 'csv', progress)
    reporter(300, PROGRESS_TOTAL)
    reporter.save(300, '逐行校验并写入')
    existed: list[bool] = []

    def build(row: dict[str, Any]) -> Any:
        obj = spec.build(row)
        existed.append(obj.pk is not None)
        return obj

    scope_user = UnitScope(job.unit) if job.unit is not None else user
    content = Path(job.stored_file).read_bytes()
    outcome = run_import(dataclasses.replace(spec, build=build), job.file_name, content, scope_user)
    reporter(PROGRESS_TOTAL, PROGRESS_TOTAL)
    if not outcome.ok:
        return _finish(job, JobState.REJECTED, rows=len(existed), error_count=len(outcome.errors),
                       errors=outcome.errors, message=f'文件有 {len(outcome.errors)} 处错误，未导入任何数据；'
                                                      '请按错误报告修改后重新导入整个文件。')
    updated = sum(existed)
    return _finish(job, JobState.SUCCEEDED, rows=outcome.created, inserted=outcome.created - updated,
                   updated=updated, message=f'导入成功：共 {outcome.created} 行，新增 {outcome.created - updated} 条，'
                                            f'更新 {updated} 条。')


def _finish(job: ImportJob, state: str, *, errors: list[RowError] = (), message: str = '',
            **counts: Any) -> ImportJob:
    kept = [{'file': e.file, 'row': e.row, 'column': e.column, 'value': e.value, 'message': e.message}
            for e in list(errors)[:KEPT_ERRORS]]
    write(job.pk, state=state, errors=kept, message=message, finished_at=timezone.now(), heartbeat_at=timezone.now(),
          progress=PROGRESS_TOTAL if state == JobState.SUCCEEDED else job.progress, **counts)
    job.refresh_from_db()
    return job


def _audit(job: ImportJob) -> None:
    for attempt in range(50):
        try:
            return _record(job)
        except OperationalError:
            if attempt == 49:
                raise
            time.sleep(0.1)


def _record(job: ImportJob) -> None:
    outcome = {JobState.SUCCEEDED: f'新增{job.inserted}条、更新{job.updated}条',
               JobState.REJECTED: f'{job.error_count}处错误，未导入任何数据'}.get(job.state, job.message)
    where = f'（分析库批次 {job.batch_id}）' if job.batch_id else ''
    services.record_event(job, f'导入{job.type_label}：文件“{job.file_name}”，{job.get_state_display()}，'
                               f'{outcome}{where}；来源：{JobSource(job.source).label}')
