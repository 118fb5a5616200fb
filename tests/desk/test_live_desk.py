"""The live desk as a person sees it, against a real sandbox: changes made at the locker, by another
desk or by another program reach the window with no key press; offline keeps the list and recovers by
itself; Ctrl+F finds a reservation nobody opened by its pick-up token."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from PySide6.QtCore import Qt

from lok_desk.api import Credentials, LokClient, models
from lok_desk.core.session import DeskSession
from lok_desk.core.sync import SyncSettings
from lok_desk.desk.reservations.table_model import Column
from lok_desk.desk.window.main_window import MainWindow
from lok_desk.sandbox import DEMO_CLIENTS, SandboxServer
from tests.e2e.conftest import FIRST_LOCATION, reservation_request


@pytest.fixture
def live_window(signed_in_window: Callable[..., MainWindow], monkeypatch: pytest.MonkeyPatch
                ) -> Callable[..., MainWindow]:
    """A signed-in window syncing at a test's pace (rounds every 0.3 s; back-off capped at 1 s)."""
    monkeypatch.setattr(DeskSession, "sync_settings", SyncSettings(
        active_interval_s=0.3, idle_interval_s=0.3, max_backoff_s=1.0, full_check_interval_s=1.0))
    monkeypatch.setattr(DeskSession, "probe_interval_s", 0.2)
    monkeypatch.setattr(DeskSession, "probe_interval_max_s", 0.5)
    return signed_in_window


@pytest.fixture
def api(sandbox: SandboxServer, arun: Callable[..., Any]) -> Iterator[Callable[[str], LokClient]]:
    """`api(role) -> LokClient`: another program using the Lok API at the same time."""
    clients: list[LokClient] = []

    def make(role: str = "seller") -> LokClient:
        client_id, secret = DEMO_CLIENTS[role]
        credentials = Credentials(client_id=client_id, client_secret=secret)
        client = LokClient(sandbox.api_url, credentials=credentials)
        arun(client.__aenter__())
        clients.append(client)
        return client

    yield make
    for client in clients:
        arun(client.__aexit__(None, None, None))


def _kiosk(sandbox: SandboxServer, token: str | None) -> None:
    assert token
    httpx.post(f"{sandbox.base_url}/sandbox/kiosk", json={"token": token}).raise_for_status()


def _faults(sandbox: SandboxServer, *rules: dict[str, Any]) -> None:
    if rules:
        httpx.post(f"{sandbox.base_url}/sandbox/faults", json={"rules": list(rules)}).raise_for_status()
    else:
        httpx.delete(f"{sandbox.base_url}/sandbox/faults").raise_for_status()


def _row_status(window: MainWindow, reservation_id: str) -> str | None:
    model = window.reservations.model
    position = model.row_of(reservation_id)
    return model.row_at(position).status if position is not None else None


