"""Numbers as Chinese officials write them.

Parses Arabic and full-width digits (with thousands separators and decimals), Chinese numerals
(一百二十, 两千, 三千五, 二〇三五), 万/亿 multipliers mixed with either (6.49万, 6千余万, 38000万),
percentages (%, 百分之三十, 三成, 一半), ranges (3至5, 50%-60%) and the approximation or bound
words around a number (约, 近, 超过, 不少于 / 余, 多, 以上, 左右).

`scan_numbers(text)` finds every number in a text and returns `NumberToken`s with exact offsets;
the text is expected to be normalised (simplified script, ASCII digits), see `normalize.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

CN_DIGITS = {
    "零": 0, "〇": 0, "○": 0, "Ｏ": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "貳": 2, "两": 2, "兩": 2,
    "三": 3, "叁": 3, "參": 3, "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "陸": 6,
    "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9,
}
CN_SMALL = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
CN_BIG = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}

_FULLWIDTH = str.maketrans("０１２３４５６７８９．％，", "0123456789.%,")

# Qualifier words, normalised: the key is what is written, the value what is stored.
PREFIX_QUALIFIERS = {
    "大约": "约", "约为": "约", "约": "约", "将近": "近", "接近": "近", "近": "近",
    "超过": "超过", "超": "超过", "逾": "超过", "不少于": "不少于", "不低于": "不少于", "至少": "不少于",
    "不超过": "不超过", "不足": "不足", "不到": "不足",
}
SUFFIX_QUALIFIERS = {
    "余": "余", "多": "多", "以上": "以上", "或以上": "以上", "以下": "以下", "左右": "约", "上下": "约",
}

_CN_D = "零〇一二两三四五六七八九"
_CN_CORE = rf"[{_CN_D}十百千]+(?:[万亿]+[{_CN_D}十百千]+)*(?:点[{_CN_D}]+)?"
_AR_CORE = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d{1,3}(?:[ \u00a0\u2009]\d{3})+(?![\d.])|\d+(?:\.\d+)?"
_CORE = rf"(?:{_AR_CORE}|{_CN_CORE})(?:[余多]?[十百千](?![十百千]))?(?:[余多]?[万亿]+)?"
_PRE = "|".join(sorted(PREFIX_QUALIFIERS, key=len, reverse=True))
_POST = "|".join(sorted(SUFFIX_QUALIFIERS, key=len, reverse=True))

NUMBER_RE = re.compile(
    rf"(?P<pre>{_PRE})?"
    rf"(?:百分之(?P<pc>{_CORE})"
    rf"|(?P<n1>{_CORE})(?P<p1>[%‰])?"
    rf"(?:(?P<rs>[-~～–—至到])(?P<n2>{_CORE})(?P<p2>[%‰])?)?)"
    rf"(?P<post>{_POST})?"
)
_CHENG_RE = re.compile(r"(?P<n>[二两三四五六七八九]|十)成(?![为立功果绩员本交熟效长就型品年])|一半")


@dataclass(frozen=True)
class NumberToken:
    """A number found in a text. `start`/`end` cover qualifier words too; `core_*` only the numeral."""

    start: int
    end: int
    core_start: int
    core_end: int
    value: Decimal
    high: Decimal | None = None
    qualifier: str | None = None
    percent: bool = False
    chinese: bool = False

    @property
    def text_range(self) -> tuple[int, int]:
        return self.start, self.end


def normalize_digits(text: str) -> str:
    """Full-width digits and signs to ASCII, one character for one character."""
    return text.translate(_FULLWIDTH)


def parse_number(text: str) -> Decimal:
    """Parse one number: '1,234.5', '６.４９万', '一百二十', '两千', '6千万', '38000万', '三点五'.

    Qualifier characters 余/多 inside the number are ignored (the caller records them).
    Raises ValueError when the text is not a number.
    """
    if text.isascii() and text.replace(".", "", 1).isdigit():
        return Decimal(text)
    s = normalize_digits(text).replace(",", "").replace("余", "").replace("多", "")
    s = re.sub(r"(?<=\d)[ \u00a0\u2009](?=\d{3})", "", s).strip()
    if not s:
        raise ValueError(f"not a number: {text!r}")
    try:
        return Decimal(s)
    except InvalidOperation:
        pass
    if "点" in s:
        whole, _, frac = s.partition("点")
        if not frac or any(c not in CN_DIGITS for c in frac):
            raise ValueError(f"not a number: {text!r}")
        fraction = Decimal("0." + "".join(str(CN_DIGITS[c]) for c in frac))
        return (parse_number(whole) if whole else Decimal(0)) + fraction
    return _combine(_tokens(s, text))


def _tokens(s: str, original: str) -> list[tuple[str, Decimal]]:
    out: list[tuple[str, Decimal]] = []
    i = 0
    while i < len(s):
        c = s[i]
        if c.isdigit() and c.isascii():
            j = i
            while j < len(s) and (s[j].isdigit() and s[j].isascii() or s[j] == "."):
                j += 1
            out.append(("n", Decimal(s[i:j])))
            i = j
        elif c in CN_DIGITS:
            j = i
            while j < len(s) and s[j] in CN_DIGITS:
                j += 1
            run = s[i:j]
            if len(run) > 1 and CN_DIGITS[run[0]] == 0 and len(run) < 4:
                out.append(("z", Decimal(0)))
                run = run[1:]
            out.append(_digit_run(run, original))
            i = j
        elif c in CN_SMALL:
            out.append(("u", Decimal(CN_SMALL[c])))
            i += 1
        elif c in CN_BIG:
            out.append(("b", Decimal(CN_BIG[c])))
            i += 1
        else:
            raise ValueError(f"not a number: {original!r}")
    return out


def _digit_run(run: str, original: str) -> tuple[str, Decimal]:
    """A run of Chinese digits: one digit, or positional digits such as 二〇二一 (not 三四 = 3 or 4)."""
    if len(run) == 1:
        return ("z" if CN_DIGITS[run] == 0 else "n"), Decimal(CN_DIGITS[run])
    if len(run) >= 3 or any(CN_DIGITS[c] == 0 for c in run):
        return "n", Decimal("".join(str(CN_DIGITS[c]) for c in run))
    raise ValueError(f"not a number: {original!r}")


def _combine(tokens: list[tuple[str, Decimal]]) -> Decimal:
    total = Decimal(0)
    group = Decimal(0)
    num: Decimal | None = None
    last_unit: Decimal | None = None
    after_unit = zero_seen = False
    for kind, v in tokens:
        if kind in "nz":
            if num is not None and kind == "n":
                raise ValueError("two numerals in a row")
            zero_seen = zero_seen or kind == "z"
            num = None if kind == "z" else v
            after_unit = False if kind == "z" else after_unit
            continue
        if kind == "u":
            group += (num if num is not None else Decimal(1)) * v
        elif v == CN_BIG["亿"]:
            group += num or 0
            total = (total + group) * v if (total + group) else v
            group = Decimal(0)
        else:
            group += num or 0
            total += (group or Decimal(1)) * v
            group = Decimal(0)
        num, last_unit, after_unit, zero_seen = None, v, True, False
    if num is not None:
        abbreviated = after_unit and not zero_seen and last_unit is not None and last_unit >= 100 and num < 10
        group += num * last_unit / 10 if abbreviated else num
    return total + group


def parse_chinese_numeral(text: str) -> int:
    """Parse a Chinese integer numeral such as 一百二十, 两千零五, 三万五千, 二〇二一."""
    value = parse_number(text)
    if value != value.to_integral_value():
        raise ValueError(f"not an integer numeral: {text!r}")
    return int(value)


def to_chinese_numeral(n: int) -> str:
    """Write a non-negative integer in standard Chinese numerals (for tests and messages)."""
    if n < 0:
        raise ValueError("negative")
    if n == 0:
        return "零"
    out = _cn(n)
    return out[1:] if out.startswith("一十") else out


def _cn(n: int) -> str:
    for big, name in ((10**8, "亿"), (10**4, "万")):
        if n >= big:
            high, low = divmod(n, big)
            out = _cn(high) + name
            if low:
                out += ("零" if low < big // 10 else "") + _cn(low)
            return out
    return _four(n, "零一二三四五六七八九")


def _four(n: int, digits: str) -> str:
    out, zero = "", False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d, n = divmod(n, unit)
        if d:
            if zero and out:
                out += "零"
            out += digits[d] + name
            zero = False
        else:
            zero = True
    return out


def scan_numbers(text: str) -> list[NumberToken]:
    """Every number in `text` with its span, value, range end, qualifier and percent flag."""
    tokens = [t for m in NUMBER_RE.finditer(text) if (t := _from_match(m)) is not None]
    tokens.extend(_cheng_tokens(text))
    tokens.sort(key=lambda t: t.start)
    return tokens


def _from_match(m: re.Match) -> NumberToken | None:
    if m.group() == "一" and m.string[m.start() - 1:m.start()] != "第":
        return None  # a lone 一 is a word (一批, 一体化, 进一步), except in 第一
    core = m.group("pc") or m.group("n1")
    core_start = m.start("pc") if m.group("pc") else m.start("n1")
    try:
        value = parse_number(core)
        high = parse_number(m.group("n2")) if m.group("n2") else None
    except (ValueError, InvalidOperation):
        return None
    qualifier = _qualifier(m, core)
    percent = bool(m.group("pc") or m.group("p1") or m.group("p2"))
    if m.group("n2"):
        core_end = m.end("p2") if m.group("p2") else m.end("n2")
    elif m.group("pc"):
        core_end = m.end("pc")
    else:
        core_end = m.end("p1") if m.group("p1") else m.end("n1")
    chinese = any(c in CN_DIGITS or c in CN_SMALL for c in core)
    return NumberToken(m.start(), m.end(), core_start, core_end, value, high, qualifier, percent, chinese)


def _qualifier(m: re.Match, core: str) -> str | None:
    if m.group("pre"):
        return PREFIX_QUALIFIERS[m.group("pre")]
    if m.group("post"):
        return SUFFIX_QUALIFIERS[m.group("post")]
    if "余" in core:
        return "余"
    if "多" in core:
        return "多"
    return None


def _cheng_tokens(text: str) -> list[NumberToken]:
    out = []
    for m in _CHENG_RE.finditer(text):
        value = Decimal(50) if m.group() == "一半" else parse_number(m.group("n")) * 10
        out.append(NumberToken(m.start(), m.end(), m.start(), m.end(), value, None, None, True, True))
    return out
