"""Document-level context: which district a report is about, and which year."""

from __future__ import annotations

import re
from collections import Counter

_DISTRICT = re.compile(r"([\u4e00-\u9fff]{2})(区|县|旗)")
_CITY_DISTRICT = re.compile(r"([\u4e00-\u9fff]{2,3}市)([\u4e00-\u9fff]{2}(?:区|县|旗))")
# characters that do not occur in the stem of a district's proper name but do in generic "…区" words
_NOT_NAME = set("示范验能载务聚集领杆窗体中心商开发保护控险政城辖社园片校景街新住小地市郊老两三全本我该各每跨贸"
                "试功承引标验区域乡镇阵战自学级类个省外内重点")


def detect_region(text: str) -> str | None:
    """The district a text talks about most, e.g. '朝阳区' (None when none is named)."""
    counts = Counter(stem + suffix for stem, suffix in _DISTRICT.findall(text)
                     if not (set(stem) & _NOT_NAME))
    return counts.most_common(1)[0][0] if counts else None


def detect_issuer(text: str, region: str | None) -> str | None:
    """City and district when the text names both together ('包头市青山区'), else the district."""
    if region:
        for city, district in _CITY_DISTRICT.findall(text):
            if district == region:
                return city + district
    return region
