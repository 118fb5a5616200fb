"""The Lok API's enumerations (box sizes, statuses, webhook events, scopes…)."""

from __future__ import annotations

from enum import StrEnum


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


FINISHED_STATUSES: frozenset[str] = frozenset({EventStatus.PICKED_UP, EventStatus.CANCELLED})
# Statuses reached only once the package is in the locker: from here the pick-up deadline counts.
_AFTER_DELIVERY: frozenset[str] = frozenset(
    {EventStatus.DELIVERED, EventStatus.REOPENED, EventStatus.REOPENED2}
)

