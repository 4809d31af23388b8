"""Choice sets of the legal-education responsibility lists (谁执法谁普法)."""
from __future__ import annotations

from django.db import models


class EducationForm(models.TextChoices):
    LECTURE = 'lecture', '专题讲座'
    CAMPAIGN = 'campaign', '集中宣传活动'
    CASE = 'case', '以案释法'
    NEW_MEDIA = 'new_media', '新媒体普法'
    TRAINING = 'training', '培训考试'
    OTHER = 'other', '其他'


class DutyState(models.TextChoices):
    PLANNED = 'planned', '未开始'
    IN_PROGRESS = 'in_progress', '实施中'
    COMPLETED = 'completed', '已完成'
