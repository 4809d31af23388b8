"""Last demo step: bring the ledgers into the analytics store and compute the whole catalogue, so the
dashboard opens on figures rather than on a first computation."""
from __future__ import annotations

from fazhi.core.demo import DemoContext, register

from . import results, service, sync


@register(900, '指标计算')
def compute_figures(ctx: DemoContext) -> None:
    with service.store() as con:
        sync.sync_all(con, full=True)
        results.compute_and_store(con)
