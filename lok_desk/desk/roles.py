"""What each Lok scope may do, as the desk shows it: lok_desk.core.rules decides, this module words it.

The decisions (docs/decisions.md, Who may do what) live Qt-free in lok_desk.core.rules and carry a `Reason`
code; `Permission` is the same decision with the reason as a translated sentence for a tooltip or message.
"""

from __future__ import annotations

from dataclasses import dataclass

from lok_desk.core import rules
from lok_desk.core.rules import Decision, Reason, Role
from lok_desk.desk.kit.i18n import translate

__all__ = ["Capabilities", "Permission", "Role", "reason_text", "role_label"]


def role_label(role: Role | str) -> str:
    """The role's name as people at the desk say it (translated)."""
    labels = {
        Role.ADMIN: translate("Role", "admin"),
        Role.OWNER: translate("Role", "owner"),
        Role.SELLER: translate("Role", "seller"),
        Role.EMPLOYEE: translate("Role", "employee"),
        Role.REPORTER: translate("Role", "reporter"),
    }
    return labels.get(Role(role), str(role)) if role in set(Role) else str(role)


def reason_text(reason: Reason | None) -> str:
    """The sentence the desk shows for a refusal code (empty for None)."""
    match reason:
        case None:
            return ""
        case Reason.READ_ONLY_REPORTER:
            return translate("Capabilities", "Your role (reporter) can read everything but change nothing.")
        case Reason.READ_ONLY_ADMIN:
            return translate(
                "Capabilities", "Lok administrators can read every company's data but not change it.")
        case Reason.OTHER_LOCATION:
            return translate("Capabilities", "You can only work with reservations at your own location.")
        case Reason.PRE_RESERVATIONS_FOR_OWNERS:
            return translate("Capabilities", "Pre-reservations are made by the company's owners and sellers.")
        case Reason.SETTINGS_NOT_FOR_EMPLOYEES:
            return translate(
                "Capabilities", "Company settings and reports are for owners, sellers and reporters.")
        case Reason.SETTINGS_WRITE_NOT_FOR_EMPLOYEES:
            return translate("Capabilities", "Company settings are for owners, sellers and reporters.")
        case Reason.DIRECTORIES_FOR_OWNERS:
            return translate("Capabilities", "Directories are edited by the company's owners and sellers.")
        case Reason.IN_LOCKER:
            return translate("ReservationsPane",
                             "This package is already in the locker, so the reservation can no longer be "
                             "cancelled. It stays there until the recipient types the pick-up token.")
        case Reason.PICKED_UP:
            return translate("ReservationsPane",
                             "This package has already been picked up, so there is nothing left to cancel.")
        case Reason.ALREADY_CANCELLED:
            return translate("ReservationsPane", "This reservation is already cancelled.")
        case Reason.NOT_CANCELLABLE:
            return translate("ReservationsPane", "Lok no longer allows cancelling this reservation. Refresh "
                             "it to see its current state.")
        case Reason.NOT_UNCONFIRMED:
            return translate("ReservationsPane",
                             "Only a pre-reservation that is not yet confirmed can be changed or shipped.")
        case Reason.OFFLINE:
            # Never "what you typed is kept": a cancel or a print typed nothing (issue 17).
            return translate("Capabilities", "Lok Desk cannot reach the server right now, so nothing was "
                             "sent. Try again when the connection is back.")
    return ""


@dataclass(frozen=True)
class Permission:
    """Whether an action is allowed, and if not, the sentence the desk shows in its tooltip."""

    allowed: bool
    reason: str = ""

    def __bool__(self) -> bool:
        return self.allowed

    @classmethod
    def of(cls, decision: Decision) -> Permission:
        return _ALLOW if decision.allowed else cls(False, reason_text(decision.reason))


_ALLOW = Permission(True)


@dataclass(frozen=True)
class Capabilities:
    """The actions a signed-in person may take. `location_id` is the employee's own location."""

    role: Role
    location_id: str | None = None

    @property
    def rules(self) -> rules.Capabilities:
        """The Qt-free decisions behind these permissions."""
        return rules.Capabilities(self.role, self.location_id)

    @property
    def sees_all_locations(self) -> bool:
        return self.rules.sees_all_locations

    def can_write_reservations(self, location_id: str | None = None) -> Permission:
        """Create, cancel and update reservations (and shipping)."""
        return Permission.of(self.rules.can_write_reservations(location_id))

    def can_pre_reserve(self) -> Permission:
        """Search available locations and create pre-reservations (owner: company; seller: + public)."""
        return Permission.of(self.rules.can_pre_reserve())

    def can_read_company_settings(self) -> Permission:
        """Webhook, notification e-mails, action logs and reports."""
        return Permission.of(self.rules.can_read_company_settings())

    def can_write_company_settings(self) -> Permission:
        return Permission.of(self.rules.can_write_company_settings())

    def can_read_directories(self) -> Permission:
        return Permission.of(self.rules.can_read_directories())

    def can_write_directories(self) -> Permission:
        return Permission.of(self.rules.can_write_directories())
