"""Administrative reconsideration cases, their parties, served documents, correction feedback and
the published (redacted) decision documents."""
from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse

from fazhi.core.models import DomainModel
from fazhi.organization.choices import Role

from . import lifecycle, steps
from .casework import suspension, tracking
from .choices import (CORRECTION_OUTCOMES, MEDIATION_OUTCOMES, OPEN_STATES, AcceptanceBasis, ActType, Channel,
                      Document, Domain, FeedbackKind, FeedbackStatus, Outcome, PartyKind, PartyRole, Procedure,
                      PublicationStatus, ServiceMethod, State)

__all__ = ['ReconsiderationCase', 'Party', 'ServiceRecord', 'CorrectionFeedback', 'PublishedDecision']
CASE_OFFICERS = frozenset({Role.CASE_OFFICER})
DATE_ORDER = [('received_on', '收到申请日期'), ('correction_requested_on', '补正通知日期'),
              ('correction_received_on', '收到补正材料日期'), ('accepted_on', '受理日期'),
              ('copy_sent_on', '发送副本日期'), ('reply_received_on', '收到答复日期')]


class ReconsiderationCase(DomainModel):
    """One application for administrative reconsideration, from receipt to conclusion."""
    case_number = models.CharField('案号', max_length=40, unique=True, blank=True,
                                   help_text='留空则自动编号，如“云复〔2025〕0001号”')
    received_on = models.DateField('收到申请日期', db_index=True)
    channel = models.CharField('申请渠道', max_length=16, choices=Channel.choices, default=Channel.COUNTER)
    applicant_names = models.CharField('申请人', max_length=200, help_text='多名申请人以“、”分隔')
    applicant_kind = models.CharField('申请人类型', max_length=8, choices=PartyKind.choices, default=PartyKind.NATURAL)
    respondent_unit = models.ForeignKey('organization.Unit', verbose_name='被申请人', on_delete=models.PROTECT,
                                        related_name='reconsideration_cases')
    act_description = models.CharField('被申请复议的行政行为', max_length=300)
    act_type = models.CharField('行为类别', max_length=16, choices=ActType.choices, default=ActType.PENALTY)
    domain = models.CharField('领域', max_length=20, choices=Domain.choices, default=Domain.OTHER, db_index=True)
    amount = models.DecimalField('涉及款额（元）', max_digits=14, decimal_places=2, null=True, blank=True)
    minor_act = models.BooleanField('当场作出或警告、通报批评', default=False)
    request = models.TextField('行政复议请求', blank=True)
    normative_document = models.CharField('行为依据的规范性文件', max_length=200, blank=True,
                                          help_text='申请附带审查或行为依据规范性文件的，填写文件名称及文号')
    enforcement_reference = models.CharField('相关执法案件编号', max_length=60, blank=True)
    officer = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name='承办人', null=True, blank=True,
                                on_delete=models.PROTECT, related_name='reconsideration_cases',
                                limit_choices_to={'role': Role.CASE_OFFICER})
    state = models.CharField('状态', max_length=16, choices=State.choices, default=State.RECEIVED, db_index=True)
    procedure = models.CharField('审理程序', max_length=12, choices=Procedure.choices, blank=True)
    acceptance_basis = models.CharField('受理方式', max_length=8, choices=AcceptanceBasis.choices, blank=True)
    correction_requested_on = models.DateField('补正通知日期', null=True, blank=True)
    correction_received_on = models.DateField('收到补正材料日期', null=True, blank=True)
    accepted_on = models.DateField('受理日期', null=True, blank=True, db_index=True)
    copy_sent_on = models.DateField('发送副本日期', null=True, blank=True)
    reply_received_on = models.DateField('收到答复日期', null=True, blank=True)
    hearing_count = models.PositiveSmallIntegerField('听证（听取意见）次数', default=0)
    suspensions = models.TextField('中止记录', blank=True, help_text='JSON：[{suspended_on, resumed_on, reason}]')
    extension_days = models.PositiveSmallIntegerField('延长审理天数', default=0)
    extension_approved_on = models.DateField('延长批准日期', null=True, blank=True)
    extension_reason = models.CharField('延长理由', max_length=200, blank=True)
    outcome = models.CharField('结案方式', max_length=20, choices=Outcome.choices, blank=True, db_index=True)
    concluded_on = models.DateField('审结日期', null=True, blank=True, db_index=True)
    closed_on = models.DateField('办结日期', null=True, blank=True, help_text='审结、不予受理或视为放弃之日')
    decision_text = models.TextField('决定书正文', blank=True)
    # Derived on every save (see refresh_derived): flat fields the figures filter on.
    is_correction = models.BooleanField('直接纠错', default=False)
    is_mediated = models.BooleanField('调解和解结案', default=False)
    handling_days = models.PositiveIntegerField('办理天数', null=True, blank=True)
    decided_late = models.BooleanField('超期审结', default=False)
    went_to_litigation = models.BooleanField('复议后起诉', default=False)
    decision_due_on = models.DateField('审理期限届满日', null=True, blank=True)
    next_due_on = models.DateField('最近到期日', null=True, blank=True, db_index=True)
    next_due_label = models.CharField('最近到期事项', max_length=40, blank=True)

    unit_lookup = 'respondent_unit'
    editor_roles = CASE_OFFICERS
    unit_officer_actions = frozenset({'view'})
    workflow = lifecycle.CASE_WORKFLOW
    transition_forms = steps.CASE_FORMS

    class Meta:
        verbose_name = '行政复议案件'
        verbose_name_plural = '行政复议案件'
        ordering = ['-received_on', '-id']

    def __str__(self) -> str:
        return f'{self.case_number}（{self.applicant_names}）'

    def get_absolute_url(self) -> str:
        return reverse('reconsideration:case_detail', args=[self.pk])

    def personal_names(self) -> list[str]:
        """Names of the natural persons of the case (redacted before publication)."""
        names = []
        if self.applicant_kind == PartyKind.NATURAL:
            names += [n.strip() for n in self.applicant_names.replace(',', '、').replace('，', '、').split('、')]
        if self.pk:
            names += list(self.parties.filter(kind=PartyKind.NATURAL).values_list('name', flat=True))
        return [n for n in names if n]

    # -- statutory deadlines --------------------------------------------------------------

    def tracked_deadlines(self) -> list[tracking.Tracked]:
        simplified = self.procedure == Procedure.SIMPLIFIED
        suspensions = suspension.for_engine(self)
        extensions = [(self.extension_days, 'natural_day', self.extension_reason, self.extension_approved_on)] \
            if self.extension_days else []
        items = [
            tracking.Tracked('acceptance', '受理审查期限', 'reconsideration.acceptance_review',
                             self.correction_received_on or self.received_on, self._review_done_on(), (), (),
                             '复议机构'),
            tracking.Tracked('correction', '申请人补正期限', 'reconsideration.applicant_correction',
                             self.correction_requested_on, self.correction_received_on or self._abandoned_on(),
                             responsible='申请人'),
            tracking.Tracked('send_copy', '发送申请书副本期限',
                             'reconsideration.simplified_send_copy' if simplified else 'reconsideration.send_copy',
                             self.accepted_on, self.copy_sent_on or self.concluded_on, responsible='复议机构'),
            tracking.Tracked('reply', '被申请人答复举证期限',
                             'reconsideration.simplified_reply' if simplified else 'reconsideration.respondent_reply',
                             self.copy_sent_on, self.reply_received_on or self.concluded_on, responsible='被申请人'),
            tracking.Tracked('decision', '行政复议审理期限',
                             'reconsideration.simplified_decision' if simplified else 'reconsideration.decision',
                             self.accepted_on, self.concluded_on, suspensions, extensions, '复议机构'),
        ]
        current = suspension.current(self)
        if self.state == State.SUSPENDED and current:
            items.append(tracking.Tracked('suspension', '中止满六十日（可决定终止）',
                                          'reconsideration.suspension_termination',
                                          dt.date.fromisoformat(current['suspended_on']), responsible='复议机构',
                                          actionable=False))
        return items

    def _review_done_on(self) -> dt.date | None:
        if self.accepted_on:
            return self.accepted_on
        if self.state == State.NOT_ACCEPTED:
            return self.closed_on
        if self.state in (State.CORRECTION, State.ABANDONED):
            return self.correction_requested_on
        return None

    def _abandoned_on(self) -> dt.date | None:
        return self.closed_on if self.state == State.ABANDONED else None

    @property
    def suspension_list(self) -> list[dict[str, Any]]:
        return suspension.entries(self)

    def due_dates(self, today: dt.date | None = None) -> list[tracking.TrackedDue]:
        return tracking.compute(self, today)

    # -- validation and derived fields -------------------------------------------------------

    def clean(self) -> None:
        self._check_dates()
        if not self.case_number:
            self.case_number = self._next_case_number()
        try:
            self.refresh_derived()
        except ValueError as exc:
            raise ValidationError(str(exc)) from exc

    def _check_dates(self) -> None:
        errors = {}
        if self.received_on and self.received_on > dt.date.today():
            errors['received_on'] = '收到申请日期不能晚于今天'
        present = [(name, label, getattr(self, name)) for name, label in DATE_ORDER if getattr(self, name)]
        for (_, before_label, before), (name, label, value) in zip(present, present[1:]):
            if value < before:
                errors.setdefault(name, f'「{label}」不能早于「{before_label}」')
        for name, label in (('concluded_on', '审结日期'), ('closed_on', '办结日期')):
            start = self.accepted_on if name == 'concluded_on' else self.received_on
            value = getattr(self, name)
            if value and start and value < start:
                errors.setdefault(name, f'「{label}」不能早于「{"受理日期" if name == "concluded_on" else "收到申请日期"}」')
        if errors:
            raise ValidationError(errors)

    def _next_case_number(self) -> str:
        year = (self.received_on or dt.date.today()).year
        taken = ReconsiderationCase.objects.filter(case_number__startswith=f'云复〔{year}〕').count()
        return f'云复〔{year}〕{taken + 1:04d}号'

    def refresh_derived(self) -> None:
        self.is_correction = self.outcome in CORRECTION_OUTCOMES
        self.is_mediated = self.outcome in MEDIATION_OUTCOMES
        if self.concluded_on and not self.closed_on:
            self.closed_on = self.concluded_on
        self.handling_days = (self.concluded_on - self.accepted_on).days \
            if self.concluded_on and self.accepted_on else None
        is_open = self.state in OPEN_STATES
        dues = tracking.compute(self, keys=None if is_open else ('decision',))
        decision = next((d for d in dues if d.tracked.key == 'decision'), None)
        self.decision_due_on = decision.due if decision else None
        due = self.decision_due_on
        self.decided_late = bool(self.concluded_on and due and self.concluded_on > due)
        upcoming = tracking.earliest_open(dues) if is_open else None
        self.next_due_on = upcoming.due if upcoming else None
        self.next_due_label = upcoming.tracked.label if upcoming else ''

    def transition_initial(self, name: str) -> dict[str, Any]:
        if name in ('decide', 'mediate') and self.decision_text:
            return {'decision_text': self.decision_text}
        return {}


