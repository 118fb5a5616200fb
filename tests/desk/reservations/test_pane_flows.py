"""The Reservations pane against a real sandbox: create, deliver at the kiosk, cancel, errors, roles.

Each test clicks and types the way a person does and asserts on what a person sees. The flows' rules
(no free box, too heavy, a parcel no box takes, paging, find) are tested without Qt in
tests/core/reservations; here only what a widget shows.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QPushButton

from lok_desk.api import LokClient, models
from lok_desk.desk.kit import formatting
from lok_desk.desk.kit.asyncqt import spawn
from lok_desk.desk.kit.contacts import EMAIL_ROLE, NAME_ROLE
from lok_desk.desk.reservations import ReservationsPane
from lok_desk.desk.reservations.create_dialog import CreateReservationDialog
from lok_desk.desk.reservations.table_model import Column
from lok_desk.sandbox import SandboxServer

from ._helpers import until

PaneFactory = Callable[[str], ReservationsPane]


def row_texts(pane: ReservationsPane, shipment_id: str) -> dict[Column, str] | None:
    """What the table shows for a shipment (None when it is not a visible row)."""
    proxy = pane.proxy
    for row in range(proxy.rowCount()):
        if proxy.index(row, Column.SHIPMENT).data() == shipment_id:
            return {column: proxy.index(row, column).data() for column in Column}
    return None


def click_row(qtbot: Any, pane: ReservationsPane, shipment_id: str) -> None:
    proxy = pane.proxy
    for row in range(proxy.rowCount()):
        index = proxy.index(row, Column.SHIPMENT)
        if index.data() == shipment_id:
            pane.table.scrollTo(index)
            rect = pane.table.visualRect(index)
            qtbot.mouseClick(pane.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            return
    raise AssertionError(f"{shipment_id} is not in the table")


async def open_create_dialog(qtbot: Any, pane: ReservationsPane) -> CreateReservationDialog:
    # Ctrl+N / the toolbar's New reservation in the main window call this (the pane has no button).
    spawn(pane.new_reservation(pane.query.location_id), owner=pane)
    await until(lambda: _visible_dialog(pane) is not None, what="the create dialog")
    dialog = _visible_dialog(pane)
    assert dialog is not None
    await until(lambda: "free" in dialog.size_combo.itemText(0), what="box availability")
    return dialog


def _visible_dialog(pane: ReservationsPane) -> CreateReservationDialog | None:
    for dialog in pane.findChildren(CreateReservationDialog):
        if dialog.isVisible():
            return dialog
    return None


def choose_location(qtbot: Any, dialog: CreateReservationDialog, name: str) -> None:
    qtbot.keyClicks(dialog.location_combo, name)
    assert dialog.location_combo.currentText() == name


def fill_people(qtbot: Any, dialog: CreateReservationDialog) -> None:
    qtbot.keyClicks(dialog.contact_name, "Recepcion Antara")  # QTest types ASCII only
    qtbot.keyClicks(dialog.contact_email, "recepcion@example.com")
    qtbot.keyClicks(dialog.recipient_name, "Ana Lopez")
    qtbot.keyClicks(dialog.recipient_email, "ana@example.com")
    qtbot.keyClicks(dialog.recipient_phone, "+52 55 1234 5678")


async def submit(qtbot: Any, dialog: CreateReservationDialog) -> None:
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    await until(
        lambda: (
            dialog.result_value is not None
            or any(e.has_error for e in dialog.errors.values())
            or dialog.general_error.isVisible()
        ),
        what="the server's answer",
    )


async def first_location_free(client: LokClient, name: str) -> models.LocationDetail:
    page = await client.list_locations(page_size=100)
    return next(location for location in page.locations if location.internal_name == name)


def direct_request(shipment_id: str, size: str = "s", weight: float = 1.0) -> models.ReservationRequest:
    return models.ReservationRequest(
        size=size,
        shipment_id=shipment_id,
        package_info=models.ReservationPackageInfo(weight=weight, value=100.0, description="Libros"),
        contact_info=models.ContactInfo(name="Recepción"),
        recipient_info=models.RecipientInfo(name="Luis"),
    )


async def open_new_reservation(
    qtbot: Any, pane: ReservationsPane, client: LokClient, shipment_id: str
) -> models.ReservationCreated:
    """A reservation made at Antara Polanco behind the desk's back, then found and opened in the pane."""
    antara = await first_location_free(client, "Antara Polanco")
    created = await client.create_reservation(antara.id, direct_request(shipment_id))
    await pane.refresh()
    click_row(qtbot, pane, shipment_id)
    await until(lambda: pane.detail.title.text() == shipment_id, what="the detail")
    return created


