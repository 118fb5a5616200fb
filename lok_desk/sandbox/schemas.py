"""Request bodies of the Lok API as pydantic models (FastAPI validates them and documents them)."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator


def _no_surrogates(value: str) -> str:
    # A lone surrogate (legal in JSON escapes) cannot be stored in SQLite nor encoded in a response.
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValueError("text must be valid Unicode") from exc
    return value


_SURROGATE = re.compile("[\ud800-\udfff]")


def _decodable_csv(value: object) -> object:
    # Undecodable bytes arrive as lone surrogates, which pydantic refuses without saying where:
    # name the CSV line (runs before the str check).
    found = _SURROGATE.search(value) if isinstance(value, str) else None
    if found is not None:
        line = found.string.count("\n", 0, found.start()) + 1
        raise ValueError(f"line {line} of the CSV holds bytes that are not UTF-8 text")
    return value


Text = Annotated[str, Field(max_length=4096), AfterValidator(_no_surrogates)]
ShortText = Annotated[str, Field(max_length=256), AfterValidator(_no_surrogates)]
Amount = Annotated[float, Field(ge=0, le=1e9, allow_inf_nan=False)]
Centimetres = Annotated[float, Field(ge=0, le=10_000, allow_inf_nan=False)]


class BoxSize(StrEnum):
    S = "s"
    M = "m"
    L = "l"
    XL = "xl"


class WebhookEvent(StrEnum):
    RESERVED = "reserved"
    DELIVERED = "delivered"
    REOPENED = "reopened"
    REOPENED2 = "reopened2"
    PICKED_UP = "picked_up"
    CANCELLED = "cancelled"
    UNDELIVERED = "undelivered"
    UNPICKED = "unpicked"


class Gender(StrEnum):
    MALE = "male"
    FEMALE = "female"
    UNSPECIFIED = "unspecified"


Size = Annotated[BoxSize, Field(strict=False)]
Event = Annotated[WebhookEvent, Field(strict=False)]
Sex = Annotated[Gender, Field(strict=False)]


class Body(BaseModel):
    """Unknown keys are ignored, as a tolerant server does; NaN/Infinity are refused. Types are
    strict as in JSON: no booleans or strings for numbers, no numbers for text or booleans (an
    integer is a number). Enumerations compare the JSON string (FastAPI validates decoded Python
    values, where a strict enum would want the Enum itself)."""

    model_config = ConfigDict(extra="ignore", allow_inf_nan=False, strict=True)


class ContactInfo(Body):
    name: ShortText | None = None
    email: ShortText | None = None
    phone: ShortText | None = None


class ReservationPackageInfo(Body):
    value: Amount | None = None
    weight: Amount | None = None
    description: Text | None = None


class _ReservationFields(Body):
    delivery_confirmation_enabled: bool | None = None
    delivery_token: ShortText | None = None
    shipment_id: ShortText | None = None
    package_info: ReservationPackageInfo | None = None
    additional: dict[ShortText, Text] | None = None
    contact_info: ContactInfo | None = None
    recipient_info: ContactInfo | None = None
    recipient_notifications_enabled: bool | None = None


class ReservationRequest(_ReservationFields):
    """#25: a direct reservation; `size` is required."""

    size: Size


class PreReservationRequest(_ReservationFields):
    """#30: a pre-reservation in a granted location."""

    size: Size | None = None
    delivery_date: ShortText | None = None


class PreReservationUpdate(PreReservationRequest):
    """#16: at least one field must be sent."""


class SearchCoords(Body):
    long: Annotated[float, Field(ge=-180, le=180, allow_inf_nan=False)]
    lat: Annotated[float, Field(ge=-90, le=90, allow_inf_nan=False)]


class AvailabilitySearch(Body):
    """#28: either `coords` or `zip_code` must be given."""

    coords: SearchCoords | None = None
    zip_code: ShortText | None = None
    max_distance: Annotated[float, Field(gt=0, le=20_000_000, allow_inf_nan=False)] = 50_000
    limit: Annotated[int, Field(ge=1, le=100)]
    size: Size | None = None


class PickupAddress(Body):
    street: ShortText
    number: ShortText
    town: ShortText
    zip_code: ShortText
    references: Text | None = None
    cross_streets: Text | None = None


class PickupContact(Body):
    phone: ShortText
    name: ShortText | None = None


class ShipmentRequest(Body):
    """#32 and #33."""

    origin: PickupAddress
    contact: PickupContact


class PackageDimensions(Body):
    width: Centimetres | None = None
    height: Centimetres | None = None
    length: Centimetres | None = None


class LocationShippingPackageInfo(Body):
    value: Amount | None = None
    weight: Amount
    description: Text | None = None
    request_insurance: bool | None = None
    request_thermal_lable: bool | None = None


class LocationShippingRequest(Body):
    """#31."""

    size: PackageDimensions
    shipment_id: ShortText
    package_info: LocationShippingPackageInfo
    pickup_date: ShortText
    origin: PickupAddress
    contact: PickupContact


