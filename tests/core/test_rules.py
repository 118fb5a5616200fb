"""Role capabilities, cancel/update/ship, overdue and who may see tokens, decided without Qt."""

from __future__ import annotations

import pytest

from lok_desk.core import rules
from lok_desk.core.rules import Capabilities, Overdue, Reason, Role
from tests.core.factories import reservation


@pytest.mark.parametrize(("scope", "role"), [
    ("owner", Role.OWNER), ("seller", Role.SELLER), ("employee", Role.EMPLOYEE), ("admin", Role.ADMIN),
    ("reporter", Role.REPORTER), ("", Role.REPORTER), ("something new", Role.REPORTER),
    ("reporter owner", Role.OWNER),
])
def test_scope_maps_to_the_least_surprising_role(scope: str, role: Role) -> None:
    assert Role.from_scope(scope) is role


def test_write_rights_follow_the_scope_matrix() -> None:
    assert Capabilities(Role.OWNER).can_write_reservations("anywhere")
    assert Capabilities(Role.SELLER).can_write_reservations("anywhere")
    employee = Capabilities(Role.EMPLOYEE, "loc-1")
    assert employee.can_write_reservations("loc-1") and employee.can_write_reservations(None)
    assert employee.can_write_reservations("loc-2").reason is Reason.OTHER_LOCATION
    assert Capabilities(Role.REPORTER).can_write_reservations().reason is Reason.READ_ONLY_REPORTER
    assert Capabilities(Role.ADMIN).can_write_reservations().reason is Reason.READ_ONLY_ADMIN
    assert not employee.sees_all_locations and Capabilities(Role.ADMIN).sees_all_locations
    assert employee.can_pre_reserve().reason is Reason.PRE_RESERVATIONS_FOR_OWNERS
    assert employee.can_read_company_settings().reason is Reason.SETTINGS_NOT_FOR_EMPLOYEES
    assert Capabilities(Role.REPORTER).can_read_company_settings()
    assert not Capabilities(Role.REPORTER).can_write_company_settings()
    assert employee.can_read_directories() and not employee.can_write_directories()


@pytest.mark.parametrize(("status", "reason"), [
    ("pending", None), ("reserved", None), ("delivered", Reason.IN_LOCKER), ("reopened2", Reason.IN_LOCKER),
    ("picked_up", Reason.PICKED_UP), ("cancelled", Reason.ALREADY_CANCELLED), ("", Reason.NOT_CANCELLABLE),
])
def test_cancel_follows_the_status(status: str, reason: Reason | None) -> None:
    decision = rules.can_cancel(Capabilities(Role.OWNER), reservation(), status)
    assert decision.allowed is (reason is None) and decision.reason is reason


def test_cancel_needs_the_right_to_write_first() -> None:
    elsewhere = Capabilities(Role.EMPLOYEE, "loc-2")
    decision = rules.can_cancel(elsewhere, reservation(location="loc-1"), "reserved")
    assert decision.reason is Reason.OTHER_LOCATION


def test_only_an_unconfirmed_pending_pre_reservation_is_updated_or_shipped() -> None:
    owner = Capabilities(Role.OWNER)
    pre = reservation(statuses=("pending",), is_confirmed=False)
    assert rules.can_update(owner, pre, "pending") and rules.can_ship(owner, pre, "pending")
    confirmed = reservation(statuses=("reserved",), is_confirmed=True)
    assert rules.can_update(owner, confirmed, "reserved").reason is Reason.NOT_UNCONFIRMED
    assert rules.can_update(Capabilities(Role.REPORTER), pre, "pending").reason is Reason.READ_ONLY_REPORTER


def test_overdue_counts_the_deadline_that_applies() -> None:
    now = 1000.0
    assert rules.overdue_kind("reserved", 999.0, None, now) is Overdue.DELIVERY
    assert rules.overdue_kind("reserved", 1001.0, None, now) is Overdue.NO
    # In the locker: the delivery deadline no longer counts, the pick-up one does.
    assert rules.overdue_kind("delivered", 10.0, 999.0, now) is Overdue.PICKUP
    assert rules.overdue_kind("reopened", 10.0, None, now) is Overdue.NO
    assert rules.overdue_kind("picked_up", 10.0, 10.0, now) is Overdue.NO
    assert rules.overdue_kind("", 10.0, 10.0, now) is Overdue.NO


def test_tokens_are_for_owner_seller_and_the_employee_of_that_location_only() -> None:
    here = reservation(location="loc-1")
    assert rules.tokens_visible_to(Role.OWNER, None, here)
    assert rules.tokens_visible_to(Role.SELLER, None, here)
    assert rules.tokens_visible_to(Role.EMPLOYEE, "loc-1", here)
    assert not rules.tokens_visible_to(Role.EMPLOYEE, "loc-2", here)
    assert not rules.tokens_visible_to(Role.EMPLOYEE, None, reservation(location=None))
    assert not rules.tokens_visible_to(Role.REPORTER, None, here)
    assert not rules.tokens_visible_to(Role.ADMIN, "loc-1", here)