def shows_status(pane: ReservationsPane, shipment_id: str, status: str) -> bool:
    """Whether the shipment's row shows `status` the way a person reads it."""
    return (row_texts(pane, shipment_id) or {}).get(Column.STATUS) == formatting.format_status(status)


async def type_at_kiosk(sandbox: SandboxServer, token: str | None) -> None:
    """A person types `token` at the locker (the sandbox's kiosk stands in for it)."""
    async with httpx.AsyncClient() as http:
        answer = await http.post(f"{sandbox.base_url}/sandbox/kiosk", json={"token": token})
    assert answer.status_code == 200, answer.text


async def confirmation(pane: ReservationsPane) -> QMessageBox:
    await until(lambda: _message_box(pane) is not None, what="the confirmation")
    box = _message_box(pane)
    assert box is not None
    return box


def _message_box(pane: ReservationsPane) -> QMessageBox | None:
    boxes = [box for box in pane.findChildren(QMessageBox) if box.isVisible()]
    return boxes[0] if boxes else None


def click_button(qtbot: Any, box: QMessageBox, text: str) -> None:
    qtbot.mouseClick(next(b for b in box.buttons() if b.text() == text), Qt.MouseButton.LeftButton)


def test_create_then_deliver_at_the_kiosk_then_refresh_shows_it_in_the_locker(
    qtbot: Any, run: Any, make_pane: PaneFactory, sandbox: SandboxServer, printed: list[Path]
) -> None:
    pane = make_pane("owner")

    async def scenario() -> None:
        await pane.refresh()
        dialog = await open_create_dialog(qtbot, pane)
        choose_location(qtbot, dialog, "Antara Polanco")
        # The size-fit assistant: 5 × 30 × 50 cm and 2 kg fits the smallest box, S.
        qtbot.keyClicks(dialog.width_edit, "5")
        qtbot.keyClicks(dialog.height_edit, "30")
        qtbot.keyClicks(dialog.length_edit, "50")
        # Asked before the weight: the assistant asks for it, and the request goes once it is typed
        # (issue 19 point 17: "Enter the package's weight…" stayed after the weight was entered).
        qtbot.mouseClick(dialog.fit_button, Qt.MouseButton.LeftButton)
        assert dialog.fit_result.text().startswith("Enter the package's weight")
        qtbot.keyClicks(dialog.weight_edit, "2")
        assert dialog.fit_result.text() == "Measures and weight entered: press “Find the smallest free box”."
        qtbot.mouseClick(dialog.fit_button, Qt.MouseButton.LeftButton)
        assert dialog.size_combo.currentData() == "s"
        assert dialog.fit_result.text() == "S (10 × 35 × 60 cm) is the smallest box that fits."
        qtbot.keyClicks(dialog.shipment_edit, "SHP-KIOSK-1")
        qtbot.keyClicks(dialog.value_edit, "1500")
        fill_people(qtbot, dialog)
        await submit(qtbot, dialog)
        assert dialog.result_value is not None, [e.text() for e in dialog.errors.values() if e.has_error]

        # The result view: every token with its QR code, ready to print.
        labels = [card.token.label for card in dialog.result_tokens.cards]
        assert labels[:2] == ["Delivery token", "Pick-up token"]
        assert all(not card.qr.pixmap().isNull() for card in dialog.result_tokens.cards)
        delivery = dialog.result_tokens.cards[0].text.text()
        assert "SHP-KIOSK-1" in dialog.result_title.text()
        qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
        await until(lambda: printed and printed[-1].exists(), what="the token sheet PDF")
        assert printed[-1].read_bytes().startswith(b"%PDF")
        qtbot.mouseClick(dialog.done_button, Qt.MouseButton.LeftButton)
        await until(lambda: not dialog.isVisible(), what="the dialog to close")

        # The row appears at once (no reload), selected, with its detail.
        row = row_texts(pane, "SHP-KIOSK-1")
        assert row is not None
        assert row[Column.STATUS] == formatting.format_status("reserved")
        assert row[Column.LOCATION] == "Antara Polanco"
        assert pane.detail.title.text() == "SHP-KIOSK-1"

        await type_at_kiosk(sandbox, delivery)

        spawn(pane.refresh(), owner=pane)   # F5 in the main window
        await until(
            lambda: not pane.loading and shows_status(pane, "SHP-KIOSK-1", "delivered"),
            what="the delivered status after F5",
        )

    run(scenario())


