"""Government-service items (versioned list) and enterprise credit grades."""
from __future__ import annotations

from pathlib import Path

from fazhi.core.feeds import change_log_ddl, register_feed
from fazhi.core.ingest import load_schema

GROUP = '政务服务与公开'
SCHEMAS = Path(__file__).with_name('schemas')

SERVICE_ITEM = register_feed(
    load_schema(SCHEMAS / 'service_item.yaml'), GROUP, order=40, date_field='effective_from',
    filter_fields=('item_type', 'online_available', 'fully_online'), search_fields=('item_code', 'name'),
    list_fields=('item_code', 'name', 'unit_code', 'item_type', 'online_available', 'fully_online', 'max_visits',
                 'effective_from', 'repealed_on'),
    extra_ddl=(change_log_ddl('service_item', 'item_code', {'name': '名称', 'unit_code': '实施单位',
                                                              'online_available': '网上可办',
                                                              'fully_online': '全程网办'}),))

CREDIT_GRADE = register_feed(
    load_schema(SCHEMAS / 'credit_grade.yaml'), GROUP, order=41, date_field='graded_on',
    filter_fields=('grade', 'industry'), search_fields=('enterprise_code', 'enterprise_name'))
