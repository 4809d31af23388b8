"""The pre-publication check of a rendered version.

1. Data gaps: sentences whose figures could not be stated.
2. Every figure against the engine now: a figure whose value has changed since rendering (the data moved on),
   a change (同比/环比) whose wording no longer follows from the two periods' values.
3. The consistency audit of report intelligence (fazhi.intel.audit) over the rendered body text, read back from
   the DOCX: stated rates against their counts, parts against totals, year-on-year claims, magnitudes,
   repeated figures and paragraphs.

Errors and warnings block publication unless the justice bureau records an override; notes do not.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fazhi.indicators import results, service
from fazhi.indicators.periods import Period
from fazhi.intel import audit, reading

from . import phrasing
from .figures import known_indicator
from .models import ReportVersion


@dataclass
class Result:
    findings: list[dict[str, Any]] = field(default_factory=list)
    passed: list[dict[str, Any]] = field(default_factory=list)

    def add(self, kind: str, label: str, message: str, *, severity: str = 'warning', source: str = 'platform',
            texts: list[str] | None = None, ref: int | None = None) -> None:
        self.findings.append({'source': source, 'kind': kind, 'label': label, 'severity': severity,
                              'message': message, 'texts': texts or [], 'ref': ref})


def _close(a: float | None, b: float | None, places: int = 6) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 10 ** -places * max(1.0, abs(a))


def figures_against_engine(version: ReportVersion, result: Result) -> None:
    figures = list(version.figures.all())
    codes = sorted({f.indicator for f in figures})
    indicators = [i for i in (known_indicator(c) for c in codes) if i is not None]
    grain = Period.parse(version.report.period_label).grain
    with service.store() as con:
        try:
            service.refresh(con, indicators)
        except Exception:  # noqa: BLE001 - an indicator the engine cannot compute: its figures are reported below
            for indicator in indicators:
                try:
                    results.ensure_fresh(con, [indicator])
                except Exception:  # noqa: BLE001
                    pass
        units = sorted({f.unit_code for f in figures})
        frame = service.figures(con, None, units, grain) if figures else None
    values: dict[tuple[str, str, str], dict[str, Any]] = {}
    if frame is not None:
        frame = frame[frame.indicator.isin(codes)]
        for row in frame.itertuples(index=False):
            values[(row.indicator, row.unit_code, row.period)] = {
                'value': None if row.value != row.value else float(row.value), 'numerator': float(row.numerator),
                'denominator': None if row.denominator != row.denominator else float(row.denominator)}
    stale, agreed = 0, 0
    for f in figures:
        indicator = known_indicator(f.indicator)
        now = values.get((f.indicator, f.unit_code, f.period))
        if indicator is None or now is None:
            result.add('figure_missing', '数字无法核对', f'[{f.ref}] “{f.text}”：{f.indicator_name}（{f.unit_name}，'
                       f'{f.period}）现已查不到数值，请重新生成。', texts=[f.text], ref=f.ref)
            continue
        if f.part == 'change':
            before = values.get((f.indicator, f.unit_code, f.compared_period))
            stated = phrasing.change_text(indicator, now['value'], before['value'] if before else None)
            if stated is None or not _close(stated[1], f.value, 3):
                result.add('change_outdated', '增减表述与数据不符',
                           f'[{f.ref}] “{f.text}”（{f.indicator_name}，{f.period} 较 {f.compared_period}）按当前数据应为'
                           f'“{stated[0] if stated else "无法比较"}”，请重新生成。', severity='error', texts=[f.text], ref=f.ref)
                stale += 1
            else:
                agreed += 1
            continue
        expected = {'value': now['value'], 'previous': now['value'], 'numerator': now['numerator'],
                    'denominator': now['denominator']}.get(f.part)
        if f.part == 'difference':
            expected = None if now['denominator'] is None else round(now['denominator'] - now['numerator'])
        if not _close(expected, f.value):
            result.add('figure_outdated', '数字与当前数据不符',
                       f'[{f.ref}] “{f.text}”（{f.indicator_name}，{f.unit_name}，{f.period}）生成后数据已变化，'
                       f'当前为 {expected:g}，请重新生成。' if expected is not None else
                       f'[{f.ref}] “{f.text}”当前已无数值，请重新生成。', severity='error', texts=[f.text], ref=f.ref)
            stale += 1
        else:
            agreed += 1
    result.passed.append({'kind': 'figures', 'status': 'consistent' if not stale else 'failed',
                          'message': f'{agreed} 个数字与指标引擎当前数值一致' + (f'，{stale} 个不一致' if stale else '')})


def gaps(version: ReportVersion, result: Result) -> None:
    for gap in version.gaps or []:
        if gap.get('omitted'):  # the template leaves the sentence out when the unit has no such data
            result.passed.append({'kind': 'omitted', 'status': 'not_applicable',
                                  'message': f'{gap.get("section") or "正文"}：{gap.get("message")}，该句按模板略去'})
        else:
            result.add('data_gap', '数据暂缺', f'{gap.get("section") or "正文"}：{gap.get("message")}')


def consistency_audit(version: ReportVersion, result: Result) -> None:
    text = version.text or ''
    if not text.strip():
        result.add('no_text', '无法校核', '未能读取该版本的正文文本。', severity='error')
        return
    found = audit.audit(reading.from_text(text, source=str(version)))
    for f in found.findings:
        result.add(f.kind, f.label, f.message, severity=f.severity, source='audit', texts=list(f.texts))
    for c in found.checks:
        result.passed.append({'kind': c.kind, 'status': c.status, 'message': c.message})


def run(version: ReportVersion) -> Result:
    result = Result()
    gaps(version, result)
    figures_against_engine(version, result)
    consistency_audit(version, result)
    return result
