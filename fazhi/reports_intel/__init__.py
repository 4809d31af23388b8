"""Report intelligence inside the platform: load published reports, see their figures, audit, benchmark.

The engine is `fazhi.intel` (pure Python); this app stores what it reads and puts it in front of people:

- models: `ReportDocument` (a loaded file: text, region/issuer, year, format, uploader), `ReportFact` (every
  quantitative fact with its span), `ReportFinding` (audit findings with spans and Chinese explanations);
  district-wide data, access table in access.py; written only by loading.py through fazhi.core.services;
- pages (/reports-intel/): upload (several files, TXT/HTML/DOCX/PDF), the report with its text highlighted,
  facts, findings and the checks that could not be made, reconciliation with the platform's own figures when
  the report is about the platform's district, and the regions × indicators benchmark with charts and XLSX;
- API (/api/reports-intel/): reports (upload, list, facts, findings, reconciliation), benchmark, check;
- CLI: `fazhi extract FILE...`, `fazhi audit-report FILE...` (exit code 1 when there are findings),
  `fazhi benchmark DIR` (the engine's commands), and `fazhi load-reports FILE...` (store into the platform).

Pre-publication check (the hook of the annual-report issue): before a draft report is published, call

    from fazhi.reports_intel import check_text
    result = check_text(draft_text)          # -> fazhi.intel.audit.AuditReport
    result.findings                          # [Finding(kind, message (Chinese), spans, texts)], empty when clean
    result.checks                            # checks made: status 'consistent' or 'not_checkable'
    result.as_dict()                         # JSON-ready

`check_text` reads the text exactly as given (spans are offsets into it), extracts every figure and audits
them: rates against their counts, parts against totals, year-on-year claims, magnitudes, repeated figures
and duplicated paragraphs. It stores nothing and needs no database.
"""
from __future__ import annotations

from .checking import check_text

__all__ = ['check_text']
