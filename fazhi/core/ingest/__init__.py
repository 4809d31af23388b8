"""Bulk import engine: CSV/Excel files → validated, typed rows in the DuckDB analytics store.

Pure Python (no Django).  Entry points:

* :func:`import_file` — import one file, all or nothing, with progress;
* :func:`errors_to_xlsx` / :func:`errors_to_csv` — the downloadable error report;
* :func:`template_xlsx` / :func:`template_csv` — the downloadable import template;
* :class:`RecordSchema` / :class:`Field`, :func:`load_schema`, :func:`get_schema`,
  :func:`builtin_schemas` — declarative record types (YAML in ``schemas/``);
  :func:`register_schema` — apps add their own record types (they win over built-in examples);
* :class:`RowCheck` — caller-supplied row checks (``import_file(..., checks=[...])``).
"""
from .engine import MAX_ERRORS, ImportResult, import_file
from .errors import RowError
from .land import BATCH_TABLE, table_ddl
from .progress import PROGRESS_TOTAL
from .report import errors_to_csv, errors_to_xlsx
from .checks import RowCheck, Staged
from .schema import (Field, RecordSchema, SchemaError, builtin_schemas, get_schema, load_schema, register_schema,
                     registered_schemas, schema_from_dict)
from .template import template_csv, template_xlsx

ImportError = RowError  # noqa: A001 - the platform's name for a row-level import error

__all__ = [
    "BATCH_TABLE", "MAX_ERRORS", "PROGRESS_TOTAL", "Field", "ImportResult", "RecordSchema", "RowError",
    "SchemaError", "builtin_schemas", "errors_to_csv", "errors_to_xlsx", "get_schema", "import_file",
    "load_schema", "schema_from_dict", "table_ddl", "template_csv", "template_xlsx",
    "RowCheck", "Staged", "register_schema", "registered_schemas",
]
