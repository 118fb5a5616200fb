"""The detail panel beside the table: reading a reservation (#15) and showing it with what this person
may do with it, and following the store while it is open. The panel reads the reservation from the
store by id (lok_desk/desk/reservations/detail.py), so the table and the detail never disagree."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from lok_desk.api import LokError, models
from lok_desk.api.errors import LokTransportError
from lok_desk.core import rules
from lok_desk.core.codes import tokens_hidden_reason
from lok_desk.core.store import StatusChange, StoreChange
from lok_desk.desk.kit.i18n import translate
from lok_desk.desk.kit.problems import problem_from, sentence
from lok_desk.desk.kit.tokens_view import hidden_text
from lok_desk.desk.reservations.table_model import Overdue, row_from_reservation
from lok_desk.desk.roles import Permission

if TYPE_CHECKING:
    from lok_desk.desk.reservations.pane import ReservationsPane


async def show_detail(pane: ReservationsPane, reservation_id: str, *, quiet: bool = False) -> None:
    """Read the reservation (#15, with tokens and QR images) and show it; `quiet` when it is already on
    screen from the store, so the panel does not blink to "Loading…"."""
    session = pane._session
    position = pane.model.row_of(reservation_id)
    label = pane.model.row_at(position).shipment_id if position is not None else reservation_id
    if not quiet:
        pane.detail.show_loading(label or reservation_id)
    try:
        result = await session.call(session.service.get_reservation(reservation_id, include_tokens=True))
    except LokError as error:
        if isinstance(error, LokTransportError):   # read again when the connection is back
            pane.detail_refresh_due = reservation_id
            known = session.store.get(reservation_id)
            if known is not None:   # offline: what is known, marked as of when (no codes)
                present(pane, models.ReservationWithTokens(reservation=known))
                pane.detail.set_banner(as_of_text(session.last_success or session.offline_since))
                return
        pane.detail.show_message(
            translate("ReservationsPane", "This reservation could not be loaded.\n{0}").format(
                sentence(problem_from(error, doing=translate("ReservationsPane", "loading the reservation")))
            )
        )
        # Said once, in the detail panel where the reservation would be (not also in the banner).
        return
    if pane.detail_refresh_due == reservation_id:
        pane.detail_refresh_due = None
    pane.listing.put(result.reservation)
    present(pane, result)


def as_of_text(when: datetime | None) -> str:
    """The open detail while Lok cannot be reached: shown from the list, not read afresh."""
    if when is None:
        return translate("ReservationsPane", "Offline: shown as last known, without its codes. It is read "
                                             "again when the connection is back.")
    return translate("ReservationsPane", "Offline: shown as known at {0}, without its codes. It is read "
                                         "again when the connection is back.").format(
        when.astimezone().strftime("%H:%M"))


def present(pane: ReservationsPane, result: Any) -> None:
    """Show a #15/#25/#16/#32 result with the actions this person may take now (and why not)."""
    session = pane._session
    reservation = result.reservation
    location_id = reservation.location_id
    if session.remember_locations([reservation]):
        pane.model.forget_locations()
    label = pane.describe_location(location_id or "")
    caps = session.capabilities
    hidden = tokens_hidden_reason(str(caps.role), caps.location_id, reservation)
    detail = pane.detail
    detail.show_reservation(
        result,
        label.name,
        label.timezone,
        location=session.location(location_id),
        tokens_hidden=hidden_text(hidden) if hidden is not None else "",
    )
    status = str(reservation.current_status or "")
    now = session.server_now()
    if reservation.is_overdue(now):
        row = row_from_reservation(reservation, now)
        detail.set_banner(pane.model._overdue_text(row) if row.overdue != Overdue.NO else "")
    decisions = caps.rules
    cancel = Permission.of(rules.can_cancel(decisions, reservation, status))
    detail.set_action(
        detail.cancel_button, cancel, translate("ReservationsPane", "Cancel this reservation (Delete)")
    )
    pre = Permission.of(rules.can_update(decisions, reservation, status))
    detail.set_action(
        detail.update_button,
        pre,
        translate("ReservationsPane", "Change the delivery date, package or people"),
    )
    detail.set_action(
        detail.shipment_button,
        pre,
        translate("ReservationsPane", "Ask a courier to bring this package (quotation first)"),
    )
    tokens_view = detail.tokens
    printable = (
        Permission(True)
        if tokens_view.printable
        else Permission(False, tokens_view.notice or translate("ReservationsPane", "No tokens to print."))
    )
    detail.set_action(
        detail.print_button,
        printable,
        translate(
            "ReservationsPane",
            "Print a slip: courier, recipient or staff sheet (Ctrl+P prints the one that fits)",
        ),
    )
    detail.set_action(
        detail.label_button,
        Permission(True),
        translate("ReservationsPane", "Show, save or print the courier's shipping label"),
    )
    pane.detail_shown.emit(reservation.id or "")


def follow_sync(pane: ReservationsPane, change: StoreChange) -> None:
    """The open detail follows a sync at once (no request: the tokens shown do not change), and says so
    when the reservation finished or moved on meanwhile."""
    result = pane.detail.result
    shown = pane.detail.reservation_id
    if result is None or not shown or (shown not in change.updated and shown not in change.inserted):
        return
    fresh = pane._session.store.get(shown)
    if fresh is None:
        return
    present(pane, result.model_copy(update={"reservation": fresh}))
    moved = next((s for s in change.statuses if s.reservation_id == shown), None)
    if moved is not None and moved.before is not None:
        pane.detail.set_banner(meanwhile_text(moved))


def meanwhile_text(moved: StatusChange) -> str:
    match moved.after:
        case "cancelled":
            return translate(
                "ReservationsPane",
                "Cancelled meanwhile (at the locker, on another desk or by another program). "
                "Its tokens no longer open a box.",
            )
        case "picked_up":
            return translate("ReservationsPane", "Picked up meanwhile: the recipient has the package.")
        case "delivered":
            return translate("ReservationsPane", "Delivered meanwhile: the package is in the locker.")
        case "reopened" | "reopened2":
            return translate("ReservationsPane", "Reopened meanwhile at the locker.")
    return translate("ReservationsPane", "Changed meanwhile: this is its current state.")


async def reread(pane: ReservationsPane, reservation_id: str) -> None:
    """Another part of the app changed a reservation this pane shows: read it again (#15)."""
    session = pane._session
    try:
        fresh = await session.call(session.service.get_reservation(reservation_id, include_tokens=True))
    except LokError:
        return
    pane.listing.put(fresh.reservation)
    if pane.detail.reservation_id == reservation_id:
        present(pane, fresh)
