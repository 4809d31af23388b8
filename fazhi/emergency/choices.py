"""Choice sets of emergency management: plans and drills."""
from __future__ import annotations

from django.db import models


class PlanLevel(models.TextChoices):
    OVERALL = 'overall', '总体应急预案'
    SPECIAL = 'special', '专项应急预案'
    DEPARTMENT = 'department', '部门应急预案'
    GRASSROOTS = 'grassroots', '基层组织和单位应急预案'
    EVENT = 'event', '重大活动应急预案'


class EventCategory(models.TextChoices):
    NATURAL = 'natural', '自然灾害'
    ACCIDENT = 'accident', '事故灾难'
    HEALTH = 'health', '公共卫生事件'
    SECURITY = 'security', '社会安全事件'
    GENERAL = 'general', '综合'


class PlanState(models.TextChoices):
    DRAFT = 'draft', '编制中'
    EFFECTIVE = 'effective', '现行有效'
    REVISING = 'revising', '修订中'
    REPEALED = 'repealed', '已废止'


class DrillKind(models.TextChoices):
    TABLETOP = 'tabletop', '桌面推演'
    FIELD = 'field', '实战演练'
    COMBINED = 'combined', '综合演练'
