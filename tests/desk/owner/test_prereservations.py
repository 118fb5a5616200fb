"""Pre-reservations pane against the real sandbox: search → create → (Reservations' shipment dialog) quote →
request shipment → reserved."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import QApplication

from lok_desk.desk.owner import PreReservationsPane, owner_panes
from lok_desk.desk.reservations.shipment_dialog import RequestShipmentDialog

from ._helpers import click


def test_pre_reservation_from_search_to_confirmed_shipment(
        desk_session: Any, show_pane: Any, qtbot: Any, fresh_client: Any) -> None:
    session = desk_session("owner")
    opened: list[str] = []
    pane = PreReservationsPane(session, on_open_reservation=opened.append)
    show_pane(pane)
    assert not pane.create_button.isEnabled()               # nothing chosen yet

    pane.zip_edit.clear()
    qtbot.keyClicks(pane.zip_edit, "11520")                  # Antara Polanco's zip code
    pane.size_combo.setCurrentIndex(pane.size_combo.findData("m"))
    click(qtbot, pane.search_button)
    qtbot.waitUntil(lambda: pane.results_table.model().rowCount() > 0, timeout=10000)
    table = pane.results_table.model()
    assert table.index(0, 0).data() == "Antara Polanco"
    assert table.index(0, 1).data() == "0.0 km"
    assert table.index(0, 2).data().split(" ·")[0] in ("Open now", "Closed now", "Closed today")
    assert "Antara Polanco" in pane.chosen_label.text()

    # A delivery date in the past is refused at its field; what was typed stays.
    qtbot.keyClicks(pane.fields["description"], "Libros")
    qtbot.keyClicks(pane.fields["weight"], "2.5")
    qtbot.keyClicks(pane.fields["contact_name"], "Marta Rios")
    qtbot.keyClicks(pane.fields["recipient_email"], "not-an-address")
    pane.delivery_edit.setDateTime(QDateTime.currentDateTime().addDays(-2))
    click(qtbot, pane.create_button)
    qtbot.waitUntil(pane.errors["delivery_date"].isVisible)
    assert pane.errors["recipient_email"].isVisible()
    assert pane.fields["recipient_email"].text() == "not-an-address"
    assert pane.created is None

    pane.delivery_edit.setDateTime(QDateTime.currentDateTime().addDays(2))
    pane.fields["recipient_email"].selectAll()
    qtbot.keyClicks(pane.fields["recipient_email"], "lector@example.com")
    click(qtbot, pane.create_button)
    qtbot.waitUntil(lambda: pane.created is not None, timeout=10000)
    assert pane.result_box.isVisible()
    assert "Pre-reservation" in pane.result_label.text() and "Pending" in pane.result_label.text()
    reservation_id = pane.created.reservation.id
    click(qtbot, pane.open_button)
    assert opened == [reservation_id]

    # What the Reservations pane does next: quote (#33) and request the shipment (#32).
    fetched = fresh_client("owner", lambda client: client.get_reservation(reservation_id))
    assert fetched.reservation.current_status == "pending"
    dialog = RequestShipmentDialog(session, fetched.reservation)
    qtbot.addWidget(dialog)
    dialog.show()
    for key, text in (("street", "Av. Ejercito Nacional"), ("number", "843"), ("town", "Granada"),
                      ("zip_code", "11520"), ("phone", "+52 55 1234 5678")):
        qtbot.keyClicks(dialog.fields[key], text)
    click(qtbot, dialog.quote_button)
    qtbot.waitUntil(dialog.request_button.isEnabled, timeout=10000)
    click(qtbot, dialog.request_button)
    qtbot.waitUntil(lambda: dialog.result_value is not None, timeout=10000)

    confirmed = fresh_client("owner", lambda client: client.get_reservation(reservation_id))
    assert confirmed.reservation.current_status == "reserved"
    assert confirmed.reservation.is_confirmed


def test_unknown_zip_code_is_explained_at_the_field(desk_session: Any, show_pane: Any, qtbot: Any) -> None:
    pane = PreReservationsPane(desk_session("seller"))
    show_pane(pane)
    pane.zip_edit.selectAll()
    qtbot.keyClicks(pane.zip_edit, "99999")
    click(qtbot, pane.search_button)
    qtbot.waitUntil(pane.zip_error.isVisible, timeout=10000)
    assert pane.zip_edit.text() == "99999"
    assert QApplication.activeModalWidget() is None          # at the field, not in a pop-up


def test_only_owner_and_seller_get_the_pane(desk_session: Any) -> None:
    for role, expected in (("owner", True), ("seller", True), ("reporter", False), ("admin", False)):
        titles = [title for title, _pane in owner_panes(desk_session(role))]
        assert ("Pre-reservations" in titles) is expected, role
