"""Administrative lawsuits against the district's agencies, their hearings and the courts' judicial suggestions."""
from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from fazhi.core import services
from fazhi.core.models import DomainModel
from fazhi.organization.choices import Role
from fazhi.reconsideration.casework import suspension, tracking

from . import lifecycle, steps
from .choices import (HEAD_APPEARANCES, LOST_OUTCOMES, OPEN_STATES, RULING_OUTCOMES, Appearance, Appellant, Domain,
                      Instance, Outcome, PartyKind, State)

__all__ = ['Lawsuit', 'CourtHearing', 'JudicialSuggestion']
CASE_OFFICERS = frozenset({Role.CASE_OFFICER})
DATE_ORDER = [('complaint_received_on', '收到起诉状副本日期'), ('defence_submitted_on', '答辩举证日期'),
              ('judged_on', '裁判日期'), ('judgment_served_on', '裁判文书送达日期'), ('appealed_on', '上诉日期')]


class Lawsuit(DomainModel):
    """One administrative lawsuit at one instance, as the defendant agency handles it (行政应诉)."""
    case_number = models.CharField('案号', max_length=60, unique=True, help_text='如“（2025）明0105行初123号”')
    court = models.CharField('审理法院', max_length=100)
    instance = models.CharField('审级', max_length=8, choices=Instance.choices, default=Instance.FIRST, db_index=True)
    parent_case = models.ForeignKey('self', verbose_name='前一审级案件', null=True, blank=True, on_delete=models.PROTECT,
                                    related_name='later_instances')
    plaintiff_names = models.CharField('原告', max_length=200, help_text='多名原告以“、”分隔')
    plaintiff_kind = models.CharField('原告类型', max_length=8, choices=PartyKind.choices, default=PartyKind.NATURAL)
    defendant_unit = models.ForeignKey('organization.Unit', verbose_name='被告', on_delete=models.PROTECT,
                                       related_name='lawsuits')
    reconsideration_case = models.ForeignKey('reconsideration.ReconsiderationCase', verbose_name='关联复议案件',
                                             null=True, blank=True, on_delete=models.PROTECT,
                                             related_name='litigation_cases', help_text='经复议后起诉的，选择复议案件')
    co_defendant_reconsideration = models.BooleanField('复议机关为共同被告', default=False)
    cause = models.CharField('案由', max_length=200)
    domain = models.CharField('领域', max_length=20, choices=Domain.choices, default=Domain.OTHER, db_index=True)
    complaint_received_on = models.DateField('收到起诉状副本日期', db_index=True,
                                             help_text='二审为收到上诉状副本（或提起上诉）之日')
    filed_on = models.DateField('法院立案日期', null=True, blank=True)
    officer = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name='应诉承办人', null=True, blank=True,
                                on_delete=models.PROTECT, related_name='lawsuits',
                                limit_choices_to={'role': Role.CASE_OFFICER})
    summary = models.TextField('案情摘要', blank=True)
    state = models.CharField('状态', max_length=12, choices=State.choices, default=State.RECEIVED, db_index=True)
    defence_submitted_on = models.DateField('答辩举证日期', null=True, blank=True)
    hearing_count = models.PositiveSmallIntegerField('开庭次数', default=0)
    suspensions = models.TextField('中止记录', blank=True, help_text='JSON：[{suspended_on, resumed_on, reason}]')
    outcome = models.CharField('裁判结果', max_length=20, choices=Outcome.choices, blank=True, db_index=True)
    judged_on = models.DateField('裁判日期', null=True, blank=True)
    judgment_served_on = models.DateField('裁判文书送达日期', null=True, blank=True)
    concluded_on = models.DateField('审结日期', null=True, blank=True, db_index=True)
    effective_on = models.DateField('生效日期', null=True, blank=True)
    appellant = models.CharField('上诉人', max_length=10, choices=Appellant.choices, blank=True)
    appealed_on = models.DateField('上诉日期', null=True, blank=True)
    # Derived on every save (see refresh_derived).
    lost = models.BooleanField('行政机关败诉', default=False)
    defence_late = models.BooleanField('逾期答辩举证', default=False)
    next_due_on = models.DateField('最近到期日', null=True, blank=True, db_index=True)
    next_due_label = models.CharField('最近到期事项', max_length=40, blank=True)

    unit_lookup = 'defendant_unit'
    editor_roles = CASE_OFFICERS
    unit_officer_actions = frozenset({'view'})
    workflow = lifecycle.LAWSUIT_WORKFLOW
    transition_forms = steps.LAWSUIT_FORMS

    class Meta:
        verbose_name = '行政诉讼案件'
        verbose_name_plural = '行政诉讼案件'
        ordering = ['-complaint_received_on', '-id']

    def __str__(self) -> str:
        return f'{self.case_number}（{self.plaintiff_names}诉{self.defendant_unit}）'

    def get_absolute_url(self) -> str:
        return reverse('litigation:lawsuit_detail', args=[self.pk])

    @classmethod
    def from_db(cls, db: Any, field_names: Any, values: Any) -> 'Lawsuit':
        obj = super().from_db(db, field_names, values)
        obj._stored_reconsideration_id = getattr(obj, 'reconsideration_case_id', None)
        return obj

    # -- statutory deadlines ----------------------------------------------------------

    def tracked_deadlines(self) -> list[tracking.Tracked]:
        suspensions = suspension.for_engine(self)
        ruling = self.outcome in RULING_OUTCOMES
        items = [
            tracking.Tracked('defence', '答辩举证期限', 'litigation.defence', self.complaint_received_on,
                             self.defence_submitted_on or self.concluded_on, responsible='被告（本机关）'),
        ]
        if self.instance == Instance.FIRST:
            items.append(tracking.Tracked('appeal', '上诉期限', 'litigation.appeal_ruling' if ruling
                                          else 'litigation.appeal_judgment', self.judgment_served_on,
                                          self.appealed_on or self.effective_on, responsible='本机关（决定是否上诉）'))
        term = 'litigation.second_instance' if self.instance == Instance.SECOND else 'litigation.first_instance'
        items.append(tracking.Tracked('term', '法院审理期限', term, self.filed_on, self.concluded_on, suspensions,
                                      responsible='人民法院', actionable=False))
        return items

    @property
    def suspension_list(self) -> list[dict[str, Any]]:
        return suspension.entries(self)

    def due_dates(self, today: dt.date | None = None) -> list[tracking.TrackedDue]:
        return tracking.compute(self, today)

    # -- validation and derived fields -----------------------------------------------------

    def clean(self) -> None:
        errors = {}
        if self.complaint_received_on and self.complaint_received_on > dt.date.today():
            errors['complaint_received_on'] = '收到起诉状副本日期不能晚于今天'
        present = [(name, label, getattr(self, name)) for name, label in DATE_ORDER if getattr(self, name)]
        for (_, before_label, before), (name, label, value) in zip(present, present[1:]):
            if value < before:
                errors.setdefault(name, f'「{label}」不能早于「{before_label}」')
        errors.update(self._link_errors())
        if errors:
            raise ValidationError(errors)
        try:
            self.refresh_derived()
        except ValueError as exc:
            raise ValidationError(str(exc)) from exc

    def _link_errors(self) -> dict[str, str]:
        recon = self.reconsideration_case if self.reconsideration_case_id else None
        if recon is None:
            return {}
        if self.defendant_unit_id and recon.respondent_unit_id != self.defendant_unit_id:
            return {'reconsideration_case': f'关联复议案件的被申请人为{recon.respondent_unit}，与本案被告不一致'}
        if self.complaint_received_on and self.complaint_received_on < recon.received_on:
            return {'reconsideration_case': '起诉日期早于复议申请日期，不是复议后的起诉'}
        return {}

    def refresh_derived(self) -> None:
        self.lost = self.outcome in LOST_OUTCOMES
        is_open = self.state in OPEN_STATES
        dues = tracking.compute(self, keys=None if is_open else ('defence',))
        defence = next((d for d in dues if d.tracked.key == 'defence'), None)
        self.defence_late = bool(defence and self.defence_submitted_on and defence.due
                                 and self.defence_submitted_on > defence.due)
        upcoming = tracking.earliest_open(dues) if is_open else None
        self.next_due_on = upcoming.due if upcoming else None
        self.next_due_label = upcoming.tracked.label if upcoming else ''

    def after_audited_save(self) -> None:
        """A lawsuit about a reconsidered act marks the reconsideration case (复议后起诉)."""
        stored = getattr(self, '_stored_reconsideration_id', None)
        for case_id in {stored, self.reconsideration_case_id} - {None}:
            refresh_litigation_flag(case_id)
        self._stored_reconsideration_id = self.reconsideration_case_id


