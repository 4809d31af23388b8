"""Assessment (考核评估): versioned indicator systems, campaigns with their scores, deductions, evidence and
objections, and the expert review of demonstration projects (示范项目评审).

Who may see what is in access.py; every write goes through fazhi.core.services (see services.py and projects.py).
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from fazhi.core.models import DomainModel

from .choices import (DIMENSIONS, ApplicationState, CampaignState, ObjectionState, ProjectCategory, RoundState,
                      RuleType, ScoreState, SmallSampleRule, SystemState)
from .lifecycle import CAMPAIGN_WORKFLOW, OBJECTION_WORKFLOW, ROUND_WORKFLOW

__all__ = ['IndicatorSystem', 'SystemItem', 'Campaign', 'CampaignUnit', 'ItemScore', 'Deduction', 'Evidence',
           'Objection', 'ReviewerAssignment', 'ProjectRound', 'ProjectApplication', 'RoundExpert', 'ExpertScore']

POINTS = dict(max_digits=7, decimal_places=2)


class _OptionalFieldFile(models.fields.files.FieldFile):
    """An empty optional file answers '' for its URL instead of raising (the audit snapshot reads it)."""

    @property
    def url(self) -> str:
        return super().url if self.name else ''


class OptionalFileField(models.FileField):
    attr_class = _OptionalFieldFile


def _points(value: Any) -> str:
    if value is None:
        return '—'
    return format(Decimal(value).quantize(Decimal('0.01')).normalize(), 'f')


class IndicatorSystem(DomainModel):
    """One version of an indicator system. Never edited once saved: a change is a new version."""
    code = models.CharField('体系编码', max_length=40)
    version = models.PositiveIntegerField('版本号')
    name = models.CharField('体系名称', max_length=120)
    is_default = models.BooleanField('随平台提供的默认配置', default=False)
    description = models.TextField('说明', blank=True)
    basis = models.CharField('依据', max_length=200, blank=True)
    total = models.DecimalField('总分', **POINTS)
    small_sample_rule = models.CharField('样本不足时的计分规则', max_length=16, choices=SmallSampleRule.choices,
                                         default=SmallSampleRule.REBASE)
    categories = models.JSONField('考核类别', default=list)
    grades = models.JSONField('等次划分', default=list)
    source_text = models.TextField('YAML 原文')
    state = models.CharField('版本状态', max_length=12, choices=SystemState.choices, default=SystemState.ACTIVE)
    change_note = models.CharField('版本说明', max_length=200, blank=True)

    unit_lookup = None
    unit_officer_actions = frozenset({'view'})

    class Meta:
        verbose_name = '考核指标体系'
        verbose_name_plural = '考核指标体系'
        ordering = ['code', '-version']
        constraints = [models.UniqueConstraint(fields=['code', 'version'], name='assessment_system_version')]

    def __str__(self) -> str:
        return f'{self.name}（第{self.version}版）'

    def get_absolute_url(self) -> str:
        return reverse('assessment:system_detail', args=[self.pk])

    @property
    def label(self) -> str:
        return f'{self.code}:{self.version}'

    def category_name(self, code: str) -> str:
        return next((c['name'] for c in self.categories if c['code'] == code), code)

    def grade_for(self, total: Decimal | None) -> str:
        if total is None:
            return ''
        for grade in self.grades:
            if total >= Decimal(str(grade['min'])):
                return grade['name']
        return ''


class SystemItem(DomainModel):
    """A first-, second- or third-level indicator of a system version; leaves carry the scoring rule."""
    system = models.ForeignKey(IndicatorSystem, verbose_name='指标体系', on_delete=models.CASCADE,
                               related_name='items')
    parent = models.ForeignKey('self', verbose_name='上级指标', null=True, blank=True, on_delete=models.CASCADE,
                               related_name='children')
    code = models.CharField('指标编码', max_length=20)
    name = models.CharField('指标名称', max_length=200)
    level = models.PositiveSmallIntegerField('层级')
    points = models.DecimalField('分值', **POINTS)
    sort_order = models.PositiveIntegerField('排序', default=0)
    rule_type = models.CharField('评分方式', max_length=12, choices=RuleType.choices, blank=True)
    rule = models.JSONField('评分规则', null=True, blank=True)
    indicator_code = models.CharField('引用指标', max_length=80, blank=True)
    applies_to = models.JSONField('适用类别', default=list, blank=True)
    enforcement_only = models.BooleanField('仅适用于行政执法主体', default=False)
    note = models.TextField('备注', blank=True)

    unit_lookup = None
    unit_officer_actions = frozenset({'view'})

    class Meta:
        verbose_name = '考核指标项'
        verbose_name_plural = '考核指标项'
        ordering = ['system', 'sort_order']
        constraints = [models.UniqueConstraint(fields=['system', 'code'], name='assessment_item_code')]

    def __str__(self) -> str:
        return f'{self.code} {self.name}'

    @property
    def is_leaf(self) -> bool:
        return bool(self.rule_type)

    @property
    def is_automatic(self) -> bool:
        return self.rule_type not in ('', RuleType.MANUAL)

    def applies(self, category: str, unit: Any) -> bool:
        if self.applies_to and category not in self.applies_to:
            return False
        return not (self.enforcement_only and not getattr(unit, 'is_enforcement_body', False))

    @property
    def rule_text(self) -> str:
        from .scoring import describe_rule
        return describe_rule(self)


class Campaign(DomainModel):
    """An assessment of the district's units for one period against one system version."""
    name = models.CharField('考核名称', max_length=120)
    period = models.CharField('考核期间', max_length=10, help_text='2025（年度）、2025-Q3（季度）或 2025-06（月度）')
    system = models.ForeignKey(IndicatorSystem, verbose_name='指标体系（版本）', on_delete=models.PROTECT,
                               related_name='campaigns')
    previous = models.ForeignKey('self', verbose_name='上一次考核（用于比较）', null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name='+')
    categories = models.JSONField('参评类别', default=list)
    state = models.CharField('状态', max_length=16, choices=CampaignState.choices, default=CampaignState.DRAFT)
    self_due = models.DateField('自评截止日', null=True, blank=True)
    review_due = models.DateField('评审截止日', null=True, blank=True)
    objection_closes_on = models.DateField('申诉截止日', null=True, blank=True)
    scored_at = models.DateTimeField('最近一次自动评分时间', null=True, blank=True)
    published_on = models.DateField('结果发布日期', null=True, blank=True)
    note = models.TextField('说明', blank=True)

    workflow = CAMPAIGN_WORKFLOW
    unit_lookup = None
    unit_officer_actions = frozenset({'view'})

    class Meta:
        verbose_name = '考核活动'
        verbose_name_plural = '考核活动'
        ordering = ['-period', '-id']

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse('assessment:campaign_detail', args=[self.pk])

    @property
    def period_obj(self) -> Any:
        from fazhi.indicators.periods import Period
        return Period.parse(self.period)

    def clean(self) -> None:
        from django.core.exceptions import ValidationError
        try:
            self.period_obj
        except ValueError as exc:
            raise ValidationError({'period': str(exc)})


