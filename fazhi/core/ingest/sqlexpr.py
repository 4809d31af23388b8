"""SQL expressions that clean and type one raw text column, set-based in DuckDB.

Every function takes a SQL expression for the cell text and returns a SQL
expression; nothing here touches data.  ``clean`` yields NULL for empty
cells; ``typed`` yields NULL for cells that cannot be read, which the
validator reports as errors.
"""
from __future__ import annotations

from .schema import Field

_FULL = "".join(chr(c) for c in range(0xFF01, 0xFF5F)) + "\u3000"
_HALF = "".join(chr(c) for c in range(0x21, 0x7F)) + " "
_NUM_FULL = "０１２３４５６７８９．，－＋：／　"
_NUM_HALF = "0123456789.,-+:/ "
_TRIM = " \t\r\n\u3000\u00a0\ufeff"
_INT = r"[+-]?(\d{1,3}(,\d{3})+|\d+)(\.0+)?"
_DECIMAL = r"[+-]?((\d{1,3}(,\d{3})+|\d+)(\.\d+)?|\.\d+)"
_DATE_PART = r"^(\d{4})[年/.-](\d{1,2})[月/.-](\d{1,2})日?(\s+|T|$)"
_TIME_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M:%S.%f", "%Y-%m-%d %H:%M", "%Y-%m-%d", "%Y%m%d")
YEARS = (1900, 2199)
TRUE_WORDS = ("是", "y", "yes", "1", "true", "t", "√", "✓", "✔", "有", "对")
FALSE_WORDS = ("否", "n", "no", "0", "false", "f", "×", "✗", "✘", "x", "无", "错")
SQL_TYPES = {"str": "VARCHAR", "int": "BIGINT", "date": "DATE", "datetime": "TIMESTAMP",
             "bool": "BOOLEAN", "choice": "VARCHAR"}


def lit(text: str) -> str:
    """A SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def sql_type(f: Field) -> str:
    return f"DECIMAL(18,{f.scale})" if f.type == "decimal" else SQL_TYPES[f.type]


def clean(f: Field, cell: str) -> str:
    """Trimmed text (NULL when empty); digits and punctuation folded to ASCII where the type needs it."""
    if f.type == "str" and not f.fold_width:
        text = cell
    elif f.type in ("str", "choice"):
        text = _fold(cell, _FULL, _HALF)
    else:
        text = _fold(cell, _NUM_FULL, _NUM_HALF)
    return f"nullif(trim({text}, {lit(_TRIM)}), '')"


def _fold(cell: str, full: str, half: str) -> str:
    # translate() is slow in DuckDB, so only rows that contain full-width characters pay for it.
    return f"CASE WHEN regexp_matches({cell}, '[{full}]') THEN translate({cell}, {lit(full)}, {lit(half)}) ELSE {cell} END"


def typed(f: Field, t: str, excel: bool) -> str:
    """The typed value of cleaned text ``t`` (NULL when it cannot be read)."""
    if f.type == "str":
        return t
    return {"int": _int, "decimal": _decimal, "date": _date, "datetime": _datetime,
            "bool": _bool, "choice": _choice}[f.type](f, t, excel)


def _int(f: Field, t: str, excel: bool) -> str:
    return f"CASE WHEN regexp_full_match({t}, {lit(_INT)}) THEN TRY_CAST(replace({t}, ',', '') AS BIGINT) END"


def _decimal(f: Field, t: str, excel: bool) -> str:
    return (f"CASE WHEN regexp_full_match({t}, {lit(_DECIMAL)}) "
            f"THEN TRY_CAST(replace({t}, ',', '') AS {sql_type(f)}) END")


def _datetime(f: Field, t: str, excel: bool) -> str:
    value = f"coalesce(try_strptime({t}, '%Y-%m-%d %H:%M:%S'), try_strptime({_reshape(t)}, {_formats()}))"
    if excel:
        serial = f"TIMESTAMP '1899-12-30' + to_seconds(round(TRY_CAST({t} AS DOUBLE) * 86400))"
        value = f"CASE WHEN regexp_full_match({t}, '\\d{{5}}(\\.\\d+)?') THEN {serial} ELSE {value} END"
    return value


def _date(f: Field, t: str, excel: bool) -> str:
    return f"CAST({_datetime(f, t, excel)} AS DATE)"


def _reshape(t: str) -> str:
    """2023年5月6日 / 2023.5.6 / 2023/5/6 [14时30分] → 2023-5-6 [14:30]."""
    date = f"regexp_replace({t}, {lit(_DATE_PART)}, '\\1-\\2-\\3 ')"
    hms = f"regexp_replace(regexp_replace({date}, '[时点分]', ':', 'g'), '秒', '')"
    return f"regexp_replace(regexp_replace({hms}, '[\\s:]+$', ''), '\\s+', ' ', 'g')"


def _formats() -> str:
    return "[" + ", ".join(lit(x) for x in _TIME_FORMATS) + "]"


def _bool(f: Field, t: str, excel: bool) -> str:
    low = f"lower({t})"
    yes = ", ".join(lit(w) for w in TRUE_WORDS)
    no = ", ".join(lit(w) for w in FALSE_WORDS)
    return f"CASE WHEN {low} IN ({yes}) THEN true WHEN {low} IN ({no}) THEN false END"


def _choice(f: Field, t: str, excel: bool) -> str:
    pairs = list(f.choices.items()) + [(code, code) for code in f.choices.values()]
    whens = " ".join(f"WHEN {lit(label.replace(' ', ''))} THEN {lit(code)}" for label, code in pairs)
    return f"CASE regexp_replace({t}, '\\s', '', 'g') {whens} END"


def error_code(f: Field, t: str, v: str) -> str:
    """'required' / 'invalid' / 'too_long' / NULL for one cell."""
    bad = f"{v} IS NULL"
    if f.type in ("date", "datetime"):
        bad += f" OR year({v}) NOT BETWEEN {YEARS[0]} AND {YEARS[1]}"
    parts = [f"WHEN {t} IS NULL THEN " + ("'required'" if f.required else "NULL"), f"WHEN {bad} THEN 'invalid'"]
    if f.max_length:
        parts.append(f"WHEN length({t}) > {int(f.max_length)} THEN 'too_long'")
    return "CASE " + " ".join(parts) + " END"
