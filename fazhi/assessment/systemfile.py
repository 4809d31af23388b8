"""Indicator systems as data: the YAML format, its loader and its validator.

An indicator system (考核指标体系) is a tree of first-, second- and third-level items. Every level carries
points (分值); the children of an item share out exactly its points, and the first level shares out the
system's total. Every leaf has one scoring rule:

    code: shifan-2021                     # the system's code; loading the same code again makes a new version
    name: 区级法治政府建设考核指标体系
    default: true                         # shipped defaults (weights are ours: the national text publishes none)
    total: 100
    small_sample: rebase                  # rebase | full | category_mean — the stated rule for too few cases
    categories:                           # ranked separately
      - {code: department, name: 区政府工作部门, unit_kinds: [department]}
      - {code: street, name: 街道（乡镇）, unit_kinds: [street]}
    grades: [{name: 优秀, min: 90}, {name: 良好, min: 80}, {name: 合格, min: 60}, {name: 不合格, min: 0}]
    items:
      - code: '6'
        name: 社会矛盾纠纷依法有效化解
        points: 12
        children:
          - code: '6.1'
            name: 接诉即办
            points: 6
            children:
              - code: '6.1.1'
                name: 诉求响应及时
                points: 2
                rule: {type: threshold, indicator: hotline.response_rate,
                       bands: [{min: 99, score: 2}, {min: 95, score: 1.5}, {min: 90, score: 1}]}

Rules:
- threshold: `indicator`, `bands` (each `min` or `max` and `score`, best band first), `otherwise` (default 0)
- linear: `indicator`, `zero` (value scoring 0) and `full` (value scoring full points); zero > full when lower is better
- target: `indicator`, `target` (full points at or beyond it), `per_point` (points off per unit short of it)
- deduction: `indicator`, `occurrences` (numerator: each numerator record is a violation; shortfall: each
  denominator record missing from the numerator), `key` (the record's identifying column), `each` (points off per
  record), `cap` (at most; default the item's points), `describe` (how a record is named, e.g.
  '《{title}》逾期{late_days}个工作日报备')
- manual: `criteria` (written scoring criteria), `evidence` (what to upload), `evidence_required` (default true)
Automatic rules may set `min_sample` (at least this denominator, besides the indicator's own) and `small_sample`.
Items may set `applies_to` (category codes) and `enforcement_only: true`; a unit they do not apply to has its
total re-based on the points that apply (宁夏 ※ items).

`validate(text)` returns the parsed system and a list of errors in Chinese, each naming the line and the item;
nothing is saved unless the list is empty.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

import yaml

from fazhi.indicators.definitions import catalogue

from .choices import RuleType, SmallSampleRule

TOLERANCE = Decimal('0.005')
MAX_DEPTH = 4
LEVEL_NAMES = {1: '一级指标', 2: '二级指标', 3: '三级指标', 4: '四级指标'}
RULE_KEYS = {
    RuleType.THRESHOLD: {'type', 'indicator', 'bands', 'otherwise', 'min_sample', 'small_sample'},
    RuleType.LINEAR: {'type', 'indicator', 'zero', 'full', 'min_sample', 'small_sample'},
    RuleType.TARGET: {'type', 'indicator', 'target', 'per_point', 'min_sample', 'small_sample'},
    RuleType.DEDUCTION: {'type', 'indicator', 'occurrences', 'key', 'each', 'cap', 'describe'},
    RuleType.MANUAL: {'type', 'criteria', 'evidence', 'evidence_required'},
}
ITEM_KEYS = {'code', 'name', 'points', 'children', 'rule', 'applies_to', 'enforcement_only', 'note', '__line__'}
TOP_KEYS = {'code', 'name', 'default', 'description', 'basis', 'total', 'small_sample', 'categories', 'grades',
            'items', 'version', '__line__'}


class SystemFileError(ValueError):
    """A system that cannot be loaded; `errors` holds every problem found, in Chinese."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__('\n'.join(errors))
        self.errors = errors


