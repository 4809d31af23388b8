"""Choice sets of administrative reconsideration (行政复议法, revised 2023, in force 2024-01-01)."""
from __future__ import annotations

from django.db import models


class State(models.TextChoices):
    RECEIVED = 'received', '待受理审查'
    CORRECTION = 'correction', '补正中'
    ACCEPTED = 'accepted', '审理中'
    SUSPENDED = 'suspended', '中止审理'
    CONCLUDED = 'concluded', '已审结'
    NOT_ACCEPTED = 'not_accepted', '不予受理'
    ABANDONED = 'abandoned', '视为放弃申请'


OPEN_STATES = (State.RECEIVED, State.CORRECTION, State.ACCEPTED, State.SUSPENDED)


class Channel(models.TextChoices):
    COUNTER = 'counter', '窗口当面提交'
    POST = 'post', '邮寄'
    ONLINE = 'online', '网上申请'
    SUB_PLATFORM = 'sub_platform', '复议分平台'
    STREET_POINT = 'street_point', '街道（乡镇）咨询服务点'
    TRANSFERRED = 'transferred', '其他机关转送'


class PartyKind(models.TextChoices):
    NATURAL = 'natural', '自然人'
    LEGAL = 'legal', '法人'
    OTHER = 'other', '非法人组织'


class ActType(models.TextChoices):
    PENALTY = 'penalty', '行政处罚'
    COERCION = 'coercion', '行政强制'
    LICENSING = 'licensing', '行政许可'
    DISCLOSURE = 'disclosure', '政府信息公开'
    WORK_INJURY = 'work_injury', '工伤认定'
    REGISTRATION = 'registration', '行政登记'
    INACTION = 'inaction', '不履行法定职责'
    AGREEMENT = 'agreement', '行政协议'
    OTHER = 'other', '其他行政行为'


class Domain(models.TextChoices):
    TRAFFIC = 'traffic', '公安交通管理'
    PUBLIC_SECURITY = 'public_security', '公安治安管理'
    HUMAN_RESOURCES = 'human_resources', '人力资源和社会保障（工伤认定）'
    DISCLOSURE = 'disclosure', '政府信息公开'
    URBAN = 'urban', '城市管理综合执法'
    MARKET = 'market', '市场监督管理'
    HOUSING = 'housing', '住房和城乡建设'
    PLANNING = 'planning', '规划和自然资源'
    ECOLOGY = 'ecology', '生态环境'
    HEALTH = 'health', '卫生健康'
    TAX = 'tax', '税务'
    OTHER = 'other', '其他'


class Procedure(models.TextChoices):
    ORDINARY = 'ordinary', '普通程序'
    SIMPLIFIED = 'simplified', '简易程序'


class AcceptanceBasis(models.TextChoices):
    DECIDED = 'decided', '决定受理'
    DEEMED = 'deemed', '视为受理（审查期限届满）'


class Outcome(models.TextChoices):
    UPHOLD = 'uphold', '维持'
    DISMISS_REQUEST = 'dismiss_request', '驳回复议请求'
    REVOKE = 'revoke', '撤销'
    PARTIAL_REVOKE = 'partial_revoke', '部分撤销'
    CHANGE = 'change', '变更'
    CONFIRM_ILLEGAL = 'confirm_illegal', '确认违法'
    CONFIRM_INVALID = 'confirm_invalid', '确认无效'
    ORDER_PERFORMANCE = 'order_performance', '责令履行'
    DISMISS_APPLICATION = 'dismiss_application', '驳回行政复议申请'
    MEDIATION = 'mediation', '调解结案'
    SETTLEMENT = 'settlement', '和解后撤回申请'
    WITHDRAWAL = 'withdrawal', '申请人撤回申请（终止）'
    TERMINATION = 'termination', '终止'


# 直接纠错: 撤销（含部分撤销）、变更、确认违法、确认无效、责令履行 (indicators.md; 复议法 §63–67)
CORRECTION_OUTCOMES = (Outcome.REVOKE, Outcome.PARTIAL_REVOKE, Outcome.CHANGE, Outcome.CONFIRM_ILLEGAL,
                       Outcome.CONFIRM_INVALID, Outcome.ORDER_PERFORMANCE)
MEDIATION_OUTCOMES = (Outcome.MEDIATION, Outcome.SETTLEMENT)
DECISION_OUTCOMES = (Outcome.UPHOLD, Outcome.DISMISS_REQUEST, *CORRECTION_OUTCOMES, Outcome.DISMISS_APPLICATION)
# Simplified procedure is open to these act types without the parties' consent (复议法 §53).
SIMPLIFIED_ACT_TYPES = (ActType.DISCLOSURE,)
SIMPLIFIED_AMOUNT_LIMIT = 3000


class PartyRole(models.TextChoices):
    APPLICANT = 'applicant', '申请人'
    THIRD_PARTY = 'third_party', '第三人'
    AGENT = 'agent', '委托代理人'


class Document(models.TextChoices):
    ACCEPTANCE = 'acceptance', '受理通知书'
    CORRECTION = 'correction', '补正通知书'
    NOT_ACCEPTED = 'not_accepted', '不予受理决定书'
    COPY = 'copy', '申请书副本及提出答复通知书'
    HEARING = 'hearing', '听证通知书'
    SUSPENSION = 'suspension', '中止（恢复）审理通知书'
    EXTENSION = 'extension', '延期审理通知书'
    DECISION = 'decision', '行政复议决定书'
    MEDIATION = 'mediation', '行政复议调解书'
    TERMINATION = 'termination', '终止行政复议决定书'
    OTHER = 'other', '其他文书'


class ServiceMethod(models.TextChoices):
    DIRECT = 'direct', '直接送达'
    POST = 'post', '邮寄送达'
    ELECTRONIC = 'electronic', '电子送达'
    LEFT = 'left', '留置送达'
    ENTRUSTED = 'entrusted', '委托送达'
    NOTICE = 'notice', '公告送达'


class FeedbackKind(models.TextChoices):
    ENFORCEMENT = 'enforcement', '执法案件复查'
    UNIT = 'unit', '单位执法问题整改'
    NORMATIVE = 'normative', '规范性文件附带审查'


class FeedbackStatus(models.TextChoices):
    PENDING = 'pending', '待处理'
    HANDLED = 'handled', '已处理'


class PublicationStatus(models.TextChoices):
    DRAFT = 'draft', '待审核（脱敏稿）'
    PUBLISHED = 'published', '已公开'
    WITHDRAWN = 'withdrawn', '已撤回公开'
