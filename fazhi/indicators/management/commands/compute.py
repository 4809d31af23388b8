"""`fazhi compute`: compute the indicator catalogue (or one indicator) and print or store the figures."""
from __future__ import annotations

import datetime as dt
import tempfile
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from rich.console import Console
from rich.table import Table

from fazhi.indicators import engine, results, service, store, sync
from fazhi.indicators.definitions import DefinitionError, catalogue, get
from fazhi.indicators.periods import Period


class Command(BaseCommand):
    help = '计算指标：全部指标目录或单个指标，任意单位与期间，DuckDB（默认）或 Spark'

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument('--indicator', help='指标编码，缺省为全部')
        parser.add_argument('--unit', help='显示该单位的结果（单位编码）')
        parser.add_argument('--period', help='显示该期间的结果：2025、2025-Q1 或 2025-03')
        parser.add_argument('--engine', choices=['duckdb', 'spark'], default='duckdb')
        parser.add_argument('--as-of', help='计算基准日（按期率的截止日），默认今天')
        parser.add_argument('--list', action='store_true', help='列出指标目录')

    def handle(self, *args: Any, **opts: Any) -> None:
        console = Console()
        if opts['list']:
            return self._list(console)
        try:
            indicators = [get(opts['indicator'])] if opts['indicator'] else list(catalogue().values())
            period = Period.parse(opts['period']) if opts['period'] else None
            as_of = dt.date.fromisoformat(opts['as_of']) if opts['as_of'] else dt.date.today()
        except (DefinitionError, ValueError) as exc:
            raise CommandError(str(exc))
        started = time.perf_counter()
        with service.store() as con:
            sync.sync_all(con)
            window = results.default_window(con, as_of)
            with console.status('正在计算…') as status:
                step = lambda name: status.update(f'正在计算：{name}')  # noqa: E731
                if opts['engine'] == 'spark':
                    frame = self._spark(con, indicators, window, step)
                else:
                    frame = results.compute_and_store(con, indicators, window, step)
        console.print(f'已计算 {len(indicators)} 项指标，{len(frame)} 个数值，用时 {time.perf_counter() - started:.1f} 秒'
                      f'（{opts["engine"]}）。')
        self._show(console, frame, indicators, opts['unit'], period)

    def _spark(self, con: Any, indicators: list[Any], window: Any, step: Any) -> Any:
        """Run the same definitions on Spark over a copy of the store (a real cluster reads its own tables)."""
        with tempfile.TemporaryDirectory() as tmp:
            spark = store.connect_spark(tmp)
            for (name,) in con.execute('SELECT table_name FROM information_schema.tables').fetchall():
                spark.create_table(name, con.execute(f'SELECT * FROM "{name}"').arrow(), overwrite=True)
            return engine.compute(spark, indicators, window, step)

    def _show(self, console: Console, frame: Any, indicators: list[Any], unit: str | None, period: Period | None) -> None:
        if unit is None and period is None:
            return
        rows = frame
        if unit:
            rows = rows[rows.unit_code == unit]
        if period:
            rows = rows[(rows.grain == period.grain) & (rows.period == period.label)]
        table = Table('指标', '单位', '期间', '分子', '分母', '数值')
        names = {i.code: i.name for i in indicators}
        for r in rows.itertuples():
            table.add_row(names[r.indicator], r.unit_code, r.period, f'{r.numerator:g}',
                          '' if r.denominator != r.denominator else f'{r.denominator:g}',
                          '—' if r.value != r.value or r.value is None else f'{r.value:g}')
        console.print(table)

    def _list(self, console: Console) -> None:
        table = Table('编码', '名称', '领域', '单位', '版本')
        for i in catalogue().values():
            table.add_row(i.code, i.name, i.area, i.unit_of_measure, str(i.version))
        console.print(table)
