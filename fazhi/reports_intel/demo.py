"""Demo step: load the five source documents (../shared/seeds beside the repository) as published reports.

The files are read where they lie at run time (FAZHI_SEED_DIR overrides the place); nothing of their text is
kept in the repository. Without them the step does nothing.
"""
from __future__ import annotations

import os
from pathlib import Path

from django.conf import settings

from fazhi.core.demo import DemoContext, register


def seed_dir() -> Path:
    if folder := os.environ.get('FAZHI_SEED_DIR'):
        return Path(folder)
    return Path(settings.BASE_DIR).parent.parent / 'shared' / 'seeds'


def seed_files(folder: Path | None = None) -> list[Path]:
    folder = folder or seed_dir()
    return sorted(folder.glob('[0-9][0-9][0-9]_*.txt')) if folder.is_dir() else []


@register(90, '报告智能分析：载入种子报告')
def load_seed_reports(ctx: DemoContext) -> None:
    from .loading import load_report

    files = seed_files()
    if not files:
        ctx.progress(f'未找到种子报告（{seed_dir()}），跳过')
        return
    admin = ctx.data.get('users', {}).get('admin')
    for path in files:
        load_report(path.read_bytes(), path.name, user=admin)
