"""Periods: months are the grain; quarters and years are built from them. Labels: 2025-03, 2025-Q1, 2025."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

GRAINS = ('month', 'quarter', 'year')
GRAIN_NAMES = {'month': '月度', 'quarter': '季度', 'year': '年度'}


def month_key(year: int, month: int) -> int:
    return year * 100 + month


def label(grain: str, month_key_: int) -> str:
    year, month = divmod(month_key_, 100)
    if grain == 'month':
        return f'{year}-{month:02d}'
    if grain == 'quarter':
        return f'{year}-Q{(month - 1) // 3 + 1}'
    return str(year)


def months_between(first: dt.date, last: dt.date) -> list[int]:
    keys, year, month = [], first.year, first.month
    while (year, month) <= (last.year, last.month):
        keys.append(month_key(year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return keys


def month_end(key: int) -> dt.date:
    year, month = divmod(key, 100)
    nxt = dt.date(year + 1, 1, 1) if month == 12 else dt.date(year, month + 1, 1)
    return nxt - dt.timedelta(days=1)


@dataclass(frozen=True)
class Period:
    grain: str
    label: str

    @classmethod
    def parse(cls, text: str) -> 'Period':
        text = text.strip()
        if len(text) == 4 and text.isdigit():
            return cls('year', text)
        if '-Q' in text.upper():
            year, q = text.upper().split('-Q')
            if year.isdigit() and q in '1234' and len(q) == 1:
                return cls('quarter', f'{year}-Q{q}')
        parts = text.split('-')
        if len(parts) == 2 and all(p.isdigit() for p in parts) and 1 <= int(parts[1]) <= 12:
            return cls('month', f'{int(parts[0])}-{int(parts[1]):02d}')
        raise ValueError(f'无法识别的期间“{text}”：应为 2025、2025-Q1 或 2025-03')

    @property
    def first_day(self) -> dt.date:
        year = int(self.label[:4])
        if self.grain == 'year':
            return dt.date(year, 1, 1)
        if self.grain == 'quarter':
            return dt.date(year, (int(self.label[-1]) - 1) * 3 + 1, 1)
        return dt.date(year, int(self.label[5:7]), 1)

    @property
    def last_day(self) -> dt.date:
        first = self.first_day
        months = {'year': 12, 'quarter': 3, 'month': 1}[self.grain]
        key = month_key(first.year, first.month) + months - 1
        year, month = divmod(key, 100)
        if month > 12:
            year, month = year + 1, month - 12
        return month_end(month_key(year, month))

    def shifted(self, years: int = 0, steps: int = 0) -> 'Period':
        """The same period `years` earlier/later, or `steps` periods of its grain earlier/later."""
        first = self.first_day
        months = {'year': 12, 'quarter': 3, 'month': 1}[self.grain] * steps + 12 * years
        index = first.year * 12 + first.month - 1 + months
        year, month = divmod(index, 12)
        start = month_key(year, month + 1)
        return Period(self.grain, label(self.grain, start))

    @property
    def display(self) -> str:
        if self.grain == 'year':
            return f'{self.label}年'
        if self.grain == 'quarter':
            return f'{self.label[:4]}年第{self.label[-1]}季度'
        return f'{self.label[:4]}年{int(self.label[5:7])}月'
