"""Forms of report intelligence: the upload (several files at once) and the pre-publication check."""
from __future__ import annotations

from django import forms

ACCEPT = '.txt,.text,.md,.html,.htm,.shtml,.docx,.pdf'
MAX_FILES = 20
MAX_CHECK_CHARS = 2_000_000


class UploadForm(forms.Form):
    """Region and year are read from each report; set them here only when the reading is wrong."""
    region = forms.CharField(label='地区（可选）', max_length=40, required=False,
                             help_text='如“朝阳区”；留空则从报告中自动识别')
    year = forms.IntegerField(label='年度（可选）', min_value=1990, max_value=2100, required=False,
                              help_text='留空则从报告中自动识别')


class CheckForm(forms.Form):
    text = forms.CharField(label='待发布稿全文', widget=forms.Textarea(attrs={'rows': 12}),
                           max_length=MAX_CHECK_CHARS,
                           error_messages={'required': '请粘贴待核查的报告文字。',
                                           'max_length': '文字过长（超过 200 万字），请分段核查。'})
