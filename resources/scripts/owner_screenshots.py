"""Render the owner-workspace panes offscreen against a temporary sandbox, signed in as the demo owner,
and save them as resources/screenshots/owner-<pane>.png (run from the repository root)."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["QT_API"] = "pyside6"

import qasync
from PySide6.QtWidgets import QApplication, QWidget

from lok_desk.api import Credentials, LokClient, models
from lok_desk.desk.owner import (
    DirectoriesPane,
    NotificationSettingsPane,
    PreReservationsPane,
    ReportsPane,
    WebhookWorkbenchPane,
    owner_panes,
)
from lok_desk.desk.qt_session import SANDBOX, open_session
from lok_desk.sandbox import DEMO_CLIENTS, SandboxServer

OUT = Path("resources/screenshots")
SIZE = (1180, 760)


async def settle(session: object, *, quiet_rounds: int = 6, limit_s: float = 15.0) -> None:
    """Wait until no request has been in flight for a few loop rounds (a script may sleep)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + limit_s
    quiet = 0
    while quiet < quiet_rounds and loop.time() < deadline:
        await asyncio.sleep(0.05)
        quiet = quiet + 1 if getattr(session, "busy", 0) == 0 else 0


def save(widget: QWidget, name: str) -> None:
    QApplication.processEvents()
    path = OUT / f"owner-{name}.png"
    widget.grab().save(str(path))
    print(path)


async def main() -> int:
    with SandboxServer() as sandbox:
        session = await open_session(base_url=sandbox.api_url,
                                     credentials=Credentials(*DEMO_CLIENTS["owner"]),
                                     token_cache=None, environment=SANDBOX, sandbox=sandbox)
        try:
            panes = dict(owner_panes(session, on_open_reservation=lambda _id: None))
            for pane in panes.values():
                pane.resize(*SIZE)
                pane.show()
                pane.start()  # type: ignore[attr-defined]
            await settle(session)

            settings = panes["Notifications"]
            assert isinstance(settings, NotificationSettingsPane)
            settings.url_edit.setText("https://hooks.example.com/lok")
            settings.some_events_radio.setChecked(True)
            for event in ("reopened2", "undelivered"):
                settings.event_checks[event].setChecked(False)
            settings._update_dirty()
            await settle(session)
            save(settings, "notifications-unsaved")
            await settings.webhook.save("https://hooks.example.com/lok", settings.form_events())
            settings._fill_webhook_form()
            settings._update_dirty()
            await settle(session)
            save(settings, "notifications")

            bench = panes["Webhook workbench"]
            assert isinstance(bench, WebhookWorkbenchPane)
            three_received = asyncio.Event()
            bench.event_received.connect(
                lambda _e: three_received.set() if len(bench.received) >= 3 else None)
            await bench.start_listening()
            await bench.webhook.save(bench.receiver.url, None)
            async with LokClient(sandbox.api_url, credentials=Credentials(*DEMO_CLIENTS["employee"]),
                                 token_cache=None) as employee:
                for shipment in ("DEMO-1001", "DEMO-1002"):
                    created = await employee.create_reservation(
                        "loc-cdmx-antara", models.ReservationRequest(
                            size=models.BoxSize.S, shipment_id=shipment,
                            contact_info=models.ContactInfo(name="Front desk")))
                await employee.cancel_reservation(created.reservation.id or "")
            await asyncio.wait_for(three_received.wait(), 15)
            await bench.load_deliveries()
            bench.events_table.resizeColumnsToContents()
            save(bench, "workbench-listen")
            bench.tabs.setCurrentIndex(1)
            event = bench.received[0]
            bench.body_edit.setPlainText(event.request.body.decode())
            bench.header_edit.setText(event.request.header("Lok-Signature") or "")
            bench.secret_edit.setText(bench.webhook.secret)
            bench.check_signature()
            save(bench, "workbench-check")
            bench.tabs.setCurrentIndex(2)
            bench.deliveries_table.resizeColumnsToContents()
            save(bench, "workbench-deliveries")

            reports = panes["Reports"]
            assert isinstance(reports, ReportsPane)
            await reports.refresh()
            await settle(session)
            save(reports, "reports")
            reports.tabs.setCurrentIndex(1)
            save(reports, "reports-action-log")

            directories = panes["Directories"]
            assert isinstance(directories, DirectoriesPane)
            await settle(session)
            save(directories, "directories")

            pre = panes["Pre-reservations"]
            assert isinstance(pre, PreReservationsPane)
            pre.zip_edit.setText("11520")
            await pre.search()
            pre.fields["description"].setText("Libros")
            pre.fields["weight"].setText("2.5")
            pre.fields["contact_name"].setText("Marta Ríos")
            pre.fields["recipient_email"].setText("lector@example.com")
            await pre.create_pre_reservation()
            await settle(session)
            save(pre, "pre-reservations")
            await bench.shutdown()
        finally:
            await session.aclose()
    return 0


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        sys.exit(loop.run_until_complete(main()))