def test_cancel_asks_naming_the_shipment_and_then_shows_cancelled(
    qtbot: Any, run: Any, make_pane: PaneFactory, api: Callable[[str], LokClient]
) -> None:
    client = api("owner")
    pane = make_pane("owner")

    async def scenario() -> None:
        await open_new_reservation(qtbot, pane, client, "SHP-CANCEL-1")
        assert pane.detail.cancel_button.isEnabled()
        qtbot.mouseClick(pane.detail.cancel_button, Qt.MouseButton.LeftButton)
        box = await confirmation(pane)
        assert box.text() == (
            "Cancel reservation SHP-CANCEL-1 at Antara Polanco? The box is released and "
            "the tokens stop working."
        )
        click_button(qtbot, box, "Cancel reservation")
        await until(lambda: shows_status(pane, "SHP-CANCEL-1", "cancelled"), what="Cancelled in the table")
        await until(lambda: pane.detail.status_chip.status() == "cancelled", what="the detail to follow")
        assert not pane.detail.cancel_button.isEnabled()
        assert pane.detail.cancel_button.toolTip() == "This reservation is already cancelled."

    run(scenario())


def test_refused_cancel_is_explained_in_plain_words(
    qtbot: Any, run: Any, make_pane: PaneFactory, api: Callable[[str], LokClient], sandbox: SandboxServer
) -> None:
    client = api("owner")
    pane = make_pane("owner")

    async def scenario() -> None:
        created = await open_new_reservation(qtbot, pane, client, "SHP-LATE-1")
        # The courier delivers while the desk still shows "Reserved".
        await type_at_kiosk(sandbox, created.tokens.delivery_token)
        qtbot.mouseClick(pane.detail.cancel_button, Qt.MouseButton.LeftButton)
        click_button(qtbot, await confirmation(pane), "Cancel reservation")
        text = ("This package is already in the locker, so the reservation can no longer be cancelled. "
                "It stays there until the recipient types the pick-up token.")
        await until(
            lambda: pane.detail.banner.text() == text and pane.detail.banner.isVisible(),
            what="the explanation",
        )
        await until(lambda: shows_status(pane, "SHP-LATE-1", "delivered"), what="the row to catch up")
        # The detail caught up too: it shows the package in the locker and no longer offers Cancel.
        assert pane.detail.status_chip.status() == "delivered"
        assert not pane.detail.cancel_button.isEnabled()
        assert pane.detail.cancel_button.toolTip().startswith("This package is already in the locker")

    run(scenario())


