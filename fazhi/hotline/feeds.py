"""The 12345 hotline's feed table in the analytics store."""
from __future__ import annotations

from pathlib import Path

from fazhi.core.feeds import register_feed
from fazhi.core.ingest import load_schema

GROUP = '接诉与纠纷化解'
SCHEMAS = Path(__file__).with_name('schemas')

HOTLINE_REQUEST = register_feed(
    load_schema(SCHEMAS / 'hotline_request.yaml'), GROUP, order=10, date_field='received_at',
    filter_fields=('category', 'channel', 'dispatched', 'responded', 'resolved', 'satisfaction', 'excluded'),
    search_fields=('ticket_no', 'category', 'content'),
    list_fields=('ticket_no', 'received_at', 'unit_code', 'category', 'channel', 'responded', 'resolved',
                 'satisfaction', 'closed_at'),
    after_land=(
        'UPDATE {table} SET dispatched = true WHERE _batch_id = ? AND dispatched IS NULL',
        "UPDATE {table} SET rated = coalesce(satisfaction, 'not_rated') <> 'not_rated' "
        'WHERE _batch_id = ? AND rated IS NULL',
        'UPDATE {table} SET excluded = false WHERE _batch_id = ? AND excluded IS NULL',
    ))
