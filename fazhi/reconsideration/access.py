"""Access of the reconsideration ledger: the defaults of fazhi.core.permissions, configured on the models.

- case officers (案件承办人) see and handle every case (`editor_roles`); district administrators likewise;
- a respondent unit's officer sees the cases against its own unit and the units below it, read-only, and
  handles the correction feedback addressed to it;
- leaders and legality reviewers read everything; the public sees published decision documents only.
Nothing needs an explicit table, so nothing is registered here.
"""
