"""Who may see and change assessment records.

- Indicator systems, their items and campaigns: everyone inside the government may read them (units see what they
  are assessed against); only the 依法治区办 (district_admin) changes them. Defaults of fazhi.core.permissions.
- Scores, deductions, evidence, objections and entries: the district administrator (all), leaders (read all),
  a unit's officers (their own subtree). Reviewers (legality_reviewer, case_officer) have no blanket access: they
  see and score only the items assigned to them (services.assigned_scores), never their own unit's.
- Demonstration rounds: applications are the units' own (unit officers add and change theirs); experts' individual
  scores are seen only by the district administrator and leaders; an expert with an account sees their queue.
  The public sees a round and its selected projects once the list is published.
"""
from __future__ import annotations

from fazhi.core.permissions import register_access
from fazhi.organization.choices import Role

ALL = {'view': 'all', 'add': 'all', 'change': 'all', 'delete': 'all'}
READ = {'view': 'all'}

register_access('assessment.campaignunit', {
    Role.DISTRICT_ADMIN: ALL, Role.LEADER: READ, Role.LEGALITY_REVIEWER: READ, Role.CASE_OFFICER: READ,
    Role.UNIT_OFFICER: {'view': 'subtree'},
})
register_access('assessment.itemscore', {
    Role.DISTRICT_ADMIN: ALL, Role.LEADER: READ,
    Role.UNIT_OFFICER: {'view': 'subtree', 'change': 'subtree'},
})
register_access('assessment.deduction', {
    Role.DISTRICT_ADMIN: ALL, Role.LEADER: READ, Role.UNIT_OFFICER: {'view': 'subtree'},
})
register_access('assessment.evidence', {
    Role.DISTRICT_ADMIN: ALL, Role.LEADER: READ,
    Role.UNIT_OFFICER: {'view': 'subtree', 'add': 'subtree', 'delete': 'subtree'},
})
register_access('assessment.objection', {
    Role.DISTRICT_ADMIN: ALL, Role.LEADER: READ, Role.UNIT_OFFICER: {'view': 'subtree', 'add': 'subtree'},
})
register_access('assessment.reviewerassignment', {Role.DISTRICT_ADMIN: ALL, Role.LEADER: READ})
register_access('assessment.roundexpert', {
    Role.DISTRICT_ADMIN: ALL, Role.LEADER: READ, Role.LEGALITY_REVIEWER: READ, Role.CASE_OFFICER: READ,
})
register_access('assessment.expertscore', {Role.DISTRICT_ADMIN: ALL, Role.LEADER: READ})