def test_a_used_shipment_id_is_shown_at_the_shipment_field(
    qtbot: Any, run: Any, make_pane: PaneFactory, api: Callable[[str], LokClient]
) -> None:
    client = api("owner")
    pane = make_pane("owner")

    async def scenario() -> None:
        antara = await first_location_free(client, "Antara Polanco")
        await client.create_reservation(antara.id, direct_request("SHP-TWICE"))
        dialog = await open_create_dialog(qtbot, pane)
        choose_location(qtbot, dialog, "Antara Polanco")
        qtbot.keyClicks(dialog.size_combo, "S")
        qtbot.keyClicks(dialog.shipment_edit, "SHP-TWICE")
        fill_people(qtbot, dialog)
        await submit(qtbot, dialog)
        error = dialog.errors["shipment_id"]
        assert error.isVisible() and "border" in dialog.shipment_edit.styleSheet()
        assert error.text().startswith("The shipment id “SHP-TWICE” is already used")
        assert not dialog.errors["size"].isVisible()
        assert dialog.shipment_edit.text() == "SHP-TWICE"
        assert dialog.recipient_email.text() == "ana@example.com"
        # Typing in the field clears its error.
        qtbot.keyClicks(dialog.shipment_edit, "-2")
        assert not error.isVisible()
        dialog.reject()

    run(scenario())


def test_local_validation_names_each_field(qtbot: Any, run: Any, make_pane: PaneFactory) -> None:
    pane = make_pane("owner")

    async def scenario() -> None:
        dialog = await open_create_dialog(qtbot, pane)
        qtbot.keyClicks(dialog.contact_email, "ana@")
        qtbot.keyClicks(dialog.recipient_phone, "55-ABC")
        dialog.add_additional("lokStatus", "x")
        await submit(qtbot, dialog)
        assert dialog.errors["size"].text() == "Choose a box size (the assistant below can pick one)."
        assert (
            dialog.errors["contact_email"].text() == "This is not an e-mail address (like name@example.com)."
        )
        assert dialog.errors["recipient_phone"].text().startswith("Use digits only")
        assert "starts with “lok”" in dialog.errors["additional"].text()
        dialog.reject()

    run(scenario())


def test_reporter_sees_every_write_action_disabled_with_the_reason(
    qtbot: Any, run: Any, make_pane: PaneFactory
) -> None:
    pane = make_pane("reporter")
    reason = "Your role (reporter) can read everything but change nothing."

    async def scenario() -> None:
        await pane.refresh()
        assert pane.model.rowCount() > 0
        first = pane.proxy.index(0, Column.SHIPMENT).data()
        click_row(qtbot, pane, first)
        await until(lambda: pane.detail.title.text() == first, what="the detail")
        for button in (pane.detail.cancel_button, pane.detail.update_button, pane.detail.shipment_button):
            assert not button.isEnabled()
            assert button.toolTip() == reason
        # Issue 10: a reporter reads the reservation but gets none of its box-opening codes to print.
        assert not pane.detail.print_button.isEnabled()
        assert pane.detail.tokens.notice.startswith("Tokens are not shown: your role (reporter)")

    run(scenario())


def test_employee_sees_only_their_location(qtbot: Any, run: Any, make_pane: PaneFactory) -> None:
    pane = make_pane("employee")

    async def scenario() -> None:
        await pane.refresh()
        own = pane._session.capabilities.location_id
        assert own
        assert pane.model.rowCount() > 0
        assert {row.location_id for row in pane.model.rows} == {own}
        assert pane.table.isColumnHidden(Column.LOCATION)
        assert pane._session.capabilities.can_write_reservations(own)

    run(scenario())


