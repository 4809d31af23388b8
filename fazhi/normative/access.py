"""Access of normative documents beyond the defaults of fazhi.core.permissions:

- documents: drafting units (own subtree) and legality reviewers write; the public reads what is published;
- versions and events: written only by workflow steps; readable with their document (public once published);
- clean-up campaigns are district-wide (every unit sees them; reviewers run them); a unit records the
  conclusion for its own documents (CleanupItem: view and change in its subtree).
These follow from the record types' `unit_lookup`, `public_q`, `editor_roles` and `unit_officer_actions`.
"""
