"""Models of the reservations section: reservations, tokens, histories, and the bodies sent."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Annotated, Any, ClassVar

from pydantic import BeforeValidator, Field, PlainSerializer

from .base import LokModel
from .enums import _AFTER_DELIVERY, FINISHED_STATUSES, EventStatus
from .fields import BoxSizeValue, EventStatusValue, LokDateTime, decode_binary, format_datetime
from .locations import LocationSummary
from .pages import Page

log = logging.getLogger(__name__)



class PackageInfo(LokModel):
    width: float | None = None
    height: float | None = None
    length: float | None = None
    value: float | None = None
    weight: float | None = None
    description: str | None = None


class EventHistoryEntry(LokModel):
    status: EventStatusValue | None = None
    date: LokDateTime = None


class SelectedBox(LokModel):
    size: str | None = None
    uuid: str | None = None


class BoxInfo(LokModel):
    size: str | None = None
    uuid: str | None = None
    is_public: bool | None = None
    boxes: list[SelectedBox] = Field(default_factory=list)


class ContactInfo(LokModel):
    name: str | None = None
    email: str | None = None
    phone: str | None = None


class RecipientInfo(ContactInfo):
    pass


class ShippingPoint(LokModel):
    address: str | None = None
    notes: str | None = None


class ShippingInfo(LokModel):
    tracking_id: str | None = None
    pickup_point: ShippingPoint | None = None
    destination_point: ShippingPoint | None = None
    carrier: str | None = None
    vehicle_type: str | None = None
    fee: str | None = None
    required_pickup_date: LokDateTime = None
    estimated_delivery_date: LokDateTime = None


def _empty_means_none(value: Any) -> Any:
    return None if value == {} else value


class Reservation(LokModel):
    """Every reservation variant: A (location embedded), B and C (location id; C with shipping)."""

    essential_fields: ClassVar[frozenset[str]] = frozenset({"id"})

    id: str | None = None
    shipment_id: str | None = None
    is_confirmed: bool | None = None
    is_local: bool | None = None
    location: LocationSummary | str | None = None
    package_info: PackageInfo | None = None
    delivery_due_date: LokDateTime = None
    pickup_due_date: LokDateTime = None
    event_history: list[EventHistoryEntry] = Field(default_factory=list)
    additional: dict[str, Any] = Field(default_factory=dict)
    # Variants A and B carry `{}`; it is read as "no shipping".
    shipping: Annotated[ShippingInfo | None, BeforeValidator(_empty_means_none)] = None
    created_at: LokDateTime = None
    updated_at: LokDateTime = None
    locker: BoxInfo | None = None
    contact_info: ContactInfo | None = None
    recipient_info: RecipientInfo | None = None
    recipient_notifications_enabled: bool | None = None

    def _latest_event(self) -> EventHistoryEntry | None:
        events = [event for event in self.event_history if event.status is not None]
        if not events:
            return None
        # History is kept ascending (docs/decisions.md, Reservation states); when every entry is dated,
        # trust the dates over the order, so a server that lists newest first still gives the right status.
        if all(event.date is not None for event in events):
            return max(enumerate(events), key=lambda pair: (pair[1].date, pair[0]))[1]
        return events[-1]

    @property
    def current_status(self) -> EventStatus | str | None:
        """The last `event_history` status (unknown values kept as str); None when there is none."""
        event = self._latest_event()
        return event.status if event is not None else None

    @property
    def is_finished(self) -> bool:
        return self.current_status in FINISHED_STATUSES

    @property
    def is_active(self) -> bool:
        return not self.is_finished

    @property
    def location_id(self) -> str | None:
        if isinstance(self.location, LocationSummary):
            return self.location.id
        return self.location

    @property
    def is_delivered(self) -> bool:
        """The package is (or was) in the locker: delivered, reopened, or picked up after that."""
        return any(event.status in _AFTER_DELIVERY for event in self.event_history)

    def status_date(self, status: EventStatus | str) -> datetime | None:
        """When the reservation first reached `status`, if its history says so."""
        for event in self.event_history:
            if event.status == status:
                return event.date
        return None

    def is_overdue(self, now: datetime) -> bool:
        """Active and past its delivery deadline (not yet delivered) or pick-up deadline (delivered)."""
        if self.is_finished:
            return False
        deadline = self.pickup_due_date if self.is_delivered else self.delivery_due_date
        if deadline is None:
            return False
        instant = now.replace(tzinfo=UTC) if now.tzinfo is None else now
        return instant > deadline


_QR_FIELDS: dict[str, str] = {
    "delivery": "delivery_token_qr",
    "pickup": "pickup_token_qr",
    "reopen_1": "reopen_1_token_qr",
    "reopen_2": "reopen_2_token_qr",
    "cancel": "cancel_token_qr",
}
#: The names `ReservationTokens.token()` and `.qr_png()` accept.
TOKEN_NAMES: tuple[str, ...] = tuple(_QR_FIELDS)


class ReservationTokens(LokModel):
    """The locker codes of a reservation; they open boxes, so they stay out of repr."""

    delivery_token: str | None = Field(default=None, repr=False)
    delivery_token_qr: str | None = Field(default=None, repr=False)
    reopen_1_token: str | None = Field(default=None, repr=False)
    reopen_1_token_qr: str | None = Field(default=None, repr=False)
    reopen_2_token: str | None = Field(default=None, repr=False)
    reopen_2_token_qr: str | None = Field(default=None, repr=False)
    pickup_token: str | None = Field(default=None, repr=False)
    pickup_token_qr: str | None = Field(default=None, repr=False)
    cancel_token: str | None = Field(default=None, repr=False)
    cancel_token_qr: str | None = Field(default=None, repr=False)

    def token(self, name: str) -> str | None:
        """The code for "delivery", "pickup", "reopen_1", "reopen_2" or "cancel"."""
        if name not in _QR_FIELDS:
            raise KeyError(name)
        value = getattr(self, f"{name}_token")
        return value if isinstance(value, str) else None

    def qr_png(self, name: str) -> bytes | None:
        """The QR image bytes for a token name; None when absent or not decodable."""
        if name not in _QR_FIELDS:
            raise KeyError(name)
        value = getattr(self, _QR_FIELDS[name])
        if not isinstance(value, str) or not value:
            return None
        try:
            return decode_binary(value)
        except ValueError:
            log.warning("The %s QR image sent by Lok is not base64 or a data: URI", name)
            return None


class ReservationWithTokens(LokModel):
    """#15 reply."""

    status_code: int | None = None
    reservation: Reservation
    tokens: ReservationTokens = Field(default_factory=ReservationTokens)
    confirmation_code: str | None = None


