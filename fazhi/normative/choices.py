"""Choice sets of normative documents (行政规范性文件) and their clean-up."""
from __future__ import annotations

from django.db import models


class DocumentState(models.TextChoices):
    DRAFT = 'draft', '起草中'
    REVIEWING = 'reviewing', '合法性审核中'
    DELIBERATED = 'deliberated', '已集体审议'
    PUBLISHED = 'published', '已公布'
    FILED = 'filed', '已报备'
    REPEALED = 'repealed', '已废止'


PUBLISHED_STATES = (DocumentState.PUBLISHED, DocumentState.FILED, DocumentState.REPEALED)
DRAFTER_ROLES = frozenset({'district_admin', 'unit_officer'})
REVIEWER_ROLES = frozenset({'district_admin', 'legality_reviewer'})


class Validity(models.TextChoices):
    """What the public sees: computed from the document's dates on the day asked about."""
    UNPUBLISHED = 'unpublished', '未公布'
    PENDING = 'pending', '尚未施行'
    VALID = 'valid', '有效'
    AMENDED = 'amended', '有效（已修改）'
    EXPIRED = 'expired', '已失效'
    REPEALED = 'repealed', '已废止'


class Subject(models.TextChoices):
    MARKET = 'market', '市场监管'
    ENVIRONMENT = 'environment', '生态环境'
    URBAN = 'urban', '城市管理'
    HOUSING = 'housing', '住房和城乡建设'
    TRANSPORT = 'transport', '交通运输'
    EDUCATION = 'education', '教育'
    CIVIL = 'civil', '民政和社会保障'
    HEALTH = 'health', '卫生健康'
    FINANCE = 'finance', '财政和资金管理'
    AGRICULTURE = 'agriculture', '农业农村'
    SAFETY = 'safety', '应急管理和安全生产'
    GENERAL = 'general', '政府综合管理'


class EventKind(models.TextChoices):
    """Lifecycle events of a document (after Akoma Ntoso's lifecycle/eventRef)."""
    PUBLICATION = 'publication', '公布'
    COMMENCEMENT = 'commencement', '施行'
    FILING = 'filing', '报送备案'
    FILING_REVIEW = 'filing_review', '备案审查'
    AMENDMENT = 'amendment', '修改'
    EXPIRY = 'expiry', '有效期届满失效'
    REPEAL = 'repeal', '废止'


ENDING_EVENTS = (EventKind.EXPIRY, EventKind.REPEAL)


class FilingReviewResult(models.TextChoices):
    CONFORMING = 'conforming', '予以备案（合法规范）'
    CORRECTED = 'corrected', '发现问题，已纠正'
    CORRECTION_ORDERED = 'correction_ordered', '不予备案，责令纠正'


class CampaignState(models.TextChoices):
    OPEN = 'open', '清理中'
    CLOSED = 'closed', '已完成'


class CleanupDecision(models.TextChoices):
    PENDING = 'pending', '待定'
    KEEP = 'keep', '继续有效'
    AMEND = 'amend', '修改'
    REPEAL = 'repeal', '废止'
