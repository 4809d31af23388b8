"""Chinese full-text search with jieba word segmentation, the same on SQLite and PostgreSQL.

Each document's title, number and current text are segmented when the document is saved, and the terms are
kept in `DocumentTerm` (one row per distinct term, indexed). Terms are jieba's search-mode words plus the
two-character pieces of longer words, so that a two-character term inside a sentence ("处罚" in
"依法予以行政处罚") finds its document. A query is segmented the same way; every query word must be a term
of the document (a longer word may also match through all of its two-character pieces).
"""
from __future__ import annotations

import logging
import re
from functools import lru_cache
from typing import Any, Iterable

from django.db.models import Exists, OuterRef, Q

WORD = re.compile(r'[\u4e00-\u9fff]+|[A-Za-z0-9]+')
CJK = re.compile(r'^[\u4e00-\u9fff]+$')
MAX_TERM = 32
STOP = frozenset('的 了 和 与 及 或 在 对 由 为 是 等 之 其 本 以 于 按 将 被 把 向 从 自 而 并 应 可 不'.split())


@lru_cache(maxsize=1)
def _jieba() -> Any:
    import jieba
    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


def _bigrams(word: str) -> Iterable[str]:
    return (word[i:i + 2] for i in range(len(word) - 1))


def terms(text: str) -> set[str]:
    """The index terms of a text."""
    found: set[str] = set()
    for token in _jieba().cut_for_search(text or ''):
        for word in WORD.findall(token):
            word = word.lower()
            if word in STOP or len(word) > MAX_TERM:
                continue
            found.add(word)
            if CJK.match(word) and len(word) > 2:
                found.update(_bigrams(word))
    return found


def query_words(query: str) -> list[str]:
    """The words a query asks for (precise-mode segmentation, stop words dropped)."""
    words = []
    for token in _jieba().cut(query or ''):
        for word in WORD.findall(token):
            word = word.lower()
            if word not in STOP and len(word) <= MAX_TERM and word not in words:
                words.append(word)
    return words


def _has(term_model: Any, term: str) -> Exists:
    return Exists(term_model.objects.filter(document=OuterRef('pk'), term=term))


def matching(qs: Any, query: str, term_model: Any) -> Any:
    """Documents of `qs` containing every word of `query` (or, failing words, the title containing it)."""
    words = query_words(query)
    if not words:
        return qs.filter(title__icontains=query.strip()) if query.strip() else qs
    condition = Q()
    for word in words:
        whole = Q(_has(term_model, word))
        if CJK.match(word) and len(word) > 2:
            pieces = Q()
            for piece in _bigrams(word):
                pieces &= Q(_has(term_model, piece))
            whole |= pieces
        condition &= whole
    return qs.filter(condition | Q(title__icontains=query.strip()) | Q(doc_number__icontains=query.strip()))