class _LineLoader(yaml.SafeLoader):
    """Safe YAML loader that remembers the line of every mapping (as the key `__line__`)."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode, deep: bool = False) -> dict[str, Any]:
    mapping = yaml.SafeLoader.construct_mapping(loader, node, deep=True)
    mapping['__line__'] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


@dataclass
class Category:
    code: str
    name: str
    unit_kinds: tuple[str, ...]
    optional: bool = False


@dataclass
class Grade:
    name: str
    min: Decimal


@dataclass
class ItemSpec:
    code: str
    name: str
    points: Decimal
    level: int
    line: int
    rule: dict[str, Any] | None = None
    applies_to: tuple[str, ...] = ()
    enforcement_only: bool = False
    note: str = ''
    children: list['ItemSpec'] = field(default_factory=list)

    @property
    def is_leaf(self) -> bool:
        return not self.children

    def walk(self) -> list['ItemSpec']:
        out = [self]
        for child in self.children:
            out.extend(child.walk())
        return out


@dataclass
class SystemSpec:
    code: str
    name: str
    total: Decimal
    is_default: bool = False
    description: str = ''
    basis: str = ''
    small_sample: str = SmallSampleRule.REBASE
    categories: list[Category] = field(default_factory=list)
    grades: list[Grade] = field(default_factory=list)
    items: list[ItemSpec] = field(default_factory=list)

    def all_items(self) -> list[ItemSpec]:
        return [i for top in self.items for i in top.walk()]

    def leaves(self) -> list[ItemSpec]:
        return [i for i in self.all_items() if i.is_leaf]


def _where(line: int | None, item: ItemSpec | dict[str, Any] | None = None) -> str:
    text = f'第{line}行' if line else ''
    if isinstance(item, ItemSpec):
        text += f' 指标 {item.code}“{item.name}”'
    elif isinstance(item, dict) and item.get('code'):
        text += f' 指标 {item.get("code")}“{item.get("name", "")}”'
    return text.strip()


def _decimal(value: Any) -> Decimal | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None


def _fmt(value: Decimal | float) -> str:
    number = Decimal(str(value)).quantize(Decimal('0.01'), rounding=ROUND_HALF_UP)
    return format(number.normalize(), 'f')


class _Validator:
    def __init__(self) -> None:
        self.errors: list[str] = []
        self.catalogue = catalogue()

    def error(self, where: str, message: str) -> None:
        self.errors.append(f'{where}：{message}' if where else message)

    # -- top level -------------------------------------------------------------------------------------------
    def system(self, data: Any) -> SystemSpec | None:
        if not isinstance(data, dict):
            self.error('', '文件内容应为一个指标体系（含 code、name、total、items 等键），而不是列表或文本。')
            return None
        line = data.get('__line__')
        for key in sorted(set(data) - TOP_KEYS):
            self.error(_where(line), f'未知的键“{key}”（可用：code、name、default、description、basis、total、'
                                     f'small_sample、categories、grades、items）。')
        code, name = str(data.get('code') or '').strip(), str(data.get('name') or '').strip()
        if not code:
            self.error(_where(line), '缺少体系编码 code。')
        if not name:
            self.error(_where(line), '缺少体系名称 name。')
        total = _decimal(data.get('total', 100))
        if total is None or total <= 0:
            self.error(_where(line), f'总分 total 应为正数，现为“{data.get("total")}”。')
            total = Decimal(100)
        small = data.get('small_sample', SmallSampleRule.REBASE)
        if small not in SmallSampleRule.values:
            self.error(_where(line), f'small_sample 应为 {"、".join(SmallSampleRule.values)} 之一，现为“{small}”。')
            small = SmallSampleRule.REBASE
        spec = SystemSpec(code=code, name=name, total=total, is_default=bool(data.get('default', False)),
                          description=str(data.get('description') or ''), basis=str(data.get('basis') or ''),
                          small_sample=small)
        spec.categories = self.categories(data.get('categories'), line)
        spec.grades = self.grades(data.get('grades'), line, total)
        items = data.get('items')
        if not isinstance(items, list) or not items:
            self.error(_where(line), '缺少指标项 items（至少一个一级指标）。')
            return spec
        category_codes = {c.code for c in spec.categories}
        spec.items = [i for i in (self.item(raw, 1, category_codes) for raw in items) if i is not None]
        self.sums(spec.items, total, '体系总分', line)
        seen: dict[str, int] = {}
        for item in spec.all_items():
            if item.code in seen:
                self.error(_where(item.line, item), f'指标编码与第{seen[item.code]}行重复。')
            seen.setdefault(item.code, item.line)
        return spec

    def categories(self, raw: Any, line: int | None) -> list[Category]:
        if raw is None:
            return [Category('department', '区政府工作部门', ('department',)),
                    Category('street', '街道（乡镇）', ('street',)),
                    Category('vertical', '垂直管理单位', ('vertical',), optional=True)]
        if not isinstance(raw, list) or not raw:
            self.error(_where(line), 'categories 应为考核类别列表（code、name、unit_kinds）。')
            return []
        from fazhi.organization.choices import UnitKind
        out, kinds_seen = [], {}
        for entry in raw:
            where = _where(entry.get('__line__') if isinstance(entry, dict) else line)
            if not isinstance(entry, dict) or not entry.get('code') or not entry.get('name'):
                self.error(where, '考核类别须有 code 和 name。')
                continue
            kinds = entry.get('unit_kinds') or []
            if not isinstance(kinds, list) or not kinds:
                self.error(where, f'考核类别“{entry["name"]}”须列出 unit_kinds（如 department、street）。')
                kinds = []
            for kind in kinds:
                if kind not in UnitKind.values:
                    self.error(where, f'未知的单位类型“{kind}”（可用：{"、".join(UnitKind.values)}）。')
                elif kind in kinds_seen:
                    self.error(where, f'单位类型“{kind}”已归入类别“{kinds_seen[kind]}”，一个单位只能属于一个类别。')
                else:
                    kinds_seen[kind] = entry['name']
            out.append(Category(str(entry['code']), str(entry['name']), tuple(kinds), bool(entry.get('optional'))))
        if len({c.code for c in out}) != len(out):
            self.error(_where(line), '考核类别编码重复。')
        return out

    def grades(self, raw: Any, line: int | None, total: Decimal) -> list[Grade]:
        if raw is None:
            return [Grade('优秀', Decimal(90)), Grade('良好', Decimal(80)), Grade('合格', Decimal(60)),
                    Grade('不合格', Decimal(0))]
        out: list[Grade] = []
        if not isinstance(raw, list) or not raw:
            self.error(_where(line), 'grades 应为等次列表（name、min），由高到低。')
            return out
        for entry in raw:
            where = _where(entry.get('__line__') if isinstance(entry, dict) else line)
            low = _decimal(entry.get('min')) if isinstance(entry, dict) else None
            if not isinstance(entry, dict) or not entry.get('name') or low is None:
                self.error(where, '等次须有名称 name 和最低分 min。')
                continue
            if low < 0 or low > total:
                self.error(where, f'等次“{entry["name"]}”的最低分 {low} 不在 0 至总分 {_fmt(total)} 之间。')
            out.append(Grade(str(entry['name']), low))
        if any(a.min <= b.min for a, b in zip(out, out[1:])):
            self.error(_where(line), '等次应按最低分由高到低排列，且最低分各不相同。')
        if out and out[-1].min != 0:
            self.error(_where(line), '最后一个等次的最低分应为 0，使每个总分都有等次。')
        return out

    # -- items -----------------------------------------------------------------------------------------------
    def item(self, raw: Any, level: int, categories: set[str]) -> ItemSpec | None:
        if not isinstance(raw, dict):
            self.error('', f'{LEVEL_NAMES.get(level, "指标")}应为键值对（code、name、points…），现为“{raw}”。')
            return None
        line = raw.get('__line__')
        where = _where(line, raw)
        for key in sorted(set(raw) - ITEM_KEYS):
            self.error(where, f'未知的键“{key}”。')
        code, name = str(raw.get('code') or '').strip(), str(raw.get('name') or '').strip()
        if not code:
            self.error(_where(line), f'{LEVEL_NAMES.get(level, "指标")}缺少编码 code。')
        if not name:
            self.error(_where(line), f'{LEVEL_NAMES.get(level, "指标")} {code} 缺少名称 name。')
        points = _decimal(raw.get('points'))
        if points is None or points <= 0:
            self.error(where, f'分值 points 应为正数，现为“{raw.get("points")}”。')
            points = Decimal(0)
        applies = raw.get('applies_to') or []
        if not isinstance(applies, list):
            applies = [applies]
        for cat in applies:
            if cat not in categories:
                self.error(where, f'applies_to 中的考核类别“{cat}”未在 categories 中定义。')
        item = ItemSpec(code=code, name=name, points=points, level=level, line=line or 0,
                        applies_to=tuple(str(a) for a in applies), enforcement_only=bool(raw.get('enforcement_only')),
                        note=str(raw.get('note') or ''))
        children = raw.get('children')
        rule = raw.get('rule')
        if children:
            if level >= MAX_DEPTH:
                self.error(where, f'指标层级最多 {MAX_DEPTH} 级。')
            if rule:
                self.error(where, '有下级指标的项不能再设评分规则（规则只设在末级指标上）。')
            if not isinstance(children, list):
                self.error(where, 'children 应为下级指标列表。')
                return item
            item.children = [c for c in (self.item(c, level + 1, categories) for c in children) if c is not None]
            self.sums(item.children, points, f"指标 {code}“{name}”的分值", line)
        elif not rule:
            self.error(where, '末级指标没有评分规则 rule（自动计分、按次扣分或人工评分）。')
        else:
            item.rule = self.rule(rule, item)
        return item

    def sums(self, items: list[ItemSpec], expected: Decimal, what: str, line: int | None) -> None:
        if not items:
            return
        total = sum((i.points for i in items), Decimal(0))
        if abs(total - expected) > TOLERANCE:
            parts = ' + '.join(f'{i.code} {_fmt(i.points)}' for i in items)
            self.error(_where(line), f'下级指标分值之和 {_fmt(total)}（{parts}）不等于{what} {_fmt(expected)}。')

    # -- rules -----------------------------------------------------------------------------------------------
    def rule(self, raw: Any, item: ItemSpec) -> dict[str, Any] | None:
        where = _where(raw.get('__line__') if isinstance(raw, dict) else item.line, item)
        if not isinstance(raw, dict):
            self.error(where, 'rule 应为键值对（type 及其参数）。')
            return None
        kind = raw.get('type')
        if kind not in RuleType.values:
            self.error(where, f'未知的评分规则类型“{kind}”（可用：{"、".join(RuleType.values)}）。')
            return None
        rule = _clean(raw)
        for key in sorted(set(rule) - RULE_KEYS[RuleType(kind)]):
            self.error(where, f'“{RuleType(kind).label}”规则不认识参数“{key}”。')
        if kind == RuleType.MANUAL:
            if not str(rule.get('criteria') or '').strip():
                self.error(where, '人工评分须写明评分标准 criteria。')
            rule.setdefault('evidence_required', True)
            return rule
        indicator = self.indicator(rule, where)
        if 'small_sample' in rule and rule['small_sample'] not in SmallSampleRule.values:
            self.error(where, f'small_sample 应为 {"、".join(SmallSampleRule.values)} 之一。')
        if 'min_sample' in rule and (_decimal(rule['min_sample']) is None or _decimal(rule['min_sample']) < 0):
            self.error(where, 'min_sample 应为非负数。')
        check = getattr(self, f'rule_{kind}')
        check(rule, item, where, indicator)
        return rule

    def indicator(self, rule: dict[str, Any], where: str) -> Any:
        code = rule.get('indicator')
        if not code:
            self.error(where, '自动计分和按次扣分须指定指标 indicator（指标目录中的编码）。')
            return None
        found = self.catalogue.get(code)
        if found is None:
            near = [c for c in self.catalogue if c.split('.')[0] == str(code).split('.')[0]][:6]
            hint = f'（同领域的指标：{"、".join(near)}）' if near else '（见“指标目录”页或 fazhi compute --list）'
            self.error(where, f'指标“{code}”不在指标目录中{hint}。')
        return found

    def rule_threshold(self, rule: dict[str, Any], item: ItemSpec, where: str, indicator: Any) -> None:
        bands = rule.get('bands')
        if not isinstance(bands, list) or not bands:
            self.error(where, '分档计分须列出 bands（每档 min 或 max，以及 score）。')
            return
        directions = set()
        for band in bands:
            if not isinstance(band, dict):
                self.error(where, 'bands 的每一档应为键值对（min/max、score）。')
                continue
            bound = 'min' if 'min' in band else 'max' if 'max' in band else None
            value, score = _decimal(band.get(bound)) if bound else None, _decimal(band.get('score'))
            if bound is None or value is None:
                self.error(where, '每一档须有 min（不低于）或 max（不高于）数值。')
            if score is None or score < 0 or score > item.points:
                self.error(where, f'档位得分“{band.get("score")}”应在 0 至该项分值 {_fmt(item.points)} 之间。')
            directions.add(bound)
        if len(directions) > 1:
            self.error(where, '同一项的各档须全部用 min 或全部用 max。')
        otherwise = _decimal(rule.get('otherwise', 0))
        if otherwise is None or otherwise < 0 or otherwise > item.points:
            self.error(where, f'otherwise 应在 0 至该项分值 {_fmt(item.points)} 之间。')

    def rule_linear(self, rule: dict[str, Any], item: ItemSpec, where: str, indicator: Any) -> None:
        zero, full = _decimal(rule.get('zero')), _decimal(rule.get('full'))
        if zero is None or full is None:
            self.error(where, '线性计分须给出 zero（得 0 分的值）和 full（得满分的值）。')
        elif zero == full:
            self.error(where, 'zero 与 full 不能相等。')

    def rule_target(self, rule: dict[str, Any], item: ItemSpec, where: str, indicator: Any) -> None:
        target, per = _decimal(rule.get('target')), _decimal(rule.get('per_point'))
        if target is None:
            self.error(where, '达标计分须给出目标值 target。')
        if per is None or per <= 0:
            self.error(where, '达标计分须给出每差 1 个单位扣减的分数 per_point（正数）。')

    def rule_deduction(self, rule: dict[str, Any], item: ItemSpec, where: str, indicator: Any) -> None:
        each = _decimal(rule.get('each'))
        if each is None or each <= 0:
            self.error(where, '按次扣分须给出每次扣分 each（正数）。')
        cap = _decimal(rule.get('cap', item.points))
        if cap is None or cap <= 0 or cap > item.points:
            self.error(where, f'扣分上限 cap 应在 0 至该项分值 {_fmt(item.points)} 之间。')
        occurrences = rule.setdefault('occurrences', 'shortfall')
        if occurrences not in ('shortfall', 'numerator'):
            self.error(where, 'occurrences 应为 shortfall（分母中未进入分子的记录）或 numerator（分子中的记录）。')
        if not rule.get('key'):
            self.error(where, '按次扣分须给出记录的标识列 key（如 case_no），以便每次扣分都能指向具体记录。')
        describe = rule.get('describe')
        if describe is not None and not isinstance(describe, str):
            self.error(where, 'describe 应为文本模板，如“《{title}》逾期报备”。')
        if indicator is None:
            return
        measures = indicator.numerator if occurrences == 'numerator' else indicator.denominator
        if occurrences == 'shortfall':
            if not indicator.denominator:
                self.error(where, f'指标“{indicator.code}”没有分母，不能按“分母中未进入分子的记录”扣分。')
                return
            if len(indicator.numerator) != 1 or len(indicator.denominator) != 1 or \
                    indicator.numerator[0].source != indicator.denominator[0].source:
                self.error(where, f'指标“{indicator.code}”的分子与分母不是同一张表的单一计数，无法逐条找出未达标记录。')
        if any(m.kind != 'count' for m in measures):
            self.error(where, f'指标“{indicator.code}”不是按记录计数的指标（含去重计数或求和），不能逐条扣分。')


def _clean(value: Any) -> Any:
    """The value without the loader's line marks (what is stored and compared)."""
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items() if k != '__line__'}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def parse(text: str) -> Any:
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 (a SafeLoader subclass)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f'第{mark.line + 1}行第{mark.column + 1}列' if mark else ''
        raise SystemFileError([f'YAML 格式错误{where}：{exc.problem or exc}']) from exc
    except yaml.YAMLError as exc:
        raise SystemFileError([f'YAML 格式错误：{exc}']) from exc


def validate(text: str) -> tuple[SystemSpec | None, list[str]]:
    """Parse and check a system; (spec, []) when it may be saved, (spec or None, errors) otherwise."""
    if not text or not text.strip():
        return None, ['文件为空。']
    try:
        data = parse(text)
    except SystemFileError as exc:
        return None, exc.errors
    validator = _Validator()
    spec = validator.system(data)
    return spec, validator.errors


def load_spec(text: str) -> SystemSpec:
    spec, errors = validate(text)
    if errors or spec is None:
        raise SystemFileError(errors or ['无法读取指标体系。'])
    return spec
