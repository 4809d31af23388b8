"""Safety hazards found and rectified (a feed of the analytics store)."""
from __future__ import annotations

from pathlib import Path

from fazhi.core.feeds import register_feed
from fazhi.core.ingest import load_schema

GROUP = '应急管理'
SCHEMAS = Path(__file__).with_name('schemas')

HAZARD = register_feed(
    load_schema(SCHEMAS / 'hazard.yaml'), GROUP, order=60, date_field='found_on',
    filter_fields=('level', 'category', 'verified'), search_fields=('hazard_no', 'enterprise_name', 'category'),
    list_fields=('hazard_no', 'found_on', 'unit_code', 'enterprise_name', 'category', 'level', 'due_on',
                 'rectified_on', 'verified'))
