"""Cancel as a presenter: who may, which states allow it, and a refusal because the package arrived
meanwhile explained from Lok's fresh state (no Qt)."""

from __future__ import annotations

from lok_desk.core import rules
from lok_desk.core.reservations.cancel import CancelPresenter, CancelStep
from tests.e2e.conftest import FIRST_LOCATION, SECOND_LOCATION, SandboxControl

from .conftest import ServiceFactory, capabilities, direct_request


async def test_cancel_asks_then_cancels_and_the_store_follows(desk: ServiceFactory) -> None:
    service = await desk("owner")
    created = await service.create_reservation(FIRST_LOCATION, direct_request("CANCEL-CORE-1"))
    rid = created.reservation.id or ""
    cancel = CancelPresenter(service, capabilities(service))
    check = cancel.check(rid)
    assert check.step is CancelStep.CONFIRM and check.shipment == "CANCEL-CORE-1"
    assert check.location_id == FIRST_LOCATION
    outcome = await cancel.cancel(rid)
    assert outcome.cancelled is not None and service.store.status(rid) == "cancelled"
    again = cancel.check(rid)
    assert again.step is CancelStep.REFUSED and again.reason is rules.Reason.ALREADY_CANCELLED
    assert cancel.check(None).step is CancelStep.NOTHING_SELECTED


async def test_delivered_meanwhile_is_refused_with_the_reason_lok_gives(
    desk: ServiceFactory, control: SandboxControl
) -> None:
    service = await desk("owner")
    created = await service.create_reservation(FIRST_LOCATION, direct_request("CANCEL-LATE-1"))
    rid = created.reservation.id or ""
    await control.kiosk(created.tokens.delivery_token or "")   # the desk still thinks "reserved"
    cancel = CancelPresenter(service, capabilities(service))
    assert cancel.check(rid).step is CancelStep.CONFIRM
    outcome = await cancel.cancel(rid)
    assert outcome.cancelled is None and outcome.refusal is rules.Reason.IN_LOCKER
    assert service.store.status(rid) == "delivered"   # the fresh read reached the store


async def test_roles_that_may_not_cancel_are_told_why_before_asking(desk: ServiceFactory) -> None:
    owner = await desk("owner")
    created = await owner.create_reservation(SECOND_LOCATION, direct_request("CANCEL-ROLE-1"))
    rid = created.reservation.id or ""
    reporter = await desk("reporter")
    check = CancelPresenter(reporter, capabilities(reporter)).check(rid, "reserved", SECOND_LOCATION)
    assert check.step is CancelStep.NOT_ALLOWED and check.reason is rules.Reason.READ_ONLY_REPORTER
    employee = await desk("employee")
    check = CancelPresenter(employee, capabilities(employee)).check(rid, "reserved", SECOND_LOCATION)
    assert check.step is CancelStep.NOT_ALLOWED and check.reason is rules.Reason.OTHER_LOCATION


async def test_an_offline_cancel_is_an_error_for_the_problem_path(desk: ServiceFactory) -> None:
    service = await desk("owner")
    created = await service.create_reservation(FIRST_LOCATION, direct_request("CANCEL-OFF-1"))
    service.offline = True
    outcome = await CancelPresenter(service, capabilities(service)).cancel(created.reservation.id or "")
    assert outcome.cancelled is None and outcome.refusal is None and outcome.error is not None
    assert outcome.error.error_type == "OFFLINE_WRITE_REFUSED"
