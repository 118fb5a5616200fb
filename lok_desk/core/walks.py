"""Reservation lists walked page by page through the one page loop (lok_desk.api.paging.PageWalk).

Sync, the token index, the Today board and the audit read the company's or one location's
reservations the same way; here that choice is made once, and every page goes through `PageWalk`, so a
server that caps the page size without saying so, ignores `page`, or sends a page twice neither loses
nor repeats a reservation. A caller may stop early (`break`); no further page is asked for then.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, Protocol, TypeVar

from lok_desk.api import models
from lok_desk.api.paging import MAX_PAGE_SIZE, PageWalk, iter_pages

__all__ = ["Call", "ReservationLister", "reservation_walk"]

T = TypeVar("T")
#: How each request is awaited: the session's `call`/`background_call` (busy, offline), or plainly.
Call = Callable[[Awaitable[Any]], Awaitable[Any]]


class ReservationLister(Protocol):
    """The two list reads a walk needs (lok_desk.core.service.DeskService has both)."""

    async def list_reservations(
        self, filters: models.ReservationFilters | None = None, *, page: int = 1, page_size: int = 15
    ) -> models.ReservationPage: ...

    async def list_location_reservations(
        self, location_id: str, filters: models.ReservationFilters | None = None, *, page: int = 1,
        page_size: int = 15,
    ) -> models.ReservationPage: ...


async def _plain(awaitable: Awaitable[T]) -> T:
    return await awaitable


def reservation_walk(
    lister: ReservationLister,
    filters: models.ReservationFilters,
    *,
    location_id: str | None = None,
    page_size: int = MAX_PAGE_SIZE,
    call: Call | None = None,
) -> PageWalk[models.ReservationPage]:
    """The pages of the company's reservations (#8), or of one location's (#24) when `location_id` is
    given, matching `filters`; each request awaited through `call`."""
    through = call or _plain

    async def page(*_args: Any, page: int, page_size: int) -> models.ReservationPage:
        if location_id is None:
            result: models.ReservationPage = await through(
                lister.list_reservations(filters, page=page, page_size=page_size))
        else:
            result = await through(lister.list_location_reservations(
                location_id, filters, page=page, page_size=page_size))
        return result

    return iter_pages(page, page_size=page_size)