class CampaignUnit(DomainModel):
    """A unit taking part in a campaign, in one category, with its total, area scores, rank and grade."""
    campaign = models.ForeignKey(Campaign, verbose_name='考核活动', on_delete=models.CASCADE, related_name='entries')
    unit = models.ForeignKey('organization.Unit', verbose_name='参评单位', on_delete=models.PROTECT,
                             related_name='assessment_entries')
    category = models.CharField('考核类别', max_length=20)
    raw_score = models.DecimalField('适用项得分', null=True, blank=True, **POINTS)
    applicable_points = models.DecimalField('适用项分值', null=True, blank=True, **POINTS)
    total = models.DecimalField('总分（按适用项折算）', null=True, blank=True, **POINTS)
    area_scores = models.JSONField('各一级指标得分', default=dict, blank=True)
    rank = models.PositiveIntegerField('类别内排名', null=True, blank=True)
    category_size = models.PositiveIntegerField('同类参评单位数', null=True, blank=True)
    grade = models.CharField('等次', max_length=20, blank=True)
    complete = models.BooleanField('各项均已评分', default=False)
    pending_items = models.PositiveIntegerField('待评分项数', default=0)
    previous_total = models.DecimalField('上次总分', null=True, blank=True, **POINTS)
    previous_rank = models.PositiveIntegerField('上次排名', null=True, blank=True)

    unit_officer_actions = frozenset({'view'})

    class Meta:
        verbose_name = '参评单位得分'
        verbose_name_plural = '参评单位得分'
        ordering = ['campaign', 'category', 'rank', 'unit__sort_order']
        constraints = [models.UniqueConstraint(fields=['campaign', 'unit'], name='assessment_entry_unit')]

    def __str__(self) -> str:
        return f'{self.unit}（{self.campaign}）'

    def get_absolute_url(self) -> str:
        return reverse('assessment:entry_detail', args=[self.pk])

    @property
    def category_name(self) -> str:
        return self.campaign.system.category_name(self.category)

    @property
    def total_text(self) -> str:
        return _points(self.total)

    @property
    def change(self) -> Decimal | None:
        if self.total is None or self.previous_total is None:
            return None
        return self.total - self.previous_total

    @property
    def rank_change(self) -> int | None:
        if self.rank is None or self.previous_rank is None:
            return None
        return self.previous_rank - self.rank


