"""Rendering started from the web or the API runs on a background thread that records its progress on a
`RenderJob` row; the page polls it (ADR 0004). FAZHI_REPORTS_INLINE=True runs it on the request's thread
(tests)."""
from __future__ import annotations

import logging
import threading
import time
from typing import Any

from django.conf import settings
from django.db import OperationalError, close_old_connections
from django.utils import timezone

from fazhi.core.context import acting_as

from . import drafting
from .choices import JobState
from .models import RenderJob, Report

log = logging.getLogger(__name__)
SAVE_EVERY_SECONDS = 0.3
_running: dict[int, threading.Thread] = {}


def start(report: Report, user: Any, *, source: str = 'web') -> RenderJob:
    requested_by = user if getattr(user, 'is_authenticated', False) else None
    job = RenderJob.objects.create(report=report, requested_by=requested_by, phase='排队等待')
    if getattr(settings, 'FAZHI_REPORTS_INLINE', False):
        run(job.pk, source=source)
        job.refresh_from_db()
        return job
    thread = threading.Thread(target=_thread, args=(job.pk, source), name=f'fazhi-report-{job.pk}', daemon=True)
    _running[job.pk] = thread
    thread.start()
    return job


def _thread(job_id: int, source: str) -> None:
    try:
        run(job_id, source=source)
    except Exception:  # noqa: BLE001 - recorded on the job; the thread must not die silently
        log.exception('report job %s failed', job_id)
    finally:
        _running.pop(job_id, None)
        close_old_connections()


def run(job_id: int, *, source: str = 'web') -> RenderJob:
    job = RenderJob.objects.select_related('report', 'requested_by').get(pk=job_id)
    last = [0.0]

    def progress(percent: int, phase: str) -> None:
        now = time.monotonic()
        if now - last[0] < SAVE_EVERY_SECONDS and percent < 100:
            return
        last[0] = now
        try:
            RenderJob.objects.filter(pk=job_id).update(percent=percent, phase=phase, state=JobState.RUNNING)
        except OperationalError:  # progress is best effort: a busy database must not stop the rendering
            log.warning('report job %s: progress not saved (database busy)', job_id)

    progress(1, '准备')
    user = job.requested_by
    try:
        with acting_as(user, label='system:report'):
            version = drafting.render(job.report, source=source, progress=progress)
    except Exception as exc:  # noqa: BLE001 - shown to the user, who can start again
        log.exception('rendering report %s failed', job.report_id)
        _final(job_id, state=JobState.FAILED, finished_at=timezone.now(), message=f'生成失败：{exc}')
    else:
        note = f'已生成第{version.number}版：{version.figure_count}个数字，{version.pages}页'
        if version.gap_count:
            note += f'，{version.gap_count}处数据暂缺'
        if not version.pdf:
            note += '；PDF 未生成（服务器未安装 LibreOffice）'
        _final(job_id, state=JobState.SUCCEEDED, percent=100, phase='完成', version=version,
               finished_at=timezone.now(), message=note)
    job.refresh_from_db()
    return job


def _final(job_id: int, **values: Any) -> None:
    """The job's outcome, retried while the database is busy (the version itself is already saved)."""
    for attempt in range(20):
        try:
            RenderJob.objects.filter(pk=job_id).update(**values)
            return
        except OperationalError:
            time.sleep(0.1 * (attempt + 1))
    log.error('report job %s: outcome not saved', job_id)
