"""Choice sets of the supervision ledgers: proposals and motions, audit findings."""
from __future__ import annotations

from django.db import models


class ProposalKind(models.TextChoices):
    NPC = 'npc', '人大代表建议'
    CPPCC = 'cppcc', '政协委员提案'


class ProposalSession(models.TextChoices):
    PLENARY = 'plenary', '大会（全会）期间'
    INTERIM = 'interim', '闭会期间'


class ProposalState(models.TextChoices):
    ASSIGNED = 'assigned', '已交办'
    HANDLING = 'handling', '办理中'
    REPLIED = 'replied', '已答复'
    REDO = 'redo', '重新办理'
    CLOSED = 'closed', '已办结'


class ReplyCategory(models.TextChoices):
    A = 'A', 'A类（已解决或基本解决）'
    B = 'B', 'B类（正在解决或列入计划解决）'
    C = 'C', 'C类（因条件限制以后解决）'
    D = 'D', 'D类（留作参考）'


class Satisfaction(models.TextChoices):
    SATISFIED = 'satisfied', '满意'
    BASIC = 'basically_satisfied', '基本满意'
    DISSATISFIED = 'dissatisfied', '不满意'


class FindingCategory(models.TextChoices):
    FISCAL = 'fiscal', '财政收支'
    SPECIAL_FUNDS = 'special_funds', '专项资金'
    STATE_ASSETS = 'state_assets', '国有资产管理'
    INVESTMENT = 'investment', '政府投资项目'
    POLICY = 'policy', '政策措施落实'
    INTERNAL_CONTROL = 'internal_control', '内部控制'
    OTHER = 'other', '其他'


class FindingState(models.TextChoices):
    OPEN = 'open', '待整改'
    SUBMITTED = 'submitted', '已报送待核验'
    CLOSED = 'closed', '已销号'
    REOPENED = 'reopened', '重新整改'


OPEN_PROPOSAL_STATES = (ProposalState.ASSIGNED, ProposalState.HANDLING, ProposalState.REDO)
OPEN_FINDING_STATES = (FindingState.OPEN, FindingState.SUBMITTED, FindingState.REOPENED)
