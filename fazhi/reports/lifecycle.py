"""A report's lifecycle: draft → checked → published (core.workflow). Rendering a new version puts the report back
to draft; the portal keeps showing the last published version until the next one is published.

- check: the pre-publication check of the current version has been run (its findings are recorded on the version);
- publish: only a checked version; with findings, only with an override reason given by the justice bureau
  (district administrator), recorded on the version and in the audit trail.
"""
from __future__ import annotations

from typing import Any

from fazhi.core.workflow import Transition, Workflow
from fazhi.organization.choices import Role

from .choices import ReportState
from .models import OVERRIDE_ROLES, Report

WRITERS = {Role.DISTRICT_ADMIN, Role.UNIT_OFFICER}


def _has_version(report: Report, data: dict[str, Any]) -> str | None:
    return None if report.current_version_id else '报告还没有生成任何版本，请先生成。'


def _publishable(report: Report, data: dict[str, Any]) -> str | None:
    version = report.current_version
    if version is None:
        return '报告还没有生成任何版本。'
    if not version.is_checked:
        return '当前版本尚未校核，请先运行发布前校核。'
    if version.blocking_findings:
        reason = (data.get('override_reason') or '').strip()
        if not reason:
            return (f'校核发现 {len(version.blocking_findings)} 个问题，需修改后重新生成；'
                    '确需带问题发布的，须由区依法治区办填写理由后发布（理由将记入审计日志）。')
        user = data.get('user')  # None: the operator's CLI or the demo, acting as the system
        if user is not None and getattr(user, 'role', None) not in OVERRIDE_ROLES:
            return '只有区依法治区办（依法治区办管理员）可以批准带问题发布。'
        if len(reason) < 5:
            return '请具体说明带问题发布的理由（至少 5 个字）。'
    return None


WORKFLOW = Workflow(field='state', transitions=[
    Transition('check', '发布前校核', sources={ReportState.DRAFT, ReportState.CHECKED}, target=ReportState.CHECKED,
               guard=_has_version, roles=WRITERS),
    Transition('publish', '发布', sources={ReportState.CHECKED}, target=ReportState.PUBLISHED, guard=_publishable,
               roles=WRITERS),
])

Report.workflow = WORKFLOW  # type: ignore[attr-defined]