def test_enter_opens_the_detail_with_tokens_and_the_qr_can_be_copied(
    qtbot: Any, run: Any, make_pane: PaneFactory
) -> None:
    pane = make_pane("owner")

    async def scenario() -> None:
        await pane.refresh()
        pane.table.setFocus()
        qtbot.keyClick(pane.table, Qt.Key.Key_Down)
        qtbot.keyClick(pane.table, Qt.Key.Key_Return)
        shipment = pane.proxy.index(pane.table.currentIndex().row(), Column.SHIPMENT).data()
        await until(
            lambda: pane.detail.title.text() == shipment and pane.detail.tokens.cards,
            what="the detail with tokens",
        )
        card = pane.detail.tokens.cards[0]
        qtbot.mouseClick(card.copy_button, Qt.MouseButton.LeftButton)
        assert QGuiApplication.clipboard().text() == card.token.token
        qtbot.mouseClick(card.copy_qr_button, Qt.MouseButton.LeftButton)
        assert not QGuiApplication.clipboard().image().isNull()
        # Clicking the QR enlarges it in a dialog.
        qtbot.mouseClick(card.qr, Qt.MouseButton.LeftButton)
        dialogs = [d for d in pane.detail.tokens.findChildren(QPushButton) if d.text() == "Copy QR image"]
        assert dialogs, "the enlarged QR dialog"

    run(scenario())


def test_a_direct_reservation_has_no_label_and_says_so(
    qtbot: Any, run: Any, make_pane: PaneFactory, api: Callable[[str], LokClient]
) -> None:
    client = api("owner")
    pane = make_pane("owner")

    async def scenario() -> None:
        await open_new_reservation(qtbot, pane, client, "SHP-NOLABEL")
        qtbot.mouseClick(pane.detail.label_button, Qt.MouseButton.LeftButton)
        await until(
            lambda: (
                pane.detail.label_message.text()
                == "This reservation has no shipping label (labels exist for courier shipments)"
            ),
            what="the no-label sentence",
        )
        # Also under the buttons, where the person looks: the button greys out with the reason.
        assert not pane.detail.label_button.isEnabled()
        assert "no shipping label" in pane.detail.reasons.text() and not pane.detail.reasons.isHidden()

    run(scenario())


def test_ctrl_p_prints_the_token_sheet_to_pdf_and_never_a_slip_whose_code_cannot_work(
    qtbot: Any, run: Any, make_pane: PaneFactory, printed: list[Path]
) -> None:
    pane = make_pane("owner")
    said: list[str] = []
    pane._session.message_posted.connect(lambda text, _ms: said.append(text))

    def first(status: str) -> str:
        return next(row.shipment_id for row in pane.model.rows if row.status == status)

    async def scenario() -> None:
        await pane.refresh()
        click_row(qtbot, pane, first("reserved"))
        await pane.print_selected()
        assert printed and printed[-1].read_bytes().startswith(b"%PDF")
        assert printed[-1].stat().st_size > 2000  # QR images are in it, not an empty page
        # Issue 19 point 8: a pending pre-reservation's delivery token opens no box: no courier slip.
        count = len(printed)
        click_row(qtbot, pane, first("pending"))
        await pane.print_selected()
        assert len(printed) == count
        assert said[-1].startswith("No courier slip: this pre-reservation is not confirmed yet")

    run(scenario())


def test_recipient_completes_from_the_company_directory(
    qtbot: Any, run: Any, make_pane: PaneFactory
) -> None:
    pane = make_pane("owner")

    async def scenario() -> None:
        await pane.refresh()
        dialog = await open_create_dialog(qtbot, pane)
        completer = dialog.contact_completer
        await until(lambda: completer.count > 0, what="directory contacts loaded")
        suggestions = completer.model()
        people = {
            str(suggestions.index(row, 0).data(NAME_ROLE)): str(suggestions.index(row, 0).data(EMAIL_ROLE))
            for row in range(suggestions.rowCount())
        }
        typed = next(iter(people))[:4]
        dialog.recipient_name.setFocus()
        qtbot.keyClicks(dialog.recipient_name, typed)
        await until(lambda: completer.popup().isVisible(), what="the suggestion list")
        qtbot.keyClick(completer.popup(), Qt.Key.Key_Down)
        qtbot.keyClick(completer.popup(), Qt.Key.Key_Return)
        await until(lambda: dialog.recipient_email.text() != "", what="the e-mail filled in")
        chosen = dialog.recipient_name.text()
        assert chosen in people and chosen.casefold().find(typed.casefold()) >= 0
        assert dialog.recipient_email.text() == people[chosen]
        assert dialog.contact_email.text() == ""   # only the trio typed into is filled
        dialog.reject()

    run(scenario())


