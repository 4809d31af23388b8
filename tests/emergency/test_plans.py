"""Emergency plans: issued, filed within 20 working days, revised on their cycle, repealed; drills per plan."""
from __future__ import annotations

import datetime as dt

from fazhi.core import services
from fazhi.core.context import acting_as
from fazhi.emergency.models import Drill, EmergencyPlan


def plan(district):
    with acting_as(None, label='system:test'):
        return services.create(EmergencyPlan(unit=district.market, name='食品安全事故应急预案', level='department',
                                             category='health'))


def test_issue_file_revise_and_repeal(district, client):
    obj = plan(district)
    client.force_login(district.users['unit_officer'])
    refused = client.post(f'/emergency/plans/{obj.pk}/do/issue/', {'on': '2022-03-01'})
    assert refused.status_code == 400 and '请填写印发文号' in refused.content.decode()
    client.post(f'/emergency/plans/{obj.pk}/do/issue/', {'on': '2022-03-01', 'doc_no': '云市监发〔2022〕3号'})
    obj.refresh_from_db()
    assert obj.state == 'effective' and obj.filing_due == dt.date(2022, 3, 29)
    assert obj.revision_due == dt.date(2025, 3, 1)
    assert obj.filing_overdue and obj.revision_overdue
    client.post(f'/emergency/plans/{obj.pk}/do/file/', {'on': '2022-03-20', 'filed_with': '区应急管理局'})
    obj.refresh_from_db()
    assert obj.filed_on == dt.date(2022, 3, 20) and not obj.filing_overdue
    assert list(client.get('/emergency/plans/', {'due': 'revision'}).context['object_list']) == [obj]
    client.post(f'/emergency/plans/{obj.pk}/do/start_revision/', {'on': '2025-02-01'})
    client.post(f'/emergency/plans/{obj.pk}/do/revise/', {'on': '2025-04-01', 'version': '2025版',
                                                          'doc_no': '云市监发〔2025〕9号'})
    obj.refresh_from_db()
    assert (obj.state, obj.version, obj.filed_on, obj.revision_due) == ('effective', '2025版', None,
                                                                        dt.date(2028, 4, 1))
    client.post(f'/emergency/plans/{obj.pk}/do/repeal/', {'on': '2025-12-01'})
    obj.refresh_from_db()
    assert obj.state == 'repealed' and obj.repealed_on == dt.date(2025, 12, 1)


def test_drills_are_shown_on_their_plan(district, client):
    obj = plan(district)
    with acting_as(None, label='system:test'):
        services.create(Drill(unit=district.market, plan=obj, title='食品安全桌面推演', held_on=dt.date(2025, 5, 5),
                              kind='tabletop'))
    client.force_login(district.users['unit_officer'])
    assert '食品安全桌面推演' in client.get(f'/emergency/plans/{obj.pk}/').content.decode()
