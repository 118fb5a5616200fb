"""Cancel from the pane (Delete): the cancel presenter (lok_desk/core/reservations/cancel.py) decides,
this module asks the person, and says what Lok answered."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lok_desk.core import rules
from lok_desk.core.reservations.cancel import CancelPresenter, CancelStep
from lok_desk.desk.kit.asyncqt import confirm
from lok_desk.desk.kit.i18n import translate
from lok_desk.desk.kit.problem_views import report
from lok_desk.desk.reservations import showing
from lok_desk.desk.roles import reason_text

if TYPE_CHECKING:
    from lok_desk.desk.reservations.pane import ReservationsPane


def refused_cancel_text(status: str) -> str:
    """Why Lok refuses to cancel a reservation in `status`, in words for the front desk."""
    return reason_text(rules.cancel_refusal(status) or rules.Reason.NOT_CANCELLABLE)


def _explain(pane: ReservationsPane, reason: rules.Reason) -> None:
    text = reason_text(reason)
    pane.detail.set_banner(text)
    pane._session.notify(text, timeout_ms=10000)


async def cancel_selected(pane: ReservationsPane) -> None:
    session = pane._session
    presenter = CancelPresenter(session.service, session.capabilities.rules, call=session.call)
    row = pane.selected_row()
    check = presenter.check(
        row.id if row else None, row.status if row else None, row.location_id if row else None
    )
    if check.step is CancelStep.NOTHING_SELECTED:
        session.notify(translate("ReservationsPane", "Select a reservation to cancel."))
        return
    if check.step is CancelStep.NOT_ALLOWED:
        session.notify(reason_text(check.reason or rules.Reason.NOT_CANCELLABLE))
        return
    rid = check.reservation_id
    if check.step is CancelStep.REFUSED:
        if pane.detail.reservation_id != rid:
            await showing.show_detail(pane, rid)
        _explain(pane, check.reason or rules.Reason.NOT_CANCELLABLE)
        return
    question = translate(
        "ReservationsPane", "Cancel reservation {0} at {1}? The box is released and the tokens stop working."
    ).format(check.shipment, session.location_name(check.location_id))
    if not await confirm(
        pane,
        translate("ReservationsPane", "Cancel reservation"),
        question,
        ok_text=translate("ReservationsPane", "Cancel reservation"),
        keep_text=translate("ReservationsPane", "Keep reservation"),
        destructive=True,
    ):
        return
    outcome = await presenter.cancel(rid)
    if outcome.refusal is not None:
        # 409: Lok knew better than the row (the package arrived meanwhile); the store has its state.
        if pane.selected_reservation_id() == rid:
            await showing.show_detail(pane, rid)
        _explain(pane, outcome.refusal)
        return
    if outcome.error is not None:
        doing = translate("ReservationsPane", "cancelling {0}").format(check.shipment)
        report(pane, outcome.error, doing=doing)
        return
    pane.announce(rid)
    session.notify(translate("ReservationsPane", "Reservation {0} cancelled.").format(check.shipment))
    if pane.selected_reservation_id() == rid:
        await showing.show_detail(pane, rid)
