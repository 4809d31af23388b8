"""Choice sets of the import jobs."""
from __future__ import annotations

from django.db import models


class JobState(models.TextChoices):
    QUEUED = 'queued', '排队中'
    RUNNING = 'running', '导入中'
    SUCCEEDED = 'succeeded', '导入成功'
    REJECTED = 'rejected', '未通过校验'
    FAILED = 'failed', '导入失败'
    INTERRUPTED = 'interrupted', '已中断'


class JobSource(models.TextChoices):
    WEB = 'web', '网页上传'
    API = 'api', '接口上传'
    CLI = 'cli', '命令行'


OPEN_STATES = (JobState.QUEUED, JobState.RUNNING)
FINAL_STATES = (JobState.SUCCEEDED, JobState.REJECTED, JobState.FAILED, JobState.INTERRUPTED)
