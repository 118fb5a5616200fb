"""The Today board against a real sandbox: counts move when the kiosk delivers (live through the
store and the sync engine), bulk cancel with one confirmation and a result per row, CSV export of what
is shown that reads back with the same values."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QMessageBox, QWidget

from lok_desk.api import LokClient
from lok_desk.core.csv_export import read_csv
from lok_desk.core.sync import SyncEngine, SyncSettings
from lok_desk.core.today import Bucket
from lok_desk.desk.qt_session import QtSession
from lok_desk.desk.today.pane import TodayBoard
from lok_desk.sandbox import SandboxServer
from tests.desk.inspector.test_inspector import advance
from tests.desk.reservations._helpers import until
from tests.desk.reservations.test_pane_flows import direct_request, first_location_free, type_at_kiosk

DAY = 86400


def make_board(qtbot: Any, session: QtSession, tmp_path: Path) -> TodayBoard:
    session.has_window = True
    exports: list[Path] = []

    async def save_path(_parent: QWidget, suggested: str) -> str:
        path = tmp_path / suggested
        exports.append(path)
        return str(path)

    board = TodayBoard(session, save_path=save_path)
    qtbot.addWidget(board)
    board.resize(1000, 600)
    board.show()
    return board


def live_sync(session: QtSession) -> SyncEngine:
    """The session's own engine when it has one, else the core's engine on the same store."""
    engine = getattr(session, "sync", None)
    if isinstance(engine, SyncEngine):
        engine.settings.active_interval_s = 0.2
        engine.start()
        return engine
    engine = SyncEngine(session.service, session.store, call=session.call,
                        settings=SyncSettings(active_interval_s=0.2, idle_interval_s=0.2))
    engine.start()
    return engine


def ids(board: TodayBoard, bucket: Bucket) -> set[str]:
    return {row.reservation_id for row in board.buckets[bucket]}


def test_board_counts_move_when_the_kiosk_delivers(
    qtbot: Any, run: Any, desk_session: Callable[..., QtSession], api: Callable[[str], LokClient],
    sandbox: SandboxServer, tmp_path: Path,
) -> None:
    session = desk_session("owner")
    client = api("owner")

    async def scenario() -> None:
        await session.load_locations()
        antara = await first_location_free(client, "Antara Polanco")
        late = await client.create_reservation(antara.id, direct_request("TODAY-LATE"))
        await advance(sandbox, 4 * DAY)          # a direct reservation has 3 days to be delivered
        await session.sync_clock()
        board = make_board(qtbot, session, tmp_path)
        board.start()
        await until(lambda: board._loaded, what="the board's first load")
        # It opens on the list that needs action, not on "Arriving today" (issue 19 point 10).
        assert board.current_bucket() is Bucket.OVERDUE_DELIVERY
        late_id = str(late.reservation.id)
        assert late_id in ids(board, Bucket.OVERDUE_DELIVERY)
        row = next(r for r in board.buckets[Bucket.OVERDUE_DELIVERY] if r.reservation_id == late_id)
        assert row.days_late == 1
        before = board.counts()
        overdue_tab = board.tabs.tabText(board.tabs.indexOf(board.views[Bucket.OVERDUE_DELIVERY]))
        assert overdue_tab == f"Overdue for delivery ({before[Bucket.OVERDUE_DELIVERY]})"
        assert board.tab_title().startswith("&Today (")

        engine = live_sync(session)
        try:
            await type_at_kiosk(sandbox, late.tokens.delivery_token)
            await until(lambda: late_id in ids(board, Bucket.DELIVERED_TODAY), timeout=30,
                        what="the delivery to reach the board")
        finally:
            await engine.aclose()
        after = board.counts()
        assert after[Bucket.OVERDUE_DELIVERY] == before[Bucket.OVERDUE_DELIVERY] - 1
        assert after[Bucket.DELIVERED_TODAY] == before[Bucket.DELIVERED_TODAY] + 1
        assert late_id in ids(board, Bucket.RESOLVED)        # it left the board: findable, not gone
        # A row opens the reservation.
        opened: list[str] = []
        board.open_requested.connect(opened.append)
        view = board.views[Bucket.DELIVERED_TODAY]
        board.tabs.setCurrentWidget(view)
        position = next(r for r in range(view.proxy.rowCount())
                        if view.proxy.index(r, 0).data() == "TODAY-LATE")
        view.table.activated.emit(view.proxy.index(position, 0))
        assert opened == [late_id]
        # A real double-click opens it once (issue 19 point 13: doubleClicked + activated opened twice).
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest
        centre = view.table.visualRect(view.proxy.index(position, 0)).center()
        QTest.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
        QTest.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
        assert opened == [late_id, late_id]

    run(scenario())


def test_bulk_cancel_asks_once_and_reports_each_row_then_export_reads_back(
    qtbot: Any, run: Any, desk_session: Callable[..., QtSession], api: Callable[[str], LokClient],
    sandbox: SandboxServer, tmp_path: Path,
) -> None:
    session = desk_session("owner")
    client = api("owner")

    async def scenario() -> None:
        await session.load_locations()
        antara = await first_location_free(client, "Antara Polanco")
        made = [await client.create_reservation(antara.id, direct_request(shipment))
                for shipment in ("000123", "TODAY-B", "TODAY-C")]
        await advance(sandbox, 5 * DAY)
        await session.sync_clock()
        board = make_board(qtbot, session, tmp_path)
        await board.load()
        view = board.views[Bucket.OVERDUE_DELIVERY]
        board.tabs.setCurrentWidget(view)
        wanted = {str(m.reservation.id) for m in made}
        for r in range(view.proxy.rowCount()):
            if view.model.rows[view.proxy.mapToSource(view.proxy.index(r, 0)).row()].reservation_id in wanted:
                view.table.selectionModel().select(
                    view.proxy.index(r, 0), view.table.selectionModel().SelectionFlag.Select
                    | view.table.selectionModel().SelectionFlag.Rows)
        assert {row.reservation_id for row in view.selected_rows()} == wanted
        board.recompute()                       # a sync round redraws the board: the selection stays
        assert {row.reservation_id for row in view.selected_rows()} == wanted
        assert board.cancel_button.isEnabled()

        # One question, naming how many; Cancel there changes nothing.
        task = asyncio.ensure_future(board.cancel_selected())
        def boxes() -> list[QMessageBox]:
            return [b for b in board.findChildren(QMessageBox) if b.isVisible()]

        await until(lambda: boxes() or task.done(), what="the confirmation")
        assert not task.done()
        box = boxes()[0]
        assert box.text().startswith("Cancel 3 reservations that were never delivered (")
        for shipment in ("000123", "TODAY-B", "TODAY-C"):       # it names them
            assert shipment in box.text()
        assert sorted(b.text() for b in box.buttons()) == ["Cancel 3 reservations", "Keep them"]
        next(b for b in box.buttons() if b.text() == "Keep them").click()
        assert await task == {}

        # Meanwhile a courier delivers one of them: Lok refuses that cancel, the others go through.
        await type_at_kiosk(sandbox, made[2].tokens.delivery_token)
        results = await board.cancel_selected(confirmed=True)
        assert results[str(made[0].reservation.id)] == "Cancelled"
        assert results[str(made[1].reservation.id)] == "Cancelled"
        assert results[str(made[2].reservation.id)].startswith("Refused: ")
        # The status line names them, and where the refused one's reason is.
        assert board.status.text() == ("Cancelled 2: 000123, TODAY-B. Refused 1: TODAY-C; the reason is in "
                                       "its Result column.")
        assert str(made[0].reservation.id) in ids(board, Bucket.RESOLVED)

        # Export what is shown under Resolved; it reads back with the same raw values.
        board.tabs.setCurrentWidget(board.views[Bucket.RESOLVED])
        path = await board.export_shown()
        assert path is not None and Path(path).read_bytes().startswith(b"\xef\xbb\xbf")
        table = read_csv(Path(path))
        assert table[0][:3] == ["reservation_id", "shipment_id", "location_id"]
        shown = board.views[Bucket.RESOLVED].shown_rows()
        assert [line[0] for line in table[1:]] == [row.reservation_id for row in shown]
        line = next(line for line in table[1:] if line[0] == str(made[0].reservation.id))
        assert line[1] == "000123"                          # leading zeros kept
        assert line[3] == "Antara Polanco" and line[4] == "cancelled"
        assert line[5].endswith("+00:00") and "T" in line[5]   # ISO 8601 with its offset
        assert line[6] == "" and line[7] == "Cancelled"     # raw: empty is empty, no dash

    run(scenario())
