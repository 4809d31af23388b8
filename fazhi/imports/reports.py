"""A finished job's errors as the ingest engine's result, so that its report writers can be reused."""
from __future__ import annotations

from fazhi.core.ingest import ImportResult, RowError

from .models import ImportJob


def job_errors(job: ImportJob) -> list[RowError]:
    return [RowError(e.get('file') or job.file_name, e.get('row'), e.get('column'), e.get('value'), e['message'])
            for e in job.errors]


def job_result(job: ImportJob) -> ImportResult:
    return ImportResult(ok=job.state == 'succeeded', rows=job.rows, inserted=job.inserted, updated=job.updated,
                        errors=job_errors(job), error_count=job.error_count or len(job.errors),
                        file_name=job.file_name, schema_name=job.type_name, status=job.state)