class ReservationCreated(ReservationWithTokens):
    """#25, #30 and #16 reply."""


class ReservationCancelled(LokModel):
    """#17 reply."""

    status_code: int | None = None
    reservation: Reservation


class ShipmentRequested(LokModel):
    """#32 reply."""

    status_code: int | None = None
    reservation: Reservation
    tokens: ReservationTokens = Field(default_factory=ReservationTokens)


class ReservationPage(Page):
    envelope_key: ClassVar[str | None] = "reservations"
    reservations: list[Reservation] = Field(default_factory=list)

    @property
    def items(self) -> Sequence[Reservation]:
        return self.reservations


class ReservationFilters(LokModel):
    """The list filters of #7, #8, #18, #24 (§1.3). `from_` is sent as `from`."""

    only_active: bool | None = None
    status: str | None = None
    shipment_id: str | None = None
    from_: datetime | int | str | None = Field(default=None, alias="from")
    sort: str | None = None

    def to_params(self) -> dict[str, str]:
        params: dict[str, str] = {}
        if self.only_active is not None:
            params["only_active"] = "true" if self.only_active else "false"
        if self.status is not None:
            params["status"] = str(self.status)
        if self.shipment_id is not None:
            params["shipment_id"] = self.shipment_id
        if isinstance(self.from_, datetime):
            params["from"] = format_datetime(self.from_)
        elif self.from_ is not None:
            params["from"] = str(self.from_)
        if self.sort is not None:
            params["sort"] = self.sort
        return params



RequestDateTime = Annotated[datetime, PlainSerializer(format_datetime, when_used="json")]


class ReservationPackageInfo(LokModel):
    value: float | None = None
    weight: float | None = None
    description: str | None = None


class _ReservationBody(LokModel):
    delivery_confirmation_enabled: bool | None = None
    delivery_token: str | None = Field(default=None, repr=False)
    shipment_id: str | None = None
    package_info: ReservationPackageInfo | None = None
    additional: dict[str, str] | None = None
    contact_info: ContactInfo | None = None
    recipient_info: RecipientInfo | None = None
    recipient_notifications_enabled: bool | None = None


class ReservationRequest(_ReservationBody):
    """#25 body; `size` is required."""

    size: BoxSizeValue


class PreReservationRequest(_ReservationBody):
    """#30 body; `delivery_date` defaults (server side) to request time + 24 h."""

    size: BoxSizeValue | None = None
    delivery_date: RequestDateTime | None = None


class PreReservationUpdate(PreReservationRequest):
    """#16 body; at least one field must be set."""