def test_a_parcel_that_fits_no_box_is_refused_in_the_dialog_with_what_to_do(
    qtbot: Any, run: Any, make_pane: PaneFactory,
) -> None:
    """Issue 19 point 7 in the real dialog: 30 × 30 × 200 cm, XL chosen by hand, is not reserved; the
    size field says why and what to do, and the assistant does not then ask to choose a size."""
    pane = make_pane("owner")

    async def scenario() -> None:
        await pane.refresh()
        dialog = await open_create_dialog(qtbot, pane)
        choose_location(qtbot, dialog, "Antara Polanco")
        for edit, text in ((dialog.width_edit, "30"), (dialog.height_edit, "30"),
                           (dialog.length_edit, "200"), (dialog.weight_edit, "2")):
            qtbot.keyClicks(edit, text)
        qtbot.mouseClick(dialog.fit_button, Qt.MouseButton.LeftButton)
        assert dialog.fit_result.text().startswith("No box takes this package")
        dialog.size_combo.setCurrentIndex(dialog.size_combo.findData("xl"))
        qtbot.keyClicks(dialog.shipment_edit, "TOO-LONG-1")
        fill_people(qtbot, dialog)
        await submit(qtbot, dialog)
        assert dialog.result_value is None
        said = dialog.errors["size"].text()
        assert said.startswith("No box takes this package") and "It cannot be reserved" in said
        assert "Choose a box size" not in said
        assert dialog.errors["size"].isVisible()
        dialog.reject()

    run(scenario())


def test_no_courier_slip_is_printed_for_a_pending_pre_reservation_and_the_desk_says_why(
    qtbot: Any, run: Any, make_pane: PaneFactory, api: Callable[[str], LokClient], sandbox: SandboxServer,
    printed: list[Path],
) -> None:
    """Issue 19 point 8 in the real pane: Ctrl+P on an unconfirmed pre-reservation prints nothing (its
    delivery token opens no box) and the status line says why and what to do."""
    from datetime import timedelta

    from lok_desk.desk.reservations import find_flow
    from tests.desk.inspector.test_inspector import server_now

    pane = make_pane("owner")
    client = api("owner")
    said: list[str] = []
    pane._session.message_posted.connect(lambda text, _ms: said.append(text))

    async def scenario() -> None:
        await pane._session.load_locations()
        antara = await first_location_free(client, "Antara Polanco")
        assert antara.coords is not None
        found = await client.search_available_locations(models.AvailabilitySearch(
            coords=models.SearchCoords(longitude=antara.coords.longitude, latitude=antara.coords.latitude),
            max_distance=5_000, limit=5, size="m"))
        assert found.grant
        delivery = (await server_now(sandbox)) + timedelta(hours=2)
        pre = await client.create_pre_reservation(antara.id, found.grant, models.PreReservationRequest(
            size="m", shipment_id="PRE-SLIP-1", delivery_date=delivery))
        await find_flow.open_reservation(pane, str(pre.reservation.id))
        await until(lambda: pane.detail.reservation_id == str(pre.reservation.id), what="the detail")
        await pane.print_selected()
        assert printed == []
        assert said and said[-1].startswith("No courier slip: this pre-reservation is not confirmed yet")
        assert "Request a courier shipment first" in said[-1]

    run(scenario())
