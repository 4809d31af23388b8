"""Choice sets of report intelligence: file formats and the kinds of audit findings."""
from __future__ import annotations

from django.db import models

from fazhi.intel.audit import KIND_LABELS


class Format(models.TextChoices):
    TEXT = 'text', '纯文本'
    HTML = 'html', '网页（HTML）'
    DOCX = 'docx', 'Word（DOCX）'
    PDF = 'pdf', 'PDF'


FindingKind = models.TextChoices('FindingKind', [(k, (k, v)) for k, v in KIND_LABELS.items()])


class Severity(models.TextChoices):
    WARNING = 'warning', '警告'
    ERROR = 'error', '错误'
    INFO = 'info', '提示'


class Reconciled(models.TextChoices):
    AGREES = 'agrees', '一致'
    DIFFERS = 'differs', '不一致'
    NO_FIGURE = 'no_figure', '平台无该期数据'
    NOT_DEFINED = 'not_defined', '平台未定义该指标'
