"""The forms of the litigation lifecycle's steps (the same form serves the page and the API)."""
from __future__ import annotations

from django import forms

from fazhi.reconsideration.casework.transitions import TransitionForm, date_field

from .choices import FIRST_INSTANCE_OUTCOMES, SECOND_INSTANCE_OUTCOMES, Appearance, Appellant, Outcome

FINAL_OUTCOMES = tuple(dict.fromkeys((*SECOND_INSTANCE_OUTCOMES, *FIRST_INSTANCE_OUTCOMES)))


class HearingForm(TransitionForm):
    note_label = '庭审情况'
    appearance = forms.ChoiceField(label='出庭情况', choices=Appearance.choices)
    appeared_name = forms.CharField(label='出庭人员姓名', max_length=50, required=False)
    appeared_position = forms.CharField(label='出庭人员职务', max_length=50, required=False)
    court_notified_head = forms.BooleanField(label='法院书面通知负责人出庭', required=False)
    excuse = forms.CharField(label='负责人未出庭的理由（加盖公章的书面说明）', required=False, max_length=300)


class JudgeForm(TransitionForm):
    outcome = forms.ChoiceField(label='一审裁判结果', choices=[(o.value, o.label) for o in FIRST_INSTANCE_OUTCOMES])
    served_on = date_field('裁判文书送达日期', required=False, help_text='留空表示与裁判日期相同')


class FinalJudgmentForm(TransitionForm):
    outcome = forms.ChoiceField(label='裁判结果', choices=[(o.value, o.label) for o in FINAL_OUTCOMES])


class AppealForm(TransitionForm):
    appellant = forms.ChoiceField(label='上诉人', choices=Appellant.choices)


class SuspendForm(TransitionForm):
    note_required = True
    note_label = '中止事由'


class WithdrawForm(TransitionForm):
    note_label = '撤诉原因（如行政机关改变原行政行为）'


LAWSUIT_FORMS: dict[str, type[TransitionForm]] = {
    'record_hearing': HearingForm, 'judge': JudgeForm, 'final_judgment': FinalJudgmentForm, 'appeal': AppealForm,
    'suspend': SuspendForm, 'withdraw': WithdrawForm,
}
OUTCOME_LABELS = dict(Outcome.choices)
