"""The pane's write dialogs: New reservation (Ctrl+N), Update pre-reservation and Request shipment. Each
dialog shows a presenter of lok_desk/core/reservations; here the result joins the table and the detail."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from lok_desk.desk.kit.asyncqt import run_dialog
from lok_desk.desk.kit.i18n import translate
from lok_desk.desk.reservations import showing

if TYPE_CHECKING:
    from lok_desk.desk.reservations.pane import ReservationsPane


async def new_reservation(pane: ReservationsPane, location_id: str | None, size: str | None) -> None:
    """Open the create dialog; the new reservation is added to the table and selected. `size`
    preselects the box size (a double-click in the free-boxes matrix)."""
    from lok_desk.desk.reservations.create_dialog import CreateReservationDialog

    session = pane._session
    caps = session.capabilities
    if not caps.sees_all_locations:
        location_id = caps.location_id
    permission = caps.can_write_reservations(location_id)
    if not permission:
        session.notify(permission.reason)
        return
    dialog = CreateReservationDialog(
        session, location_id or pane.listing.location_id, choose_printer=pane.choose_printer, parent=pane
    )
    dialog.created.connect(lambda result: _created(pane, result))
    dialog.result_tokens.printed.connect(lambda kind: pane.slip_printed.emit(dialog.result_tokens, kind))
    if size is not None:
        dialog.size_combo.setCurrentIndex(dialog.size_combo.findData(size))
    await run_dialog(dialog)
    dialog.deleteLater()


def _created(pane: ReservationsPane, result: Any) -> None:
    reservation_id = result.reservation.id or ""
    pane.listing.put(result.reservation)
    pane.select_row(reservation_id, show=False)
    showing.present(pane, result)
    pane.announce(reservation_id)
    pane._session.notify(
        translate("ReservationsPane", "Reservation {0} created.").format(
            result.reservation.shipment_id or reservation_id
        )
    )


async def update_selected(pane: ReservationsPane) -> None:
    """#16: change an unconfirmed pre-reservation (delivery date, package, contact, recipient)."""
    from lok_desk.desk.reservations.update_dialog import UpdatePreReservationDialog

    reservation = pane.detail.reservation
    if reservation is None:
        return
    dialog = UpdatePreReservationDialog(pane._session, reservation, pane)
    await run_dialog(dialog)
    if dialog.result_value is not None:
        _changed(pane, dialog.result_value)
    dialog.deleteLater()


async def request_shipment_selected(pane: ReservationsPane) -> None:
    """#33 then #32: quote a courier shipment, and on confirmation request it."""
    from lok_desk.desk.reservations.shipment_dialog import RequestShipmentDialog

    reservation = pane.detail.reservation
    if reservation is None:
        return
    dialog = RequestShipmentDialog(pane._session, reservation, pane)
    await run_dialog(dialog)
    if dialog.result_value is not None:
        _changed(pane, dialog.result_value)
    dialog.deleteLater()


def _changed(pane: ReservationsPane, result: Any) -> None:
    pane.listing.put(result.reservation)
    showing.present(pane, result)
    pane.announce(result.reservation.id or "")
