"""Normative documents as works with versions and lifecycle events (after Indigo / Akoma Ntoso): "in force on
day D", filing and clean-up are queries over the events. Clean-up campaigns record keep / amend / repeal."""
from __future__ import annotations

import datetime as dt
import hashlib

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse

from fazhi.core.models import DomainModel, DomainQuerySet

from . import fulltext, validity
from .choices import (ENDING_EVENTS, PUBLISHED_STATES, CampaignState, CleanupDecision, DocumentState, EventKind,
                      FilingReviewResult, Subject, Validity)
from .cleanup import CAMPAIGN_WORKFLOW
from .lifecycle import DOCUMENT_WORKFLOW

__all__ = ['NormativeDocument', 'DocumentVersion', 'DocumentEvent', 'DocumentTerm', 'CleanupCampaign', 'CleanupItem']

PUBLISHED_Q = Q(published_on__isnull=False, state__in=PUBLISHED_STATES)


class DocumentQuerySet(DomainQuerySet):
    def published(self) -> 'DocumentQuerySet':
        return self.filter(PUBLISHED_Q)

    def in_force_on(self, day: dt.date) -> 'DocumentQuerySet':
        """Documents in force on `day`: commenced on or before it, and neither expired nor repealed by then."""
        events = DocumentEvent.objects.filter(document=OuterRef('pk'), occurred_on__lte=day)
        return self.filter(Exists(events.filter(kind=EventKind.COMMENCEMENT))).exclude(
            Exists(events.filter(kind__in=ENDING_EVENTS)))

    def with_validity(self, status: str, day: dt.date | None = None) -> 'DocumentQuerySet':
        """Documents whose validity on `day` (today) is `status` (see choices.Validity)."""
        day = day or dt.date.today()
        repealed = Q(repealed_on__lte=day)
        expired = Q(expires_on__lt=day) & ~repealed
        pending = Q(effective_on__gt=day) & ~repealed
        filters = {
            Validity.UNPUBLISHED: ~PUBLISHED_Q | Q(published_on__gt=day),
            Validity.REPEALED: PUBLISHED_Q & repealed,
            Validity.EXPIRED: PUBLISHED_Q & expired,
            Validity.PENDING: PUBLISHED_Q & pending & ~expired,
        }
        if status in filters:
            return self.filter(filters[status])
        valid = self.in_force_on(day).filter(PUBLISHED_Q)
        if status == Validity.AMENDED:
            return valid.filter(amended_on__lte=day)
        if status == Validity.VALID:
            return valid
        return self.none()

    def search(self, query: str) -> 'DocumentQuerySet':
        return fulltext.matching(self, query, DocumentTerm)


class NormativeDocument(DomainModel):
    """A normative document (the work): its metadata, procedure record and current text."""
    unit = models.ForeignKey('organization.Unit', verbose_name='起草单位', on_delete=models.PROTECT,
                             related_name='normative_documents')
    issuer = models.CharField('制定机关', max_length=100)
    title = models.CharField('文件名称', max_length=200)
    subject = models.CharField('主题分类', max_length=16, choices=Subject.choices, default=Subject.GENERAL)
    text = models.TextField('正文（现行文本）', blank=True)
    state = models.CharField('办理状态', max_length=16, choices=DocumentState.choices, default=DocumentState.DRAFT)
    legality_review = models.ForeignKey('legality.ReviewRequest', verbose_name='合法性审核事项', null=True, blank=True,
                                        on_delete=models.PROTECT, related_name='normative_documents')
    review_passed_on = models.DateField('合法性审核通过日期', null=True, blank=True)
    deliberation = models.CharField('集体审议会议', max_length=100, blank=True)
    deliberated_on = models.DateField('集体审议日期', null=True, blank=True)
    doc_number = models.CharField('文号', max_length=60, blank=True, db_index=True)
    registration_number = models.CharField('统一登记编号', max_length=60, blank=True)
    published_on = models.DateField('公布日期', null=True, blank=True, db_index=True)
    effective_on = models.DateField('施行日期', null=True, blank=True)
    validity_years = models.PositiveSmallIntegerField('有效期（年）', null=True, blank=True, default=5)
    expires_on = models.DateField('有效期至', null=True, blank=True, db_index=True)
    amended_on = models.DateField('最近修改施行日期', null=True, blank=True)
    repealed_on = models.DateField('废止日期', null=True, blank=True)
    repeal_reason = models.TextField('废止理由', blank=True)
    filing_authority = models.CharField('备案机关', max_length=100, blank=True)
    filing_due = models.DateField('报备期限', null=True, blank=True)
    filed_on = models.DateField('报备日期', null=True, blank=True)
    filed_on_time = models.BooleanField('是否按期报备', null=True, blank=True)
    filing_review_result = models.CharField('备案审查结论', max_length=24, choices=FilingReviewResult.choices, blank=True)
    filing_materials_conforming = models.BooleanField('报备材料是否齐全规范', null=True, blank=True)
    filing_reviewed_on = models.DateField('备案审查日期', null=True, blank=True)
    filing_review_opinion = models.TextField('备案审查意见', blank=True)
    indexed_digest = models.CharField('检索索引摘要', max_length=64, blank=True, editable=False)

    objects = DocumentQuerySet.as_manager()
    workflow = DOCUMENT_WORKFLOW
    public_q = PUBLISHED_Q
    editor_roles = frozenset({'legality_reviewer'})
    audit_exclude = DomainModel.audit_exclude | {'indexed_digest'}

    class Meta:
        verbose_name = '行政规范性文件'
        verbose_name_plural = '行政规范性文件'
        ordering = ['-published_on', '-id']

    def __str__(self) -> str:
        return f'{self.title}（{self.doc_number}）' if self.doc_number else self.title

    def get_absolute_url(self) -> str:
        return reverse('normative:document_detail', args=[self.pk])

    def get_public_url(self) -> str:
        return reverse('public_normative_detail', args=[self.pk])

    def clean(self) -> None:
        if self.effective_on and self.published_on and self.effective_on < self.published_on:
            raise ValidationError({'effective_on': '施行日期不能早于公布日期。'})
        if self.filed_on and not self.published_on:
            raise ValidationError({'filed_on': '文件尚未公布，不能登记报备。'})

    def after_audited_save(self) -> None:
        index(self)

    def validity_on(self, day: dt.date | None = None) -> str:
        return validity.status_on(self, day)

    @property
    def validity(self) -> str:
        return self.validity_on()

    def get_validity_display(self) -> str:
        return Validity(self.validity).label

    def version_on(self, day: dt.date) -> 'DocumentVersion | None':
        return self.versions.filter(valid_from__lte=day).order_by('-valid_from', '-number').first()

    @property
    def filing_status(self) -> str:
        if self.filed_on:
            return '已按期报备' if self.filed_on_time else '逾期报备'
        if self.filing_due is None:
            return ''
        return '报备已逾期' if dt.date.today() > self.filing_due else '待报备'


