"""Choice sets of government information disclosure (政府信息公开条例 2019)."""
from __future__ import annotations

from django.db import models


class ApplicantKind(models.TextChoices):
    CITIZEN = 'citizen', '自然人'
    ORGANIZATION = 'organization', '法人或其他组织'


class RequestChannel(models.TextChoices):
    IN_PERSON = 'in_person', '当面提交'
    MAIL = 'mail', '信函'
    ONLINE = 'online', '网络'
    FAX = 'fax', '传真'
    OTHER = 'other', '其他'


class RequestState(models.TextChoices):
    RECEIVED = 'received', '办理中'
    CORRECTING = 'correcting', '补正中'
    CONSULTING = 'consulting', '征求第三方意见中'
    REPLIED = 'replied', '已答复'
    WITHDRAWN = 'withdrawn', '已撤回或视为放弃'


class ReplyOutcome(models.TextChoices):
    """条例第三十六条、第三十七条的答复类型。"""
    ALREADY_PUBLIC = 'already_public', '已主动公开'
    DISCLOSED = 'disclosed', '予以公开'
    PARTIAL = 'partial', '部分公开'
    REFUSED = 'refused', '不予公开'
    NOT_EXIST = 'not_exist', '信息不存在（无法提供）'
    NOT_RESPONSIBLE = 'not_responsible', '非本机关负责公开'
    DUPLICATE = 'duplicate', '重复申请，不予重复处理'
    SPECIAL_LAW = 'special_law', '依特别法律法规办理'


class ItemCategory(models.TextChoices):
    ORGANIZATION = 'organization', '机构职能'
    POLICY = 'policy', '政策文件'
    PLAN = 'plan', '规划计划'
    BUDGET = 'budget', '财政预决算'
    LICENSE = 'license', '行政许可'
    PENALTY = 'penalty', '行政处罚'
    PROJECT = 'project', '重大建设项目'
    RESOURCES = 'resources', '公共资源配置'
    LIVELIHOOD = 'livelihood', '民生事项'
    OTHER = 'other', '其他'


class ItemChannel(models.TextChoices):
    WEBSITE = 'website', '政府网站'
    GAZETTE = 'gazette', '政府公报'
    NEW_MEDIA = 'new_media', '政务新媒体'
    BOARD = 'board', '公开栏或查阅场所'


OPEN_REQUEST_STATES = (RequestState.RECEIVED, RequestState.CORRECTING, RequestState.CONSULTING)
