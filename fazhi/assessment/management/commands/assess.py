"""`fazhi assess`: indicator systems, campaigns, rankings, exports and demonstration rounds from the command line.

    fazhi assess validate district.yaml            # errors in Chinese, exit status 1; nothing saved
    fazhi assess load district.yaml --note "2026年修订"
    fazhi assess load-default                       # the shipped default system (示范指标体系框架)
    fazhi assess systems
    fazhi assess create --name "2025年度法治政府建设考核" --period 2025 --system shifan-2021
    fazhi assess step 3 open                        # open: create the score sheets and score automatically
    fazhi assess score 3                            # re-score the automatic items from the indicator engine
    fazhi assess ranking 3                          # per category, with the number of units
    fazhi assess deductions 3 --unit YX-S01         # every deduction with the record it names
    fazhi assess export 3 --format docx --output 结果通报.docx
    fazhi assess compare 3 --file draft.yaml        # how the ranking would change under a draft system
    fazhi assess round 1                            # demonstration round: ranked list, selection
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from rich.console import Console
from rich.table import Table

from fazhi.core import workflow
from fazhi.core.context import acting_as

from ... import projects, reports, scoring, services, systemfile
from ...models import Campaign, Deduction, IndicatorSystem, ProjectRound

DEFAULT_FILE = Path(__file__).resolve().parents[2] / 'systems' / 'shifan-2021.yaml'


class Command(BaseCommand):
    help = '考核评估：校验/导入指标体系，新建考核、自动计分、推进流程、排名、扣分明细、导出、测算，示范项目评审结果'

    def add_arguments(self, parser: Any) -> None:
        sub = parser.add_subparsers(dest='sub', required=True, metavar='子命令')
        p = sub.add_parser('validate', help='校验指标体系 YAML（不保存）')
        p.add_argument('file')
        p = sub.add_parser('load', help='校验并导入指标体系（同一编码生成新版本）')
        p.add_argument('file')
        p.add_argument('--note', default='')
        sub.add_parser('load-default', help='导入随平台提供的默认指标体系（已有则跳过）')
        sub.add_parser('systems', help='列出指标体系及版本')
        p = sub.add_parser('create', help='新建考核活动')
        p.add_argument('--name', required=True)
        p.add_argument('--period', required=True, help='2025、2025-Q3 或 2025-06')
        p.add_argument('--system', required=True, help='体系编码，可加 :版本号，缺省为现行版本')
        p.add_argument('--categories', help='参评类别编码，逗号分隔；缺省为非可选类别')
        p.add_argument('--previous', type=int, help='上一次考核的编号（用于比较）')
        p = sub.add_parser('step', help='推进考核流程：open、start_review、open_objections、finalize、publish')
        p.add_argument('campaign', type=int)
        p.add_argument('transition')
        p.add_argument('--on', help='发生日期，缺省今天')
        p.add_argument('--closes-on', help='open_objections：申诉截止日')
        p = sub.add_parser('score', help='按指标引擎重新自动计分')
        p.add_argument('campaign', type=int)
        p = sub.add_parser('ranking', help='分类别排名（含参评单位数）')
        p.add_argument('campaign', type=int)
        p = sub.add_parser('deductions', help='扣分明细（每条指向一条记录）')
        p.add_argument('campaign', type=int)
        p.add_argument('--unit', help='单位编码')
        p = sub.add_parser('export', help='导出结果：xlsx、docx（结果通报）或 pdf')
        p.add_argument('campaign', type=int)
        p.add_argument('--format', choices=['xlsx', 'docx', 'pdf'], default='xlsx')
        p.add_argument('--output', required=True)
        p = sub.add_parser('compare', help='测算体系版本或指标口径变化对排名的影响（不保存）')
        p.add_argument('campaign', type=int)
        group = p.add_mutually_exclusive_group()
        group.add_argument('--system', help='体系编码:版本号')
        group.add_argument('--file', help='尚未导入的体系 YAML 草稿')
        p = sub.add_parser('round', help='示范项目评审：结果与入选名单')
        p.add_argument('round', type=int)
        p = sub.add_parser('round-step', help='推进示范项目评审：open、start_review、decide、publish')
        p.add_argument('round', type=int)
        p.add_argument('transition')

    def handle(self, *args: Any, **opts: Any) -> None:
        self.console = Console(width=160)
        handler = getattr(self, 'do_' + opts['sub'].replace('-', '_'))
        with acting_as(None, label='system:cli'):
            try:
                handler(opts)
            except (services.AssessmentError, workflow.TransitionRefused, reports.NoCJKFont) as exc:
                raise CommandError(str(exc))

    # -- systems ---------------------------------------------------------------------------------------------
    def _read(self, path: str) -> str:
        file = Path(path)
        if not file.exists():
            raise CommandError(f'文件不存在：{path}')
        raw = file.read_bytes()
        for encoding in ('utf-8-sig', 'gb18030'):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError:
                continue
        raise CommandError(f'文件“{path}”无法按 UTF-8 或 GB18030 读取。')

    def _report_errors(self, path: str, errors: list[str]) -> None:
        self.stderr.write(f'{path}：指标体系有 {len(errors)} 处错误，未保存：')
        for i, error in enumerate(errors, 1):
            self.stderr.write(f'  {i}. {error}')
        raise CommandError('校验未通过。')

    def do_validate(self, opts: dict[str, Any]) -> None:
        spec, errors = systemfile.validate(self._read(opts['file']))
        if errors:
            self._report_errors(opts['file'], errors)
        assert spec is not None
        self.stdout.write(f'校验通过：{spec.name}（{spec.code}），{len(spec.items)} 个一级指标、'
                          f'{len(spec.all_items())} 个指标项、{len(spec.leaves())} 项末级指标，总分 {scoring.fmt(spec.total)}。')

    def do_load(self, opts: dict[str, Any]) -> None:
        text = self._read(opts['file'])
        spec, errors = systemfile.validate(text)
        if errors:
            self._report_errors(opts['file'], errors)
        system = services.load_system(text, note=opts.get('note') or '')
        self.stdout.write(f'已导入：{system}（编号 {system.pk}），{system.items.count()} 个指标项。')

    def do_load_default(self, opts: dict[str, Any]) -> None:
        text = DEFAULT_FILE.read_text(encoding='utf-8')
        code = systemfile.load_spec(text).code
        found = IndicatorSystem.objects.filter(code=code).order_by('-version').first()
        if found is not None:
            self.stdout.write(f'已有 {found}（编号 {found.pk}），未重复导入。')
            return
        system = services.load_system(text, note='随平台提供的默认配置')
        self.stdout.write(f'已导入默认指标体系：{system}（编号 {system.pk}）。')

    def do_systems(self, opts: dict[str, Any]) -> None:
        table = Table('编号', '编码', '版本', '名称', '状态', '默认', '总分', '指标项')
        for s in IndicatorSystem.objects.all():
            table.add_row(str(s.pk), s.code, str(s.version), s.name, s.get_state_display(), '是' if s.is_default else '',
                          scoring.fmt(s.total), str(s.items.count()))
        self.console.print(table)

    def _system(self, text: str) -> IndicatorSystem:
        code, _, version = text.partition(':')
        qs = IndicatorSystem.objects.filter(code=code)
        found = qs.filter(version=int(version)).first() if version else qs.order_by('-version').first()
        if found is None:
            raise CommandError(f'没有指标体系 {text}（可用 fazhi assess systems 查看）。')
        return found

    # -- campaigns -------------------------------------------------------------------------------------------
    def _campaign(self, pk: int) -> Campaign:
        found = Campaign.objects.filter(pk=pk).first()
        if found is None:
            raise CommandError(f'没有编号为 {pk} 的考核活动。')
        return found

    def do_create(self, opts: dict[str, Any]) -> None:
        from fazhi.indicators.periods import Period
        try:
            period = Period.parse(opts['period']).label
        except ValueError as exc:
            raise CommandError(str(exc))
        categories = opts['categories'].split(',') if opts.get('categories') else None
        previous = self._campaign(opts['previous']) if opts.get('previous') else None
        campaign = services.create_campaign(name=opts['name'], period=period, system=self._system(opts['system']),
                                            categories=categories, previous=previous)
        self.stdout.write(f'已新建考核活动 {campaign.pk}：{campaign}（{campaign.system}）。'
                          f'下一步：fazhi assess step {campaign.pk} open')

    def do_step(self, opts: dict[str, Any]) -> None:
        campaign = self._campaign(opts['campaign'])
        on = dt.date.fromisoformat(opts['on']) if opts.get('on') else dt.date.today()
        data: dict[str, Any] = {}
        if opts.get('closes_on'):
            data['closes_on'] = dt.date.fromisoformat(opts['closes_on'])
        transition = campaign.workflow.get(opts['transition'])
        with self.console.status(f'{transition.label}…'):
            campaign = workflow.apply(campaign, opts['transition'], on=on, step_on=on, **data)
        self.stdout.write(f'{transition.label}：完成，当前状态“{campaign.get_state_display()}”。')
        if opts['transition'] == 'open':
            self.do_ranking({'campaign': campaign.pk})

    def do_score(self, opts: dict[str, Any]) -> None:
        campaign = self._campaign(opts['campaign'])
        with self.console.status('正在按指标引擎计分…') as status:
            counts = services.score_automatic(campaign, progress=lambda m: status.update(f'正在计分：{m}'))
        self.stdout.write(f'已自动计分 {counts["scored"]} 项，其中 {counts["changed"]} 项得分有变化。')

    def do_ranking(self, opts: dict[str, Any]) -> None:
        campaign = self._campaign(opts['campaign'])
        self.stdout.write(f'{campaign}（{campaign.get_state_display()}），{campaign.system}')
        for group in services.grouped_ranking(campaign):
            note = '' if group['complete'] else '（部分人工评分未完成，排名暂定）'
            table = Table('名次', '单位', '总分', '等次', '较上次', '待评分项',
                          title=f'{group["name"]}：参评单位 {group["size"]} 个，平均 {scoring.fmt(group["mean"])} 分{note}')
            for e in group['entries']:
                change = e.change
                table.add_row(f'{e.rank or "—"}/{e.category_size}', e.unit.name, scoring.fmt(e.total), e.grade or '—',
                              '—' if change is None else f'{"+" if change > 0 else ""}{scoring.fmt(change)}',
                              str(e.pending_items))
            self.console.print(table)

    def do_deductions(self, opts: dict[str, Any]) -> None:
        campaign = self._campaign(opts['campaign'])
        qs = Deduction.objects.filter(score__entry__campaign=campaign).select_related('score__entry__unit',
                                                                                     'score__item')
        if opts.get('unit'):
            qs = qs.filter(score__entry__unit__code=opts['unit'])
        count = 0
        for d in qs.order_by('score__entry__unit__path', 'score__item__sort_order', 'sort_order'):
            count += 1
            self.stdout.write(f'{d.score.entry.unit.name}\t{d.score.item.code} {d.score.item.name}\t{d.reason}'
                              f'\t[{d.source}:{d.record_key}]')
        self.stdout.write(f'共 {count} 条扣分记录。')

    def do_export(self, opts: dict[str, Any]) -> None:
        campaign = self._campaign(opts['campaign'])
        maker = {'xlsx': reports.xlsx, 'docx': reports.docx, 'pdf': reports.pdf}[opts['format']]
        body = maker(campaign)
        Path(opts['output']).write_bytes(body)
        self.stdout.write(f'已导出 {opts["output"]}（{len(body):,} 字节）。')

    def do_compare(self, opts: dict[str, Any]) -> None:
        campaign = self._campaign(opts['campaign'])
        if opts.get('file'):
            spec, errors = systemfile.validate(self._read(opts['file']))
            if errors:
                self._report_errors(opts['file'], errors)
            rows = services.simulate(campaign, spec=spec)
            label = f'草稿 {opts["file"]}'
        else:
            system = self._system(opts['system']) if opts.get('system') else campaign.system
            rows = services.simulate(campaign, system=system)
            label = str(system)
        table = Table('类别', '单位', '原总分', '原名次', '测算总分', '测算名次', '名次变化', title=f'按 {label} 测算')
        moved = 0
        for r in rows:
            move = r.rank_move
            moved += bool(move)
            table.add_row(r.entry.category_name, r.entry.unit.name, scoring.fmt(r.entry.total), str(r.entry.rank or '—'),
                          scoring.fmt(r.total), str(r.rank or '—'),
                          '—' if not move else (f'↑{move}' if move > 0 else f'↓{-move}'))
        self.console.print(table)
        self.stdout.write(f'名次发生变化的单位：{moved} 个。')

    # -- demonstration rounds --------------------------------------------------------------------------------
    def _round(self, pk: int) -> ProjectRound:
        found = ProjectRound.objects.filter(pk=pk).first()
        if found is None:
            raise CommandError(f'没有编号为 {pk} 的示范项目评审。')
        return found

    def do_round(self, opts: dict[str, Any]) -> None:
        round_ = self._round(opts['round'])
        self.stdout.write(f'{round_}（{round_.get_state_display()}）：专家 {round_.experts.count()} 人，'
                          f'申报 {projects.active_applications(round_).count()} 个项目。')
        for group in projects.grouped_results(round_):
            table = Table('名次', '单位', '项目', '得分', '计分方法', '入选',
                          title=f'{group["name"]}：{group["size"]} 个项目，入选 {group["selected"]} 个（名额 {group["quota"]}）')
            for a in group['rows']:
                table.add_row(str(a.rank or '—'), a.unit.name, a.title[:24], scoring.fmt(a.score), a.method_note,
                              '入选' if a.selected else '')
            self.console.print(table)

    def do_round_step(self, opts: dict[str, Any]) -> None:
        round_ = self._round(opts['round'])
        transition = round_.workflow.get(opts['transition'])
        round_ = workflow.apply(round_, opts['transition'], step_on=dt.date.today())
        self.stdout.write(f'{transition.label}：完成，当前状态“{round_.get_state_display()}”。')
