"""SQL expressions that type one raw text column, set-based in DuckDB.

Every function takes a SQL expression for the raw cell text and returns a
SQL expression; nothing here touches data.  Each type has a cheap *fast*
reading of the plainly trimmed text (right for nearly every cell of a
machine-made export) and a thorough *slow* reading (full-width folding,
exotic blanks, Chinese date forms, thousands separators).  ``validate.stage``
puts the slow reading in a CASE branch of its own projection layer, so DuckDB
only evaluates it for the cells the fast reading rejects (``coalesce`` would
evaluate every argument, and a sub-expression repeated inside one expression
gets hoisted out of its branch).  A typed value of NULL for a non-blank cell
is an error.
"""
from __future__ import annotations

from .schema import Field

_FULL = "".join(chr(c) for c in range(0xFF01, 0xFF5F)) + "\u3000"
_HALF = "".join(chr(c) for c in range(0x21, 0x7F)) + " "
_BLANKS = " \t\r\n\u3000\u00a0\ufeff"
_INT = r"[+-]?(\d{1,3}(,\d{3})+|\d+)(\.0+)?"
_DECIMAL = r"[+-]?((\d{1,3}(,\d{3})+|\d+)(\.\d+)?|\.\d+)"
_DATE_PART = r"^(\d{4})[年/.-](\d{1,2})[月/.-](\d{1,2})(日\s*|\s+|T|$)"
_TIME_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M:%S.%f", "%Y-%m-%d %H:%M", "%Y-%m-%d", "%Y%m%d")
YEARS = (1900, 2199)
TRUE_WORDS = ("是", "y", "yes", "1", "true", "t", "√", "✓", "✔", "有", "对")
FALSE_WORDS = ("否", "n", "no", "0", "false", "f", "×", "✗", "✘", "x", "无", "错")
SQL_TYPES = {"str": "VARCHAR", "int": "BIGINT", "date": "DATE", "datetime": "TIMESTAMP",
             "bool": "BOOLEAN", "choice": "VARCHAR"}


