"""The demo district generator: each app registers a step; steps run in order, deterministically."""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any, Callable

Step = Callable[['DemoContext'], None]
_steps: list[tuple[int, str, Step]] = []


@dataclass
class DemoContext:
    seed: int = 2026
    scale: float = 1.0
    year: int = 2025
    rng: random.Random = field(init=False)
    passwords: dict[str, str] = field(default_factory=dict)
    data: dict[str, Any] = field(default_factory=dict)
    progress: Callable[[str], None] = lambda message: None

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)

    def count(self, base: int) -> int:
        return max(1, round(base * self.scale))


def register(order: int, name: str) -> Callable[[Step], Step]:
    def wrap(step: Step) -> Step:
        _steps.append((order, name, step))
        return step
    return wrap


def steps() -> list[tuple[int, str, Step]]:
    return sorted(_steps, key=lambda s: s[0])


def run(ctx: DemoContext) -> DemoContext:
    from .context import acting_as
    with acting_as(None, label='system:demo'):
        for _, name, step in steps():
            ctx.progress(name)
            step(ctx)
    return ctx
