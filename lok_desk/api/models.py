"""Pydantic models of every Lok request and response body, named after CONTRACT.md's digest names.

Tolerance rules (real Lok may differ from its reference, and may grow):
- every model keeps unknown fields (`extra="allow"`, readable through `model_extra`);
- enum-typed fields are `Enum | str`: a known value becomes the enum member, an unknown one stays a str;
- a JSON `null` counts as "absent", so fields with a default take it instead of failing;
- ISO 8601 date fields (and epoch-millisecond numbers) become aware UTC datetimes; a date that
  cannot be parsed becomes **None** rather than failing the whole reply (decision: a list of
  reservations must still load when one date is odd; the raw text is not kept);
- objects the contract marks `yes*` (shown required, optionality unknown) are optional here.
"""

from __future__ import annotations

import base64
import binascii
import csv
import io
import logging
import unicodedata
import urllib.parse
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from enum import StrEnum
from typing import Annotated, Any, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    model_validator,
)

log = logging.getLogger(__name__)

# --- enumerations (§6.1) --------------------------------------------------------------------


class BoxSize(StrEnum):
    S = "s"
    M = "m"
    L = "l"
    XL = "xl"


class EventStatus(StrEnum):
    PENDING = "pending"
    RESERVED = "reserved"
    DELIVERED = "delivered"
    REOPENED = "reopened"
    REOPENED2 = "reopened2"
    PICKED_UP = "picked_up"
    CANCELLED = "cancelled"


class WebhookEvent(StrEnum):
    RESERVED = "reserved"
    DELIVERED = "delivered"
    REOPENED = "reopened"
    REOPENED2 = "reopened2"
    PICKED_UP = "picked_up"
    CANCELLED = "cancelled"
    UNDELIVERED = "undelivered"
    UNPICKED = "unpicked"


class Scope(StrEnum):
    ADMIN = "admin"
    OWNER = "owner"
    EMPLOYEE = "employee"
    REPORTER = "reporter"
    SELLER = "seller"


class Gender(StrEnum):
    MALE = "male"
    FEMALE = "female"
    UNSPECIFIED = "unspecified"


class Weekday(StrEnum):
    MONDAY = "monday"
    TUESDAY = "tuesday"
    WEDNESDAY = "wednesday"
    THURSDAY = "thursday"
    FRIDAY = "friday"
    SATURDAY = "saturday"
    SUNDAY = "sunday"


class ReservationListStatus(StrEnum):
    ACTIVE = "active"
    FINISHED = "finished"


FINISHED_STATUSES: frozenset[str] = frozenset({EventStatus.PICKED_UP, EventStatus.CANCELLED})
# Statuses reached only once the package is in the locker: from here the pick-up deadline counts.
_AFTER_DELIVERY: frozenset[str] = frozenset(
    {EventStatus.DELIVERED, EventStatus.REOPENED, EventStatus.REOPENED2}
)

# --- lenient field types ----------------------------------------------------------------------

E = TypeVar("E", bound=StrEnum)


def _known_member(enum_cls: type[E]) -> Callable[[Any], Any]:
    def coerce(value: Any) -> Any:
        if isinstance(value, str) and not isinstance(value, enum_cls):
            try:
                return enum_cls(value)
            except ValueError:
                return value
        return value

    return coerce


BoxSizeValue = Annotated[BoxSize | str, BeforeValidator(_known_member(BoxSize))]
EventStatusValue = Annotated[EventStatus | str, BeforeValidator(_known_member(EventStatus))]
WebhookEventValue = Annotated[WebhookEvent | str, BeforeValidator(_known_member(WebhookEvent))]
ScopeValue = Annotated[Scope | str, BeforeValidator(_known_member(Scope))]
GenderValue = Annotated[Gender | str, BeforeValidator(_known_member(Gender))]
WeekdayValue = Annotated[Weekday | str, BeforeValidator(_known_member(Weekday))]


