"""Choice sets of the reports app: document types, report states, render-job states."""
from __future__ import annotations

from django.db import models


class ReportKind(models.TextChoices):
    ANNUAL = 'annual', '法治政府建设年度报告'
    DEPARTMENT = 'department', '部门法治政府建设年度报告'
    WHITEPAPER = 'whitepaper', '法治政府建设白皮书'
    BULLETIN = 'bulletin', '法治政府建设监督通报'


# Document types compiled for the whole district (by the justice bureau) vs by a department or street itself.
DISTRICT_KINDS = frozenset({ReportKind.ANNUAL, ReportKind.WHITEPAPER, ReportKind.BULLETIN})


class ReportState(models.TextChoices):
    DRAFT = 'draft', '草稿'
    CHECKED = 'checked', '已校核'
    PUBLISHED = 'published', '已发布'


class JobState(models.TextChoices):
    QUEUED = 'queued', '排队中'
    RUNNING = 'running', '生成中'
    SUCCEEDED = 'succeeded', '已完成'
    FAILED = 'failed', '失败'