def _click_row(window: MainWindow, reservation_id: str, qtbot: Any) -> None:
    pane = window.reservations
    position = pane.model.row_of(reservation_id)
    assert position is not None
    index = pane.proxy.mapFromSource(pane.model.index(position, Column.SHIPMENT))
    pane.table.scrollTo(index)
    where = pane.table.visualRect(index).center()
    qtbot.mouseClick(pane.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.waitUntil(lambda: _shown(window) == reservation_id, timeout=20000)


def _shown(window: MainWindow) -> str | None:
    reservation = window.reservations.detail.reservation
    return reservation.id if reservation is not None else None


def _created_elsewhere(window: MainWindow, client: LokClient, arun: Callable[..., Any], qtbot: Any
                       ) -> models.ReservationCreated:
    created: models.ReservationCreated = arun(
        client.create_reservation(FIRST_LOCATION, reservation_request()))
    reservation_id = created.reservation.id or ""
    # Another program made it: it appears in this desk's list by itself.
    qtbot.waitUntil(lambda: window.reservations.model.row_of(reservation_id) is not None, timeout=20000)
    return created


def test_a_kiosk_delivery_changes_the_row_and_the_open_detail_with_no_key_press(
    live_window: Callable[..., MainWindow], api: Callable[[str], LokClient], arun: Callable[..., Any],
    sandbox: SandboxServer, qtbot: Any
) -> None:
    window = live_window("owner")
    created = _created_elsewhere(window, api("seller"), arun, qtbot)
    reservation_id = created.reservation.id or ""
    _click_row(window, reservation_id, qtbot)
    detail = window.reservations.detail
    assert str(detail.reservation.current_status) == "reserved"
    scroll_before = window.reservations.table.verticalScrollBar().value()

    _kiosk(sandbox, created.tokens.delivery_token)   # the courier types the delivery token at the locker

    qtbot.waitUntil(lambda: _row_status(window, reservation_id) == "delivered", timeout=20000)
    qtbot.waitUntil(lambda: str(detail.reservation.current_status) == "delivered", timeout=20000)
    assert "Delivered meanwhile" in detail.banner.text()
    assert window.reservations.selected_reservation_id() == reservation_id   # selection survived
    assert window.reservations.table.verticalScrollBar().value() == scroll_before


def test_another_client_cancels_and_this_desk_says_cancelled(
    live_window: Callable[..., MainWindow], api: Callable[[str], LokClient], arun: Callable[..., Any],
    qtbot: Any
) -> None:
    window = live_window("owner")
    other = api("seller")
    created = _created_elsewhere(window, other, arun, qtbot)
    reservation_id = created.reservation.id or ""
    pane = window.reservations
    _click_row(window, reservation_id, qtbot)

    arun(other.cancel_reservation(reservation_id))

    qtbot.waitUntil(lambda: _row_status(window, reservation_id) == "cancelled", timeout=20000)
    qtbot.waitUntil(lambda: str(pane.detail.reservation.current_status) == "cancelled", timeout=20000)
    assert "Cancelled meanwhile" in pane.detail.banner.text()
    assert not pane.detail.cancel_button.isEnabled()
    # The person moves on: the finished row leaves the Active list (insert/remove, never a reset).
    resets: list[bool] = []
    pane.model.modelReset.connect(lambda: resets.append(True))
    other_row = next(row.id for row in pane.model.rows if row.id != reservation_id)
    _click_row(window, other_row, qtbot)
    qtbot.waitUntil(lambda: pane.model.row_of(reservation_id) is None, timeout=20000)
    assert resets == []


def test_unreachable_server_keeps_the_list_marks_it_stale_and_sync_resumes_by_itself(
    live_window: Callable[..., MainWindow], api: Callable[[str], LokClient], arun: Callable[..., Any],
    sandbox: SandboxServer, qtbot: Any
) -> None:
    window = live_window("owner")
    pane = window.reservations
    created = _created_elsewhere(window, api("seller"), arun, qtbot)
    reservation_id = created.reservation.id or ""
    rows = pane.model.rowCount()

    _faults(sandbox, {"path": ".*", "drop": True})     # every API call: the connection drops
    qtbot.waitUntil(window.offline_label.isVisible, timeout=30000)
    assert "Offline since" in window.offline_label.text()
    assert "as of" in window.offline_label.text()
    qtbot.keyClick(window, Qt.Key.Key_F5)               # even a refresh wipes nothing
    qtbot.waitUntil(lambda: pane.last_load_failed and not pane.loading, timeout=60000)
    assert pane.model.rowCount() == rows
    _kiosk(sandbox, created.tokens.delivery_token)      # the locker still works meanwhile

    _faults(sandbox)                                    # the server answers again
    qtbot.waitUntil(lambda: not window.offline_label.isVisible(), timeout=30000)
    qtbot.waitUntil(lambda: _row_status(window, reservation_id) == "delivered", timeout=20000)
    qtbot.waitUntil(lambda: not pane.last_load_failed and not pane.loading, timeout=30000)  # reloaded, no F5
    assert pane.model.rowCount() >= rows


def test_ctrl_f_with_the_pickup_token_of_a_never_opened_reservation_opens_it(
    live_window: Callable[..., MainWindow], api: Callable[[str], LokClient], arun: Callable[..., Any],
    qtbot: Any
) -> None:
    window = live_window("owner")
    session = window.session
    pane = window.reservations
    # A seeded reservation in the list that nobody opened at this desk.
    never_opened = next(row.id for row in pane.model.rows if row.status == "delivered")
    full: models.ReservationWithTokens = arun(api("owner").get_reservation(never_opened))
    pickup = full.tokens.pickup_token
    assert pickup
    qtbot.waitUntil(lambda: session.store.tokens.knows(never_opened), timeout=60000)  # background fill
    assert pane.detail.reservation is None

    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.search_edit.hasFocus)
    qtbot.keyClicks(window.search_edit, pickup)
    qtbot.keyClick(window.search_edit, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: _shown(window) == never_opened, timeout=20000)
    assert pane.selected_reservation_id() == never_opened


