"""What each Lok scope may do, as the desk shows it (DESIGN §3 scope matrix), reasons translated."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from lok_desk.desk.i18n import translate


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


@dataclass(frozen=True)
class Permission:
    """Whether an action is allowed, and if not, the sentence the desk shows in its tooltip."""

    allowed: bool
    reason: str = ""

    def __bool__(self) -> bool:
        return self.allowed


_ALLOW = Permission(True)


@dataclass(frozen=True)
class Capabilities:
    """The actions a signed-in person may take. `location_id` is the employee's own location."""

    role: Role
    location_id: str | None = None

    @property
    def sees_all_locations(self) -> bool:
        return self.role is not Role.EMPLOYEE

    def _read_only_reason(self) -> str:
        if self.role is Role.REPORTER:
            return translate("Capabilities", "Your role (reporter) can read everything but change nothing.")
        return translate(
            "Capabilities", "Lok administrators can read every company's data but not change it.")

    def can_write_reservations(self, location_id: str | None = None) -> Permission:
        """Create, cancel and update reservations (and shipping)."""
        if self.role in (Role.REPORTER, Role.ADMIN):
            return Permission(False, self._read_only_reason())
        if self.role is Role.EMPLOYEE and location_id is not None and location_id != self.location_id:
            return Permission(False, translate(
                "Capabilities", "You can only work with reservations at your own location."))
        return _ALLOW

    def can_pre_reserve(self) -> Permission:
        """Search available locations and create pre-reservations (owner: company; seller: + public)."""
        if self.role in (Role.OWNER, Role.SELLER):
            return _ALLOW
        if self.role is Role.EMPLOYEE:
            return Permission(False, translate(
                "Capabilities", "Pre-reservations are made by the company's owners and sellers."))
        return Permission(False, self._read_only_reason())

    def can_read_company_settings(self) -> Permission:
        """Webhook, notification e-mails, action logs and reports."""
        if self.role is Role.EMPLOYEE:
            return Permission(False, translate(
                "Capabilities", "Company settings and reports are for owners, sellers and reporters."))
        return _ALLOW

    def can_write_company_settings(self) -> Permission:
        if self.role in (Role.OWNER, Role.SELLER):
            return _ALLOW
        if self.role is Role.EMPLOYEE:
            return Permission(False, translate(
                "Capabilities", "Company settings are for owners, sellers and reporters."))
        return Permission(False, self._read_only_reason())

    def can_read_directories(self) -> Permission:
        return _ALLOW

    def can_write_directories(self) -> Permission:
        if self.role in (Role.OWNER, Role.SELLER):
            return _ALLOW
        if self.role is Role.EMPLOYEE:
            return Permission(False, translate(
                "Capabilities", "Directories are edited by the company's owners and sellers."))
        return Permission(False, self._read_only_reason())
