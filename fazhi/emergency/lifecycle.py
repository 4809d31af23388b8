"""Lifecycle of an emergency plan: issued, filed with the authority, revised on its cycle, repealed."""
from __future__ import annotations

from typing import Any

from fazhi.core.workflow import Transition, Workflow

from .choices import PlanState as S


def _issue(obj: Any, data: dict[str, Any]) -> None:
    obj.issued_on = data['on']
    obj.doc_no = data.get('doc_no') or obj.doc_no


def _file(obj: Any, data: dict[str, Any]) -> None:
    obj.filed_on = data['on']
    obj.filed_with = data['filed_with']


def _revised(obj: Any, data: dict[str, Any]) -> None:
    obj.last_revised_on = data['on']
    obj.version = data.get('version') or obj.version
    obj.doc_no = data.get('doc_no') or obj.doc_no
    obj.filed_on = None  # a revised plan is filed again
    obj.filed_with = ''


def _repeal(obj: Any, data: dict[str, Any]) -> None:
    obj.repealed_on = data['on']


def _not_filed(obj: Any, data: dict[str, Any]) -> str | None:
    return '该版本预案已备案' if obj.filed_on else None


PLAN_WORKFLOW = Workflow('state', [
    Transition('issue', '印发', sources={S.DRAFT}, target=S.EFFECTIVE, effect=_issue),
    Transition('file', '报送备案', sources={S.EFFECTIVE}, target=None, guard=_not_filed, effect=_file),
    Transition('start_revision', '启动修订', sources={S.EFFECTIVE}, target=S.REVISING),
    Transition('revise', '修订印发', sources={S.REVISING}, target=S.EFFECTIVE, effect=_revised),
    Transition('repeal', '废止', sources={S.EFFECTIVE, S.REVISING}, target=S.REPEALED, effect=_repeal),
])
