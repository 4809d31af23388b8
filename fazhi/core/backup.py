"""Backup and restore of a whole installation: application database, analytics store and uploaded files.

One archive (.tar.gz) holds `manifest.json` (format, time, migrations, record counts, a sha256 per member),
`database.xml.gz` (every record, by Django's XML serializer: lossless, where its JSON one cuts times to
milliseconds and would break the audit chain's hashes; natural keys for record types, so the same archive
restores on SQLite or PostgreSQL), `analytics.duckdb` (the store, copied after a checkpoint while
its lock is held) and `media/` (evidence, report files, uploaded reports).

Restore checks the archive first (checksums, migrations of this installation), then replaces the database in one
transaction (emptied and loaded together: a failure leaves it as it was), swaps the store and the files in with
renames, verifies the audit chain and records the restore in it.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder

FORMAT = 1
EXCLUDED = [label for label in ('contenttypes', 'auth.permission', 'sessions', 'admin')
            if apps.is_installed(f'django.contrib.{label.split(".")[0]}')]
Say = Callable[[str], None]


class BackupError(RuntimeError):
    """A backup or restore that cannot go ahead; the message says why, in Chinese."""


@dataclass
class RestoreResult:
    created_at: str
    records: int
    audit: str


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, 'rb') as handle:
        for block in iter(lambda: handle.read(1 << 20), b''):
            digest.update(block)
    return digest.hexdigest()


def _migrations() -> dict[str, list[str]]:
    applied: dict[str, list[str]] = {}
    for app, name in MigrationRecorder(connection).applied_migrations():
        applied.setdefault(app, []).append(name)
    return {app: sorted(names) for app, names in sorted(applied.items())}


def _counts() -> dict[str, int]:
    return {m._meta.label: m._base_manager.count() for m in apps.get_models()
            if m._meta.app_label not in ('contenttypes', 'sessions', 'admin') and m._meta.label != 'auth.Permission'
            and m._meta.managed and not m._meta.proxy}


def _copy_store(target: Path) -> bool:
    """Copy the analytics store consistently: checkpoint under its lock, copy while still holding it."""
    from fazhi.indicators.store import open_store
    source = Path(settings.ANALYTICS_DB)
    if not source.exists():
        return False
    con = open_store(source)
    try:
        con.execute('CHECKPOINT')
        shutil.copyfile(source, target)
    finally:
        con.close()
    return True


def create(path: Path, say: Say = lambda _: None) -> dict:
    """Write the archive to `path` (written beside it first, renamed when complete)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix='fazhi-backup-') as tmp:
        work = Path(tmp)
        say('导出业务数据库…')
        call_command('dumpdata', exclude=EXCLUDED, natural_foreign=True, format='xml', output=str(work / 'database.xml.gz'),
                     verbosity=0)
        say('复制分析数据库…')
        members = ['database.xml.gz'] + (['analytics.duckdb'] if _copy_store(work / 'analytics.duckdb') else [])
        manifest = {'format': FORMAT, 'created_at': dt.datetime.now().isoformat(timespec='seconds'),
                    'database': connection.vendor, 'migrations': _migrations(), 'counts': _counts(),
                    'files': {name: _sha256(work / name) for name in members}}
        (work / 'manifest.json').write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding='utf-8')
        say('打包…')
        partial = path.with_name(path.name + '.part')
        with tarfile.open(partial, 'w:gz') as tar:
            tar.add(work / 'manifest.json', 'manifest.json')
            for name in members:
                tar.add(work / name, name)
            media = Path(settings.MEDIA_ROOT)
            if media.is_dir():
                tar.add(media, 'media')
        os.replace(partial, path)
    return manifest