def refresh_litigation_flag(case_id: int) -> None:
    from fazhi.reconsideration.models import ReconsiderationCase
    case = ReconsiderationCase.objects.get(pk=case_id)
    linked = Lawsuit.objects.filter(reconsideration_case_id=case_id).exists()
    if case.went_to_litigation != linked:
        services.update(case, {'went_to_litigation': linked}, message='关联行政诉讼', enforce=False)


class CourtHearing(DomainModel):
    """One hearing and who appeared for the defendant (负责人出庭应诉)."""
    lawsuit = models.ForeignKey(Lawsuit, verbose_name='行政诉讼案件', on_delete=models.CASCADE, related_name='hearings')
    held_on = models.DateField('开庭日期', db_index=True)
    appearance = models.CharField('出庭情况', max_length=12, choices=Appearance.choices)
    appeared_name = models.CharField('出庭人员', max_length=50, blank=True)
    appeared_position = models.CharField('出庭人员职务', max_length=50, blank=True)
    court_notified_head = models.BooleanField('法院通知负责人出庭', default=False)
    excuse = models.CharField('负责人未出庭的理由', max_length=300, blank=True)
    head_appeared = models.BooleanField('负责人出庭', default=False)
    principal_head = models.BooleanField('正职负责人出庭', default=False)

    unit_lookup = 'lawsuit__defendant_unit'
    editor_roles = CASE_OFFICERS
    unit_officer_actions = frozenset({'view'})

    class Meta:
        verbose_name = '开庭及出庭应诉记录'
        verbose_name_plural = '开庭及出庭应诉记录'
        ordering = ['-held_on', '-id']

    def __str__(self) -> str:
        return f'{self.held_on:%Y-%m-%d} {self.get_appearance_display()}'

    def get_absolute_url(self) -> str:
        return reverse('litigation:hearing_detail', args=[self.pk])

    def clean(self) -> None:
        self.head_appeared = self.appearance in HEAD_APPEARANCES
        self.principal_head = self.appearance == Appearance.PRINCIPAL
        if self.held_on and self.held_on > dt.date.today():
            raise ValidationError({'held_on': '开庭日期不能晚于今天'})