class ItemScore(DomainModel):
    """The score of one leaf item for one unit: automatic from the indicator engine, or self-assessed and reviewed."""
    entry = models.ForeignKey(CampaignUnit, verbose_name='参评单位', on_delete=models.CASCADE, related_name='scores')
    item = models.ForeignKey(SystemItem, verbose_name='指标项', on_delete=models.PROTECT, related_name='scores')
    method = models.CharField('评分方式', max_length=12, choices=RuleType.choices)
    state = models.CharField('状态', max_length=16, choices=ScoreState.choices, default=ScoreState.PENDING)
    applicable = models.BooleanField('适用', default=True)
    value = models.FloatField('指标值', null=True, blank=True)
    numerator = models.FloatField('分子', null=True, blank=True)
    denominator = models.FloatField('分母（样本量）', null=True, blank=True)
    small_sample = models.BooleanField('样本不足', default=False)
    indicator_version = models.PositiveIntegerField('指标定义版本', null=True, blank=True)
    score = models.DecimalField('得分', null=True, blank=True, **POINTS)
    explanation = models.TextField('计分说明', blank=True)
    fairness_note = models.CharField('适用的计分规则说明', max_length=200, blank=True)
    self_score = models.DecimalField('自评分', null=True, blank=True, **POINTS)
    self_note = models.TextField('自评说明', blank=True)
    self_submitted_on = models.DateField('自评提交日期', null=True, blank=True)
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name='评分人', null=True, blank=True,
                                 on_delete=models.PROTECT, related_name='+')
    review_comment = models.TextField('评分意见', blank=True)
    reviewed_on = models.DateField('评分日期', null=True, blank=True)
    locked = models.BooleanField('经申诉调整（重新计分时保留）', default=False)

    unit_lookup = 'entry__unit'

    class Meta:
        verbose_name = '指标得分'
        verbose_name_plural = '指标得分'
        ordering = ['entry', 'item__sort_order']
        constraints = [models.UniqueConstraint(fields=['entry', 'item'], name='assessment_score_item')]

    def __str__(self) -> str:
        return f'{self.entry.unit} · {self.item.code} {self.item.name}'

    def get_absolute_url(self) -> str:
        return reverse('assessment:score_detail', args=[self.pk])

    @property
    def campaign(self) -> Campaign:
        return self.entry.campaign

    @property
    def score_text(self) -> str:
        return _points(self.score) if self.applicable else '不适用'


