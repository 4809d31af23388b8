"""Declarative record schemas for bulk import.

A :class:`RecordSchema` names a record type, the DuckDB table it lands in, its
fields (with the Chinese column headers seen in real files) and its natural
key.  Schemas are plain data: they can be built in Python or loaded from YAML::

    name: hotline_request            # record type, used by `fazhi import TYPE FILE`
    verbose_name: 12345热线工单
    table: hotline_request           # DuckDB table (defaults to name)
    natural_key: [ticket_no]         # PRIMARY KEY; re-imports update these rows
    mode: upsert
    fields:
      - name: ticket_no              # lower-case identifier
        verbose_name: 工单编号        # header in templates and error messages
        aliases: [工单号, 诉求编号]    # other headers seen in real files
        type: str                    # str int decimal date datetime bool choice
        required: true               # (key fields always are)
        max_length: 64
        fold_width: true             # str only: full-width letters/digits → ASCII
      - name: satisfaction
        verbose_name: 满意度评价
        type: choice
        choices: {满意: satisfied, 基本满意: basically_satisfied}   # label → stored code (or a list)
      - {name: handling_hours, verbose_name: 处理时长, type: decimal, scale: 2, help: 单位：小时}
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Mapping

import yaml

FIELD_TYPES = ("str", "int", "decimal", "date", "datetime", "bool", "choice")
MODES = ("upsert",)
RESERVED_TABLES = ("import_batch",)
_IDENT = re.compile(r"^[a-z][a-z0-9_]*$")
SCHEMA_DIR = Path(__file__).with_name("schemas")


class SchemaError(ValueError):
    """A schema definition is inconsistent."""


@dataclass(frozen=True)
class Field:
    """One column of a record type.

    ``verbose_name`` is the Chinese header written in templates; ``aliases``
    are other headers seen in real files.  ``choices`` maps Chinese labels to
    stored codes (type ``choice``).  ``fold_width`` converts full-width
    letters and digits to ASCII in ``str`` fields (useful for codes); numeric,
    date and boolean fields are always folded.
    """

    name: str
    verbose_name: str
    type: str = "str"
    required: bool = False
    aliases: tuple[str, ...] = ()
    choices: Mapping[str, str] = field(default_factory=dict)
    max_length: int | None = None
    scale: int = 2
    fold_width: bool = False
    help: str = ""

    def __post_init__(self) -> None:
        if not _IDENT.match(self.name):
            raise SchemaError(f"字段名“{self.name}”不合法：只能使用小写字母、数字和下划线，且以字母开头")
        if self.type not in FIELD_TYPES:
            raise SchemaError(f"字段“{self.name}”的类型“{self.type}”不受支持（可用：{'、'.join(FIELD_TYPES)}）")
        if self.type == "choice" and not self.choices:
            raise SchemaError(f"字段“{self.name}”是选项类型，必须给出 choices")
        if not 0 <= self.scale <= 18:
            raise SchemaError(f"字段“{self.name}”的小数位数必须在 0 到 18 之间")
        object.__setattr__(self, "aliases", tuple(self.aliases))
        object.__setattr__(self, "choices", dict(self.choices))

    @property
    def headers(self) -> tuple[str, ...]:
        """Every header this field answers to: Chinese name, aliases, field name."""
        return (self.verbose_name, *self.aliases, self.name)


@dataclass(frozen=True)
class RecordSchema:
    """A record type that can be bulk-imported (fields of the natural key are always required)."""

    name: str
    verbose_name: str
    table: str
    fields: tuple[Field, ...]
    natural_key: tuple[str, ...]
    mode: str = "upsert"
    description: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "fields", tuple(self.fields))
        object.__setattr__(self, "natural_key", tuple(self.natural_key))
        self._check()
        keyed = tuple(replace(f, required=True) if f.name in self.natural_key else f for f in self.fields)
        object.__setattr__(self, "fields", keyed)

    def _check(self) -> None:
        if not _IDENT.match(self.table) or self.table in RESERVED_TABLES:
            raise SchemaError(f"表名“{self.table}”不合法或为保留名")
        if self.mode not in MODES:
            raise SchemaError(f"导入方式“{self.mode}”不受支持（可用：{'、'.join(MODES)}）")
        names = [f.name for f in self.fields]
        if not names or len(set(names)) != len(names):
            raise SchemaError(f"记录类型“{self.name}”的字段为空或有重复")
        if not self.natural_key or any(k not in names for k in self.natural_key):
            raise SchemaError(f"记录类型“{self.name}”的自然键必须由已定义的字段组成")

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)

    @property
    def key_fields(self) -> tuple[Field, ...]:
        return tuple(self.field(k) for k in self.natural_key)


def schema_from_dict(data: Mapping[str, Any]) -> RecordSchema:
    """Build a schema from the YAML/JSON mapping form."""
    try:
        fields = tuple(_field_from_dict(f) for f in data["fields"])
        return RecordSchema(
            name=data["name"],
            verbose_name=data["verbose_name"],
            table=data.get("table", data["name"]),
            fields=fields,
            natural_key=tuple(data["natural_key"]),
            mode=data.get("mode", "upsert"),
            description=data.get("description", ""),
        )
    except KeyError as exc:
        raise SchemaError(f"记录类型定义缺少“{exc.args[0]}”") from None


def _field_from_dict(data: Mapping[str, Any]) -> Field:
    data = dict(data)
    choices = data.pop("choices", None) or {}
    if isinstance(choices, (list, tuple)):
        choices = {str(c): str(c) for c in choices}
    data["choices"] = {str(k): str(v) for k, v in choices.items()}
    data["aliases"] = tuple(str(a) for a in data.get("aliases", ()))
    return Field(**data)


def load_schema(source: str | Path) -> RecordSchema:
    """Load a schema from a YAML file path or a YAML string."""
    text = Path(source).read_text(encoding="utf-8") if _is_path(source) else str(source)
    return schema_from_dict(yaml.safe_load(text))


def _is_path(source: str | Path) -> bool:
    return isinstance(source, Path) or ("\n" not in source and source.endswith((".yaml", ".yml")))


_registered: dict[str, RecordSchema] = {}


def register_schema(schema: RecordSchema) -> RecordSchema:
    """Make an app's record type known to :func:`get_schema` (it wins over a built-in example of the same name)."""
    _registered[schema.name] = schema
    return schema


def registered_schemas() -> dict[str, RecordSchema]:
    """Every known schema by name: the built-in examples overlaid with the schemas apps registered."""
    return {**builtin_schemas(), **_registered}


def builtin_schemas() -> dict[str, RecordSchema]:
    """The schemas shipped in ``fazhi/core/ingest/schemas/``, by name."""
    schemas = (load_schema(p) for p in sorted(SCHEMA_DIR.glob("*.yaml")))
    return {s.name: s for s in schemas}


def get_schema(name: str) -> RecordSchema:
    try:
        return registered_schemas()[name]
    except KeyError:
        raise SchemaError(f"未知的记录类型“{name}”") from None
