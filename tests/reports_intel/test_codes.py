"""The engine's indicator codes are the platform catalogue's codes where they name the same figure."""
from __future__ import annotations

from fazhi.indicators.definitions import catalogue
from fazhi.intel.subjects import catalogue as intel_catalogue

# Figures both read from reports (fazhi/intel/subject_map.yaml) and computed by the platform.
SHARED = {
    'credit.grade_a', 'credit.grade_b', 'credit.grade_c', 'credit.grade_d', 'enforcement.exam_pass_rate',
    'enforcement.penalty_power_inspection_rate', 'enforcement.penalty_powers', 'enforcement.per_capita_volume',
    'enforcement.staff_participation_rate', 'hazard.found', 'hazard.rectification_rate', 'hotline.requests',
    'hotline.resolution_rate', 'hotline.response_rate', 'hotline.satisfaction_rate', 'legal_aid.cases',
    'mediation.accepted', 'mediation.judicial_confirmations', 'mediation.success_rate',
    'petition.evaluation_participation_rate', 'petition.satisfaction_rate', 'powers.items',
    'reconsideration.concluded', 'reconsideration.corrected', 'reconsideration.correction_rate',
    'reconsideration.litigation_share', 'reconsideration.mediation_rate', 'reconsideration.received',
    'services.online_rate', 'litigation.received', 'litigation.concluded', 'litigation.loss_rate',
    'litigation.head_appearance_rate', 'litigation.head_appearances', 'normative.filing_rate',
    'normative.filing_timeliness', 'normative.filing_conformity',
}


def test_shared_figures_have_the_catalogues_codes():
    read = {i.code for i in intel_catalogue()}
    assert SHARED <= read
    assert SHARED <= set(catalogue()), sorted(SHARED - set(catalogue()))


def test_units_agree_for_shared_figures():
    by_code = {}
    for entry in intel_catalogue():
        by_code.setdefault(entry.code, set()).update(entry.units)
    for code in SHARED:
        indicator = catalogue()[code]
        if indicator.kind == 'rate':
            assert by_code[code] == {'%'}, code