def _unpack(path: Path, into: Path) -> dict:
    try:
        with tarfile.open(path, 'r:gz') as tar:
            tar.extractall(into, filter='data')
    except (tarfile.TarError, OSError, EOFError) as exc:
        raise BackupError(f'备份文件 {path} 无法读取（不是完整的 fazhi 备份）：{exc}') from exc
    try:
        manifest = json.loads((into / 'manifest.json').read_text(encoding='utf-8'))
    except (OSError, ValueError) as exc:
        raise BackupError(f'备份文件 {path} 缺少有效的 manifest.json') from exc
    if manifest.get('format') != FORMAT:
        raise BackupError(f'备份格式版本 {manifest.get("format")} 不受支持（本程序支持 {FORMAT}）')
    for name, expected in manifest.get('files', {}).items():
        if not (into / name).exists() or _sha256(into / name) != expected:
            raise BackupError(f'备份文件中的 {name} 已损坏或被修改（校验值不符），未作任何恢复')
    return manifest


def _check_migrations(manifest: dict) -> None:
    ours, theirs = _migrations(), manifest.get('migrations', {})
    differing = sorted(app for app in set(ours) | set(theirs) if ours.get(app) != theirs.get(app))
    if differing:
        raise BackupError('备份与本系统的数据库结构版本不一致（' + '、'.join(differing[:8]) +
                          '），请使用与备份相同版本的程序恢复，或先升级后再备份')


def _replace_database(dump: Path) -> None:
    """Empty every table and load the dump in one transaction: on any error nothing has changed."""
    tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
    keep = {'django_migrations', 'django_content_type', 'auth_permission'}
    flush = connection.ops.sql_flush(no_style(), [t for t in tables if t not in keep], reset_sequences=True,
                                     allow_cascade=True)
    with transaction.atomic():
        deferred = connection.vendor == 'postgresql'
        if deferred:  # TRUNCATE refuses tables with deferred FK checks still pending in this transaction
            with connection.cursor() as cursor:
                cursor.execute('SET CONSTRAINTS ALL IMMEDIATE')
        connection.ops.execute_sql_flush(flush)
        if deferred:  # the dump is loaded in any order: checks at commit again
            with connection.cursor() as cursor:
                cursor.execute('SET CONSTRAINTS ALL DEFERRED')
        call_command('loaddata', str(dump), verbosity=0)


def _swap_in(source: Path, target: Path) -> None:
    """Put `source` at `target` with renames, so a reader sees the old or the new one, never half of one."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staged = target.with_name(target.name + '.restoring')
    if staged.exists():
        shutil.rmtree(staged) if staged.is_dir() else staged.unlink()
    shutil.move(str(source), staged)
    old = target.with_name(target.name + '.before-restore')
    if target.exists():
        if old.exists():
            shutil.rmtree(old) if old.is_dir() else old.unlink()
        os.replace(target, old)
    os.replace(staged, target)
    if old.exists():
        shutil.rmtree(old) if old.is_dir() else old.unlink()


def restore(path: Path, say: Say = lambda _: None) -> RestoreResult:
    from fazhi.core import audit, services
    from fazhi.core.context import acting_as
    path = Path(path)
    if not path.is_file():
        raise BackupError(f'找不到备份文件：{path}')
    with tempfile.TemporaryDirectory(prefix='fazhi-restore-', dir=Path(settings.DATA_DIR)) as tmp:
        work = Path(tmp)
        say('检查备份文件…')
        manifest = _unpack(path, work)
        _check_migrations(manifest)
        say('恢复业务数据库…')
        _replace_database(work / 'database.xml.gz')
        if (work / 'analytics.duckdb').exists():
            say('恢复分析数据库…')
            _swap_in(work / 'analytics.duckdb', Path(settings.ANALYTICS_DB))
        if (work / 'media').is_dir():
            say('恢复上传文件…')
            _swap_in(work / 'media', Path(settings.MEDIA_ROOT))
    say('校验审计链…')
    result = audit.verify()
    with acting_as(None, label='system:restore'):
        services.record_event(None, f'从备份恢复（备份时间 {manifest["created_at"]}，文件 {path.name}）')
    return RestoreResult(manifest['created_at'], sum(manifest.get('counts', {}).values()), str(result))


def read_manifest(path: Path) -> dict:
    with tarfile.open(path, 'r:gz') as tar:
        member = tar.extractfile('manifest.json')
        if member is None:
            raise BackupError('备份文件缺少 manifest.json')
        return json.loads(member.read().decode('utf-8'))

