"""Choice sets of administrative litigation (行政诉讼法 2017; 行诉解释 2018; 行政机关负责人出庭应诉规定 2020)."""
from __future__ import annotations

from django.db import models

from fazhi.reconsideration.choices import Domain, PartyKind  # noqa: F401  (shared vocabularies)


class State(models.TextChoices):
    RECEIVED = 'received', '待答辩举证'
    IN_TRIAL = 'in_trial', '审理中'
    SUSPENDED = 'suspended', '中止审理'
    JUDGED = 'judged', '已裁判（上诉期内）'
    APPEALED = 'appealed', '已上诉'
    CONCLUDED = 'concluded', '已生效结案'


OPEN_STATES = (State.RECEIVED, State.IN_TRIAL, State.SUSPENDED, State.JUDGED)


class Instance(models.TextChoices):
    FIRST = 'first', '一审'
    SECOND = 'second', '二审'
    RETRIAL = 'retrial', '再审'


class Outcome(models.TextChoices):
    DISMISS_CLAIM = 'dismiss_claim', '判决驳回诉讼请求'
    REVOKE = 'revoke', '判决撤销（含部分撤销、责令重作）'
    ORDER_PERFORMANCE = 'order_performance', '判决履行法定职责'
    ORDER_PAYMENT = 'order_payment', '判决履行给付义务'
    CONFIRM_ILLEGAL = 'confirm_illegal', '判决确认违法'
    CONFIRM_INVALID = 'confirm_invalid', '判决确认无效'
    CHANGE = 'change', '判决变更'
    COMPENSATION = 'compensation', '判决赔偿或补偿'
    DISMISS_SUIT = 'dismiss_suit', '裁定驳回起诉'
    WITHDRAWAL = 'withdrawal', '准予撤诉'
    MEDIATION = 'mediation', '调解结案'
    UPHOLD_ORIGINAL = 'uphold_original', '驳回上诉、维持原裁判'
    REVERSE_LOST = 'reverse_lost', '改判（行政机关败诉）'
    REVERSE_WON = 'reverse_won', '改判（行政机关胜诉）'
    REMAND = 'remand', '发回重审'


# 败诉: 判决撤销、确认违法、确认无效、责令履行、履行给付、变更、赔偿/补偿 (deadlines.md §2; indicators.md)
LOST_OUTCOMES = (Outcome.REVOKE, Outcome.ORDER_PERFORMANCE, Outcome.ORDER_PAYMENT, Outcome.CONFIRM_ILLEGAL,
                 Outcome.CONFIRM_INVALID, Outcome.CHANGE, Outcome.COMPENSATION, Outcome.REVERSE_LOST)
FIRST_INSTANCE_OUTCOMES = (Outcome.DISMISS_CLAIM, *LOST_OUTCOMES[:-1], Outcome.DISMISS_SUIT)
SECOND_INSTANCE_OUTCOMES = (Outcome.UPHOLD_ORIGINAL, Outcome.REVERSE_LOST, Outcome.REVERSE_WON, Outcome.REMAND,
                            Outcome.DISMISS_SUIT)
RULING_OUTCOMES = (Outcome.DISMISS_SUIT,)  # appealed within 10 days, judgments within 15 (行诉法 §85)


class Appearance(models.TextChoices):
    PRINCIPAL = 'principal', '正职负责人出庭'
    DEPUTY = 'deputy', '副职负责人出庭'
    OTHER_HEAD = 'other_head', '其他参与分管的负责人出庭'
    STAFF = 'staff', '负责人未出庭，委托工作人员出庭'
    ABSENT = 'absent', '未派员出庭'


HEAD_APPEARANCES = (Appearance.PRINCIPAL, Appearance.DEPUTY, Appearance.OTHER_HEAD)


class Appellant(models.TextChoices):
    DEFENDANT = 'defendant', '本机关（被告）上诉'
    PLAINTIFF = 'plaintiff', '原告上诉'
    BOTH = 'both', '双方均上诉'