def lit(text: str) -> str:
    """A SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def ident(name: str) -> str:
    """A quoted SQL identifier (field names such as ``at`` or ``year`` are keywords)."""
    return '"' + name.replace('"', '""') + '"'


def sql_type(f: Field) -> str:
    return f"DECIMAL(18,{f.scale})" if f.type == "decimal" else SQL_TYPES[f.type]


def trimmed(cell: str) -> str:
    """Trim blanks; only cells that start or end with a tab, line break, ideographic or no-break space
    pay for trimming the full set (``trim(x, chars)`` is several times slower than ``trim(x)``)."""
    odd = ", ".join(lit(c) for c in _BLANKS[1:])
    return (f"CASE WHEN {cell}[1] IN ({odd}) OR {cell}[-1] IN ({odd}) "
            f"THEN trim({cell}, {lit(_BLANKS)}) ELSE trim({cell}) END")


def full_clean(cell: str) -> str:
    """Full-width folded and fully trimmed text, NULL when blank (the slow path)."""
    folded = (f"CASE WHEN strlen({cell}) = length({cell}) THEN {cell} "
              f"ELSE translate({cell}, {lit(_FULL)}, {lit(_HALF)}) END")
    return f"nullif(trim({folded}, {lit(_BLANKS)}), '')"


def fast(f: Field, cell: str) -> str:
    """The cheap reading of a raw cell: NULL when it needs the slow one (or is blank/invalid)."""
    t = f"trim({cell})"
    if f.type == "str":
        plain = f"nullif({trimmed(cell)}, '')"
        return f"CASE WHEN strlen({cell}) = length({cell}) THEN {plain} END" if f.fold_width else plain
    if f.type in ("int", "decimal"):
        pattern = r"[+-]?\d+" if f.type == "int" else r"[+-]?\d+(\.\d+)?"
        return f"CASE WHEN regexp_full_match({t}, {lit(pattern)}) THEN TRY_CAST({t} AS {sql_type(f)}) END"
    if f.type in ("date", "datetime"):  # starts with a digit: ISO-like forms DuckDB casts itself
        return f"CASE WHEN {t} >= '0' AND {t} < ':' THEN CAST(TRY_CAST({t} AS TIMESTAMP) AS {sql_type(f)}) END"
    if f.type == "bool":
        return _bool_case(t, TRUE_WORDS[:4], FALSE_WORDS[:4])
    return _choice_case(f, t)


def slow(f: Field, s: str, excel: bool) -> str:
    """The thorough reading of ``s``, the cell after :func:`full_clean` (NULL when invalid).

    ``s`` must be a column reference: DuckDB's common-subexpression pass would
    otherwise compute a repeated ``full_clean(...)`` for every row.
    """
    if f.type == "str":
        return s
    if f.type in ("int", "decimal"):
        pattern = _INT if f.type == "int" else _DECIMAL
        return f"CASE WHEN regexp_full_match({s}, {lit(pattern)}) THEN TRY_CAST(replace({s}, ',', '') AS {sql_type(f)}) END"
    if f.type in ("date", "datetime"):
        return f"CAST({_slow_datetime(s, excel)} AS {sql_type(f)})"
    if f.type == "bool":
        return _bool_case(f"lower({s})", TRUE_WORDS, FALSE_WORDS)
    return _choice_case(f, f"regexp_replace({s}, '\\s', '', 'g')")


def _slow_datetime(s: str, excel: bool) -> str:
    value = f"try_strptime({_reshape(s)}, {_formats()})"
    if not excel:
        return value
    serial = f"TIMESTAMP '1899-12-30' + to_seconds(round(TRY_CAST({s} AS DOUBLE) * 86400))"
    return f"CASE WHEN regexp_full_match({s}, '\\d{{5}}(\\.\\d+)?') THEN {serial} ELSE {value} END"


def _reshape(t: str) -> str:
    """2023年5月6日 / 2023.5.6 / 2023/5/6 [14时30分] → 2023-5-6 [14:30]."""
    date = f"regexp_replace({t}, {lit(_DATE_PART)}, '\\1-\\2-\\3 ')"
    hms = f"regexp_replace(regexp_replace({date}, '[时点分]', ':', 'g'), '秒', '')"
    return f"regexp_replace(regexp_replace({hms}, '[\\s:]+$', ''), '\\s+', ' ', 'g')"


def _formats() -> str:
    return "[" + ", ".join(lit(x) for x in _TIME_FORMATS) + "]"


def _bool_case(text: str, words_yes, words_no) -> str:
    whens = [f"WHEN {lit(w)} THEN true" for w in words_yes] + [f"WHEN {lit(w)} THEN false" for w in words_no]
    return f"CASE {text} {' '.join(whens)} END"


def _choice_case(f: Field, text: str) -> str:
    pairs = list(f.choices.items()) + [(code, code) for code in f.choices.values()]
    whens = " ".join(f"WHEN {lit(label.replace(' ', ''))} THEN {lit(code)}" for label, code in pairs)
    return f"CASE {text} {whens} END"


def error_code(f: Field, s: str, v: str) -> str:
    """'required' / 'invalid' / 'too_long' / NULL for a cell with cleaned text ``s`` (NULL when blank
    or when the fast reading succeeded) and typed value ``v``."""
    good = []
    if f.type in ("date", "datetime"):
        good.append(f"WHEN NOT coalesce(year({v}) BETWEEN {YEARS[0]} AND {YEARS[1]}, false) THEN 'invalid'")
    if f.max_length:
        good.append(f"WHEN length({v}) > {int(f.max_length)} THEN 'too_long'")
    when_blank = "'required'" if f.required else "NULL"
    checks = f"CASE {' '.join(good)} END" if good else "NULL"
    return f"CASE WHEN {v} IS NOT NULL THEN {checks} WHEN {s} IS NULL THEN {when_blank} ELSE 'invalid' END"
