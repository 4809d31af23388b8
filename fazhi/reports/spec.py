"""Document templates as data (specs/*.yaml): sections, the sentences that carry figures, tables and charts.

A spec is a tree of blocks:

    heading: 标题              numbered 一、 / （一） by depth (number: false for 前言, 结束语); body: [blocks]
    item: 标题                 a numbered point 1. — run in at the start of its paragraph (items: runin) or a
                               third-level heading (items: heading); body: [blocks]
    narrative: key             text written by people (title: the editor's label; default: the first draft)
    text: 句子                 a sentence carrying figures, e.g. '共受理{mediation.accepted}[，{mediation.accepted:yoy}]'
                               when_empty: note (default: say in the draft that the data is missing) | omit
    indicator_table: {caption, codes}          this year, last year and the change of each indicator
    unit_table: {caption, kinds, codes}        each unit below the report's unit against some indicators
    ranking: {indicator, kinds, top, bottom, chart}   the best and the last units, with a bar chart
    chart: {type: trend|ranking|bars, indicators|indicator, labels, kinds, caption}
    overdue: {kinds, caption, limit}           items past their statutory time limit, by unit
    sampled_cases: {caption, limit}            sampled enforcement case files that failed review
    pagebreak: true

Placeholders: {code} the value with its unit; {code:num:件} / {code:den:件} the numerator / denominator;
{code:yoy} the change on the same period a year earlier; {code:mom} on the previous period; {code:prev} the
value a year earlier; context words {year} {prev_year} {next_year} {month} {unit} {unit_short} {scope}
{issue} {date}. A part in [brackets] is left out when one of its figures cannot be stated (no earlier value).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Iterator

import yaml

SPEC_DIR = Path(__file__).parent / 'specs'
BLOCK_KEYS = ('heading', 'item', 'narrative', 'text', 'indicator_table', 'unit_table', 'ranking', 'chart', 'overdue',
              'sampled_cases', 'pagebreak')
PLACEHOLDER = re.compile(r'\{([a-z_][a-z0-9_]*(?:\.[a-z0-9_]+)+)(?::([a-z_]+))?(?::([^{}:]+))?\}')


class SpecError(ValueError):
    """A document template that cannot be used, with a Chinese message naming the template and block."""


@dataclass(frozen=True)
class NarrativeSpec:
    key: str
    title: str
    default: str
    section: str


@dataclass
class Spec:
    kind: str
    label: str
    grain: str  # year | month
    title: str
    body: list[dict[str, Any]]
    subtitle: str = ''
    style: str = 'report'  # report | whitepaper | bulletin
    items: str = 'runin'  # runin | heading
    item_numbering: str = 'continuous'  # continuous | section
    toc: bool = False
    signature: bool = True
    path: Path | None = None
    narratives: list[NarrativeSpec] = field(default_factory=list)

    def indicator_codes(self) -> set[str]:
        codes: set[str] = set()
        for block in walk(self.body):
            for key in ('text', 'default'):
                if isinstance(block.get(key), str):
                    codes |= {m.group(1) for m in PLACEHOLDER.finditer(block[key])}
            for key in ('indicator_table', 'unit_table', 'chart'):
                if isinstance(block.get(key), dict):
                    codes |= set(block[key].get('codes', []) + block[key].get('indicators', []))
                    if block[key].get('indicator'):
                        codes.add(block[key]['indicator'])
            if isinstance(block.get('ranking'), dict):
                codes.add(block['ranking']['indicator'])
        if any('overdue' in b for b in walk(self.body)):
            codes |= set(OVERDUE_CODES)
        if any('sampled_cases' in b for b in walk(self.body)):
            codes.add('enforcement.case_file_pass_rate')
        return codes

    def narrative(self, key: str) -> NarrativeSpec | None:
        return next((n for n in self.narratives if n.key == key), None)


# Items past their time limit: (indicator whose denominator − numerator counts them, label, unit of count)
OVERDUE_CODES = {
    'hotline.on_time_rate': ('12345热线工单超期', '件'),
    'petition.on_time_rate': ('信访事项超期', '件'),
    'disclosure.on_time_rate': ('依申请公开超期答复', '件'),
    'hazard.rectification_rate': ('隐患未整改', '处'),
}


def walk(blocks: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for block in blocks:
        yield block
        yield from walk(block.get('body') or [])


def _check_blocks(blocks: Any, where: str, section: str, narratives: list[NarrativeSpec]) -> None:
    if not isinstance(blocks, list):
        raise SpecError(f'{where}：body 必须是列表')
    for i, block in enumerate(blocks, start=1):
        if not isinstance(block, dict):
            raise SpecError(f'{where} 第{i}块：应为映射')
        kind = next((k for k in BLOCK_KEYS if k in block), None)
        if kind is None:
            raise SpecError(f'{where} 第{i}块：未知的块类型（应为 {"、".join(BLOCK_KEYS)} 之一）')
        here = f'{where} > {block.get(kind)}' if kind in ('heading', 'item') else where
        if kind == 'narrative':
            key = block['narrative']
            if not re.fullmatch(r'[a-z][a-z0-9_]*', str(key)):
                raise SpecError(f'{where}：文字段落代码“{key}”只能用小写字母、数字和下划线')
            if any(n.key == key for n in narratives):
                raise SpecError(f'{where}：文字段落代码“{key}”重复')
            narratives.append(NarrativeSpec(key, block.get('title') or section or key, block.get('default', ''),
                                            section))
        if kind == 'text' and block.get('when_empty', 'note') not in ('note', 'omit'):
            raise SpecError(f'{where}：when_empty 只能是 note 或 omit')
        if kind in ('heading', 'item'):
            _check_blocks(block.get('body') or [], here, str(block[kind]), narratives)


def load_spec(path: Path) -> Spec:
    try:
        data = yaml.safe_load(path.read_text(encoding='utf-8'))
    except yaml.YAMLError as exc:
        raise SpecError(f'报告模板 {path.name} 不是有效的 YAML：{exc}')
    where = f'报告模板 {path.name}'
    for key in ('kind', 'label', 'title', 'body'):
        if key not in data:
            raise SpecError(f'{where}：缺少 {key}')
    narratives: list[NarrativeSpec] = []
    _check_blocks(data['body'], where, '', narratives)
    spec = Spec(kind=data['kind'], label=data['label'], grain=data.get('grain', 'year'), title=data['title'],
                body=data['body'], subtitle=data.get('subtitle', ''), style=data.get('style', 'report'),
                items=data.get('items', 'runin'), item_numbering=data.get('item_numbering', 'continuous'),
                toc=bool(data.get('toc', False)), signature=bool(data.get('signature', True)), path=path,
                narratives=narratives)
    if spec.grain not in ('year', 'month'):
        raise SpecError(f'{where}：grain 只能是 year 或 month')
    return spec


@cache
def specs() -> dict[str, Spec]:
    found = {}
    for path in sorted(SPEC_DIR.glob('*.yaml')):
        spec = load_spec(path)
        found[spec.kind] = spec
    return found


def get_spec(kind: str) -> Spec:
    try:
        return specs()[kind]
    except KeyError:
        raise SpecError(f'没有“{kind}”类型的报告模板')
