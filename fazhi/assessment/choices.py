"""Choice sets of assessment (考核评估): rule types, states of campaigns, scores, objections, demonstration rounds."""
from __future__ import annotations

from django.db import models


class RuleType(models.TextChoices):
    THRESHOLD = 'threshold', '分档计分（按指标值）'
    LINEAR = 'linear', '线性计分（按指标值）'
    TARGET = 'target', '达标满分、差距扣分'
    DEDUCTION = 'deduction', '按次扣分（按明细记录）'
    MANUAL = 'manual', '人工评分（依据佐证材料）'


AUTOMATIC_RULES = frozenset({RuleType.THRESHOLD, RuleType.LINEAR, RuleType.TARGET, RuleType.DEDUCTION})


class SmallSampleRule(models.TextChoices):
    """What an automatic item scores when its figure rests on too few cases (or none): never luck."""
    REBASE = 'rebase', '不计分，按适用项折算总分'
    FULL = 'full', '计满分'
    CATEGORY_MEAN = 'category_mean', '按同类单位平均得分率计分'


class SystemState(models.TextChoices):
    ACTIVE = 'active', '现行版本'
    SUPERSEDED = 'superseded', '已被新版本替代'


class CampaignState(models.TextChoices):
    DRAFT = 'draft', '筹备中'
    SELF_ASSESSMENT = 'self_assessment', '单位自评'
    REVIEW = 'review', '评审打分'
    OBJECTION = 'objection', '结果反馈（申诉期）'
    FINALIZED = 'finalized', '已定分'
    PUBLISHED = 'published', '已发布'


OPEN_CAMPAIGN_STATES = (CampaignState.SELF_ASSESSMENT, CampaignState.REVIEW, CampaignState.OBJECTION)


class ScoreState(models.TextChoices):
    PENDING = 'pending', '待自评'
    SELF_ASSESSED = 'self_assessed', '已自评、待评分'
    SCORED = 'scored', '已自动评分'
    REVIEWED = 'reviewed', '已评分'
    NOT_APPLICABLE = 'not_applicable', '不适用'


class ObjectionState(models.TextChoices):
    SUBMITTED = 'submitted', '待处理'
    ACCEPTED = 'accepted', '申诉成立（已调整得分）'
    REJECTED = 'rejected', '申诉不成立（维持原分）'


class RoundState(models.TextChoices):
    DRAFT = 'draft', '筹备中'
    ACCEPTING = 'accepting', '申报中'
    REVIEWING = 'reviewing', '专家评审中'
    DECIDED = 'decided', '评审完成（拟入选）'
    PUBLISHED = 'published', '已公布'


class ApplicationState(models.TextChoices):
    SUBMITTED = 'submitted', '已申报'
    WITHDRAWN = 'withdrawn', '已撤回'


class ProjectCategory(models.TextChoices):
    DEPARTMENT = 'department', '区属部门'
    STREET = 'street', '街道（乡镇）'


# The five dimensions on which experts review a demonstration project (朝阳区 2021 专家评审).
DIMENSIONS: tuple[tuple[str, str], ...] = (
    ('importance', '重要程度'),
    ('innovation', '创新程度'),
    ('effectiveness', '效益程度'),
    ('legality', '合法程度'),
    ('sustainability', '持续与推广程度'),
)
