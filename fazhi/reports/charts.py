"""Charts for reports, drawn locally with matplotlib and a CJK font from Debian's fonts-noto-cjk (never fetched).

Each function returns PNG bytes; the caption and the data sources are kept by the caller (document.Chart).
"""
from __future__ import annotations

import io
import threading
from functools import cache
from typing import Sequence

import matplotlib

matplotlib.use('Agg')

from matplotlib import font_manager  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

CJK_FAMILIES = ('Noto Sans CJK SC', 'Noto Sans CJK JP', 'Noto Serif CJK SC', 'WenQuanYi Zen Hei', 'Source Han Sans SC')
COLORS = ('#9b1c1c', '#4b6584', '#d4a017', '#2e7d32', '#6a1b9a', '#00838f')
DPI = 150
_lock = threading.Lock()  # matplotlib's font cache is not thread-safe


@cache
def cjk_font() -> font_manager.FontProperties | None:
    """The first CJK font installed (Noto Sans CJK SC from fonts-noto-cjk); None when there is none."""
    for family in CJK_FAMILIES:
        try:
            path = font_manager.findfont(font_manager.FontProperties(family=family), fallback_to_default=False)
        except ValueError:
            continue
        if path:
            return font_manager.FontProperties(fname=path)
    return None


def _font_kwargs(size: float = 9) -> dict:
    font = cjk_font()
    if font is None:
        return {'fontsize': size}
    prop = font.copy()
    prop.set_size(size)
    return {'fontproperties': prop}


def _png(fig: Figure) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format='png', dpi=DPI, bbox_inches='tight', facecolor='white')
    return buf.getvalue()


def _frame(ax) -> None:  # type: ignore[no-untyped-def]
    for side in ('top', 'right'):
        ax.spines[side].set_visible(False)
    ax.grid(axis='y', color='#dddddd', linewidth=0.6)
    ax.set_axisbelow(True)


def trend(series: Sequence[tuple[str, Sequence[float | None]]], unit: str, *,
          labels: Sequence[str] | None = None) -> bytes:
    """Monthly values of one or more years (e.g. this year against last year): lines with markers."""
    labels = list(labels or [f'{m}月' for m in range(1, 13)])
    with _lock:
        fig = Figure(figsize=(6.4, 3.0))
        ax = fig.add_subplot()
        for i, (name, values) in enumerate(series):
            xs = [k for k, v in enumerate(values) if v is not None]
            ys = [v for v in values if v is not None]
            ax.plot(xs, ys, marker='o', markersize=3, linewidth=1.6, color=COLORS[i % len(COLORS)], label=name)
        ax.set_xticks(range(len(labels)))
        ax.set_xticklabels(labels, **_font_kwargs(8))
        ax.set_ylabel(unit, **_font_kwargs(8))
        for tick in ax.get_yticklabels():
            tick.set_fontsize(8)
        _frame(ax)
        ax.legend(prop=_font_kwargs(8).get('fontproperties'), frameon=False, loc='best')
        return _png(fig)


def ranking(names: Sequence[str], values: Sequence[float], unit: str, *, highlight: int = 3) -> bytes:
    """Horizontal bars, best first (the caller orders them); the first `highlight` bars in the accent colour."""
    height = max(2.0, 0.26 * len(names) + 0.6)
    with _lock:
        fig = Figure(figsize=(6.4, height))
        ax = fig.add_subplot()
        ys = list(range(len(names)))[::-1]
        colors = [COLORS[0] if i < highlight else COLORS[1] for i in range(len(names))]
        ax.barh(ys, values, color=colors, height=0.65)
        ax.set_yticks(ys)
        ax.set_yticklabels(names, **_font_kwargs(8))
        low = min(values) if values else 0
        high = max(values) if values else 1
        if unit == '%' and low > 50:
            ax.set_xlim(max(0, low - (high - low) * 0.5 - 1), min(100, high + (high - low) * 0.2 + 0.5))
        for y, v in zip(ys, values):
            ax.text(v, y, f' {v:g}{unit}', va='center', **_font_kwargs(7))
        ax.set_xlabel(unit, **_font_kwargs(8))
        for spine in ('top', 'right'):
            ax.spines[spine].set_visible(False)
        return _png(fig)


def bars(names: Sequence[str], values: Sequence[float], unit: str) -> bytes:
    """Vertical bars of a few categories (e.g. enterprises by credit grade)."""
    with _lock:
        fig = Figure(figsize=(6.4, 2.8))
        ax = fig.add_subplot()
        xs = range(len(names))
        ax.bar(xs, values, color=[COLORS[i % len(COLORS)] for i in xs], width=0.6)
        ax.set_xticks(list(xs))
        ax.set_xticklabels(names, **_font_kwargs(8))
        for x, v in zip(xs, values):
            ax.text(x, v, f'{v:g}', ha='center', va='bottom', **_font_kwargs(7))
        ax.set_ylabel(unit, **_font_kwargs(8))
        _frame(ax)
        return _png(fig)
