"""The hash-chained audit trail: append, snapshot, verify.

Each entry stores sha256(canonical JSON of its content + the previous entry's hash). A
chain head row names the last link, so editing, deleting or re-ordering any entry — the
last one included — breaks verification at a named entry.
"""
from __future__ import annotations

import datetime as dt
import decimal
import hashlib
import json
import uuid
from dataclasses import dataclass
from typing import Any, Iterable

from django.db import models, transaction
from django.utils import timezone

from .context import Actor, current_actor
from .models import AuditChainHead, AuditEntry

GENESIS = '0' * 64
HASHED_FIELDS = ('seq', 'timestamp', 'actor_id', 'actor_name', 'actor_role', 'action', 'object_type',
                 'object_id', 'object_repr', 'unit_id', 'before', 'after', 'message', 'request_id', 'ip')


def _jsonable(value: Any) -> Any:
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, (decimal.Decimal, uuid.UUID)):
        return str(value)
    if isinstance(value, dt.timedelta):
        return value.total_seconds()
    if hasattr(value, 'name') and hasattr(value, 'url'):  # FieldFile
        return value.name or ''
    return value


def snapshot(obj: models.Model) -> dict[str, Any]:
    exclude = getattr(obj, 'audit_exclude', frozenset()) | {'password'}
    return {f.attname: _jsonable(getattr(obj, f.attname)) for f in obj._meta.concrete_fields
            if f.name not in exclude and f.attname not in exclude}


def _canonical_time(ts: dt.datetime) -> str:
    return ts.astimezone(dt.timezone.utc).strftime('%Y-%m-%dT%H:%M:%S.%fZ')


def entry_digest(values: dict[str, Any], prev_hash: str) -> str:
    payload = {k: values.get(k) for k in HASHED_FIELDS}
    payload['timestamp'] = _canonical_time(payload['timestamp'])
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(',', ':'), default=str)
    return hashlib.sha256((prev_hash + text).encode('utf-8')).hexdigest()


def _entry_values(actor: Actor | None, action: str, obj: models.Model | None, *, before: Any = None,
                  after: Any = None, message: str = '', unit_id: int | None = None) -> dict[str, Any]:
    actor = actor or current_actor() or Actor(user=None, label='system')
    user = actor.user if actor.user is not None and getattr(actor.user, 'is_authenticated', False) else None
    if obj is not None and unit_id is None:
        unit = getattr(obj, 'owning_unit', None)
        unit_id = getattr(unit, 'pk', None)
    return {
        'actor_id': user.pk if user else None, 'actor_name': actor.name, 'actor_role': actor.role,
        'action': action,
        'object_type': obj._meta.label_lower if obj is not None else '',
        'object_id': str(obj.pk) if obj is not None and obj.pk is not None else '',
        'object_repr': str(obj)[:200] if obj is not None else '',
        'unit_id': unit_id, 'before': before, 'after': after, 'message': message,
        'request_id': actor.request_id, 'ip': actor.ip,
    }


def append(entries: Iterable[dict[str, Any]]) -> list[AuditEntry]:
    """Append entries (values from `_entry_values`) to the chain, atomically and in order."""
    with transaction.atomic():
        head, _ = AuditChainHead.objects.select_for_update().get_or_create(id=1)
        now = timezone.now()
        rows = []
        for values in entries:
            values = dict(values, seq=head.seq + 1, timestamp=now)
            values['hash'] = entry_digest(values, head.hash)
            values['prev_hash'] = head.hash
            rows.append(AuditEntry(**values))
            head.seq, head.hash = values['seq'], values['hash']
        AuditEntry.objects.bulk_create(rows, batch_size=500)
        head.save()
    return rows


def record(action: str, obj: models.Model | None = None, *, actor: Actor | None = None, **kwargs: Any) -> AuditEntry:
    return append([_entry_values(actor, action, obj, **kwargs)])[0]


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    checked: int
    problem: str = ''
    entry_seq: int | None = None

    def __str__(self) -> str:
        if self.ok:
            return f'审计链完整：共校验 {self.checked} 条记录。'
        return f'审计链校验失败：{self.problem}'


def verify(progress: Any = None) -> VerifyResult:
    """Recompute every link. Returns the first broken entry, if any."""
    prev, expected_seq, checked = GENESIS, 1, 0
    fields = [*HASHED_FIELDS, 'hash', 'prev_hash']
    for values in AuditEntry.objects.order_by('seq').values(*fields).iterator(chunk_size=2000):
        seq = values['seq']
        if seq != expected_seq:
            return VerifyResult(False, checked, f'第 {expected_seq} 条记录缺失（下一条为第 {seq} 条）', expected_seq)
        if values['prev_hash'] != prev:
            return VerifyResult(False, checked, f'第 {seq} 条记录与前一条的链接被篡改', seq)
        if entry_digest(values, prev) != values['hash']:
            return VerifyResult(False, checked, f'第 {seq} 条记录的内容被篡改（哈希不符）', seq)
        prev, expected_seq, checked = values['hash'], seq + 1, checked + 1
        if progress:
            progress(checked)
    head = AuditChainHead.objects.filter(id=1).first()
    head_seq, head_hash = (head.seq, head.hash) if head else (0, GENESIS)
    if (head_seq, head_hash) != (expected_seq - 1, prev):
        return VerifyResult(False, checked, f'链头记录为第 {head_seq} 条，但实际最后一条为第 {expected_seq - 1} 条：'
                                            f'末尾记录被删除或链头被篡改', head_seq)
    return VerifyResult(True, checked)
