"""Dispute-resolution feed tables: mediation, petitions, legal aid, the 12348 line."""
from __future__ import annotations

from pathlib import Path

from fazhi.core.feeds import register_feed
from fazhi.core.ingest import load_schema

GROUP = '接诉与纠纷化解'
SCHEMAS = Path(__file__).with_name('schemas')


def _schema(name: str):
    return load_schema(SCHEMAS / f'{name}.yaml')


MEDIATION = register_feed(
    _schema('mediation'), GROUP, order=11, date_field='accepted_on',
    filter_fields=('kind', 'success', 'judicial_confirmation', 'dispute_type', 'agreement_kind'),
    search_fields=('case_no', 'committee', 'dispute_type'),
    list_fields=('case_no', 'accepted_on', 'unit_code', 'kind', 'committee', 'dispute_type', 'success', 'amount',
                 'judicial_confirmation', 'closed_on'))

PETITION = register_feed(
    _schema('petition'), GROUP, order=12, date_field='received_on',
    filter_fields=('channel', 'category', 'evaluation', 'evaluated', 'satisfied', 'is_repeat'),
    search_fields=('petition_no', 'category'),
    after_land=(
        'UPDATE {table} SET eligible_for_evaluation = true WHERE _batch_id = ? AND eligible_for_evaluation IS NULL',
        "UPDATE {table} SET evaluated = coalesce(evaluation, 'not_rated') <> 'not_rated' "
        'WHERE _batch_id = ? AND evaluated IS NULL',
        "UPDATE {table} SET satisfied = evaluation IN ('satisfied', 'basically_satisfied') "
        'WHERE _batch_id = ? AND satisfied IS NULL AND evaluation IS NOT NULL',
    ))

LEGAL_AID = register_feed(
    _schema('legal_aid_case'), GROUP, order=13, date_field='applied_on', filter_fields=('kind', 'granted'),
    search_fields=('case_no', 'lawyer', 'applicant_group'))

LEGAL_HOTLINE = register_feed(
    _schema('legal_hotline_call'), GROUP, order=14, date_field='received_at', filter_fields=('topic', 'to_legal_aid'),
    search_fields=('call_no', 'topic'))
