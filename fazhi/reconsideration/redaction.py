"""Redaction of personal data in decision documents before publication.

Finds names of natural persons (the parties known to the case, and names introduced the way decision
documents introduce people: “申请人：张三，男，…”), ID-card numbers, mobile and landline numbers and
addresses (after 住址/住所/地址/家住, or any run ending in a house number). Names become “张某”; the rest
becomes a bracketed notice. The result lists every finding so that the reviewer sees what was changed,
and `leftovers` re-checks a reviewed text before it may be published.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

ID_NUMBER = re.compile(r'(?<![0-9A-Za-z])(?:\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])')
MOBILE = re.compile(r'(?<!\d)(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)')
LANDLINE = re.compile(r'(?<![\d-])0\d{2,3}-?\d{7,8}(?![\d-])')
ADDRESS_AFTER_LABEL = re.compile(r'(?P<label>住址|住所地|住所|家庭住址|现住|户籍地|送达地址|地址|家住|住)'
                                 r'(?P<sep>[：:为在]?)(?P<value>[^，。；,;\n（）()]{4,60})')
HOUSE_NUMBER = re.compile(r'[\u4e00-\u9fa5A-Za-z0-9]{2,40}?(?:路|街|巷|道|村|弄|里|胡同|小区|大厦|园)'
                          r'[\u4e00-\u9fa5A-Za-z0-9\-－]{0,20}?\d+[-－]?\d*(?:号院|号楼|号|栋|幢|单元|室)'
                          r'(?:[\d\-－]*(?:号楼|号|栋|幢|单元|室))*')
ROLE_NAME = re.compile(r'(?P<role>申请人|第三人|委托代理人|代理人|法定代表人|法定代理人|负责人|证人|原告|被告人|当事人)'
                       r'[：:]?\s*(?P<name>[\u4e00-\u9fa5·]{2,4}?)(?=[，,、（(]\s*(?:男|女|身份证|公民身份|\d{4}年|住|系))')
NAME_TEXT = '{surname}某'
ID_TEXT = '[身份证号码已隐去]'
PHONE_TEXT = '[电话号码已隐去]'
ADDRESS_TEXT = '[地址已隐去]'
COMPOUND_SURNAMES = ('欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '夏侯', '长孙')


@dataclass(frozen=True)
class Finding:
    kind: str  # 姓名 / 身份证号码 / 电话号码 / 地址
    original: str
    replacement: str

    def to_dict(self) -> dict[str, str]:
        return {'kind': self.kind, 'original': self.original, 'replacement': self.replacement}


@dataclass(frozen=True)
class Redacted:
    text: str
    findings: tuple[Finding, ...]


def pseudonym(name: str) -> str:
    surname = next((s for s in COMPOUND_SURNAMES if name.startswith(s)), name[:1])
    return NAME_TEXT.format(surname=surname)


def names_in(text: str, known: Iterable[str] = ()) -> list[str]:
    """Known party names plus names introduced by a role label, longest first."""
    found = {n.strip() for n in known if n and len(n.strip()) >= 2}
    found |= {m.group('name') for m in ROLE_NAME.finditer(text)}
    return sorted((n for n in found if not n.endswith('某')), key=len, reverse=True)


def redact(text: str, known_names: Iterable[str] = ()) -> Redacted:
    """Replace personal data; identifiers before addresses before names, so patterns do not overlap."""
    findings: list[Finding] = []

    def sub(pattern: re.Pattern[str], kind: str, replacement: str, source: str) -> str:
        def repl(match: re.Match[str]) -> str:
            findings.append(Finding(kind, match.group(0), replacement))
            return replacement
        return pattern.sub(repl, source)

    out = sub(ID_NUMBER, '身份证号码', ID_TEXT, text)
    out = sub(MOBILE, '电话号码', PHONE_TEXT, out)
    out = sub(LANDLINE, '电话号码', PHONE_TEXT, out)
    out = _redact_addresses(out, findings)
    for name in names_in(out, known_names):
        if name in out:
            findings.append(Finding('姓名', name, pseudonym(name)))
            out = out.replace(name, pseudonym(name))
    return Redacted(out, tuple(_unique(findings)))


def _redact_addresses(text: str, findings: list[Finding]) -> str:
    def labelled(match: re.Match[str]) -> str:
        value = match.group('value')
        if ADDRESS_TEXT in value or not _looks_like_address(value):
            return match.group(0)
        findings.append(Finding('地址', value, ADDRESS_TEXT))
        return f'{match.group("label")}{match.group("sep")}{ADDRESS_TEXT}'

    text = ADDRESS_AFTER_LABEL.sub(labelled, text)

    def numbered(match: re.Match[str]) -> str:
        findings.append(Finding('地址', match.group(0), ADDRESS_TEXT))
        return ADDRESS_TEXT

    return HOUSE_NUMBER.sub(numbered, text)


def _looks_like_address(value: str) -> bool:
    return bool(re.search(r'(省|市|区|县|镇|乡|街道|路|街|巷|村|弄|号|室|小区|栋|楼)', value))


def _unique(findings: list[Finding]) -> list[Finding]:
    seen, out = set(), []
    for f in findings:
        if (f.kind, f.original) not in seen:
            seen.add((f.kind, f.original))
            out.append(f)
    return out


def leftovers(text: str, known_names: Iterable[str] = ()) -> list[str]:
    """What personal data a (reviewed) text still contains; empty when it may be published."""
    problems = []
    if m := ID_NUMBER.search(text):
        problems.append(f'身份证号码“{m.group(0)}”')
    if m := (MOBILE.search(text) or LANDLINE.search(text)):
        problems.append(f'电话号码“{m.group(0)}”')
    for name in names_in(text, known_names):
        if name in text:
            problems.append(f'姓名“{name}”')
    for m in ADDRESS_AFTER_LABEL.finditer(text):
        if ADDRESS_TEXT not in m.group('value') and _looks_like_address(m.group('value')):
            problems.append(f'地址“{m.group("value")}”')
    if m := HOUSE_NUMBER.search(text):
        problems.append(f'地址“{m.group(0)}”')
    return problems