def index(doc: NormativeDocument, *, force: bool = False) -> None:
    """Rebuild the document's full-text terms (title, number, issuer, current text) when they changed."""
    source = '\n'.join([doc.title, doc.doc_number, doc.issuer, doc.text])
    digest = hashlib.sha256(source.encode('utf-8')).hexdigest()
    if digest == doc.indexed_digest and not force:
        return
    DocumentTerm.objects.filter(document=doc).delete()
    words = fulltext.terms(source)
    DocumentTerm.objects.bulk_create([DocumentTerm(document=doc, term=w) for w in sorted(words)], batch_size=2000)
    NormativeDocument.objects.filter(pk=doc.pk).update(indexed_digest=digest)
    doc.indexed_digest = digest


class DocumentVersion(DomainModel):
    """An expression of the document: its full text as in force from `valid_from`."""
    document = models.ForeignKey(NormativeDocument, verbose_name='文件', on_delete=models.CASCADE,
                                 related_name='versions')
    number = models.PositiveSmallIntegerField('版本号')
    text = models.TextField('全文')
    valid_from = models.DateField('本版本施行日期')
    note = models.CharField('修改说明', max_length=500, blank=True)
    source = models.CharField('修改依据（文号）', max_length=100, blank=True)

    unit_lookup = 'document__unit'
    public_q = Q(document__published_on__isnull=False, document__state__in=PUBLISHED_STATES)
    unit_officer_actions = frozenset({'view'})

    class Meta:
        verbose_name = '规范性文件版本'
        verbose_name_plural = '规范性文件版本'
        ordering = ['document', 'number']
        constraints = [models.UniqueConstraint(fields=['document', 'number'], name='normative_version_unique')]

    def __str__(self) -> str:
        return f'{self.document.title} 第{self.number}版（{self.valid_from:%Y-%m-%d}起施行）'

    def get_absolute_url(self) -> str:
        return self.document.get_absolute_url()


class DocumentEvent(DomainModel):
    """A lifecycle event: publication, commencement, filing, amendment, expiry, repeal."""
    document = models.ForeignKey(NormativeDocument, verbose_name='文件', on_delete=models.CASCADE,
                                 related_name='events')
    kind = models.CharField('事件类型', max_length=16, choices=EventKind.choices)
    occurred_on = models.DateField('日期', db_index=True)
    version = models.ForeignKey(DocumentVersion, verbose_name='相关版本', null=True, blank=True,
                                on_delete=models.SET_NULL, related_name='events')
    note = models.CharField('说明', max_length=500, blank=True)

    unit_lookup = 'document__unit'
    public_q = Q(document__published_on__isnull=False, document__state__in=PUBLISHED_STATES)
    unit_officer_actions = frozenset({'view'})

    class Meta:
        verbose_name = '规范性文件事件'
        verbose_name_plural = '规范性文件事件'
        ordering = ['document', 'occurred_on', 'id']
        indexes = [models.Index(fields=['document', 'kind', 'occurred_on'])]

    def __str__(self) -> str:
        return f'{self.occurred_on:%Y-%m-%d} {self.get_kind_display()}'

    def get_absolute_url(self) -> str:
        return self.document.get_absolute_url()


