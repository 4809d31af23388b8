"""Every record type that can be imported: the feed tables of the analytics store and the Django ledgers.

Feeds register through `fazhi.core.feeds.register_feed`; a Django ledger registers its `LedgerSpec` here
(`register_ledger`). Pages, API and the `fazhi import` command all list and find types through this module.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.urls import NoReverseMatch, reverse

from fazhi.core.feeds import FeedType, feeds, get_feed
from fazhi.core.permissions import can
from fazhi.legality.ledger_import import LedgerSpec


@dataclass(frozen=True)
class ImportType:
    name: str
    verbose_name: str
    group: str
    feed: FeedType | None = None
    ledger: LedgerSpec | None = None
    list_url_name: str = ''
    order: int = 100
    key_text: str = ''

    @property
    def kind(self) -> str:
        return 'feed' if self.feed is not None else 'ledger'

    @property
    def access(self) -> Any:
        """What `fazhi.core.permissions` decides on: the feed's stand-in or the ledger's model."""
        return self.feed.access if self.feed is not None else self.ledger.model

    @property
    def list_url(self) -> str:
        try:
            if self.feed is not None:
                return reverse('feeds:list', args=[self.name])
            return reverse(self.list_url_name)
        except NoReverseMatch:
            return ''

    @property
    def natural_key_text(self) -> str:
        if self.feed is not None:
            return '＋'.join(f.verbose_name for f in self.feed.schema.key_fields)
        return self.key_text


_ledgers: dict[str, ImportType] = {}


def register_ledger(name: str, spec: LedgerSpec, group: str, list_url_name: str, *, key_text: str,
                    order: int = 100) -> ImportType:
    """A Django ledger that can be imported; `key_text` names the columns that identify a record (update-or-insert)."""
    _ledgers[name] = ImportType(name, spec.name, group, ledger=spec, list_url_name=list_url_name, order=order,
                                key_text=key_text)
    return _ledgers[name]


def _feed_type(feed: FeedType) -> ImportType:
    return ImportType(feed.name, feed.verbose_name, feed.group, feed=feed, order=feed.order)


def import_types() -> list[ImportType]:
    found = [_feed_type(f) for f in feeds()] + list(_ledgers.values())
    return sorted(found, key=lambda t: (t.order, t.name))


def get_type(name: str) -> ImportType | None:
    if name in _ledgers:
        return _ledgers[name]
    feed = get_feed(name)
    return _feed_type(feed) if feed is not None else None


def can_import(user: Any, import_type: ImportType) -> bool:
    return can(user, 'add', import_type.access)


def importable_types(user: Any) -> list[ImportType]:
    return [t for t in import_types() if can_import(user, t)]