class Party(DomainModel):
    """A person or organisation in a case, with the contact data service needs and e-service consent."""
    case = models.ForeignKey(ReconsiderationCase, verbose_name='行政复议案件', on_delete=models.CASCADE,
                             related_name='parties')
    role = models.CharField('当事人身份', max_length=12, choices=PartyRole.choices, default=PartyRole.APPLICANT)
    kind = models.CharField('类型', max_length=8, choices=PartyKind.choices, default=PartyKind.NATURAL)
    name = models.CharField('姓名或名称', max_length=100)
    id_number = models.CharField('证件号码', max_length=30, blank=True)
    phone = models.CharField('联系电话', max_length=30, blank=True)
    address = models.CharField('送达地址', max_length=200, blank=True)
    e_service_consent = models.BooleanField('同意电子送达', default=False)
    e_service_address = models.CharField('电子送达地址', max_length=100, blank=True,
                                         help_text='电子邮箱、手机号码或平台账号')
    consent_recorded_on = models.DateField('同意电子送达日期', null=True, blank=True)

    unit_lookup = 'case__respondent_unit'
    editor_roles = CASE_OFFICERS
    unit_officer_actions = frozenset({'view'})

    class Meta:
        verbose_name = '行政复议当事人'
        verbose_name_plural = '行政复议当事人'
        ordering = ['case', 'role', 'id']

    def __str__(self) -> str:
        return f'{self.get_role_display()}：{self.name}'

    def get_absolute_url(self) -> str:
        return reverse('reconsideration:party_detail', args=[self.pk])

    def clean(self) -> None:
        if self.e_service_consent and not (self.e_service_address and self.consent_recorded_on):
            raise ValidationError({'e_service_address': '同意电子送达的，须记录电子送达地址和同意日期'})