def parse_datetime(value: Any) -> datetime | None:
    """ISO 8601 (with `Z` or an offset) or epoch milliseconds → aware UTC datetime; anything else → None."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    if isinstance(value, int | float):
        return _from_epoch_ms(float(value))
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
    if text.lstrip("-").isdigit():
        return _from_epoch_ms(float(text))
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    # The contract says every date is UTC, so a date without an offset is taken as UTC.
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def _from_epoch_ms(ms: float) -> datetime | None:
    try:
        return datetime.fromtimestamp(ms / 1000, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None


def format_datetime(value: datetime) -> str:
    """Aware (or UTC-naive) datetime → the ISO 8601 UTC form Lok uses, e.g. `2024-05-01T10:00:00.000Z`."""
    aware = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    return aware.isoformat(timespec="milliseconds").replace("+00:00", "Z")


LokDateTime = Annotated[
    datetime | None,
    BeforeValidator(parse_datetime),
    PlainSerializer(lambda v: format_datetime(v) if v is not None else None, when_used="json"),
]


def decode_binary(value: str) -> bytes:
    """Bytes of a `*_qr`, label `jpeg`/`pdf` or shipping `label` field: base64 or a `data:` URI.

    Raises ValueError when the text is neither.
    """
    text = value.strip()
    if text.startswith("data:"):
        header, sep, payload = text.partition(",")
        if not sep:
            raise ValueError("data: URI without a comma")
        if header.endswith(";base64"):
            return _b64(payload)
        return urllib.parse.unquote_to_bytes(payload)
    return _b64(text)


def _b64(text: str) -> bytes:
    compact = "".join(text.split())
    compact += "=" * (-len(compact) % 4)
    altchars = b"-_" if ("-" in compact or "_" in compact) else None
    try:
        return base64.b64decode(compact, altchars=altchars, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ValueError("not base64 data") from exc


# --- base ------------------------------------------------------------------------------------


class LokModel(BaseModel):
    """Base of every Lok body: keeps unknown fields, accepts field names and aliases, null = absent."""

    # defer_build: see the end of this module.
    model_config = ConfigDict(extra="allow", populate_by_name=True, defer_build=True)

    @model_validator(mode="before")
    @classmethod
    def _null_means_absent(cls, data: Any) -> Any:
        # Runs for every object of every reply (about ten per reservation): most carry no null, and the
        # C-level `None in values()` lets those through without building a copy.
        if isinstance(data, dict) and None in data.values():
            return {key: value for key, value in data.items() if value is not None}
        return data

    def to_body(self) -> dict[str, Any]:
        """The JSON body to send: wire names (aliases), unset optional fields left out."""
        return self.model_dump(mode="json", by_alias=True, exclude_none=True)


class SimpleMessage(LokModel):
    status_code: int | None = None
    message: str | None = None


# --- auth (§2) -------------------------------------------------------------------------------


class TokenRequest(LokModel):
    """#12 form body."""

    grant_type: str = "client_credentials"
    client_id: str
    client_secret: str = Field(repr=False)


class AccessToken(LokModel):
    """#11/#12 reply. The token never shows in repr."""

    status_code: int | None = None
    access_token: str = Field(repr=False)
    access_token_expires_at: str
    scope: ScopeValue | None = None

    @property
    def expires_at(self) -> datetime | None:
        return parse_datetime(self.access_token_expires_at)

    def is_valid(self, now: datetime, *, margin: timedelta = timedelta(seconds=60)) -> bool:
        """True while more than `margin` is left; a token with an unreadable expiry is never reused."""
        expires = self.expires_at
        return expires is not None and expires - now > margin


class CompanyRef(LokModel):
    id: str | None = None
    name: str | None = None


class User(LokModel):
    id: str
    name: str | None = None
    email: str | None = None
    company: CompanyRef | None = None
    location: str | None = None
    scope: ScopeValue | None = None
    created_at: LokDateTime = None
    updated_at: LokDateTime = None


class UserResponse(LokModel):
    """#14 reply."""

    status_code: int | None = None
    user: User


# --- locations (§6.3) ------------------------------------------------------------------------


class LocationAddress(LokModel):
    parking: bool | None = None
    city: str | None = None
    state: str | None = None
    country: str | None = None
    street: str | None = None
    number: str | None = None
    town: str | None = None
    zip_code: str | None = None
    references: str | None = None
    cross_streets: str | None = None

    def one_line(self) -> str:
        """"Street 12, Town, City": what a person reads in a table cell."""
        street = " ".join(part for part in (self.street, self.number) if part)
        return ", ".join(part for part in (street, self.town, self.city) if part)


