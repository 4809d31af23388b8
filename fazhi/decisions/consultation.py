"""Public comment on a draft decision: the legal minimum period (条例 §15, ≥30 days unless shortened with a
stated reason), the window in which the public may comment, and the adoption report (采纳情况反馈)."""
from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from fazhi.core.calendar_service import get_calendar
from fazhi.core.deadlines import DueDate, compute_due, get_rule

from .choices import Disposition, Moderation

RULE = 'major_decision.public_comment'


def minimum_period(opens_on: dt.date) -> DueDate:
    """The earliest lawful last day of a comment period opening on `opens_on` (the opening day not counted)."""
    return compute_due(get_rule(RULE), opens_on, get_calendar())


def period_gap(opens_on: dt.date, closes_on: dt.date | None, shortened_reason: str) -> str | None:
    if closes_on is None or closes_on < opens_on:
        return '请填写不早于开始日期的征求意见截止日期。'
    earliest = minimum_period(opens_on).due
    if closes_on < earliest and not shortened_reason.strip():
        return (f'征求意见期限一般不少于30日（《重大行政决策程序暂行条例》第十五条）：自{opens_on:%Y-%m-%d}公布起，'
                f'截止日期不得早于{earliest:%Y-%m-%d}；因情况紧急等原因需要缩短的，应当说明理由。')
    return None


def is_open(decision: Any, today: dt.date | None = None) -> bool:
    today = today or dt.date.today()
    return (decision.state == 'consulting' and decision.comment_opens_on is not None
            and decision.comment_opens_on <= today <= decision.comment_closes_on)


def comment_counts(comments: Any) -> dict[str, int]:
    moderation = Counter(c.moderation for c in comments)
    disposition = Counter(c.disposition for c in comments if c.moderation == Moderation.APPROVED)
    return {'received': sum(moderation.values()), 'approved': moderation[Moderation.APPROVED],
            'rejected': moderation[Moderation.REJECTED], 'unmoderated': moderation[Moderation.PENDING],
            'adopted': disposition[Disposition.ADOPTED], 'partly': disposition[Disposition.PARTLY],
            'not_adopted': disposition[Disposition.NOT_ADOPTED], 'undisposed': disposition[Disposition.PENDING]}


def feedback_gap(decision: Any) -> str | None:
    """Why the adoption report cannot be published yet."""
    counts = comment_counts(list(decision.comments.all()))
    if counts['unmoderated']:
        return f'还有{counts["unmoderated"]}条意见尚未审核。'
    if counts['undisposed']:
        return f'还有{counts["undisposed"]}条意见尚未提出处理意见（采纳、部分采纳或未采纳，并说明理由）。'
    return None


def adoption_report(decision: Any) -> str:
    """The adoption report generated from the drafting unit's dispositions."""
    comments = list(decision.comments.filter(moderation=Moderation.APPROVED).order_by('submitted_on', 'id'))
    counts = comment_counts(list(decision.comments.all()))
    lines = [f'关于《{decision.title}》公开征求意见采纳情况的说明',
             f'{decision.unit.name}于{decision.comment_opens_on:%Y年%-m月%-d日}至{decision.comment_closes_on:%Y年%-m月%-d日}'
             f'公开征求社会公众意见，共收到意见{counts["received"]}条，其中经审核公开{counts["approved"]}条'
             f'（与决策事项无关或含有违法、不当内容未予公开的{counts["rejected"]}条）。',
             f'经认真研究，采纳{counts["adopted"]}条，部分采纳{counts["partly"]}条，未采纳{counts["not_adopted"]}条。'
             '具体情况如下：']
    for number, comment in enumerate(comments, start=1):
        lines.append(f'{number}. {comment.summary}——{comment.get_disposition_display()}。{comment.disposition_reason}')
    lines.append('感谢社会各界对本决策事项的关心和支持。')
    return '\n'.join(lines)