class ServiceRecord(DomainModel):
    """Service of one document on one recipient; electronic service only with recorded consent."""
    case = models.ForeignKey(ReconsiderationCase, verbose_name='行政复议案件', on_delete=models.CASCADE,
                             related_name='services')
    document = models.CharField('送达文书', max_length=16, choices=Document.choices)
    recipient = models.ForeignKey(Party, verbose_name='受送达人（当事人）', null=True, blank=True,
                                  on_delete=models.PROTECT, related_name='services',
                                  help_text='留空表示向被申请人送达')
    method = models.CharField('送达方式', max_length=12, choices=ServiceMethod.choices)
    served_on = models.DateField('送达日期')
    address = models.CharField('送达地址', max_length=200, blank=True)
    note = models.CharField('备注', max_length=200, blank=True)

    unit_lookup = 'case__respondent_unit'
    editor_roles = CASE_OFFICERS
    unit_officer_actions = frozenset({'view'})

    class Meta:
        verbose_name = '送达记录'
        verbose_name_plural = '送达记录'
        ordering = ['-served_on', '-id']

    def __str__(self) -> str:
        return f'{self.get_document_display()}（{self.recipient_name}，{self.get_method_display()}）'

    def get_absolute_url(self) -> str:
        return reverse('reconsideration:service_detail', args=[self.pk])

    @property
    def recipient_name(self) -> str:
        return self.recipient.name if self.recipient_id else f'被申请人{self.case.respondent_unit}'

    def clean(self) -> None:
        if self.recipient_id and self.case_id and self.recipient.case_id != self.case_id:
            raise ValidationError({'recipient': '受送达人不是本案当事人'})
        if self.served_on and self.served_on > dt.date.today():
            raise ValidationError({'served_on': '送达日期不能晚于今天'})
        if self.method == ServiceMethod.ELECTRONIC:
            self._check_consent()

    def _check_consent(self) -> None:
        party = self.recipient if self.recipient_id else None
        if party is None:
            raise ValidationError({'method': '电子送达须经受送达人同意：请选择已记录同意电子送达的当事人'})
        if not party.e_service_consent or not party.consent_recorded_on:
            raise ValidationError({'method': f'电子送达须经受送达人同意：{party.name}尚未记录同意电子送达'})
        if self.served_on and party.consent_recorded_on > self.served_on:
            raise ValidationError({'method': f'{party.name}于{party.consent_recorded_on:%Y-%m-%d}才同意电子送达，'
                                             '早于该日的送达不能采用电子方式'})
        if not self.address:
            self.address = party.e_service_address


