"""What a person may do with a reservation, and when it is overdue: plain functions, no Qt, no text.

The panes used to decide these inside widgets. Here a decision is a `Decision` carrying a `Reason`
(a code, not a sentence): the desk turns the code into translated words (lok_desk/desk/roles.py), so
these rules are tested without Qt and read the same in every language. Roles follow the scope matrix
(docs/decisions.md, Who may do what); who may see box-opening tokens follows issue 10's product
decision (owner and seller of the company, the employee of the reservation's own location; reporter
and admin never).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum, StrEnum
from typing import Protocol


class Role(StrEnum):
    ADMIN = "admin"
    OWNER = "owner"
    SELLER = "seller"
    EMPLOYEE = "employee"
    REPORTER = "reporter"

    @classmethod
    def from_scope(cls, scope: str | None) -> Role:
        """Map a token/user scope string to a role; unknown or compound scopes fall back to the least
        privileged reading (reporter), so the desk never offers what the server would refuse."""
        words = (scope or "").replace(",", " ").split()
        for role in (cls.OWNER, cls.SELLER, cls.EMPLOYEE, cls.ADMIN, cls.REPORTER):
            if role.value in words:
                return role
        return cls.REPORTER


class Reason(StrEnum):
    """Why something is not allowed; lok_desk.desk.roles has the words for each."""

    READ_ONLY_REPORTER = "read_only_reporter"
    READ_ONLY_ADMIN = "read_only_admin"
    OTHER_LOCATION = "other_location"
    PRE_RESERVATIONS_FOR_OWNERS = "pre_reservations_for_owners"
    SETTINGS_NOT_FOR_EMPLOYEES = "settings_not_for_employees"
    SETTINGS_WRITE_NOT_FOR_EMPLOYEES = "settings_write_not_for_employees"
    DIRECTORIES_FOR_OWNERS = "directories_for_owners"
    IN_LOCKER = "in_locker"                  # delivered or reopened: too late to cancel
    PICKED_UP = "picked_up"
    ALREADY_CANCELLED = "already_cancelled"
    NOT_CANCELLABLE = "not_cancellable"      # any other state Lok refuses
    NOT_UNCONFIRMED = "not_unconfirmed"      # update/ship need an unconfirmed pre-reservation
    OFFLINE = "offline"                      # writes need the server (no queued writes)


@dataclass(frozen=True)
class Decision:
    """Whether an action is allowed and, if not, why (a code)."""

    allowed: bool
    reason: Reason | None = None

    def __bool__(self) -> bool:
        return self.allowed


ALLOW = Decision(True)

#: Finished: the reservation leaves the active views (docs/decisions.md, Reservation states).
FINISHED = frozenset({"picked_up", "cancelled"})
#: The package sits in the locker: from here the pick-up deadline counts.
IN_LOCKER = frozenset({"delivered", "reopened", "reopened2"})
#: Cancel is allowed while pending or reserved; anything else answers 409
#: (docs/decisions.md, Reservation states).
CANCELLABLE = frozenset({"pending", "reserved"})


class ReservationFacts(Protocol):
    """What the rules read from a reservation (lok_desk.api.models.Reservation has all of it)."""

    @property
    def location_id(self) -> str | None: ...

    is_confirmed: bool | None


def is_finished(status: str | None) -> bool:
    return (status or "") in FINISHED


@dataclass(frozen=True)
class Capabilities:
    """The actions a signed-in person may take. `location_id` is the employee's own location."""

    role: Role
    location_id: str | None = None

    @property
    def sees_all_locations(self) -> bool:
        return self.role is not Role.EMPLOYEE

    @property
    def writes_nothing(self) -> bool:
        return self.role in (Role.REPORTER, Role.ADMIN)

    def _read_only(self) -> Decision:
        return Decision(False, Reason.READ_ONLY_REPORTER if self.role is Role.REPORTER
                        else Reason.READ_ONLY_ADMIN)

    def can_write_reservations(self, location_id: str | None = None) -> Decision:
        """Create, cancel and update reservations (and shipping)."""
        if self.writes_nothing:
            return self._read_only()
        if self.role is Role.EMPLOYEE and location_id is not None and location_id != self.location_id:
            return Decision(False, Reason.OTHER_LOCATION)
        return ALLOW

    def can_pre_reserve(self) -> Decision:
        """Search available locations and create pre-reservations (owner: company; seller: + public)."""
        if self.role in (Role.OWNER, Role.SELLER):
            return ALLOW
        if self.role is Role.EMPLOYEE:
            return Decision(False, Reason.PRE_RESERVATIONS_FOR_OWNERS)
        return self._read_only()

    def can_read_company_settings(self) -> Decision:
        """Webhook, notification e-mails, action logs and reports."""
        if self.role is Role.EMPLOYEE:
            return Decision(False, Reason.SETTINGS_NOT_FOR_EMPLOYEES)
        return ALLOW

    def can_write_company_settings(self) -> Decision:
        if self.role in (Role.OWNER, Role.SELLER):
            return ALLOW
        if self.role is Role.EMPLOYEE:
            return Decision(False, Reason.SETTINGS_WRITE_NOT_FOR_EMPLOYEES)
        return self._read_only()

    def can_read_directories(self) -> Decision:
        return ALLOW

    def can_write_directories(self) -> Decision:
        if self.role in (Role.OWNER, Role.SELLER):
            return ALLOW
        if self.role is Role.EMPLOYEE:
            return Decision(False, Reason.DIRECTORIES_FOR_OWNERS)
        return self._read_only()