class DocumentTerm(models.Model):
    """A full-text term of a document (derived data, rebuilt on every audited save of the document)."""
    document = models.ForeignKey(NormativeDocument, verbose_name='文件', on_delete=models.CASCADE,
                                 related_name='terms')
    term = models.CharField('词', max_length=32)

    class Meta:
        verbose_name = '规范性文件检索词'
        verbose_name_plural = '规范性文件检索词'
        indexes = [models.Index(fields=['term', 'document'])]


class CleanupCampaign(DomainModel):
    """A clean-up (清理) of documents selected by criteria, each kept, amended or repealed with a reason."""
    name = models.CharField('清理名称', max_length=200)
    basis = models.TextField('清理依据', blank=True)
    organizer = models.ForeignKey('organization.Unit', verbose_name='组织单位', on_delete=models.PROTECT,
                                  related_name='cleanup_campaigns')
    started_on = models.DateField('开始日期')
    deadline = models.DateField('完成期限', null=True, blank=True)
    state = models.CharField('状态', max_length=8, choices=CampaignState.choices, default=CampaignState.OPEN)
    criteria_unit = models.ForeignKey('organization.Unit', verbose_name='范围：起草单位（含下级）', null=True, blank=True,
                                      on_delete=models.PROTECT, related_name='+')
    criteria_subject = models.CharField('范围：主题分类', max_length=16, choices=Subject.choices, blank=True)
    criteria_from = models.DateField('范围：公布日期起', null=True, blank=True)
    criteria_to = models.DateField('范围：公布日期止', null=True, blank=True)
    criteria_text = models.CharField('范围：全文关键词', max_length=100, blank=True)
    closed_on = models.DateField('完成日期', null=True, blank=True)

    workflow = CAMPAIGN_WORKFLOW
    unit_lookup = None  # district-wide: every unit sees the campaign, items are scoped to their documents
    editor_roles = frozenset({'legality_reviewer'})
    unit_officer_actions = frozenset({'view'})

    class Meta:
        verbose_name = '规范性文件清理'
        verbose_name_plural = '规范性文件清理'
        ordering = ['-started_on', '-id']

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse('normative:campaign_detail', args=[self.pk])

    def counts(self) -> dict[str, int]:
        rows = dict(self.items.values_list('decision').annotate(n=models.Count('id')))
        result = {d: rows.get(d, 0) for d in CleanupDecision.values}
        result['total'] = sum(rows.values())
        return result


class CleanupItem(DomainModel):
    """One document in a clean-up with its conclusion and reason."""
    campaign = models.ForeignKey(CleanupCampaign, verbose_name='清理', on_delete=models.CASCADE, related_name='items')
    document = models.ForeignKey(NormativeDocument, verbose_name='文件', on_delete=models.PROTECT,
                                 related_name='cleanup_items')
    decision = models.CharField('清理结论', max_length=8, choices=CleanupDecision.choices,
                                default=CleanupDecision.PENDING)
    reason = models.TextField('理由', blank=True)
    decided_on = models.DateField('提出结论日期', null=True, blank=True)
    new_expires_on = models.DateField('继续有效的，有效期延至', null=True, blank=True)
    amended_text = models.TextField('修改的，修改后全文', blank=True)
    applied = models.BooleanField('结论已执行', default=False)
    closed_on = models.DateField('清理完成日期', null=True, blank=True, db_index=True)

    unit_lookup = 'document__unit'
    editor_roles = frozenset({'legality_reviewer'})
    unit_officer_actions = frozenset({'view', 'change'})

    class Meta:
        verbose_name = '清理结论'
        verbose_name_plural = '清理结论'
        ordering = ['campaign', 'document__unit__path', 'id']
        constraints = [models.UniqueConstraint(fields=['campaign', 'document'], name='cleanup_item_unique')]

    def __str__(self) -> str:
        return f'{self.document.title}：{self.get_decision_display()}'

    def get_absolute_url(self) -> str:
        return f'{self.campaign.get_absolute_url()}#item-{self.pk}'

    def clean(self) -> None:
        if self.decision != CleanupDecision.PENDING and not (self.reason or '').strip():
            raise ValidationError({'reason': '提出清理结论应当说明理由。'})
        if self.decision == CleanupDecision.KEEP and self.new_expires_on and self.document_id and \
                self.document.expires_on and self.new_expires_on < self.document.expires_on:
            raise ValidationError({'new_expires_on': '延长后的有效期不能早于原有效期。'})
