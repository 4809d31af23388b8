"""Access of the litigation ledger: the defaults of fazhi.core.permissions, configured on the models.

- case officers (案件承办人) and district administrators handle every lawsuit (`editor_roles`);
- a defendant unit's officer sees the lawsuits against its unit and the units below it, read-only, and
  records the replies to the judicial suggestions addressed to it;
- leaders and legality reviewers read everything; the public sees nothing of this ledger.
Nothing needs an explicit table, so nothing is registered here.
"""