class Coordinates(LokModel):
    latitude: float
    longitude: float


class ServiceDay(LokModel):
    weekday: int | None = None
    string_weekday: WeekdayValue | None = None
    opening_time: str = "09:00"
    closing_time: str = "18:00"

    def opening(self) -> time | None:
        return _parse_hhmm(self.opening_time)

    def closing(self) -> time | None:
        return _parse_hhmm(self.closing_time)


def _parse_hhmm(text: str) -> time | None:
    try:
        return time.fromisoformat(text.strip())
    except ValueError:
        return None


class BoxAvailability(LokModel):
    size: BoxSizeValue | None = None
    total: int | None = None
    occupied: int | None = None
    available: bool | None = None

    @property
    def free(self) -> int | None:
        """Free boxes of this size, when the locker reports counts (private lockers only)."""
        if self.total is None or self.occupied is None:
            return None
        return max(self.total - self.occupied, 0)


class LocationSummary(LokModel):
    id: str
    uuid: str | None = None
    internal_name: str | None = None
    address: LocationAddress | None = None


class _LocationWithHours(LocationSummary):
    coords: Coordinates | None = None
    phone: str | None = None
    service_days: list[ServiceDay] = Field(default_factory=list)
    timezone: str | None = None

    @property
    def zone(self) -> ZoneInfo:
        """The location's IANA time zone; UTC when it is missing or unknown to this computer."""
        if self.timezone:
            try:
                return ZoneInfo(self.timezone)
            except (ZoneInfoNotFoundError, ValueError):
                log.info("Unknown time zone %r for location %s; showing UTC", self.timezone, self.id)
        return ZoneInfo("UTC")

    def local_now(self, now: datetime | None = None) -> datetime:
        """The wall-clock time at the locker (aware)."""
        instant = now or datetime.now(UTC)
        if instant.tzinfo is None:
            instant = instant.replace(tzinfo=UTC)
        return instant.astimezone(self.zone)

    def is_open_at(self, when: datetime) -> bool:
        """Whether `when` falls in the opening hours of its local weekday (from `string_weekday`).

        Only `string_weekday` is used: the numbering of `weekday` is not stated by the contract.
        A closing time at or before the opening time is read as "open past midnight".
        No service days at all → False (nothing says it is open).
        """
        local = self.local_now(when)
        day_name = local.strftime("%A").lower()
        previous_name = (local - timedelta(days=1)).strftime("%A").lower()
        clock = local.time().replace(tzinfo=None)
        for day in self.service_days:
            opening, closing = day.opening(), day.closing()
            if opening is None or closing is None:
                continue
            name = str(day.string_weekday or "").lower()
            if closing > opening:
                if name == day_name and opening <= clock < closing:
                    return True
            else:  # overnight (or 24 h when equal)
                if name == day_name and clock >= opening:
                    return True
                if name == previous_name and clock < closing:
                    return True
        return False


class LocationDetail(_LocationWithHours):
    """#4 and #22 location."""

    boxes: list[BoxAvailability] = Field(default_factory=list)
    public_boxes: int | None = None

    def box(self, size: BoxSize | str) -> BoxAvailability | None:
        for box in self.boxes:
            if box.size == size:
                return box
        return None


class AvailableLocation(_LocationWithHours):
    """#28 location (no boxes)."""

    distance: float | None = None
    host: str | None = None
    is_24: bool | None = None

    def is_open_at(self, when: datetime) -> bool:
        return bool(self.is_24) or super().is_open_at(when)


class LocationResponse(LokModel):
    """#22 reply."""

    status_code: int | None = None
    location: LocationDetail


# --- pages (§1.2) ----------------------------------------------------------------------------