class Deduction(DomainModel):
    """One deduction of an automatic item, naming the record behind it (drill-down of the figure)."""
    score = models.ForeignKey(ItemScore, verbose_name='指标得分', on_delete=models.CASCADE, related_name='deductions')
    points = models.DecimalField('扣分', **POINTS)
    reason = models.CharField('扣分理由', max_length=400)
    indicator_code = models.CharField('指标', max_length=80)
    part = models.CharField('明细部分', max_length=12, help_text='numerator 或 denominator')
    source = models.CharField('数据表', max_length=60)
    record_key = models.CharField('记录标识', max_length=120, blank=True)
    record = models.JSONField('记录内容', default=dict, blank=True)
    sort_order = models.PositiveIntegerField('序号', default=0)

    unit_lookup = 'score__entry__unit'
    unit_officer_actions = frozenset({'view'})

    class Meta:
        verbose_name = '扣分明细'
        verbose_name_plural = '扣分明细'
        ordering = ['score', 'sort_order']

    def __str__(self) -> str:
        return self.reason


class Evidence(DomainModel):
    """A supporting document uploaded by a unit for a manual item (佐证材料)."""
    score = models.ForeignKey(ItemScore, verbose_name='指标得分', on_delete=models.CASCADE, related_name='evidence')
    title = models.CharField('材料名称', max_length=200)
    file = models.FileField('文件', upload_to='assessment/evidence/%Y/%m/', max_length=300)
    original_name = models.CharField('原文件名', max_length=200)
    size = models.PositiveBigIntegerField('文件大小（字节）', default=0)
    sha256 = models.CharField('SHA-256 摘要', max_length=64)
    uploaded_by = models.CharField('上传人', max_length=150)

    unit_lookup = 'score__entry__unit'
    unit_officer_actions = frozenset({'view', 'add', 'delete'})

    class Meta:
        verbose_name = '佐证材料'
        verbose_name_plural = '佐证材料'
        ordering = ['score', 'id']

    def __str__(self) -> str:
        return self.title


class Objection(DomainModel):
    """A unit's objection (申诉) to an automatic or reviewed score, decided by the assessment office."""
    score = models.ForeignKey(ItemScore, verbose_name='指标得分', on_delete=models.CASCADE, related_name='objections')
    reason = models.TextField('申诉理由')
    requested_score = models.DecimalField('申请调整为', null=True, blank=True, **POINTS)
    state = models.CharField('状态', max_length=12, choices=ObjectionState.choices, default=ObjectionState.SUBMITTED)
    submitted_by = models.CharField('申诉人', max_length=150)
    submitted_on = models.DateField('申诉日期')
    original_score = models.DecimalField('原得分', null=True, blank=True, **POINTS)
    decided_score = models.DecimalField('调整后得分', null=True, blank=True, **POINTS)
    response = models.TextField('处理意见', blank=True)
    decided_on = models.DateField('处理日期', null=True, blank=True)
    decided_by = models.CharField('处理人', max_length=150, blank=True)

    workflow = OBJECTION_WORKFLOW
    unit_lookup = 'score__entry__unit'
    unit_officer_actions = frozenset({'view', 'add'})

    class Meta:
        verbose_name = '考核申诉'
        verbose_name_plural = '考核申诉'
        ordering = ['-submitted_on', '-id']

    def __str__(self) -> str:
        return f'{self.score}（{self.get_state_display()}）'

    def get_absolute_url(self) -> str:
        return reverse('assessment:objection_detail', args=[self.pk])