class ShippingContact(Body):
    phone: ShortText
    name: ShortText | None = None
    email: ShortText
    company: ShortText | None = None
    rfc: ShortText | None = None


class ShippingAddress(Body):
    contact: ShippingContact
    street_type: ShortText | None = None
    town_type: ShortText | None = None
    city: ShortText | None = None
    state: ShortText | None = None
    country: ShortText = "Mexico"
    street: ShortText
    number: ShortText
    town: ShortText
    zip_code: ShortText
    references: Text | None = None
    cross_streets: Text | None = None


class ShippingItem(Body):
    units_weight: ShortText
    product_service: ShortText
    dangerous_material: ShortText | None = None
    pack_type: ShortText | None = None
    units: ShortText | None = None
    is_dangerous: bool


class ShippingOrderPackageInfo(Body):
    width: Centimetres | None = None
    height: Centimetres | None = None
    length: Centimetres | None = None
    value: Amount | None = None
    weight: Amount
    description: Text | None = None
    items: Annotated[list[ShippingItem], Field(max_length=100)]


class ShippingOrderRequest(Body):
    """#27: exactly one of `location_id` and `destination`."""

    preferred: ShortText
    package_info: ShippingOrderPackageInfo
    location_id: ShortText | None = None
    destination: ShippingAddress | None = None
    origin: ShippingAddress


class DirectoryName(Body):
    name: Annotated[str, Field(min_length=1, max_length=256), AfterValidator(_no_surrogates)]


class DirectoryCreate(Body):
    """#3."""

    directory: DirectoryName


class DirectoryChanges(DirectoryName):
    is_active: bool = True
    locations: Annotated[list[ShortText], Field(max_length=1000)] | None = None


class DirectoryUpdate(Body):
    """#21."""

    directory: DirectoryChanges


class ContactAddress(Body):
    city: ShortText | None = None
    state: ShortText | None = None
    country: ShortText = "Mexico"
    street: ShortText
    number: ShortText
    town: ShortText
    zip_code: ShortText
    references: Text | None = None
    cross_streets: Text | None = None
    delivery_info: Text | None = None


class DirectoryContact(Body):
    name: ShortText
    last_name: ShortText
    email: ShortText | None = None
    gender: Sex
    age: Annotated[int, Field(ge=0, le=150)]
    phones: Annotated[list[ShortText], Field(max_length=20)] | None = None
    address: ContactAddress | None = None
    directory: ShortText | None = None


class ContactsReplace(Body):
    """#35."""

    contacts: Annotated[list[DirectoryContact], Field(max_length=5000)]


class DirectoryCsvImport(Body):
    """#29."""

    directoriesIds: Annotated[list[ShortText], Field(max_length=100)] | None = None
    csv: Annotated[str, Field(max_length=2_000_000), BeforeValidator(_decodable_csv)] | None = None


class NotificationEmailsUpdate(Body):
    """#6 (request keys differ from the response keys, as in the reference)."""

    operator_email: ShortText | None = None
    administrator_email: ShortText | None = None


class WebhookUpdate(Body):
    """#10."""

    url: Annotated[str, Field(max_length=2048), AfterValidator(_no_surrogates)]
    events: Annotated[list[Event], Field(max_length=20)] | None = None


class WebhookStatus(Body):
    """#34."""

    enabled: bool


class KioskEntry(Body):
    """POST /sandbox/kiosk."""

    token: ShortText


class ClockAdvance(Body):
    """POST /sandbox/clock."""

    advance_seconds: Annotated[float, Field(ge=-10 * 365 * 86400, le=10 * 365 * 86400, allow_inf_nan=False)]


FAULT_METHODS = frozenset({"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "*"})
# An injected answer carries a Lok error body: 1xx are not final answers (the connection breaks)
# and 204, 205 and 304 must not have a body.
_BODYLESS = frozenset({204, 205, 304})


def _fault_method(value: str) -> str:
    if value.upper() not in FAULT_METHODS:
        raise ValueError("method must be one of " + ", ".join(sorted(FAULT_METHODS)))
    return value.upper()


def _fault_status(value: int) -> int:
    if value in _BODYLESS:
        raise ValueError("204, 205 and 304 cannot carry the Lok error body an injected answer has")
    return value


class FaultRule(Body):
    method: Annotated[str, AfterValidator(_fault_method)] | None = None
    path: Annotated[str, Field(min_length=1, max_length=1024)] = ".*"
    status: Annotated[int, Field(ge=200, le=599), AfterValidator(_fault_status)] | None = None
    delay_ms: Annotated[int, Field(ge=0, le=600_000)] = 0
    times: Annotated[int, Field(ge=1, le=1_000_000)] | None = None
    drop: bool = False
    malformed: bool = False

    @model_validator(mode="after")
    def _one_answer(self) -> FaultRule:
        if sum((self.drop, self.malformed, self.status is not None)) > 1:
            raise ValueError("a rule answers one way: at most one of drop, malformed and status")
        return self


class FaultRules(Body):
    """POST /sandbox/faults."""

    rules: Annotated[list[FaultRule], Field(max_length=100)]
