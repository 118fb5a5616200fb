"""Webhook workbench against the real sandbox and the app's real local receiver."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from lok_desk.api import models, webhook
from lok_desk.desk.owner import NotificationSettingsPane, WebhookWorkbenchPane, owner_panes
from lok_desk.desk.owner.receiver import LocalWebhookReceiver, ReceivedRequest
from lok_desk.desk.qt_session import QtSession

from ._helpers import click

EMPLOYEE_LOCATION = "loc-cdmx-antara"


@pytest.fixture
def owner_workspace(
    desk_session: Callable[..., QtSession], show_pane: Any, qtbot: Any, arun: Callable[..., Any]
) -> Iterator[tuple[NotificationSettingsPane, WebhookWorkbenchPane]]:
    """The owner's Notifications and Workbench panes as the main window gets them (one webhook state)."""
    panes = dict(owner_panes(desk_session("owner")))
    settings = panes["Notifications"]
    bench = panes["Webhook workbench"]
    assert isinstance(settings, NotificationSettingsPane) and isinstance(bench, WebhookWorkbenchPane)
    show_pane(settings)
    show_pane(bench)
    qtbot.waitUntil(lambda: bench.webhook.loaded, timeout=10000)
    yield settings, bench
    arun(bench.shutdown())
    assert not bench.receiver.running and bench.receiver.open_connections == 0


def employee_reserves(fresh_client: Any, shipment_id: str) -> models.ReservationCreated:
    request = models.ReservationRequest(size=models.BoxSize.S, shipment_id=shipment_id,
                                        contact_info=models.ContactInfo(name="Front desk"))
    created: models.ReservationCreated = fresh_client(
        "employee", lambda client: client.create_reservation(EMPLOYEE_LOCATION, request))
    return created


def test_local_receiver_shows_the_signed_reserved_event_and_disabling_stops_deliveries(
        owner_workspace: Any, qtbot: Any, fresh_client: Any) -> None:
    settings, bench = owner_workspace
    assert not bench.point_button.isEnabled()             # nothing to point at yet
    click(qtbot, bench.listen_button)
    qtbot.waitUntil(lambda: bench.receiver.running and bench.point_button.isEnabled(), timeout=10000)
    assert bench.url_label.text().startswith("http://127.0.0.1:")
    assert bench.listen_button.text() == "Stop listening"

    click(qtbot, bench.point_button)
    qtbot.waitUntil(lambda: bench.webhook.url == bench.receiver.url, timeout=10000)
    # The settings pane shows the same address (one shared state) without a reload.
    assert settings.url_edit.text() == bench.receiver.url
    assert "points here" in bench.listen_status.text()

    first = employee_reserves(fresh_client, "WB-FIRST")
    qtbot.waitUntil(lambda: any(e.reservation_id == first.reservation.id for e in bench.received),
                    timeout=20000)
    event = next(e for e in bench.received if e.reservation_id == first.reservation.id)
    assert event.status == "reserved" and event.shipment_id == "WB-FIRST"
    assert event.signature_ok, event.why
    table = bench.events_table.model()
    shown = [[table.index(r, c).data() for c in range(table.columnCount())] for r in range(table.rowCount())]
    assert any("WB-FIRST" in row and "✓ valid" in row for row in shown)

    click(qtbot, bench.refresh_deliveries_button)
    qtbot.waitUntil(lambda: any(d.reservation_id == first.reservation.id and d.status == "delivered"
                                for d in bench.deliveries), timeout=10000)

    # Off (#34) from the Notifications pane: the next reservation is not delivered at all.
    click(qtbot, settings.enabled_switch)
    qtbot.waitUntil(lambda: not bench.webhook.enabled, timeout=10000)
    assert "OFF" in bench.listen_status.text()
    second = employee_reserves(fresh_client, "WB-WHILE-OFF")

    # Bounded condition instead of a sleep: turn it back on, reserve again, and wait for that one.
    # Deliveries go out in order, so had the second been queued it would have arrived by now.
    click(qtbot, settings.enabled_switch)
    qtbot.waitUntil(lambda: bench.webhook.enabled, timeout=10000)
    third = employee_reserves(fresh_client, "WB-BACK-ON")
    qtbot.waitUntil(lambda: any(e.reservation_id == third.reservation.id for e in bench.received),
                    timeout=20000)
    assert not any(e.reservation_id == second.reservation.id for e in bench.received)
    click(qtbot, bench.refresh_deliveries_button)
    qtbot.waitUntil(lambda: any(d.reservation_id == third.reservation.id for d in bench.deliveries),
                    timeout=10000)
    assert not any(d.reservation_id == second.reservation.id for d in bench.deliveries)

    click(qtbot, bench.listen_button)
    qtbot.waitUntil(lambda: not bench.receiver.running, timeout=10000)
    assert bench.receiver.open_connections == 0


def test_signature_checker_says_valid_or_why_not(owner_workspace: Any, qtbot: Any) -> None:
    _settings, bench = owner_workspace
    bench.tabs.setCurrentIndex(1)
    body = '{"reservation_id": "rsv-1", "status": "reserved"}'
    secret = "whsec_test-secret"
    qtbot.keyClicks(bench.body_edit, body)
    qtbot.keyClicks(bench.secret_edit, secret)
    qtbot.keyClicks(bench.header_edit, webhook.sign(secret, body.encode()))
    click(qtbot, bench.check_button)
    assert bench.check_result.text().startswith("✓ Valid")

    bench.body_edit.setPlainText(body.replace(": ", ":"))    # same JSON, different bytes
    click(qtbot, bench.check_button)
    assert "even whitespace counts" in bench.check_result.text()

    bench.header_edit.setText("not base64!!")
    click(qtbot, bench.check_button)
    assert "not valid base64" in bench.check_result.text()


def test_reporter_cannot_point_the_webhook_but_can_listen(
        desk_session: Any, show_pane: Any, qtbot: Any, arun: Any) -> None:
    bench = WebhookWorkbenchPane(desk_session("reporter"))
    show_pane(bench)
    try:
        click(qtbot, bench.listen_button)
        qtbot.waitUntil(lambda: bench.receiver.running, timeout=10000)
        assert not bench.point_button.isEnabled()
        assert "reporter" in bench.point_button.toolTip()
    finally:
        arun(bench.shutdown())


def test_receiver_answers_200_keeps_exact_bytes_and_refuses_other_methods(arun: Any) -> None:
    received: list[ReceivedRequest] = []

    async def scenario() -> tuple[int, int, int]:
        receiver = LocalWebhookReceiver(received.append)
        url = await receiver.start()
        try:
            async with httpx.AsyncClient() as http:
                ok = await http.post(url, content=b'{"x": 1}  ', headers={"Lok-Signature": "abc"})
                again = await http.post(url, content=b"second")   # same kept-alive connection
                wrong = await http.get(url)
            return ok.status_code, again.status_code, wrong.status_code
        finally:
            await receiver.stop()
            assert receiver.open_connections == 0
            assert not [t for t in asyncio.all_tasks() if "_serve" in repr(t.get_coro())]

    assert arun(scenario()) == (200, 200, 405)
    assert [r.body for r in received] == [b'{"x": 1}  ', b"second"]
    assert received[0].header("lok-signature") == "abc"
