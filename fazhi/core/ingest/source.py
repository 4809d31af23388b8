"""What the validator needs to know about a file once it has been read."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Source:
    """A UTF-8 CSV that DuckDB can read with ``read_csv``, and how to interpret it.

    ``columns`` maps field names to column indexes of that CSV.  When
    ``numbered`` is set, column 0 holds the user-visible row number of each
    record; otherwise the row number is ``rowid + first_row`` (records are
    consecutive, no blank lines in between).
    """

    file_name: str
    kind: str  # 'csv' or 'excel'
    path: Path
    delimiter: str
    skip: int  # records before the data (title and header rows)
    width: int  # number of columns to read
    columns: dict[str, int] = field(default_factory=dict)
    numbered: bool = False
    first_row: int = 1
    sha256: str = ""

    @property
    def excel(self) -> bool:
        return self.kind == "excel"

    @property
    def row_expr(self) -> str:
        return "CAST(c0 AS BIGINT)" if self.numbered else f"(rowid + {int(self.first_row)})"
