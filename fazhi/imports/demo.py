"""Demo step: a realistic year of every feed table of the analytics store (generated set-based in DuckDB)."""
from __future__ import annotations

from fazhi.core.demo import DemoContext, register
from fazhi.core.feed_demo import demo_feeds


@register(70, '业务数据台账（分析库）')
def build_feeds(ctx: DemoContext) -> None:
    demo_feeds(ctx)
