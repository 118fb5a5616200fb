"""Ctrl+F at the front desk: one text — a box-opening token, a confirmation code, a shipment id or a
reservation id — to the reservation it names (no Qt).

Only what the desk knows is searched (the store's indexes: ids, shipment ids, every token and
confirmation code it has read, the background fill of lok_desk.core.token_fill included). When that
cannot answer, the company's recent reservations are read into the store (lok_desk.core.reservations.
recent) and the store is searched again: the typed text itself is never sent to Lok, so it lands in no
action log a reporter reads, and in no log line of the desk's.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from lok_desk.api import LokError, models
from lok_desk.core.reservations.recent import read_recent, recent_read
from lok_desk.core.service import DeskService

T = TypeVar("T")


def _direct(awaitable: Awaitable[T]) -> Awaitable[T]:
    return awaitable


@dataclass(frozen=True)
class FindResult:
    """What a search found. `reservation_id` is None when nothing matched; `result` is Lok's fresh
    reply (#15) when the reservation was read from Lok, None when the store answered; `error` is why
    Lok could not be asked (nothing found then, and the view says what went wrong)."""

    text: str
    reservation_id: str | None = None
    matched: str = ""          # "id", "shipment_id", a token kind, or "confirmation_code"
    result: models.ReservationWithTokens | None = None
    error: LokError | None = None

    @property
    def found(self) -> bool:
        return self.reservation_id is not None


@dataclass(frozen=True)
class Searched:
    """What a search that found nothing looked through (the view words it)."""

    codes: int            # reservations whose tokens and confirmation code the desk knows
    reservations: int     # reservations known to the desk (ids and shipment ids)
    tokens_visible: bool  # False: the role sees no token, so none could be searched
    recent_days: int | None = None  # the reservations of so many days were read from Lok to search


class ReservationFinder:
    """`await finder.find(text)`; `own_location` limits Lok's shipment search to an employee's location."""

    def __init__(
        self,
        service: DeskService,
        *,
        own_location: str | None = None,
        call: Callable[[Awaitable[Any]], Awaitable[Any]] = _direct,
    ) -> None:
        self._service = service
        self._own_location = own_location
        self._call = call

    @property
    def store(self) -> Any:
        return self._service.store

    def local(self, text: str) -> FindResult | None:
        """The store's answer, or None when it has none."""
        hit = self._service.store.find(text)
        if hit is None or not hit[0].id:
            return None
        return FindResult(text, hit[0].id, hit[1])

    async def find(self, text: str) -> FindResult:
        needle = text.strip()
        if not needle:
            return FindResult(needle)
        return self.local(needle) or await self.widen(needle)

    async def widen(self, needle: str) -> FindResult:
        """When the store cannot answer: read the recent reservations into it, then look again."""
        try:
            await read_recent(self._service.store, self._service, own_location=self._own_location,
                              call=self._call)
        except LokError as error:
            return FindResult(needle, error=error)
        return self.local(needle) or FindResult(needle)

    def searched(self) -> Searched:
        store = self._service.store
        walked = recent_read(store)
        return Searched(len(store.tokens), len(store), self._service.may_see_tokens_at_all,
                        walked.days if walked is not None else None)


def remembered(service: DeskService, reservation_id: str) -> models.ReservationWithTokens | None:
    """The reservation as the store knows it, with its tokens, when that is all the person may see
    (every token indexed, or a role that sees none): shown at once, before Lok is asked (issue 9)."""
    store = service.store
    known = store.get(reservation_id)
    if known is None:
        return None
    index = store.tokens
    if not index.knows(reservation_id) and service.may_see_tokens(known):
        return None
    issued = index.tokens_of(reservation_id)
    tokens, code = issued if issued is not None else (models.ReservationTokens(), None)
    return models.ReservationWithTokens(reservation=known, tokens=tokens, confirmation_code=code)
