"""Choice sets of legality review and legal advisers."""
from __future__ import annotations

from django.db import models


class MatterType(models.TextChoices):
    NORMATIVE_DOCUMENT = 'normative_document', '行政规范性文件'
    MAJOR_DECISION = 'major_decision', '重大行政决策'
    AGENCY_DECISION = 'agency_decision', '行政机关决策事项'
    CONTRACT = 'contract', '合同'
    AGREEMENT = 'agreement', '协议'
    OTHER = 'other', '其他事项'


class ReviewState(models.TextChoices):
    SUBMITTED = 'submitted', '已送审'
    REVIEWING = 'reviewing', '审查中'
    CONCLUDED = 'concluded', '已出具意见'
    WITHDRAWN = 'withdrawn', '已撤回'


class ReviewOutcome(models.TextChoices):
    PASSED = 'passed', '合法，同意'
    PASSED_WITH_CHANGES = 'passed_with_changes', '修改后同意'
    NOT_PASSED = 'not_passed', '不合法，不同意'


PASSING_OUTCOMES = (ReviewOutcome.PASSED, ReviewOutcome.PASSED_WITH_CHANGES)
OPEN_STATES = (ReviewState.SUBMITTED, ReviewState.REVIEWING)
REVIEWER_ROLES = frozenset({'district_admin', 'legality_reviewer'})
SUBMITTER_ROLES = frozenset({'district_admin', 'unit_officer'})


class AdviserKind(models.TextChoices):
    INTERNAL = 'internal', '内部法律顾问（公职律师）'
    EXTERNAL = 'external', '外聘律师'
    EXPERT = 'expert', '专家学者'


class EngagementKind(models.TextChoices):
    MEETING = 'meeting', '列席会议'
    DOCUMENT = 'document', '审查文件'
    CASE = 'case', '代理案件'
    OPINION = 'opinion', '出具法律意见'
    OTHER = 'other', '其他'