class ReviewerAssignment(DomainModel):
    """Which reviewer scores which areas of which category's manual items (reviewers see only these)."""
    campaign = models.ForeignKey(Campaign, verbose_name='考核活动', on_delete=models.CASCADE,
                                 related_name='assignments')
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name='评分人', on_delete=models.PROTECT,
                                 related_name='assessment_assignments')
    area = models.ForeignKey(SystemItem, verbose_name='负责的一级指标（空为全部）', null=True, blank=True,
                             on_delete=models.PROTECT, related_name='+')
    category = models.CharField('负责的考核类别（空为全部）', max_length=20, blank=True)

    unit_lookup = None
    unit_officer_actions = frozenset()

    class Meta:
        verbose_name = '评分分工'
        verbose_name_plural = '评分分工'
        ordering = ['campaign', 'reviewer__username']

    def __str__(self) -> str:
        area = self.area.name if self.area_id else '全部指标'
        category = self.campaign.system.category_name(self.category) if self.category else '全部类别'
        return f'{self.reviewer}：{area} · {category}'


class ProjectRound(DomainModel):
    """A round of demonstration-project review (示范项目评审): applications, experts, scores, selection."""
    name = models.CharField('评审活动名称', max_length=120)
    year = models.PositiveSmallIntegerField('年度')
    state = models.CharField('状态', max_length=12, choices=RoundState.choices, default=RoundState.DRAFT)
    dimension_max = models.JSONField('各维度满分', default=dict)
    trim_min_experts = models.PositiveSmallIntegerField('去掉最高最低分所需的最少专家数', default=5)
    trim_each = models.PositiveSmallIntegerField('两端各去掉的分数个数', default=1)
    quota_department = models.PositiveSmallIntegerField('区属部门入选名额', default=5)
    quota_street = models.PositiveSmallIntegerField('街道（乡镇）入选名额', default=6)
    max_per_unit = models.PositiveSmallIntegerField('每个单位限报项目数', default=1)
    accept_until = models.DateField('申报截止日', null=True, blank=True)
    published_on = models.DateField('公布日期', null=True, blank=True)
    notice = models.TextField('公布说明', blank=True)

    workflow = ROUND_WORKFLOW
    unit_lookup = None
    unit_officer_actions = frozenset({'view'})
    public_q = Q(state=RoundState.PUBLISHED)

    class Meta:
        verbose_name = '示范项目评审'
        verbose_name_plural = '示范项目评审'
        ordering = ['-year', '-id']

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse('assessment:round_detail', args=[self.pk])

    def maxima(self) -> dict[str, Decimal]:
        return {key: Decimal(str(self.dimension_max.get(key, 20))) for key, _ in DIMENSIONS}

    @property
    def full_marks(self) -> Decimal:
        return sum(self.maxima().values(), Decimal(0))

    def quota(self, category: str) -> int:
        return self.quota_department if category == ProjectCategory.DEPARTMENT else self.quota_street


class ProjectApplication(DomainModel):
    """A unit's application for demonstration-project status, with its result once the experts have scored."""
    round = models.ForeignKey(ProjectRound, verbose_name='评审活动', on_delete=models.PROTECT,
                              related_name='applications')
    unit = models.ForeignKey('organization.Unit', verbose_name='申报单位', on_delete=models.PROTECT,
                             related_name='project_applications')
    category = models.CharField('申报类别', max_length=12, choices=ProjectCategory.choices)
    title = models.CharField('项目名称', max_length=200)
    description = models.TextField('项目简介')
    measures = models.TextField('主要做法')
    effects = models.TextField('取得成效')
    evidence_note = models.TextField('佐证材料说明', blank=True)
    attachment = OptionalFileField('佐证材料', upload_to='assessment/projects/%Y/', blank=True, max_length=300)
    state = models.CharField('状态', max_length=12, choices=ApplicationState.choices,
                             default=ApplicationState.SUBMITTED)
    submitted_on = models.DateField('申报日期')
    expert_count = models.PositiveSmallIntegerField('有效评分专家数', null=True, blank=True)
    score = models.DecimalField('评审得分', null=True, blank=True, **POINTS)
    dimension_means = models.JSONField('各维度平均分', default=dict, blank=True)
    method_note = models.CharField('计分方法说明', max_length=200, blank=True)
    rank = models.PositiveSmallIntegerField('类别内排名', null=True, blank=True)
    selected = models.BooleanField('入选', default=False)

    unit_officer_actions = frozenset({'view', 'add', 'change'})
    public_q = Q(round__state=RoundState.PUBLISHED, selected=True, state=ApplicationState.SUBMITTED)

    class Meta:
        verbose_name = '示范项目申报'
        verbose_name_plural = '示范项目申报'
        ordering = ['round', 'category', 'rank', 'id']

    def __str__(self) -> str:
        return f'{self.unit}：{self.title}'

    def get_absolute_url(self) -> str:
        return reverse('assessment:application_detail', args=[self.pk])