class JudicialSuggestion(DomainModel):
    """A court's judicial suggestion (司法建议) to the defendant and the agency's reply."""
    lawsuit = models.ForeignKey(Lawsuit, verbose_name='行政诉讼案件', on_delete=models.CASCADE,
                                related_name='suggestions')
    received_on = models.DateField('收到日期')
    content = models.TextField('建议内容')
    reply_due_on = models.DateField('要求答复日期', null=True, blank=True)
    replied_on = models.DateField('答复日期', null=True, blank=True)
    reply_summary = models.TextField('答复及整改情况', blank=True)

    unit_lookup = 'lawsuit__defendant_unit'
    editor_roles = CASE_OFFICERS
    unit_officer_actions = frozenset({'view', 'change'})

    class Meta:
        verbose_name = '司法建议'
        verbose_name_plural = '司法建议'
        ordering = ['-received_on', '-id']

    def __str__(self) -> str:
        return f'司法建议（{self.lawsuit.case_number}）'

    def get_absolute_url(self) -> str:
        return reverse('litigation:suggestion_detail', args=[self.pk])

    def clean(self) -> None:
        if self.replied_on and not self.reply_summary:
            raise ValidationError({'reply_summary': '已答复的，请填写答复及整改情况'})
        if self.replied_on and self.received_on and self.replied_on < self.received_on:
            raise ValidationError({'replied_on': '答复日期不能早于收到日期'})