class Page(LokModel):
    """The paging envelope shared by #2, #4, #7, #8, #18, #24."""

    status_code: int | None = None
    total: int | None = None
    page: int | None = None
    page_size: int | None = None
    total_pages: int | None = None

    @property
    def items(self) -> Sequence[Any]:
        return []

    def is_last(self, requested_page: int, requested_size: int) -> bool:
        """Whether no page follows this one (by total_pages when given, else by a short page)."""
        if not self.items:
            return True
        if self.total_pages is not None:
            return requested_page >= self.total_pages
        if self.total is not None:
            return requested_page * requested_size >= self.total
        return len(self.items) < requested_size


class LocationPage(Page):
    locations: list[LocationDetail] = Field(default_factory=list)

    @property
    def items(self) -> Sequence[LocationDetail]:
        return self.locations


# --- reservations (§6.4) ---------------------------------------------------------------------


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
        # History is kept ascending (DESIGN §3); when every entry is dated, trust the dates over the
        # order, so a server that lists newest first still gives the right status.
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


# --- reservation requests --------------------------------------------------------------------

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


# --- availability (#28) ----------------------------------------------------------------------


class SearchCoords(LokModel):
    """#28 centre point: wire keys `long`/`lat` (unlike `Coordinates`), readable by either name."""

    longitude: float = Field(alias="long")
    latitude: float = Field(alias="lat")


class AvailabilitySearch(LokModel):
    coords: SearchCoords | None = None
    zip_code: str | None = None
    max_distance: float | None = None
    limit: int = 10
    size: BoxSizeValue | None = None


class AvailabilityResult(LokModel):
    status_code: int | None = None
    locations: list[AvailableLocation] = Field(default_factory=list)
    grant: str | None = Field(default=None, repr=False)


# --- shipping (§6.5) -------------------------------------------------------------------------


class PickupAddress(LokModel):
    street: str
    number: str
    town: str
    zip_code: str
    references: str | None = None
    cross_streets: str | None = None


class PickupContact(LokModel):
    phone: str
    name: str | None = None


class ShipmentRequest(LokModel):
    """#32/#33 body."""

    origin: PickupAddress
    contact: PickupContact


class ShippingQuote(LokModel):
    origin: str | None = None
    destination: str | None = None
    carrier: str | None = None
    vehicle_type: str | None = None
    fee: str | None = None
    required_pickup_date: LokDateTime = None
    estimated_delivery_date: LokDateTime = None


class QuoteResponse(LokModel):
    """#33 reply."""

    status_code: int | None = None
    quoting: ShippingQuote


class PackageDimensions(LokModel):
    width: float | None = None
    height: float | None = None
    length: float | None = None


class LocationShippingPackageInfo(LokModel):
    value: float | None = None
    weight: float
    description: str | None = None
    request_insurance: bool | None = None
    # The wire name keeps the reference's typo; Python code may use the right spelling.
    request_thermal_label: bool | None = Field(default=None, alias="request_thermal_lable")


class LocationShippingRequest(LokModel):
    """#31 body."""

    size: PackageDimensions
    shipment_id: str
    package_info: LocationShippingPackageInfo
    pickup_date: str
    origin: PickupAddress
    contact: PickupContact


class LocationShippingResult(LokModel):
    """#31 reply; `label` is the PDF tracking guide."""

    status_code: int | None = None
    shipment_id: str | None = None
    tracking_id: str | None = None
    carrier: str | None = None
    fee: str | None = None
    estimated_delivery_date: LokDateTime = None
    label: str | None = Field(default=None, repr=False)
    reservation_id: str | None = None

    def label_bytes(self) -> bytes | None:
        return decode_binary(self.label) if self.label else None


class ShippingItem(LokModel):
    units_weight: str
    product_service: str
    dangerous_material: str | None = None
    pack_type: str | None = None
    units: str | None = None
    is_dangerous: bool = False


class ShippingOrderPackageInfo(LokModel):
    width: float | None = None
    height: float | None = None
    length: float | None = None
    value: float | None = None
    weight: float
    description: str | None = None
    items: list[ShippingItem] = Field(default_factory=list)


class ShippingContact(LokModel):
    phone: str
    name: str | None = None
    email: str
    company: str | None = None
    rfc: str | None = None


class ShippingAddress(LokModel):
    contact: ShippingContact | None = None
    street_type: str | None = None
    town_type: str | None = None
    city: str | None = None
    state: str | None = None
    country: str | None = None
    street: str
    number: str
    town: str
    zip_code: str
    references: str | None = None
    cross_streets: str | None = None


