"""Token-level rules: is a number found in the text a quantitative fact, and with which unit?

A number is kept when a unit follows it (or it is a percentage or a rank) and none of the
exclusions applies: list markers and ordinals, numbers glued to Latin letters or formulas, years
and narrative spans of time, idiomatic 一/二, weak units after a lone Chinese digit, rhetoric such
as 百名/千家, class labels, abstract nouns (三个方面) and counts restating an enumeration."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import (ABSTRACT_NOUNS, CLAUSE_BREAKS, HOTLINES, MAX_UNIT_LEN, NARRATIVE_YEAR_AFTER,
                      NARRATIVE_YEAR_BEFORE, UNITS, WEAK_UNITS)
from .numbers import SUFFIX_QUALIFIERS, NumberToken
from .segment import Segmentation

_RANK_VERBS = re.compile(r"(排名|排在|排位|位列|位居|名列|居于)[^，,。;；]{0,8}$")
_ASCII_BEFORE = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz+＋·•&_/#@\\=<>×*＊")
_POST_UNIT = ("或以上", "以上", "以下", "左右", "上下", "余", "多")
_SINGLE_ROUND = set("十百千万")
_CN_NUMERAL_CHARS = set("零〇一二两三四五六七八九十百千万亿")

@dataclass
class Candidate:
    """A number that passed the first filters, before document-level post-processing."""

    tok: NumberToken
    end: int  # working offset after unit and trailing qualifier
    unit: str | None
    written_unit: str
    qualifier: str | None
    kind: str
    value_start: int  # working offset where the span starts


def candidate(ctx, tok: NumberToken) -> Candidate | None:
    """Apply the token-level rules; None when the number is not a fact."""
    w, seg = ctx.w, ctx.seg
    if seg.excluded(tok.core_start) or not _clean_edges(w, tok):
        return None
    if w[tok.core_start - 1:tok.core_start] == "第":
        return _rank(w, tok)
    if _is_list_marker(w, tok, seg):
        return None
    found = _unit(w, tok)
    if found is None:
        return _pending(w, tok)
    unit, written, end, qualifier = found
    if not _plausible(w, tok, unit, written, end, qualifier, seg):
        return None
    kind = "rate" if unit == "%" else "change" if unit == "个百分点" else "count"
    if unit == "名" and _rank_change(w, tok, seg):
        unit, kind = "位次", "rank"
    return Candidate(tok, end, unit, written, qualifier, kind, tok.start)


def _clean_edges(w: str, tok: NumberToken) -> bool:
    before = w[tok.core_start - 1] if tok.core_start else ""
    if before in _ASCII_BEFORE or (before == "." and tok.core_start > 1 and w[tok.core_start - 2].isdigit()):
        return False
    after = w[tok.core_end] if tok.core_end < len(w) else ""
    if after in _ASCII_BEFORE - {"/"} or after == "." and w[tok.core_end + 1:tok.core_end + 2].isdigit():
        return False
    return not (after == ":" and w[tok.core_end + 1:tok.core_end + 2].isdigit())


def _is_list_marker(w: str, tok: NumberToken, seg: Segmentation) -> bool:
    after = w[tok.core_end:tok.core_end + 1]
    before = w[tok.start - 1:tok.start]
    if before in "(（" and after in ")）":
        return True
    line_start = seg.line(tok.start)[0]
    at_line_start = not w[line_start:tok.start].strip(" \t\u3000")
    return at_line_start and after in ".．、)）:："


def _rank(w: str, tok: NumberToken) -> Candidate | None:
    """第N after a ranking verb (排名全市第七) or followed by 位/名 (第7位) is a rank."""
    after = w[tok.core_end:tok.core_end + 1]
    clause = w[max(0, tok.core_start - 12):tok.core_start - 1]
    if after in ("位", "名"):
        end = tok.core_end + 1
    elif _RANK_VERBS.search(clause):
        end = tok.core_end
    else:
        return None
    if tok.high is not None or tok.percent:
        return None
    return Candidate(tok, end, "位次", "", None, "rank", tok.core_start - 1)


def _unit(w: str, tok: NumberToken):
    """(normal unit, written unit, end offset, qualifier) after a number, or None."""
    pos = tok.end
    qualifier = tok.qualifier
    if tok.percent:
        return "%", "%", *_post_qualifier(w, pos, qualifier)
    if w[pos:pos + 1] == " ":
        pos += 1
    elif w[pos:pos + 1] == "\n" and _wrapped(w, pos):
        pos += 1
    if qualifier is None and w[pos:pos + 1] in ("余", "多"):
        qualifier = SUFFIX_QUALIFIERS[w[pos]]
        pos += 1
    for k in range(MAX_UNIT_LEN, 0, -1):
        written = w[pos:pos + k]
        if written in UNITS:
            end, qualifier = _post_qualifier(w, pos + k, qualifier)
            return UNITS[written], written, end, qualifier
    return None


def _wrapped(w: str, newline: int) -> bool:
    """A line broken in the middle of a sentence (hard-wrapped text): long, no closing punctuation."""
    start = w.rfind("\n", 0, newline) + 1
    line = w[start:newline]
    return len(line) >= 30 and line.rstrip()[-1:] not in "。！？!?；;：:”"


def _post_qualifier(w: str, pos: int, qualifier: str | None):
    for word in _POST_UNIT:
        if w.startswith(word, pos):
            if word in ("余", "多") and qualifier is not None:
                break
            return pos + len(word), qualifier or SUFFIX_QUALIFIERS[word]
    return pos, qualifier


def _pending(w: str, tok: NumberToken) -> Candidate | None:
    """A bare Arabic number followed by 、 may take the unit of the next one (3、5、7件)."""
    if tok.chinese or tok.percent or w[tok.end:tok.end + 1] not in ("、",):
        return None
    return Candidate(tok, tok.end, None, "", tok.qualifier, "count", tok.start)


def _plausible(w: str, tok: NumberToken, unit: str, written: str, end: int, qualifier, seg: Segmentation) -> bool:
    if unit == "%":
        return True
    if unit == "年" and not _duration_years(w, tok, written, end):
        return False
    if unit in ("个月", "天") and _narrative_before(w, tok):
        return False
    if tok.value in HOTLINES and unit not in ("件", "人次", "次", "个", "项", "条", "通", "件次", "户", "家", "人"):
        return False
    after = w[end:end + 6]
    if written == "周" and after.startswith("年"):
        return False
    if written == "届" and re.match(r"[一二三四五六七八九十]+中|全国|人大|人民代表|委员会|中央", after):
        return False
    if any(noun in after[:5] for noun in ABSTRACT_NOUNS):
        return False
    return not tok.chinese or _chinese_count_ok(w, tok, written, end, qualifier, seg)


def _narrative_before(w: str, tok: NumberToken) -> bool:
    before = w[max(0, tok.start - 2):tok.start]
    return any(before.endswith(b) for b in NARRATIVE_YEAR_BEFORE)


def _duration_years(w: str, tok: NumberToken, written: str, end: int) -> bool:
    """N年 is a fact only as a span of time that is not narrative (连续四年, 3年过渡期)."""
    values = [tok.value] + ([tok.high] if tok.high is not None else [])
    if any(1900 <= v <= 2100 for v in values) or tok.value > 100:
        return False
    after = w[end:end + 4]
    if after[:1] in "度初底末中" or after.startswith(NARRATIVE_YEAR_AFTER):
        return False
    before = w[max(0, tok.start - 2):tok.start]
    return not any(before.endswith(b) for b in NARRATIVE_YEAR_BEFORE + ("个",))


def _chinese_count_ok(w: str, tok: NumberToken, written: str, end: int, qualifier, seg: Segmentation) -> bool:
    core = w[tok.core_start:tok.core_end]
    if core in ("一", "二", "零", "〇") and tok.high is None:
        return False  # 一批, 一次性, 二次办理, 零败诉: words, not counts
    if len(core) == 1 and written in WEAK_UNITS | {"期"}:
        return False  # 三间房, 一道, 三部分
    if core in _SINGLE_ROUND and qualifier is None:
        return False  # 百名行长进千企, 千家万户: rhetoric unless 余/以上/近… makes it a count
    if w[end:end + 1] in _CN_NUMERAL_CHARS and len(core) == 1:
        return False  # 三心二意-like patterns
    if written == "类" and len(core) == 1 and re.search(r"[一二]类", w[seg.sentence(tok.start)[0]:tok.start]):
        return False  # 一类占88.5%，二类占11.5%，无三类: class labels, not counts
    return not _restates_enumeration(w, tok, seg)


def _restates_enumeration(w: str, tok: NumberToken, seg: Segmentation) -> bool:
    """A small Chinese count right after the items it counts: A、B和C三个机制, …等七项措施."""
    if tok.value > 12:
        return False
    before = w[tok.start - 1:tok.start]
    if before == "等":
        return True
    if before in CLAUSE_BREAKS or before in "、“‘(（":
        return False
    clause_start = seg.clause(tok.start)[0]
    while clause_start > 0 and w[clause_start - 1] == "、":
        clause_start = seg.clause(clause_start - 1)[0]
    head = w[clause_start:tok.start]
    return "、" in head or bool(re.search(r"[和及与][^和及与]{1,10}$", head))


def _rank_change(w: str, tok: NumberToken, seg: Segmentation) -> bool:
    """提升4名 after a rate or ranking is a change of rank, not four people."""
    before = w[max(0, tok.start - 3):tok.start]
    if not re.search(r"(提升|上升|前进|提高|下降|后退|下滑)了?$", before):
        return False
    s, _ = seg.sentence(tok.start)
    return bool(re.search(r"率|排名|名次|位次", w[s:tok.start]))
