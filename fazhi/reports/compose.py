"""Draft a document from its template, the engine's figures and the narrative people wrote.

Walks the spec tree (see spec.py), numbering headings and points, filling each figure sentence from the
`FigureBook` and registering every figure it states with its provenance. A figure that cannot be stated is
never invented: the sentence becomes a note that the data is missing (or is left out, when the template says
so), and the gap is listed for the pre-publication check.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Callable

from fazhi.indicators.definitions import Indicator

from . import charts, phrasing
from .document import Block, Chart, Draft, Figure, Gap, Run
from .figures import FigureBook, known_indicator
from .spec import OVERDUE_CODES, PLACEHOLDER, Spec

TOKEN = re.compile(r'(\[|\]|\{[^{}]*\})')
CONTEXT = re.compile(r'\{([a-z_]+)\}')


class Missing(Exception):
    """A figure that cannot be stated; `message` says why, in Chinese."""

    def __init__(self, message: str, code: str = '') -> None:
        super().__init__(message)
        self.message = message
        self.code = code


@dataclass
class Pending:
    run: Run
    figure: Figure | None


class Composer:
    def __init__(self, spec: Spec, *, unit: Any, year: int, month: int, book: FigureBook,
                 narratives: dict[str, tuple[str, int]], today: dt.date | None = None,
                 draw_charts: bool = True) -> None:
        self.spec = spec
        self.unit = unit
        self.book = book
        self.period = book.period
        self.narratives = narratives
        self.draw_charts = draw_charts
        today = today or dt.date.today()
        is_district = unit.kind == 'district'
        self.context = {
            'year': str(year), 'prev_year': str(year - 1), 'next_year': str(year + 1), 'month': str(month or ''),
            'unit': unit.name, 'unit_short': unit.short_name or unit.name, 'scope': '全区' if is_district else '本单位',
            'issue': f'{year}年第{phrasing.chinese_number(month)}期' if month else '',
            'date': f'{today.year}年{today.month}月{today.day}日', 'period': self.period.display,
            'prev_period': self.book.previous.display, 'prior_period': self.book.prior.display,
        }
        self.monthly = spec.grain == 'month'
        self.draft = Draft(title=self.words(spec.title), kind=spec.kind, unit_code=unit.code, unit_name=unit.name,
                           period=self.period.label, period_display=self.period.display,
                           subtitle=self.words(spec.subtitle), toc=spec.toc, data_as_of=book.as_of,
                           issuer=self.issuer(), date_line=self.context['date'])
        self.counters = [0, 0, 0]
        self.path: list[str] = []
        self.tables = 0

    # -- context words -----------------------------------------------------------

    def words(self, text: str) -> str:
        return CONTEXT.sub(lambda m: self.context.get(m.group(1), m.group(0)), text or '')

    def issuer(self) -> str:
        if self.spec.style == 'bulletin':
            return f'{self.unit.short_name or self.unit.name}全面依法治区委员会办公室'
        return self.unit.name

    # -- the walk ------------------------------------------------------------------

    def compose(self, progress: Callable[[int, str], None] | None = None) -> Draft:
        if self.spec.toc:
            self.draft.blocks.append(Block('toc', in_toc=False))
        self.blocks(self.spec.body, depth=0)
        self.draft.blocks.append(Block('appendix', runs=[Run('附：数据来源说明')], in_toc=False))
        return self.draft

    def blocks(self, blocks: list[dict[str, Any]], depth: int) -> None:
        paragraph: Block | None = None
        for block in blocks:
            if 'heading' in block:
                paragraph = None
                self.heading(block, depth)
            elif 'item' in block:
                paragraph = None
                self.item(block, depth)
            elif 'narrative' in block:
                paragraph = self.narrative(block, paragraph)
            elif 'text' in block:
                paragraph = self.text(block, paragraph)
            else:
                paragraph = None
                self.special(block)

    def section(self) -> str:
        return ' > '.join(self.path)

    def heading(self, block: dict[str, Any], depth: int) -> None:
        title = self.words(block['heading'])
        level = min(depth + 1, 2)
        number = ''
        if block.get('number', True):
            self.counters[level - 1] += 1
            if level == 1:
                self.counters[1] = self.counters[2] = 0
            elif self.spec.item_numbering == 'section':
                self.counters[2] = 0
            n = self.counters[level - 1]
            number = f'{phrasing.chinese_number(n)}、' if level == 1 else f'（{phrasing.chinese_number(n)}）'
        if block.get('pagebreak'):
            self.draft.blocks.append(Block('pagebreak'))
        anchor = f'h{len(self.draft.headings()) + 1}'
        self.draft.blocks.append(Block('heading', runs=[Run(title)], level=level, number=number, anchor=anchor))
        self.path = self.path[:depth] + [number + title]
        self.blocks(block.get('body') or [], depth + 1)
        self.path = self.path[:depth]

    def item(self, block: dict[str, Any], depth: int) -> None:
        self.counters[2] += 1
        number = f'{self.counters[2]}.'
        title = self.words(block['item'])
        self.path = self.path[:depth] + [number + title]
        if self.spec.items == 'heading':
            anchor = f'h{len(self.draft.headings()) + 1}'
            self.draft.blocks.append(Block('heading', runs=[Run(title)], level=3, number=number, anchor=anchor))
            self.blocks(block.get('body') or [], depth + 1)
        else:
            lead = Block('paragraph', runs=[Run(f'{number}{title}。', bold=True)])
            self.draft.blocks.append(lead)
            self.blocks_runin(block.get('body') or [], lead, depth + 1)
        self.path = self.path[:depth]

    def blocks_runin(self, blocks: list[dict[str, Any]], lead: Block, depth: int) -> None:
        """A run-in point: its first sentences continue the paragraph that starts with '1.标题。'."""
        paragraph: Block | None = lead
        for block in blocks:
            if 'narrative' in block:
                paragraph = self.narrative(block, paragraph)
            elif 'text' in block:
                paragraph = self.text(block, paragraph)
            else:
                paragraph = None
                self.special(block)

    # -- text ----------------------------------------------------------------------

    def narrative(self, block: dict[str, Any], paragraph: Block | None) -> Block | None:
        key = block['narrative']
        text, revision = self.narratives.get(key, (block.get('default', ''), 0))
        self.draft.narratives[key] = revision
        lines = [line.strip() for line in (text or '').splitlines() if line.strip()]
        for i, line in enumerate(lines):
            runs = self.fill(line, lenient=True, narrative=key)
            if i == 0 and paragraph is not None:
                paragraph.runs.extend(runs)
                paragraph.narrative = paragraph.narrative or key
            else:
                paragraph = Block('paragraph', runs=runs, narrative=key)
                self.draft.blocks.append(paragraph)
        return paragraph

    def text(self, block: dict[str, Any], paragraph: Block | None) -> Block | None:
        try:
            runs = self.fill(block['text'])
        except Missing as exc:
            omit = block.get('when_empty', 'note') == 'omit'
            self.draft.gaps.append(Gap(exc.message, self.section(), exc.code, omitted=omit))
            if omit:
                return paragraph
            runs = [Run(f'【数据暂缺：{exc.message}】', gap=True)]
        if paragraph is None:
            paragraph = Block('paragraph')
            self.draft.blocks.append(paragraph)
        paragraph.runs.extend(runs)
        return paragraph

    def fill(self, template: str, *, lenient: bool = False, narrative: str = '') -> list[Run]:
        """Runs of a sentence template. Not lenient: a missing figure outside [brackets] raises Missing;
        lenient (narratives): it becomes an inline note and is listed as a gap."""
        out: list[Pending] = []
        optional: list[Pending] | None = None
        optional_ok = True
        for token in TOKEN.split(self.words(template)):
            if not token:
                continue
            if token == '[':
                optional, optional_ok = [], True
                continue
            if token == ']':
                if optional is not None and optional_ok:
                    out.extend(optional)
                optional = None
                continue
            target = optional if optional is not None else out
            if PLACEHOLDER.fullmatch(token):
                try:
                    target.extend(self.placeholder(PLACEHOLDER.fullmatch(token)))
                except Missing as exc:
                    if optional is not None:
                        optional_ok = False
                    elif lenient:
                        self.draft.gaps.append(Gap(exc.message, self.section(), exc.code, narrative))
                        target.append(Pending(Run(f'【数据暂缺：{exc.message}】', gap=True), None))
                    else:
                        raise
            else:
                target.append(Pending(Run(token), None))
        return [self.commit(p) for p in out]

    def commit(self, pending: Pending) -> Run:
        if pending.figure is not None:
            pending.figure.ref = len(self.draft.figures) + 1
            pending.figure.section = self.section()
            self.draft.figures.append(pending.figure)
            pending.run.ref = pending.figure.ref
        return pending.run

    def indicator(self, code: str) -> Indicator:
        indicator = known_indicator(code)
        if indicator is None:
            raise Missing(f'指标“{code}”尚未纳入指标目录', code)
        if code in getattr(self.book, 'failed', {}):
            raise Missing(f'指标“{indicator.name}”（{code}）未能计算：{self.book.failed[code]}', code)
        return indicator

    def placeholder(self, match: re.Match[str]) -> list[Pending]:
        code, fmt, arg = match.group(1), match.group(2) or 'value', match.group(3)
        indicator = self.indicator(code)
        return [self.figure(indicator, fmt, arg)]

    def figure(self, indicator: Indicator, fmt: str, arg: str | None = None, unit_code: str | None = None) -> Pending:
        unit_code = unit_code or self.unit.code
        unit = self.book.units.get(unit_code, self.unit)
        period = self.book.previous if fmt == 'prev' else self.period
        found = self.book.value(indicator.code, unit_code, period)
        if found is None or (fmt in ('value', 'prev') and found.value is None):
            raise Missing(f'{unit.name}{period.display}“{indicator.name}”暂无数据', indicator.code)
        base = dict(indicator=indicator.code, indicator_name=indicator.name, unit_code=unit_code, unit_name=unit.name,
                    numerator=found.numerator, denominator=found.denominator, small_sample=found.small_sample)
        if fmt in ('value', 'prev'):
            text = phrasing.value_text(indicator, found.value)
            return Pending(Run(text), Figure(0, text, 'value' if fmt == 'value' else 'previous', period=period.label,
                                            value=found.value, records=self.book.records(indicator, unit_code, period),
                                            **base))
        if fmt in ('num', 'den'):
            count = found.numerator if fmt == 'num' else found.denominator
            if count is None:
                raise Missing(f'“{indicator.name}”没有分母', indicator.code)
            text = phrasing.count_text(count, arg or '件')
            return Pending(Run(text), Figure(0, text, 'numerator' if fmt == 'num' else 'denominator',
                                            period=period.label, value=count, records=int(count), **base))
        if fmt in ('yoy', 'mom'):
            other = self.book.previous if fmt == 'yoy' else self.book.prior
            before = self.book.value(indicator.code, unit_code, other)
            flat = ('与上年同期持平' if self.monthly else '与上年持平') if fmt == 'yoy' else '与上月持平'
            stated = phrasing.change_text(indicator, found.value, before.value if before else None,
                                          prefix='同比' if fmt == 'yoy' else '环比', flat_words=flat)
            if stated is None:
                raise Missing(f'{other.display}“{indicator.name}”无可比数据', indicator.code)
            text, diff = stated
            return Pending(Run(text), Figure(0, text, 'change', period=period.label, compared_period=other.label,
                                            value=diff, **base))
        raise Missing(f'未知的数字格式“{fmt}”', indicator.code)

    # -- tables, charts, rankings ----------------------------------------------------

    def special(self, block: dict[str, Any]) -> None:
        if block.get('pagebreak'):
            self.draft.blocks.append(Block('pagebreak'))
        elif 'indicator_table' in block:
            self.indicator_table(block['indicator_table'])
        elif 'unit_table' in block:
            self.unit_table(block['unit_table'])
        elif 'ranking' in block:
            self.ranking(block['ranking'])
        elif 'chart' in block:
            self.chart(block['chart'])
        elif 'overdue' in block:
            self.overdue(block['overdue'] or {})
        elif 'sampled_cases' in block:
            self.sampled_cases(block['sampled_cases'] or {})

    def cell(self, indicator: Indicator, fmt: str, unit_code: str | None = None) -> list[Run]:
        try:
            return [self.commit(self.figure(indicator, fmt, unit_code=unit_code))]
        except Missing:
            return [Run('—')]

    def table(self, caption: str, header: list[str], rows: list[list[list[Run]]]) -> None:
        self.tables += 1
        self.draft.blocks.append(Block('table', caption=f'表{self.tables}　{self.words(caption)}', header=header,
                                       rows=rows))

    def indicator_table(self, spec: dict[str, Any]) -> None:
        rows = []
        for code in spec.get('codes', []):
            indicator = known_indicator(code)
            if indicator is None:
                self.draft.gaps.append(Gap(f'指标“{code}”尚未纳入指标目录，表中未列出', self.section(), code))
                continue
            row = [[Run(indicator.name)], self.cell(indicator, 'value'), self.cell(indicator, 'prev'),
                   self.cell(indicator, 'yoy')]
            if self.monthly:
                row.append(self.cell(indicator, 'mom'))
            rows.append(row)
        header = ['指标', self.period.display, self.book.previous.display, '同比']
        if self.monthly:
            header.append('环比')
        self.table(spec.get('caption', '主要指标'), header, rows)

    def children(self, kinds: list[str] | None) -> list[Any]:
        return [u for u in self.book.children if not kinds or u.kind in kinds]

    def unit_table(self, spec: dict[str, Any]) -> None:
        indicators = [i for i in (known_indicator(c) for c in spec.get('codes', [])) if i is not None]
        rows = []
        for unit in self.children(spec.get('kinds')):
            cells = [self.cell(i, 'value', unit.code) for i in indicators]
            if all(c[0].ref is None for c in cells):
                continue
            rows.append([[Run(unit.name)], *cells])
        if not rows:
            self.draft.gaps.append(Gap(f'“{self.words(spec.get("caption", ""))}”无各单位数据', self.section()))
            return
        self.table(spec.get('caption', '各单位主要指标'), ['单位', *[i.name for i in indicators]], rows)

    def ranked(self, indicator: Indicator, kinds: list[str] | None) -> list[tuple[Any, float]]:
        rows = []
        for unit in self.children(kinds):
            found = self.book.value(indicator.code, unit.code)
            if found is not None and found.value is not None and not found.small_sample:
                rows.append((unit, found.value))
        rows.sort(key=lambda r: (-r[1] if indicator.higher_is_better else r[1], r[0].code))
        return rows

    def ranking(self, spec: dict[str, Any]) -> None:
        indicator = known_indicator(spec['indicator'])
        kinds = spec.get('kinds')
        who = spec.get('who', '单位')
        if indicator is None:
            self._gap_paragraph(f'指标“{spec["indicator"]}”尚未纳入指标目录，无法排名', spec['indicator'])
            return
        rows = self.ranked(indicator, kinds)
        if len(rows) < 2:
            self._gap_paragraph(f'{self.period.display}各{who}“{indicator.name}”数据不足，无法排名', indicator.code)
            return
        top, bottom = int(spec.get('top', 3)), int(spec.get('bottom', 3))
        if len(rows) < top + bottom:  # few units: the better half first, the rest as the last
            top = (len(rows) + 1) // 2 if bottom else len(rows)
            bottom = len(rows) - top if bottom else 0

        def listed(part: list[tuple[Any, float]]) -> list[Run]:
            runs: list[Run] = []
            for i, (unit, _) in enumerate(part):
                if i:
                    runs.append(Run('、'))
                runs.append(Run(f'{unit.name}（'))
                runs.append(self.commit(self.figure(indicator, 'value', unit_code=unit.code)))
                runs.append(Run('）'))
            return runs
        lead = '排名第一' if top == 1 else f'位列前{phrasing.chinese_number(top)}'
        runs = [Run(f'按{indicator.name}排名，{self.period.display}{lead}的{who}是')]
        runs += listed(rows[:top])
        if bottom > 0:
            runs.append(Run(f'；排名靠后的{who}是'))
            runs += listed(rows[-bottom:])
        runs.append(Run('。'))
        self.draft.blocks.append(Block('paragraph', runs=runs))
        if spec.get('chart', True):
            caption = spec.get('caption') or f'{self.period.display}各{who}{indicator.name}排名'
            self.add_chart(self.words(caption), lambda: charts.ranking(
                [u.name for u, _ in rows], [v for _, v in rows], indicator.unit_of_measure, highlight=top),
                [indicator], grain=self.period.grain, units=f'各{who}')
        skipped = [u for u in self.children(kinds) if (v := self.book.value(indicator.code, u.code)) is not None
                   and v.small_sample]
        if skipped:
            self.draft.blocks.append(Block('paragraph', runs=[Run(
                f'（{"、".join(u.name for u in skipped[:5])}{"等" if len(skipped) > 5 else ""}'
                f'{len(skipped)}个{who}样本量较小，未参加排名。）')]))

    def _gap_paragraph(self, message: str, code: str = '') -> None:
        self.draft.gaps.append(Gap(message, self.section(), code))
        self.draft.blocks.append(Block('paragraph', runs=[Run(f'【数据暂缺：{message}】', gap=True)]))

    def add_chart(self, caption: str, draw: Callable[[], bytes], indicators: list[Indicator], *, grain: str,
                  units: str = '') -> None:
        number = len(self.draft.charts) + 1
        caption = f'图{number}　{caption}'
        sources = [{'indicator': i.code, 'name': i.name, 'unit': units or self.unit.name, 'unit_code': self.unit.code,
                    'period': self.period.label, 'grain': grain} for i in indicators]
        chart = Chart(number, caption, draw() if self.draw_charts else b'', sources)
        self.draft.charts.append(chart)
        self.draft.blocks.append(Block('chart', chart=chart, caption=caption))

    def chart(self, spec: dict[str, Any]) -> None:
        kind = spec.get('type', 'trend')
        caption = self.words(spec.get('caption', ''))
        if kind == 'trend':
            indicator = known_indicator(spec['indicator'])
            if indicator is None:
                self._gap_paragraph(f'指标“{spec["indicator"]}”尚未纳入指标目录，无法绘制趋势图', spec['indicator'])
                return
            year, previous = self.period.label[:4], self.book.previous.label[:4]
            series = [(f'{y}年', [v for _, v in self.book.month_values(indicator.code, y)]) for y in (previous, year)]
            series = [s for s in series if any(v is not None for v in s[1])]
            if not series:
                self._gap_paragraph(f'“{indicator.name}”暂无月度数据，无法绘制趋势图', indicator.code)
                return
            self.add_chart(caption or f'{indicator.name}月度趋势', lambda: charts.trend(
                series, indicator.unit_of_measure), [indicator], grain='month')
        elif kind == 'bars':
            indicators = [i for i in (known_indicator(c) for c in spec.get('indicators', [])) if i is not None]
            labels = spec.get('labels') or [i.name for i in indicators]
            pairs = [(label, self.book.value(i.code)) for label, i in zip(labels, indicators)]
            pairs = [(label, v.value) for label, v in pairs if v is not None and v.value is not None]
            if not pairs:
                self._gap_paragraph(f'“{caption}”暂无数据，无法绘制图表')
                return
            unit = indicators[0].unit_of_measure if indicators else ''
            self.add_chart(caption, lambda: charts.bars([p[0] for p in pairs], [p[1] for p in pairs], unit),
                           indicators, grain=self.period.grain)

    # -- supervision bulletin --------------------------------------------------------

    def overdue(self, spec: dict[str, Any]) -> None:
        """Items past their time limit by unit: the denominator (due) less the numerator (on time) of each
        timeliness indicator — both the engine's — with the records behind them one click away."""
        present = [(i, OVERDUE_CODES[i.code]) for i in (known_indicator(c) for c in OVERDUE_CODES) if i is not None]
        header = ['单位', *[label for _, (label, _) in present], '合计']
        rows = []
        for unit in self.children(spec.get('kinds')):
            cells: list[Pending | None] = []
            total = 0
            for indicator, (label, measure) in present:
                found = self.book.value(indicator.code, unit.code)
                if found is None or found.denominator is None:
                    cells.append(None)
                    continue
                late = int(round(found.denominator - found.numerator))
                total += late
                cells.append(self.difference(indicator, unit, found, late, measure))
            if total > 0:
                rows.append((total, unit, cells))
        rows.sort(key=lambda r: (-r[0], r[1].code))
        limit = int(spec.get('limit', 15))
        summary: list[Run] = []
        for indicator, (label, measure) in present:
            found = self.book.value(indicator.code)
            if found is None or found.denominator is None:
                continue
            late = int(round(found.denominator - found.numerator))
            summary += [Run(f'{label}' if not summary else f'，{label}'),
                        self.commit(self.difference(indicator, self.unit, found, late, measure))]
        if not summary:
            self._gap_paragraph(f'{self.period.display}暂无期限类事项数据')
            return
        runs = [Run(f'{self.period.display}到期事项中，')] + summary + [Run('。')]
        if rows:
            runs.append(Run('超期事项较多的单位是'))
            for i, (total, unit, _) in enumerate(rows[:3]):
                runs.append(Run(('、' if i else '') + f'{unit.name}（{total}件/处）'))
            runs.append(Run('，请相关单位抓紧办理并说明原因。'))
        self.draft.blocks.append(Block('paragraph', runs=runs))
        if rows:
            table = [[[Run(unit.name)], *[[self.commit(c)] if c else [Run('—')] for c in cells], [Run(str(total))]]
                     for total, unit, cells in rows[:limit]]
            self.table(spec.get('caption', '各单位超期事项'), header, table)

    def difference(self, indicator: Indicator, unit: Any, found: Any, late: int, measure: str) -> Pending:
        text = f'{late}{measure}'
        return Pending(Run(text), Figure(0, text, 'difference', indicator.code, indicator.name, unit.code, unit.name,
                                         self.period.label, value=float(late), numerator=found.numerator,
                                         denominator=found.denominator, records=int(found.denominator or 0)))

    def sampled_cases(self, spec: dict[str, Any]) -> None:
        indicator = known_indicator('enforcement.case_file_pass_rate')
        if indicator is None:
            self._gap_paragraph('指标“enforcement.case_file_pass_rate”尚未纳入指标目录')
            return
        found = self.book.value(indicator.code)
        if found is None or not found.denominator:
            self._gap_paragraph(f'{self.period.display}暂无执法案卷评查记录', indicator.code)
            return
        failed = int(round(found.denominator - found.numerator))
        runs = [Run('评查不合格的案卷'), self.commit(self.difference(indicator, self.unit, found, failed, '件'))]
        if failed == 0:
            self.draft.blocks.append(Block('paragraph', runs=runs + [Run('，未发现不合格案卷。')]))
            return
        self.draft.blocks.append(Block('paragraph', runs=runs + [Run('，列示如下，请相关单位对照问题逐项整改。')]))
        pages = self.book.drill(indicator, 'denominator', self.unit.code, self.period, limit=2000)
        frame = pages[0].rows if pages else None
        if frame is None or 'grade' not in frame:
            return
        frame = frame[frame['grade'] == 'fail']
        problem = next((c for c in ('problems', 'problem', 'issues', 'remarks', 'comment') if c in frame), None)
        names = {u.code: u.name for u in self.book.children}
        names[self.unit.code] = self.unit.name
        limit = int(spec.get('limit', 20))
        rows = []
        for i, row in enumerate(frame.head(limit).itertuples(index=False), start=1):
            data = row._asdict()
            reviewed = data.get('reviewed_on')
            rows.append([[Run(str(i))], [Run(self._unit_name(data.get('unit_code'), names))],
                         [Run(str(data.get('case_no') or ''))],
                         [Run(reviewed.strftime('%Y-%m-%d') if hasattr(reviewed, 'strftime') else str(reviewed or ''))],
                         [Run('' if data.get('score') is None else f'{data["score"]:g}')],
                         [Run(str(data.get(problem) or '评查不合格') if problem else '评查不合格')]])
        self.table(spec.get('caption', '评查不合格的执法案卷'), ['序号', '单位', '案卷编号', '评查日期', '得分', '主要问题'], rows)

    def _unit_name(self, code: Any, names: dict[str, str]) -> str:
        if code in names:
            return names[code]
        from fazhi.organization.models import Unit
        unit = Unit.objects.filter(code=code).first()
        return unit.name if unit else str(code or '')