class ShippingOrderRequest(LokModel):
    """#27 body; send `location_id` or `destination`, not both."""

    preferred: str
    package_info: ShippingOrderPackageInfo
    location_id: str | None = None
    destination: ShippingAddress | None = None
    origin: ShippingAddress | None = None


class Label(LokModel):
    """#26/#27 reply: the tracking guide as JPEG and as PDF."""

    jpeg: str = Field(default="", repr=False)
    pdf: str = Field(default="", repr=False)

    def jpeg_bytes(self) -> bytes:
        return decode_binary(self.jpeg)

    def pdf_bytes(self) -> bytes:
        return decode_binary(self.pdf)


# --- directories (§6.6) ----------------------------------------------------------------------


class ContactAddress(LokModel):
    delivery_info: str | None = None
    city: str | None = None
    state: str | None = None
    country: str | None = None
    street: str | None = None
    number: str | None = None
    town: str | None = None
    zip_code: str | None = None
    references: str | None = None
    cross_streets: str | None = None


class DirectoryContact(LokModel):
    name: str
    last_name: str
    email: str | None = None
    gender: GenderValue
    age: int
    phones: list[str] | None = None
    address: ContactAddress | None = None
    directory: str | None = None


class StoredDirectoryContact(DirectoryContact):
    created_at: LokDateTime = None
    updated_at: LokDateTime = None


class DirectorySummary(LokModel):
    id: str
    company: CompanyRef | None = None
    author: CompanyRef | None = None
    # Wire name `isActive` (camel case, unlike the request's `is_active`).
    is_active: bool = Field(default=True, alias="isActive")
    name: str | None = None
    created_at: LokDateTime = None
    updated_at: LokDateTime = None


class DirectoryDetail(DirectorySummary):
    contacts: list[StoredDirectoryContact] = Field(default_factory=list)
    locations: list[LocationSummary] = Field(default_factory=list)


class DirectoryResponse(LokModel):
    """#3, #20, #21 reply."""

    status_code: int | None = None
    directory: DirectoryDetail


class DirectoryPage(Page):
    directories: list[DirectorySummary] = Field(default_factory=list)

    @property
    def items(self) -> Sequence[DirectorySummary]:
        return self.directories


class DirectoryName(LokModel):
    name: str


class DirectoryCreate(LokModel):
    """#3 body."""

    directory: DirectoryName


class DirectoryChanges(LokModel):
    name: str
    is_active: bool | None = None
    locations: list[str] | None = None


class DirectoryUpdate(LokModel):
    """#21 body."""

    directory: DirectoryChanges


class ContactsReplace(LokModel):
    """#35 body."""

    contacts: list[DirectoryContact]


class ContactsResponse(LokModel):
    """#35 reply."""

    contacts: list[StoredDirectoryContact] = Field(default_factory=list)


class DirectoryCsvImport(LokModel):
    """#29 body (wire key `directoriesIds`)."""

    directories_ids: list[str] | None = Field(default=None, alias="directoriesIds")
    csv: str | None = None


# --- company settings and logs (§6.7) -------------------------------------------------------


class WebhookSettings(LokModel):
    enabled: bool = False
    secret: str | None = Field(default=None, repr=False)
    url: str | None = None
    events: list[WebhookEventValue] | None = None


class WebhookResponse(LokModel):
    """#9/#10 reply."""

    status_code: int | None = None
    webhook: WebhookSettings


class WebhookUpdate(LokModel):
    """#10 body; omitted `events` means every event."""

    url: str
    events: list[WebhookEventValue] | None = None


class WebhookStatusUpdate(LokModel):
    """#34 body."""

    enabled: bool


class NotificationEmails(LokModel):
    operator: str | None = None
    administrator: str | None = None


class NotificationEmailsResponse(LokModel):
    """#5/#6 reply (response keys `operator`/`administrator`)."""

    status_code: int | None = None
    management_emails: NotificationEmails = Field(default_factory=NotificationEmails)


class NotificationEmailsUpdate(LokModel):
    """#6 body (request keys `operator_email`/`administrator_email`)."""

    operator_email: str | None = None
    administrator_email: str | None = None