class CorrectionFeedback(DomainModel):
    """A correction decision fed back to the respondent: review the enforcement case or the unit's practice,
    and incidental review of the normative document the act relied on."""
    case = models.ForeignKey(ReconsiderationCase, verbose_name='行政复议案件', on_delete=models.CASCADE,
                             related_name='feedback')
    unit = models.ForeignKey('organization.Unit', verbose_name='责任单位', on_delete=models.PROTECT,
                             related_name='reconsideration_feedback')
    kind = models.CharField('反馈类型', max_length=12, choices=FeedbackKind.choices)
    reference = models.CharField('对象（执法案件编号或文件名称）', max_length=200, blank=True)
    raised_on = models.DateField('提出日期')
    status = models.CharField('处理状态', max_length=8, choices=FeedbackStatus.choices, default=FeedbackStatus.PENDING,
                              db_index=True)
    handled_on = models.DateField('处理日期', null=True, blank=True)
    result = models.TextField('处理结果', blank=True)

    unit_officer_actions = frozenset({'view', 'change'})
    editor_roles = CASE_OFFICERS

    class Meta:
        verbose_name = '复议纠错反馈'
        verbose_name_plural = '复议纠错反馈'
        ordering = ['status', '-raised_on', '-id']

    def __str__(self) -> str:
        return f'{self.get_kind_display()}：{self.reference or self.unit}'

    def get_absolute_url(self) -> str:
        return reverse('reconsideration:feedback_detail', args=[self.pk])

    def clean(self) -> None:
        if self.status == FeedbackStatus.HANDLED and not (self.handled_on and self.result):
            raise ValidationError({'result': '标记为已处理的，须填写处理日期和处理结果'})


class PublishedDecision(DomainModel):
    """The public version of a decision document: redacted automatically, reviewed, then published."""
    case = models.OneToOneField(ReconsiderationCase, verbose_name='行政复议案件', on_delete=models.PROTECT,
                                related_name='publication')
    title = models.CharField('标题', max_length=200)
    document_number = models.CharField('文号', max_length=40)
    respondent_name = models.CharField('被申请人', max_length=100)
    domain = models.CharField('领域', max_length=20, choices=Domain.choices)
    outcome = models.CharField('决定类型', max_length=20, choices=Outcome.choices)
    decided_on = models.DateField('决定日期')
    redacted_text = models.TextField('公开文本（已脱敏）')
    findings = models.JSONField('自动识别的个人信息', default=list, blank=True)
    status = models.CharField('公开状态', max_length=10, choices=PublicationStatus.choices,
                              default=PublicationStatus.DRAFT, db_index=True)
    published_on = models.DateField('公开日期', null=True, blank=True)

    unit_lookup = 'case__respondent_unit'
    public_q = Q(status=PublicationStatus.PUBLISHED)
    editor_roles = CASE_OFFICERS
    unit_officer_actions = frozenset({'view'})
    workflow = lifecycle.PUBLICATION_WORKFLOW
    transition_forms = steps.PUBLICATION_FORMS

    class Meta:
        verbose_name = '行政复议决定书公开'
        verbose_name_plural = '行政复议决定书公开'
        ordering = ['-decided_on', '-id']

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse('reconsideration:publication_detail', args=[self.pk])

    def get_public_url(self) -> str:
        return reverse('reconsideration_public:decision_detail', args=[self.pk])
