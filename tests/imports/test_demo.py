"""The demo district's year: volumes and rates at the level of the source documents, deterministic by seed,
`--scale` multiplying the volumes."""
from __future__ import annotations

import duckdb
import pytest

from fazhi.core import demo
from fazhi.core.context import acting_as
from fazhi.core.feed_demo import DemoUnits, Gen, run_generators
from fazhi.organization import demo as district_demo

VOLUMES = {'hotline_request': 770_000, 'inspection': 330_000, 'penalty': 15_000, 'mediation': 24_000,
           'petition': 6_500, 'legal_aid_case': 2_600, 'legal_hotline_call': 42_000, 'hazard': 3_731,
           'credit_grade': 112_892, 'enforcement_exam': 480, 'random_inspection_task': 600, 'case_file_review': 1_200}


def demo_units() -> DemoUnits:
    """The demo district's unit codes, without a database (as bench/make_feeds.py builds them)."""
    names = district_demo.DEPARTMENTS
    departments = tuple(f'YX-D{i:02d}' for i in range(1, len(names) + 1))
    enforcing = tuple(f'YX-D{i:02d}' for i, n in enumerate(names, 1) if n in district_demo.ENFORCEMENT_DEPARTMENTS)
    verticals = tuple(f'YX-V{i:02d}' for i in range(1, len(district_demo.VERTICALS) + 1))
    streets = tuple(f'YX-S{i:02d}' for i in range(1, len(district_demo.STREETS) + 1))
    return DemoUnits(departments, enforcing + verticals + streets, streets, verticals, 'YX-D06')


def build(path, scale=1.0, seed=2026):
    with duckdb.connect(str(path)) as con:
        return run_generators(Gen(con, demo_units(), year=2025, seed=seed, scale=scale))


def test_a_year_at_the_scale_of_the_source_documents(tmp_path):
    timings = build(tmp_path / 'year.duckdb')
    rows = {name: n for name, (n, _) in timings.items()}
    assert {k: rows[k] for k in VOLUMES} == VOLUMES
    assert 5_600 <= rows['penalty_power'] <= 6_500 and 3_000 <= rows['enforcement_officer'] <= 3_600
    assert sum(rows.values()) > 1_300_000
    con = duckdb.connect(str(tmp_path / 'year.duckdb'), read_only=True)
    one = lambda sql: con.execute(sql).fetchone()[0]  # noqa: E731
    assert 0.98 < one('SELECT avg(responded::INT) FROM hotline_request WHERE dispatched AND NOT excluded') < 1
    assert 0.85 < one('SELECT avg(resolved::INT) FROM hotline_request WHERE rated AND NOT excluded') < 0.95
    assert 0.88 < one("SELECT avg((satisfaction = 'satisfied')::INT) FROM hotline_request WHERE rated") < 0.96
    assert 0.95 < one('SELECT avg(success::INT) FROM mediation') < 0.98
    assert 0.97 < one('SELECT avg((rectified_on IS NOT NULL)::INT) FROM hazard') < 0.99
    assert 0.96 < one('SELECT avg(passed::INT) FROM enforcement_exam') < 0.99
    covered = one("""SELECT count(DISTINCT p.power_code)::DOUBLE / (SELECT count(DISTINCT power_code) FROM penalty_power
                     WHERE kind = 'penalty') FROM penalty_power p SEMI JOIN inspection i USING (power_code)
                     WHERE p.kind = 'penalty'""")
    assert 0.95 < covered < 1
    acting = one("""SELECT count(DISTINCT officer_no)::DOUBLE / (SELECT count(*) FROM enforcement_officer
                    WHERE is_a_post AND active) FROM inspection""")
    assert 0.9 < acting < 1
    grades = dict(con.execute('SELECT grade, count(*) FROM credit_grade GROUP BY 1').fetchall())
    assert abs(grades['A'] - 32_063) < 1_000 and abs(grades['D'] - 1_996) < 300
    assert one("SELECT count(*) FROM penalty_power_change WHERE change_type = 'amend'") > 100


def test_deterministic_by_seed_and_scaled(tmp_path):
    def fingerprint(path):
        with duckdb.connect(str(path), read_only=True) as con:
            return [con.execute(f'SELECT count(*), sum(hash(COLUMNS(* EXCLUDE (_batch_id)))) FROM {t}').fetchone()
                    for t in ('hotline_request', 'penalty', 'penalty_power', 'mediation')]
    build(tmp_path / 'a.duckdb', scale=0.01)
    build(tmp_path / 'b.duckdb', scale=0.01)
    build(tmp_path / 'c.duckdb', scale=0.01, seed=1)
    assert fingerprint(tmp_path / 'a.duckdb') == fingerprint(tmp_path / 'b.duckdb')
    assert fingerprint(tmp_path / 'a.duckdb') != fingerprint(tmp_path / 'c.duckdb')
    assert fingerprint(tmp_path / 'a.duckdb')[0][0] == 7_700


@pytest.mark.django_db
def test_the_demo_ledgers_have_a_realistic_year(settings, tmp_path):
    from fazhi.disclosure.models import DisclosureItem, DisclosureRequest
    from fazhi.emergency.models import Drill, EmergencyPlan
    from fazhi.legal_education.models import EducationDuty
    from fazhi.supervision.models import AuditFinding, Proposal
    settings.ANALYTICS_DB = tmp_path / 'a.duckdb'
    ctx = demo.DemoContext()
    with acting_as(None, label='system:demo'):
        for _, name, step in demo.steps():
            if step.__module__.split('.')[1] in ('organization', 'supervision', 'emergency', 'disclosure',
                                                 'legal_education'):
                step(ctx)
    assert Proposal.objects.filter(kind='npc').count() == 199 and Proposal.objects.filter(kind='cppcc').count() == 291
    assert Proposal.objects.filter(on_time=True).count() == 490
    assert 100 <= AuditFinding.objects.count() <= 160 and AuditFinding.objects.filter(state='reopened').count() == 4
    assert AuditFinding.objects.filter(recurrence_of__isnull=False).count() == 4
    assert EmergencyPlan.objects.count() > 60 and Drill.objects.count() == 300
    requests = DisclosureRequest.objects.count()
    assert requests == 700 and DisclosureRequest.objects.filter(on_time=True).count() > 0.95 * requests
    assert DisclosureItem.objects.count() == 2_400 and EducationDuty.objects.count() > 200
