"""The company's recent reservations read into the desk's index, so a search never sends what was typed.

Ctrl+F and the code inspector look a text up locally only. A text in no URL and no log line is the
point: Lok writes every call into the action log (`GET /reservations/<text>`, `?shipment_id=<text>`),
and a reporter reads that log while the rules deny reporters every box-opening code — a customer's
mistyped code, another company's code, would be disclosed by asking. So when the index cannot answer,
the desk reads the company's reservations created in the last RECENT_DAYS (active and finished, the
location's only for an employee) into its store — a walk whose requests carry dates, never the text —
and searches again. Older reservations are not searched; the views say so (docs/decisions.md,
"Searching without disclosing").
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from lok_desk.api import models
from lok_desk.api.paging import iter_pages
from lok_desk.core.store import Origin

log = logging.getLogger(__name__)

#: How far back a search reaches when the desk's own lists do not know a text (created within).
RECENT_DAYS = 30
#: A second miss within this time searches what the first walk read, without walking again.
FRESH_FOR = timedelta(minutes=5)


class RecentStore(Protocol):
    def merge(self, reservations: Any, origin: Origin, *, authoritative: bool = False) -> Any: ...


class RecentService(Protocol):
    async def list_reservations(
        self, filters: models.ReservationFilters | None = None, *, page: int = 1, page_size: int = 15
    ) -> models.ReservationPage: ...

    async def list_location_reservations(
        self, location_id: str, filters: models.ReservationFilters | None = None, *, page: int = 1,
        page_size: int = 15,
    ) -> models.ReservationPage: ...


@dataclass(frozen=True)
class RecentRead:
    """What one walk read: `days` back, `reservations` Lok sent, whether every announced one arrived."""

    days: int
    reservations: int
    complete: bool
    at: datetime


# One walk per store and few minutes: a burst of misses (a queue of couriers) costs one walk.
_last: weakref.WeakKeyDictionary[Any, RecentRead] = weakref.WeakKeyDictionary()


def _direct(awaitable: Awaitable[Any]) -> Awaitable[Any]:
    return awaitable


async def read_recent(
    store: RecentStore,
    service: RecentService,
    *,
    own_location: str | None = None,
    now: datetime | None = None,
    call: Callable[[Awaitable[Any]], Awaitable[Any]] = _direct,
) -> RecentRead:
    """Merge every reservation created in the last RECENT_DAYS into `store`; raises LokError."""
    when = now or datetime.now(UTC)
    done = _last.get(store)
    if done is not None and when - done.at < FRESH_FOR:
        return done
    filters = models.ReservationFilters(only_active=False, **{"from": when - timedelta(days=RECENT_DAYS)})
    if own_location is None:
        def page(**paging: Any) -> Awaitable[models.ReservationPage]:
            return call(service.list_reservations(filters, **paging))
    else:
        def page(**paging: Any) -> Awaitable[models.ReservationPage]:
            return call(service.list_location_reservations(own_location, filters, **paging))
    walk = iter_pages(page, page_size=100)
    count = 0
    async for got in walk:
        store.merge(got.reservations, Origin.LOAD)
        count += len(got.reservations)
    done = RecentRead(RECENT_DAYS, count, walk.complete is not False, when)
    log.info("Read %d reservations of the last %d days into the search index", count, RECENT_DAYS)
    _last[store] = done
    return done


def recent_read(store: Any) -> RecentRead | None:
    """The last walk into `store`, if any (what a miss searched)."""
    return _last.get(store)
