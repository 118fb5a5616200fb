"""Models of the shipping section: quotes, shipment requests, shipping orders and labels."""

from __future__ import annotations

from pydantic import Field

from .base import LokModel
from .fields import LokDateTime, decode_binary


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


