"""Access of major decisions beyond the defaults of fazhi.core.permissions:

- catalogues and decisions: the deciding / responsible unit's officers (own subtree) and the district office
  write; reviewers and leaders read; the public reads published catalogues and decisions put out for comment;
- procedures: the responsible unit records evidence; legality reviewers may record the legality review;
- public comments: the public submits on the portal page only while the consultation is open (the page is the
  gate and the write is audited); the responsible unit moderates and disposes (view and change in its subtree);
  comments are never listed to the public except, once approved, on the decision's page (contact hidden).
These follow from each record type's `unit_lookup`, `public_q`, `editor_roles` and `unit_officer_actions`.
"""
