"""Cancelling a reservation (#17) as a presenter: whether it may be cancelled, what to ask, and what
Lok answered — including a refusal because the package arrived meanwhile (no Qt)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeVar

from lok_desk.api import LokError, models
from lok_desk.api import errors as api_errors
from lok_desk.core import rules
from lok_desk.core.service import DeskService

T = TypeVar("T")


def _direct(awaitable: Awaitable[T]) -> Awaitable[T]:
    return awaitable


class CancelStep(StrEnum):
    """What the view does next."""

    NOTHING_SELECTED = "nothing_selected"   # say: select a reservation
    NOT_ALLOWED = "not_allowed"             # the role or location: `reason` says why
    REFUSED = "refused"                     # its state no longer allows it: `reason` says why
    CONFIRM = "confirm"                     # ask, naming `shipment` at `location_id`


@dataclass(frozen=True)
class CancelCheck:
    step: CancelStep
    reservation_id: str = ""
    shipment: str = ""
    location_id: str | None = None
    reason: rules.Reason | None = None


@dataclass(frozen=True)
class CancelOutcome:
    """`cancelled` when Lok cancelled it; else `refusal` (the state Lok found, as a reason) or `error`
    (anything else, for the problem path)."""

    cancelled: models.Reservation | None = None
    refusal: rules.Reason | None = None
    error: LokError | None = None


class CancelPresenter:
    """`check(id)` before asking; `await cancel(id)` after the person confirmed."""

    def __init__(
        self,
        service: DeskService,
        capabilities: rules.Capabilities,
        *,
        call: Callable[[Awaitable[Any]], Awaitable[Any]] = _direct,
    ) -> None:
        self._service = service
        self.capabilities = capabilities
        self._call = call

    def check(self, reservation_id: str | None, status: str | None = None,
              location_id: str | None = None) -> CancelCheck:
        """From what the store knows (`status`/`location_id` stand in when it does not know it yet)."""
        if not reservation_id:
            return CancelCheck(CancelStep.NOTHING_SELECTED)
        known = self._service.store.get(reservation_id)
        if known is not None:
            status = str(known.current_status or "")
            location_id = known.location_id
        shipment = (known.shipment_id if known is not None else None) or reservation_id
        permission = self.capabilities.can_write_reservations(location_id)
        if not permission:
            return CancelCheck(CancelStep.NOT_ALLOWED, reservation_id, shipment, location_id,
                               permission.reason)
        if status and status not in rules.CANCELLABLE:
            return CancelCheck(CancelStep.REFUSED, reservation_id, shipment, location_id,
                               rules.cancel_refusal(status) or rules.Reason.NOT_CANCELLABLE)
        return CancelCheck(CancelStep.CONFIRM, reservation_id, shipment, location_id)

    async def cancel(self, reservation_id: str) -> CancelOutcome:
        try:
            cancelled: models.Reservation = await self._call(
                self._service.cancel_reservation(reservation_id))
        except api_errors.InvalidReservationError:
            # 409: Lok knows better than the desk (the package may have arrived meanwhile): read it.
            status = await self._current_status(reservation_id)
            return CancelOutcome(refusal=rules.cancel_refusal(status) or rules.Reason.NOT_CANCELLABLE)
        except LokError as error:
            return CancelOutcome(error=error)
        return CancelOutcome(cancelled)

    async def _current_status(self, reservation_id: str) -> str:
        try:
            fresh: models.ReservationWithTokens = await self._call(
                self._service.get_reservation(reservation_id, include_tokens=False))
        except LokError:
            return ""
        return str(fresh.reservation.current_status or "")
