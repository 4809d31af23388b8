"""Choice sets of major administrative decisions (重大行政决策程序暂行条例, 国务院令第713号)."""
from __future__ import annotations

from django.db import models


class CatalogueState(models.TextChoices):
    DRAFT = 'draft', '编制中'
    PUBLISHED = 'published', '已公布'


class DecisionState(models.TextChoices):
    CATALOGUED = 'catalogued', '已列入目录'
    DRAFTING = 'drafting', '草案拟订中'
    CONSULTING = 'consulting', '公开征求意见中'
    CONSULTED = 'consulted', '征求意见已结束'
    DECIDED = 'decided', '已决定'
    EVALUATED = 'evaluated', '已开展决策后评估'
    WITHDRAWN = 'withdrawn', '已调出目录'


class ProcedureKind(models.TextChoices):
    PUBLIC_PARTICIPATION = 'public_participation', '公众参与'
    EXPERT_ARGUMENT = 'expert_argument', '专家论证'
    RISK_ASSESSMENT = 'risk_assessment', '风险评估'
    LEGALITY_REVIEW = 'legality_review', '合法性审查'
    COLLECTIVE_DECISION = 'collective_decision', '集体讨论决定'


class ProcedureStatus(models.TextChoices):
    PENDING = 'pending', '尚未履行'
    DONE = 'done', '已履行'
    EXEMPTED = 'exempted', '依法不适用'


# 条例 §25–§30: legality review cannot be replaced or skipped, and the decision is made collectively.
EXEMPTIBLE = frozenset({ProcedureKind.PUBLIC_PARTICIPATION, ProcedureKind.EXPERT_ARGUMENT, ProcedureKind.RISK_ASSESSMENT})
PROCEDURE_BASIS = {
    ProcedureKind.PUBLIC_PARTICIPATION: '条例第十四条至第十八条（依法不予公开的除外）',
    ProcedureKind.EXPERT_ARGUMENT: '条例第十九条至第二十一条（专业性、技术性较强的）',
    ProcedureKind.RISK_ASSESSMENT: '条例第二十二条至第二十四条（可能对社会稳定、公共安全等造成不利影响的）',
    ProcedureKind.LEGALITY_REVIEW: '条例第二十五条至第二十八条（不得以征求意见等方式代替）',
    ProcedureKind.COLLECTIVE_DECISION: '条例第三十条（政府常务会议或者全体会议讨论）',
}


class Moderation(models.TextChoices):
    PENDING = 'pending', '待审核'
    APPROVED = 'approved', '已公开'
    REJECTED = 'rejected', '不予公开'


class Disposition(models.TextChoices):
    PENDING = 'pending', '待处理'
    ADOPTED = 'adopted', '采纳'
    PARTLY = 'partly', '部分采纳'
    NOT_ADOPTED = 'not_adopted', '未采纳'


class EvaluationConclusion(models.TextChoices):
    CONTINUE = 'continue', '继续执行'
    ADJUST = 'adjust', '调整完善'
    SUSPEND = 'suspend', '暂停执行'
    STOP = 'stop', '停止执行'


DRAFTER_ROLES = frozenset({'district_admin', 'unit_officer'})
ADMIN_ROLES = frozenset({'district_admin'})
