"""Indicator systems as data: the shipped default, versions, and invalid systems rejected with clear Chinese
errors (by service, page, API and CLI) with nothing saved."""
from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from rest_framework.test import APIClient

from fazhi.assessment import services, systemfile
from fazhi.assessment.models import IndicatorSystem, SystemItem
from fazhi.core.context import acting_as
from fazhi.indicators.definitions import catalogue

from .conftest import SYSTEM, system

DEFAULT = Path(systemfile.__file__).parent / 'systems' / 'shifan-2021.yaml'
BROKEN = (SYSTEM.replace('points: 40', 'points: 45', 1)
          .replace('indicator: hotline.satisfaction_rate', 'indicator: hotline.happiness_rate')
          .replace("        rule: {type: manual, criteria: 合法性审核和报备全覆盖}\n", '')
          .replace('applies_to: [department]', 'applies_to: [department, township]'))


def test_the_default_system_is_shaped_like_the_national_one_and_valid():
    spec, errors = systemfile.validate(DEFAULT.read_text(encoding='utf-8'))
    assert errors == []
    assert spec.is_default and spec.total == 100
    assert [i.name for i in spec.items][:1] == ['政府职能依法全面履行'] and len(spec.items) == 9
    assert sum(i.points for i in spec.items) == 100
    levels = {i.level for i in spec.all_items()}
    assert levels == {1, 2, 3}
    leaves = spec.leaves()
    kinds = {leaf.rule['type'] for leaf in leaves}
    assert kinds == {'threshold', 'linear', 'target', 'deduction', 'manual'}
    assert all(leaf.rule['indicator'] in catalogue() for leaf in leaves if leaf.rule['type'] != 'manual')
    assert any(leaf.enforcement_only for leaf in leaves)


@pytest.mark.django_db
def test_loading_again_makes_a_new_version_and_keeps_the_old(district):
    first = system()
    assert first.version == 1 and first.items.count() == 8
    leaf = first.items.get(code='2.1')
    assert leaf.rule_type == 'deduction' and leaf.parent.code == '2' and leaf.rule['key'] == 'hazard_no'
    assert '__line__' not in str(leaf.rule)
    with pytest.raises(services.AssessmentError, match='内容相同'):
        system()
    second = system(SYSTEM.replace('name: 测试考核体系', 'name: 测试考核体系（修订）'))
    first.refresh_from_db()
    assert second.version == 2 and first.state == 'superseded' and second.state == 'active'


def test_invalid_system_lists_every_problem_in_chinese():
    spec, errors = systemfile.validate(BROKEN)
    text = '\n'.join(errors)
    assert '不等于体系总分 100' in text
    assert '下级指标分值之和 40（1.1 20 + 1.2 20）不等于指标 1“接诉即办”的分值 45' in text
    assert '指标“hotline.happiness_rate”不在指标目录中' in text and 'hotline.satisfaction_rate' in text
    assert '末级指标没有评分规则' in text and '3.1“规范性文件管理”' in text
    assert '考核类别“township”未在 categories 中定义' in text
    assert all(e.startswith('第') for e in errors)  # each error names its line


@pytest.mark.parametrize('original, replacement, message', [
    ('bands: [{min: 99, score: 20}', 'bands: [{min: 99, score: 25}', '档位得分“25”应在 0 至该项分值 20 之间'),
    ('zero: 70, full: 95', 'zero: 70, full: 70', 'zero 与 full 不能相等'),
    ('each: 2,', 'each: 0,', '每次扣分 each（正数）'),
    ('key: hazard_no, ', '', '标识列 key'),
    ('type: manual, criteria: 预案齐全并每年演练', 'type: manual', '评分标准 criteria'),
    ('type: threshold', 'type: lucky', '未知的评分规则类型“lucky”'),
    ('indicator: hazard.rectification_rate', 'indicator: enforcement.staff_participation_rate',
     '不是同一张表的单一计数'),
    ('small_sample: rebase', 'small_sample: maybe', 'small_sample 应为'),
])
def test_rule_problems(original, replacement, message):
    assert original in SYSTEM
    _, errors = systemfile.validate(SYSTEM.replace(original, replacement, 1))
    assert any(message in e for e in errors), errors


def test_yaml_syntax_and_empty_files():
    assert systemfile.validate('')[1] == ['文件为空。']
    errors = systemfile.validate('code: x\nitems: [\n')[1]
    assert errors[0].startswith('YAML 格式错误第3行')
    assert '应为一个指标体系' in systemfile.validate('- a\n- b\n')[1][0]


@pytest.mark.django_db
def test_nothing_is_saved_from_an_invalid_system_on_any_path(district, client, tmp_path, capsys):
    with acting_as(None, label='system:test'), pytest.raises(systemfile.SystemFileError) as exc:
        services.load_system(BROKEN)
    assert len(exc.value.errors) >= 4
    client.force_login(district.users['district_admin'])
    page = client.post('/assessment/systems/load/', {'text': BROKEN})
    assert page.status_code == 400
    body = page.content.decode()
    assert '处错误，未保存' in body and 'hotline.happiness_rate' in body
    api = APIClient()
    api.force_authenticate(district.users['district_admin'])
    response = api.post('/api/assessment/systems/load/', {'text': BROKEN}, format='json')
    assert response.status_code == 400 and any('不在指标目录中' in e for e in response.json()['errors'])
    checked = api.post('/api/assessment/systems/validate/', {'text': SYSTEM}, format='json')
    assert checked.status_code == 200 and checked.json() == {'valid': True, 'errors': [], 'items': 8}
    path = tmp_path / '体系.yaml'
    path.write_text(BROKEN, encoding='gb18030')
    with pytest.raises(CommandError, match='校验未通过'):
        call_command('assess', 'validate', str(path))
    assert '不在指标目录中' in capsys.readouterr().err
    with pytest.raises(CommandError):
        call_command('assess', 'load', str(path))
    assert not IndicatorSystem.objects.exists() and not SystemItem.objects.exists()


@pytest.mark.django_db
def test_weights_can_be_edited_in_the_browser_as_a_new_version(district, client):
    current = system()
    client.force_login(district.users['district_admin'])
    form = {f'points_{i.code}': str(i.points) for i in current.items.all()}
    form.update({'points_1.1': '25', 'points_1.2': '15', 'note': '提高响应率权重'})
    saved = client.post(f'/assessment/systems/{current.pk}/weights/', form)
    assert saved.status_code == 302
    new = IndicatorSystem.objects.get(code='test-system', version=2)
    assert new.items.get(code='1.1').points == 25 and new.change_note == '提高响应率权重'
    form['points_1.1'] = '30'  # 30 + 15 ≠ 40
    refused = client.post(f'/assessment/systems/{new.pk}/weights/', form)
    assert refused.status_code == 400 and '不等于指标 1“接诉即办”的分值 40' in refused.content.decode()
    assert IndicatorSystem.objects.count() == 2
    client.force_login(district.users['leader'])
    assert client.get(f'/assessment/systems/{current.pk}/weights/').status_code == 403
