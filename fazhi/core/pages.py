"""Platform pages: home per role, audit trail, working calendar, deadline calculator, search."""
from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render

from . import audit, calendar_service, services
from . import search as search_index
from .deadlines import all_rules, compute_due, get_rule
from .models import AuditEntry, HolidayDay, HolidayYear
from .permissions import AccessDenied, can
from .views import ObjectListView, forbidden

ROLE_HOME_HINTS = {
    'district_admin': '统筹全区法治政府建设：督办逾期事项、组织考核、编制年度报告。',
    'legality_reviewer': '办理规范性文件、重大决策和合同的合法性审查。',
    'case_officer': '办理行政复议、行政应诉案件，关注即将到期和已逾期案件。',
    'unit_officer': '填报和导入本单位数据，查看本单位的期限和指标。',
    'leader': '查看全区指标、趋势、排名和风险。',
    'system_admin': '管理单位和用户账户（不查看审计记录）。',
    'security_admin': '分配角色、解除账户锁定（不查看审计记录）。',
    'auditor': '查阅审计记录、校验审计链完整性（不管理用户）。',
}
# In-app reminders on the home page: each ledger registers a function user → [{level, ledger, text, url}].
REMINDER_SOURCES: list[Any] = []


def register_reminders(source: Any) -> Any:
    REMINDER_SOURCES.append(source)
    return source


def reminders_for(user: Any) -> list[dict[str, Any]]:
    return [line for source in REMINDER_SOURCES for line in source(user)]


@login_required
def home(request: Any) -> Any:
    user = request.user
    return render(request, 'core/home.html', {
        'role_hint': ROLE_HOME_HINTS.get(user.role, ''),
        'calendar_today': calendar_service.get_calendar().day_info(dt.date.today()),
        'reminders': reminders_for(user),
    })


class AuditEntryListView(ObjectListView):
    model = AuditEntry
    columns = ('seq', 'timestamp', 'actor_name', 'actor_role', 'action', 'object_type', 'object_repr', 'message')
    search_fields = ('actor_name', 'object_repr', 'message', 'object_type')
    filters = ('action', 'object_type', 'object_id', 'actor_name')
    template_name = 'core/audit_list.html'


@login_required
def audit_verify(request: Any) -> Any:
    if not can(request.user, 'view', AuditEntry):
        return forbidden(request, '只有安全审计员可以校验审计链。')
    return render(request, 'core/audit_verify.html', {'result': audit.verify()})


class DeadlineForm(forms.Form):
    rule = forms.ChoiceField(label='期限规则')
    start = forms.DateField(label='起算事件日期', widget=forms.DateInput(attrs={'type': 'date'}),
                            error_messages={'invalid': '日期格式不正确，请按 年-月-日 填写，例如 2026-02-10。'})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields['rule'].choices = [(r.code, f'{r.name}（{r.period.text}）') for r in all_rules()]
        for field in self.fields.values():
            field.widget.attrs['class'] = 'form-select' if isinstance(field, forms.ChoiceField) else 'form-control'


@login_required
def deadline_calculator(request: Any) -> Any:
    form = DeadlineForm(request.GET or None)
    due = None
    if form.is_valid():
        due = compute_due(get_rule(form.cleaned_data['rule']), form.cleaned_data['start'],
                          calendar_service.get_calendar())
    return render(request, 'core/deadline.html', {'form': form, 'due': due}, status=400 if form.errors else 200)


class HolidayYearForm(forms.Form):
    year = forms.IntegerField(label='年度', min_value=2019, max_value=2100)
    notice = forms.CharField(label='通知文号/标题', max_length=200)
    days = forms.CharField(label='日期安排', widget=forms.Textarea(attrs={'rows': 12}), help_text=(
        '每行一个日期区间：起始日期 [至 结束日期] 节日名称 放假|上班，例如“2027-02-06 至 2027-02-13 春节 放假”'))

    def clean(self) -> Any:
        data = super().clean()
        if self.errors:
            return data
        data['parsed'] = list(parse_schedule_lines(data['days'], data['year']))
        return data


def parse_schedule_lines(text: str, year: int) -> Any:
    for lineno, line in enumerate(text.splitlines(), start=1):
        parts = line.replace('至', ' ').split()
        if not parts:
            continue
        try:
            kind = {'放假': HolidayDay.Kind.HOLIDAY, '上班': HolidayDay.Kind.WORKDAY}[parts[-1]]
            first = dt.date.fromisoformat(parts[0])
            last = dt.date.fromisoformat(parts[1]) if len(parts) == 4 else first
            name = parts[-2]
        except (KeyError, ValueError, IndexError):
            raise forms.ValidationError(f'第{lineno}行“{line}”无法识别：应为“起始日期 [至 结束日期] 节日名称 放假|上班”。')
        if first.year != year or last.year != year or last < first:
            raise forms.ValidationError(f'第{lineno}行：日期必须在{year}年内且结束日期不早于起始日期。')
        day = first
        while day <= last:
            yield day, name, kind
            day += dt.timedelta(days=1)


@login_required
def calendar_page(request: Any) -> Any:
    year = int(request.GET.get('year') or dt.date.today().year)
    cal = calendar_service.get_calendar()
    can_edit = can(request.user, 'add', HolidayYear)
    form = HolidayYearForm(request.POST or None) if can_edit else None
    if request.method == 'POST':
        if not can_edit:
            return forbidden(request, '您没有权限录入节假日安排。')
        if form.is_valid():
            try:
                save_schedule(form.cleaned_data)
            except (AccessDenied, forms.ValidationError) as exc:
                form.add_error(None, str(exc))
            else:
                return redirect(f'{request.path}?year={form.cleaned_data["year"]}')
    months = _month_grid(cal, year)
    return render(request, 'core/calendar.html', {
        'year': year, 'months': months, 'official': cal.is_official_year(year), 'form': form,
        'schedules': HolidayYear.objects.all(),
    })


def save_schedule(data: dict[str, Any]) -> None:
    with transaction.atomic():
        existing = HolidayYear.objects.filter(year=data['year']).first()
        if existing is not None:
            services.delete(existing, message='重新录入节假日安排')
        schedule = services.create(HolidayYear(year=data['year'], notice=data['notice']))
        services.bulk_create([HolidayDay(schedule=schedule, date=d, name=n, kind=k) for d, n, k in data['parsed']])
    calendar_service.invalidate()


def _month_grid(cal: Any, year: int) -> list[dict[str, Any]]:
    months = []
    for month in range(1, 13):
        first = dt.date(year, month, 1)
        days = []
        day = first
        while day.month == month:
            days.append(cal.day_info(day))
            day += dt.timedelta(days=1)
        months.append({'month': month, 'lead': range(first.weekday()), 'days': days})
    return months


@login_required
def search(request: Any) -> Any:
    """Search across registered record types, each through the user's scope."""
    q = request.GET.get('q', '').strip()
    return render(request, 'core/search.html', {'q': q, 'results': search_index.search(request.user, q) if q else []})