def test_a_miss_says_what_was_searched(live_window: Callable[..., MainWindow], qtbot: Any) -> None:
    window = live_window("owner")
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.search_edit, "ZZ-NOTHING-9")
    qtbot.keyClick(window.search_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "No reservation found" in window.statusBar().currentMessage(), timeout=20000)
    assert "ZZ-NOTHING-9" in window.statusBar().currentMessage()
    # What was searched is said in the detail (too long for the status bar at 1024 px).
    message = window.reservations.detail.placeholder.text()
    assert "ZZ-NOTHING-9" in message and "tokens" in message and "not sent to Lok" in message


def test_a_delivery_at_the_locker_is_announced_in_the_window_and_a_muted_kind_is_not(
    live_window: Callable[..., MainWindow], api: Callable[[str], LokClient], arun: Callable[..., Any],
    sandbox: SandboxServer, qtbot: Any
) -> None:
    window = live_window("owner")
    other = api("seller")
    first = _created_elsewhere(window, other, arun, qtbot)
    second = _created_elsewhere(window, other, arun, qtbot)

    _kiosk(sandbox, first.tokens.delivery_token)
    qtbot.waitUntil(window.notice_bar.isVisible, timeout=20000)
    shipment = first.reservation.shipment_id or ""
    assert shipment in window.notice_bar.label.text() and "delivered" in window.notice_bar.label.text()
    assert window.notices.recent[0].reservation_id == first.reservation.id
    qtbot.mouseClick(window.notice_bar.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _shown(window) == first.reservation.id, timeout=20000)

    qtbot.mouseClick(window.notice_bar.dismiss_button, Qt.MouseButton.LeftButton)
    delivered = next(a for a in window.notices_menu.actions() if a.text() == "Delivered")
    delivered.setChecked(False)                      # View ▸ Notices ▸ Delivered off
    _kiosk(sandbox, second.tokens.delivery_token)
    qtbot.waitUntil(lambda: _row_status(window, second.reservation.id or "") == "delivered", timeout=20000)
    qtbot.waitUntil(lambda: window.notices.recent[0].reservation_id == second.reservation.id, timeout=20000)
    assert not window.notice_bar.isVisible()         # muted: kept in the recent list, not announced


