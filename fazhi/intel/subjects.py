"""What a number counts: the subject words around it, and the catalogue indicator they map to."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

_LEADING = re.compile(
    r"^(?:(?:19|20)\d{2}年(?:度|初|底|末)?(?:以来)?|截至目前|截至|目前|其中|此外|同时|另外|全年|当年|年内|一年来|近年来|"
    r"累计|共计|合计|总计|全区|全市|全县|我区|本区|先后|分别|进一步|以及|共|均|并|还|已|又|的|了)+"
)
_TRAILING = re.compile(
    r"(?:约为|约占|约有|约|为|达到了|达到|达|是|共计|共|计|有|占|的|了|于|超过|近|逾|将近|接近|多达|高达|至|到|分别为|分别|均为|均达|均|和|及|与|或)+$"
)


@dataclass(frozen=True)
class Indicator:
    code: str
    label: str
    units: frozenset[str]
    subject: re.Pattern
    context: re.Pattern | None
    sentence: re.Pattern | None
    exclude: re.Pattern | None
    domain: re.Pattern | None
    rival: re.Pattern | None


def clean_subject(left: str, right: str) -> str:
    """A short normalised subject from the words before and after a number."""
    left = _TRAILING.sub("", _LEADING.sub("", left.strip()))
    right = _LEADING.sub("", right.strip())
    if len(left) >= 3:
        return left[-24:]
    return (left + right)[:24]


@lru_cache(maxsize=1)
def catalogue() -> tuple[Indicator, ...]:
    """The entries of subject_map.yaml, compiled."""
    raw = yaml.safe_load(resources.files(__package__).joinpath("subject_map.yaml").read_text(encoding="utf-8"))
    return tuple(_entry(e) for e in raw)


def _entry(e: dict) -> Indicator:
    def rx(key):
        return re.compile(e[key]) if e.get(key) else None

    return Indicator(e["code"], e["label"], frozenset(e["units"]), re.compile(e["subject"]),
                     rx("context"), rx("sentence"), rx("exclude"), rx("domain"), rx("rival"))


def labels() -> dict[str, str]:
    return {i.code: i.label for i in catalogue()}


def map_indicator(subject: str, right: str, unit: str, sentence: str, paragraph: str,
                  before: str = "") -> str | None:
    """The catalogue code of a fact, or None. `before` is the paragraph up to the number."""
    target = f"{subject}#{right}"
    for ind in catalogue():
        if unit not in ind.units or not ind.subject.search(target):
            continue
        if ind.exclude and ind.exclude.search(target):
            continue
        if ind.context and not ind.context.search(paragraph):
            continue
        if ind.sentence and not ind.sentence.search(sentence):
            continue
        if ind.domain and not _last_is_domain(ind, before):
            continue
        return ind.code
    return None


def _last_is_domain(ind: Indicator, before: str) -> bool:
    """Of the domain and rival words, the last one written before the number is a domain word."""
    last_domain = max((m.end() for m in ind.domain.finditer(before)), default=-1)
    last_rival = max((m.end() for m in ind.rival.finditer(before)), default=-1) if ind.rival else -1
    return last_domain > last_rival