class ActionLogEntry(LokModel):
    resource: str | None = None
    status: int | None = None
    user_email: str | None = None
    referer: str | None = None
    origin: str | None = None
    timestamp: LokDateTime = None
    payload: str | None = None


class ActionLogsResponse(LokModel):
    """#1 reply."""

    action_logs: list[ActionLogEntry] = Field(default_factory=list)


# --- recent activity CSV (#23) --------------------------------------------------------------


class RecentActivityRow(LokModel):
    order_id: str = ""
    locker: str = ""
    timezone: str = ""
    tower: str = ""
    box: str = ""
    reserved_at: LokDateTime = None
    delivered_at: LokDateTime = None
    picked_up_at: LokDateTime = None
    cancelled_at: LokDateTime = None


def _fold(header: str) -> str:
    decomposed = unicodedata.normalize("NFKD", header.strip().lstrip("\ufeff"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


_ACTIVITY_COLUMNS: dict[str, str] = {
    "id de pedido": "order_id",
    "locker": "locker",
    "huso horario": "timezone",
    "torre": "tower",
    "casillero": "box",
    "reservacion": "reserved_at",
    "deposito": "delivered_at",
    "recoleccion": "picked_up_at",
    "cancelacion": "cancelled_at",
}
_ACTIVITY_ORDER: tuple[str, ...] = tuple(_ACTIVITY_COLUMNS.values())


def parse_recent_activity(csv_text: str) -> list[RecentActivityRow]:
    """Rows of the #23 CSV. Columns are matched by their Spanish header (accents and case ignored),
    falling back to the documented order; unknown columns are kept as extra fields."""
    rows = list(csv.reader(io.StringIO(csv_text.lstrip("\ufeff")), skipinitialspace=True))
    rows = [row for row in rows if any(cell.strip() for cell in row)]
    if not rows:
        return []
    header = [_fold(cell) for cell in rows[0]]
    if any(name in _ACTIVITY_COLUMNS for name in header):
        names = [_ACTIVITY_COLUMNS.get(name, name or f"column_{i}") for i, name in enumerate(header)]
        body = rows[1:]
    else:
        names = list(_ACTIVITY_ORDER)
        body = rows
    result: list[RecentActivityRow] = []
    for row in body:
        values = {names[i] if i < len(names) else f"column_{i}": cell.strip() for i, cell in enumerate(row)}
        result.append(RecentActivityRow.model_validate({k: v for k, v in values.items() if v != ""}))
    return result


# --- box sizes (DESIGN §3) ------------------------------------------------------------------


@dataclass(frozen=True)
class BoxDimensions:
    """Inside measures of a box in cm, and the weight it takes in kg."""

    width: float
    height: float
    length: float
    max_weight: float = 25.0

    def fits(self, width: float, height: float, length: float, weight: float) -> bool:
        # A package may be turned any way to go in, so compare sorted measures.
        package = sorted((width, height, length))
        box = sorted((self.width, self.height, self.length))
        return weight <= self.max_weight and all(p <= b for p, b in zip(package, box, strict=True))


BOX_SIZES: dict[BoxSize, BoxDimensions] = {
    BoxSize.S: BoxDimensions(10, 35, 60),
    BoxSize.M: BoxDimensions(20, 35, 60),
    BoxSize.L: BoxDimensions(40, 35, 60),
    BoxSize.XL: BoxDimensions(60, 45, 60),
}


def smallest_fitting_size(width: float, height: float, length: float, weight: float) -> BoxSize | None:
    """The smallest box size that takes the package (any orientation), or None when none does."""
    for size, box in BOX_SIZES.items():
        if box.fits(width, height, length, weight):
            return size
    return None


# Models are built on first use (`defer_build`): start-up validates 7 of these 80, building all of
# them cost ~55 ms of every launch. The first build imports a few more pydantic modules (its plugin
# loader); building one small model here keeps those imports on the thread importing lok_desk.api.
# The desk imports it before the sandbox's thread starts, and two threads importing pydantic's
# internals at once can be handed a partly initialised module (see lok_desk.app).
SimpleMessage.model_rebuild()