def cancel_refusal(status: str | None) -> Reason | None:
    """Why Lok refuses to cancel a reservation in `status` (None: cancelling is allowed)."""
    status = status or ""
    if status in CANCELLABLE:
        return None
    if status in IN_LOCKER:
        return Reason.IN_LOCKER
    if status == "picked_up":
        return Reason.PICKED_UP
    if status == "cancelled":
        return Reason.ALREADY_CANCELLED
    return Reason.NOT_CANCELLABLE


def can_cancel(caps: Capabilities, reservation: ReservationFacts, status: str | None) -> Decision:
    """The role may write at the reservation's location and the state still allows it."""
    write = caps.can_write_reservations(reservation.location_id)
    if not write:
        return write
    refusal = cancel_refusal(status)
    return ALLOW if refusal is None else Decision(False, refusal)


def can_update(caps: Capabilities, reservation: ReservationFacts, status: str | None) -> Decision:
    """Change (#16) or ship (#32): only an unconfirmed pre-reservation still pending."""
    write = caps.can_write_reservations(reservation.location_id)
    if not write:
        return write
    if reservation.is_confirmed or (status or "") != "pending":
        return Decision(False, Reason.NOT_UNCONFIRMED)
    return ALLOW


#: Request a courier shipment: the same rule as changing the pre-reservation.
can_ship = can_update


class Overdue(IntEnum):
    NO = 0
    DELIVERY = 1
    PICKUP = 2


def overdue_kind(status: str, delivery_due: float | None, pickup_due: float | None, now: float) -> Overdue:
    """Which deadline an active reservation has missed (times as epoch seconds, `now` by the server's
    clock; mirrors models.Reservation.is_overdue)."""
    if not status or status in FINISHED:
        return Overdue.NO
    if status in IN_LOCKER:
        return Overdue.PICKUP if pickup_due is not None and pickup_due < now else Overdue.NO
    return Overdue.DELIVERY if delivery_due is not None and delivery_due < now else Overdue.NO


def tokens_visible_to(role: Role, user_location: str | None, reservation: ReservationFacts) -> bool:
    """Whether this person may see the box-opening tokens of `reservation`: the company's owner and
    seller, and the employee of the reservation's own location; a reporter or an admin never."""
    if role in (Role.OWNER, Role.SELLER):
        return True
    if role is Role.EMPLOYEE:
        return bool(user_location) and reservation.location_id == user_location
    return False