def test_the_next_start_shows_the_saved_list_at_once_and_sign_out_removes_it(
    start_shell: Callable[..., Any], sandbox: SandboxServer, monkeypatch: pytest.MonkeyPatch, qtbot: Any
) -> None:
    monkeypatch.setattr(DeskSession, "sync_settings", SyncSettings(active_interval_s=0.3))
    first = start_shell(demo_role="owner")
    qtbot.waitUntil(lambda: first.window() is not None and first.window().is_ready, timeout=20000)
    window = first.window()
    qtbot.waitUntil(lambda: not window.reservations.loading, timeout=20000)
    rows = window.reservations.model.rowCount()
    snapshot = window.session.snapshot
    assert snapshot is not None
    first.shell.quit_event.set()                    # quitting writes the snapshot
    qtbot.waitUntil(first.task.done, timeout=20000)
    assert snapshot.path.exists() and len(snapshot.read_rows()) == rows

    # The list is slow to come this time: the saved rows are on screen before it answers.
    _faults(sandbox, {"method": "GET", "path": "/company/reservations", "delay_ms": 3000, "times": 1})
    second = start_shell(demo_role="owner")
    qtbot.waitUntil(lambda: second.window() is not None and second.window().is_ready, timeout=20000)
    pane = second.window().reservations
    assert pane.model.rowCount() == rows           # ready = the saved rows are on screen
    assert pane.snapshot_as_of is not None and "Saved list as of" in pane.progress_label.text()
    qtbot.waitUntil(lambda: pane.loading, timeout=20000)
    assert pane.model.rowCount() == rows           # the load updates them in place: no empty table
    qtbot.waitUntil(lambda: not pane.loading, timeout=20000)
    assert pane.model.rowCount() == rows and not pane.last_load_failed

    qtbot.keyClick(second.window(), Qt.Key.Key_Q,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: second.dialog() is not None, timeout=20000)  # signed out: back at sign-in
    assert not snapshot.path.exists()                                     # recipients' data went too


def test_a_damaged_saved_list_is_set_aside_said_once_and_the_list_loads(
    start_shell: Callable[..., Any], qtbot: Any
) -> None:
    import sqlite3

    first = start_shell(demo_role="owner")
    qtbot.waitUntil(lambda: first.window() is not None and first.window().is_ready, timeout=20000)
    window = first.window()
    qtbot.waitUntil(lambda: not window.reservations.loading, timeout=20000)
    rows = window.reservations.model.rowCount()
    snapshot = window.session.snapshot
    first.shell.quit_event.set()                    # quitting writes the snapshot
    qtbot.waitUntil(first.task.done, timeout=20000)
    connection = sqlite3.connect(snapshot.path)      # a NULL status: the list used to never load
    with connection:
        connection.execute("UPDATE reservations SET status = NULL")
    connection.close()

    second = start_shell(demo_role="owner")
    qtbot.waitUntil(lambda: second.window() is not None and second.window().is_ready, timeout=20000)
    window = second.window()
    qtbot.waitUntil(lambda: "set aside" in window.statusBar().currentMessage(), timeout=20000)
    assert ".damaged-" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: not window.reservations.loading, timeout=20000)
    assert window.reservations.model.rowCount() == rows
    assert len(list(snapshot.path.parent.glob("*.damaged-*"))) == 1


def test_free_box_counts_follow_a_create_elsewhere_and_a_cancel_here(
    live_window: Callable[..., MainWindow], api: Callable[[str], LokClient], arun: Callable[..., Any],
    qtbot: Any
) -> None:
    window = live_window("owner")
    locations = window.locations
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert locations.select_location(FIRST_LOCATION)
    qtbot.waitUntil(lambda: locations.current_location is not None
                    and locations.current_location.id == FIRST_LOCATION, timeout=20000)

    def free_small() -> int | None:
        shown = locations.current_location
        box = shown.box("s") if shown is not None else None
        return box.free if box is not None else None

    qtbot.waitUntil(lambda: free_small() is not None, timeout=20000)
    before = free_small()
    assert before is not None and before > 0
    created: models.ReservationCreated = arun(
        api("seller").create_reservation(FIRST_LOCATION, reservation_request(size="s")))
    qtbot.waitUntil(lambda: free_small() == before - 1, timeout=20000)   # no F5, no click

    pane = window.reservations
    qtbot.waitUntil(lambda: pane.model.row_of(created.reservation.id or "") is not None, timeout=20000)
    arun(window.session.call(window.session.service.cancel_reservation(created.reservation.id or "")))
    qtbot.waitUntil(lambda: free_small() == before, timeout=20000)
