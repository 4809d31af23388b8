"""Choice sets of the organisation app: unit kinds and roles."""
from __future__ import annotations

from django.db import models


class UnitKind(models.TextChoices):
    DISTRICT = 'district', '区（县）政府'
    DEPARTMENT = 'department', '政府工作部门'
    STREET = 'street', '街道（乡镇）'
    VERTICAL = 'vertical', '垂直管理单位'
    OFFICE = 'office', '内设机构'


class Role(models.TextChoices):
    """Roles. System, security and audit administration are separate (三员分立)."""
    DISTRICT_ADMIN = 'district_admin', '依法治区办管理员'
    LEGALITY_REVIEWER = 'legality_reviewer', '合法性审查员'
    CASE_OFFICER = 'case_officer', '案件承办人'
    UNIT_OFFICER = 'unit_officer', '单位填报员'
    LEADER = 'leader', '领导'
    SYSTEM_ADMIN = 'system_admin', '系统管理员'
    SECURITY_ADMIN = 'security_admin', '安全管理员'
    AUDITOR = 'auditor', '安全审计员'
