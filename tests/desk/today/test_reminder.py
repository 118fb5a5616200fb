"""Reminding a recipient from the Today board, against a real sandbox: the late lists show who to reach,
one action prepares the message (English or Spanish, the location's address and hours, never a code),
copies it or opens the mail client, and the desk history records it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from PySide6.QtCore import QItemSelectionModel, QUrl
from PySide6.QtGui import QGuiApplication

from lok_desk.api import LokClient, models
from lok_desk.core.history import Action, DeskLog
from lok_desk.core.today import Bucket
from lok_desk.desk.qt_session import QtSession
from lok_desk.desk.recorder import recorder_for
from lok_desk.sandbox import SandboxServer
from tests.desk.inspector.test_inspector import advance
from tests.desk.reservations._helpers import until
from tests.desk.reservations.test_pane_flows import first_location_free, type_at_kiosk
from tests.desk.today.test_today_board import DAY, make_board


def test_a_reminder_for_a_parcel_waiting_past_pick_up(
    qtbot: Any, run: Any, desk_session: Callable[..., QtSession], api: Callable[[str], LokClient],
    sandbox: SandboxServer, tmp_path: Path,
) -> None:
    session = desk_session("owner")
    client = api("owner")
    recorder = recorder_for(session)
    recorder.log = DeskLog(tmp_path / "history.jsonl")
    opened: list[QUrl] = []

    async def scenario() -> None:
        await session.load_locations()
        antara = await first_location_free(client, "Antara Polanco")
        request = models.ReservationRequest(
            size="s", shipment_id="REMIND-1", contact_info=models.ContactInfo(name="Recepción"),
            recipient_info=models.RecipientInfo(name="Luis Pérez", email="luis@example.test",
                                                phone="+52 55 1234 5678"))
        created = await client.create_reservation(antara.id, request)
        await type_at_kiosk(sandbox, created.tokens.delivery_token)
        await advance(sandbox, 5 * DAY)                  # three days to pick up, then two late
        await session.sync_clock()
        board = make_board(qtbot, session, tmp_path)
        board.open_url = lambda url: opened.append(url) or True
        board.start()
        await until(lambda: board._loaded, what="the board's first load")
        rid = created.reservation.id or ""
        # Its tokens are known to the desk (as after opening its detail): the reminder must not carry one.
        full = await client.get_reservation(rid)
        session.store.tokens.put(rid, full.tokens, full.confirmation_code)
        view = board.views[Bucket.WAITING_PAST_PICKUP]
        board.tabs.setCurrentWidget(view)
        headers = view.model.headers()
        assert headers[5:8] == ["Recipient", "Phone", "E-mail"]
        position = next(r for r in range(view.proxy.rowCount())
                        if view.proxy.index(r, 0).data() == "REMIND-1")
        assert [view.proxy.index(position, c).data() for c in (5, 6, 7)] == [
            "Luis Pérez", "+52 55 1234 5678", "luis@example.test"]
        assert not board.remind_button.isEnabled()
        # Through the selection model: QTableView.selectRow reads the application's keyboard modifiers,
        # so a modifier an earlier test left pressed turns it into a toggle or an extension.
        view.table.selectionModel().select(
            view.proxy.index(position, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        assert board.remind_button.isEnabled()
        dialog = board.remind_selected()
        assert dialog is not None and dialog.isVisible()
        body = dialog.message_edit.toPlainText()
        assert body.startswith("Hello Luis Pérez,") and "Antara Polanco" in body and "Opening hours" in body
        codes = [full.tokens.token(name) for name in models.TOKEN_NAMES] + [full.confirmation_code]
        assert not any(code and code in body for code in codes)
        assert dialog.copy_message()
        assert QGuiApplication.clipboard().text() == body
        dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("es"))
        spanish = dialog.message_edit.toPlainText()
        assert spanish.startswith("Hola, Luis Pérez:") and "Horario:" in spanish
        assert dialog.open_mail()
        (url,) = opened
        parts = urlsplit(url.toString(QUrl.ComponentFormattingOption.FullyEncoded))
        assert parts.scheme == "mailto" and parse_qs(parts.query)["body"] == [spanish]
        # A code typed into the message by hand is refused, nothing copied.
        dialog.message_edit.setPlainText(f"{spanish}\n{full.tokens.pickup_token}")
        assert not dialog.copy_message() and "box-opening code" in dialog.status.text()
        assert QGuiApplication.clipboard().text() == body
        await recorder.flush()
        events = [e for e in recorder.log.read() if e.action is Action.PREPARED_REMINDER]
        assert sorted(e.detail.split(";")[0] for e in events) == ["copied", "mailto"]
        assert all(e.reservation_id == rid for e in events)
        history = (tmp_path / "history.jsonl").read_text(encoding="utf-8")
        assert not any(code and code in history for code in codes)

    run(scenario())