class RoundExpert(DomainModel):
    """An expert of a round, with a conflict-of-interest declaration: never scores their own or declared units."""
    round = models.ForeignKey(ProjectRound, verbose_name='评审活动', on_delete=models.CASCADE, related_name='experts')
    name = models.CharField('姓名', max_length=50)
    affiliation = models.CharField('工作单位', max_length=120)
    title = models.CharField('职务职称', max_length=60, blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name='平台账号（可直接在线评分）', null=True,
                             blank=True, on_delete=models.PROTECT, related_name='expert_roles')
    conflict_unit_codes = models.JSONField('申报回避的单位（单位编码）', default=list, blank=True)
    declaration = models.TextField('回避声明', blank=True)
    declared_on = models.DateField('声明日期', null=True, blank=True)

    unit_lookup = None
    unit_officer_actions = frozenset()

    class Meta:
        verbose_name = '评审专家'
        verbose_name_plural = '评审专家'
        ordering = ['round', 'id']

    def __str__(self) -> str:
        return f'{self.name}（{self.affiliation}）'

    def conflict_paths(self) -> list[str]:
        """Paths of the units this expert must not score (declared ones and their own unit), read once per object."""
        key = (tuple(self.conflict_unit_codes), self.user_id)
        cached = getattr(self, '_conflict_cache', None)
        if cached is not None and cached[0] == key:
            return cached[1]
        from fazhi.organization.models import Unit
        paths = list(Unit.objects.filter(code__in=self.conflict_unit_codes).values_list('path', flat=True))
        if self.user_id and self.user.unit_id:
            paths.append(self.user.unit.path)
        self._conflict_cache = (key, paths)
        return paths

    def conflicts_with(self, unit: Any) -> bool:
        return any(unit.path.startswith(p) for p in self.conflict_paths())


class ExpertScore(DomainModel):
    """One expert's scores of one application on the five dimensions."""
    application = models.ForeignKey(ProjectApplication, verbose_name='申报项目', on_delete=models.CASCADE,
                                    related_name='expert_scores')
    expert = models.ForeignKey(RoundExpert, verbose_name='评审专家', on_delete=models.PROTECT, related_name='scores')
    importance = models.DecimalField('重要程度', max_digits=5, decimal_places=2)
    innovation = models.DecimalField('创新程度', max_digits=5, decimal_places=2)
    effectiveness = models.DecimalField('效益程度', max_digits=5, decimal_places=2)
    legality = models.DecimalField('合法程度', max_digits=5, decimal_places=2)
    sustainability = models.DecimalField('持续与推广程度', max_digits=5, decimal_places=2)
    comment = models.TextField('评审意见', blank=True)
    entered_by = models.CharField('录入人', max_length=150)

    unit_lookup = 'application__unit'
    unit_officer_actions = frozenset()

    class Meta:
        verbose_name = '专家评分'
        verbose_name_plural = '专家评分'
        ordering = ['application', 'expert']
        constraints = [models.UniqueConstraint(fields=['application', 'expert'], name='assessment_expert_once')]

    def __str__(self) -> str:
        return f'{self.expert.name} → {self.application.title}'

    @property
    def total(self) -> Decimal:
        return sum((getattr(self, key) for key, _ in DIMENSIONS), Decimal(0))
