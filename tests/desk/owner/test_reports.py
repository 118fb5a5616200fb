"""Reports pane against the real sandbox: recent-activity CSV in the table and chart, action log filter,
full-report request, CSV export."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate

from lok_desk.api import models
from lok_desk.core.csv_export import read_csv
from lok_desk.desk.owner import ReportsPane

from ._helpers import click


def open_reports(desk_session: Any, show_pane: Any, qtbot: Any, role: str = "owner") -> ReportsPane:
    pane = ReportsPane(desk_session(role))
    show_pane(pane)
    qtbot.waitUntil(lambda: pane.activity_loaded and pane.logs_loaded, timeout=15000)
    return pane


def test_recent_activity_csv_fills_the_table_and_chart(
        desk_session: Any, show_pane: Any, qtbot: Any, fresh_client: Any) -> None:
    text = fresh_client("owner", lambda client: client.get_recent_activity_csv())
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(lines) > 1                                  # the seed has recent activity
    pane = open_reports(desk_session, show_pane, qtbot)
    table = pane.activity_table.model()
    assert table.rowCount() == len(lines) - 1              # header row excluded
    first_order = next(csv.reader([lines[1]], skipinitialspace=True))[0]
    shown_orders = {table.index(r, 0).data() for r in range(table.rowCount())}
    assert first_order in shown_orders
    assert str(table.rowCount()) in pane.activity_status.text()
    # The chart counts every moment the CSV records.
    rows = models.parse_recent_activity(text)
    recorded = sum(1 for r in rows for a in ("reserved_at", "delivered_at", "picked_up_at",
                                              "cancelled_at") if getattr(r, a) is not None)
    assert sum(sum(c.values()) for c in pane.chart.days.values()) == recorded
    assert "Reserved" in pane.chart.accessibleDescription()
    assert pane.chart.grab().width() > 0                   # paints without error


def test_the_action_log_shows_peoples_changes_and_counts_the_hidden_reads(
        desk_session: Any, show_pane: Any, qtbot: Any, fresh_client: Any) -> None:
    fresh_client("owner", lambda client: client.update_webhook("https://hooks.example.com/lok"))
    pane = open_reports(desk_session, show_pane, qtbot)
    pane.tabs.setCurrentIndex(1)
    table = pane.logs_table.model()
    logged = pane.presenter.logs
    reads = [e for e in logged if (e.resource or "").startswith("GET ")]
    assert reads and len(reads) < len(logged)     # the desk's own reads, and the webhook change

    shown = [str(table.index(r, 1).data()) for r in range(table.rowCount())]
    assert shown and not any(resource.startswith("GET ") for resource in shown)
    assert any(resource.startswith(("PUT ", "POST ", "PATCH ")) for resource in shown)
    assert f"({len(reads)})" in pane.log_reads.text()
    assert f"Showing {len(shown)} of {len(logged)}" in pane.logs_status.text()

    click(qtbot, pane.log_reads)                  # one click shows the reads too
    assert table.rowCount() == len(logged)


def test_action_log_search_and_result_filter(desk_session: Any, show_pane: Any, qtbot: Any) -> None:
    pane = open_reports(desk_session, show_pane, qtbot)
    pane.tabs.setCurrentIndex(1)
    pane.log_reads.setChecked(True)               # the sandbox's seed log is reads
    table = pane.logs_table.model()
    total = table.rowCount()
    assert total > 0
    qtbot.keyClicks(pane.log_search, "recent_activity")
    assert 0 < table.rowCount() < total
    for row in range(table.rowCount()):
        assert any("recent_activity" in str(table.index(row, c).data()) for c in range(table.columnCount()))
    assert f"Showing {table.rowCount()} of {total}" in pane.logs_status.text()
    pane.log_search.clear()
    pane.log_result.setCurrentIndex(pane.log_result.findData(2))
    assert all(str(table.index(r, 2).data()).startswith("✓") for r in range(table.rowCount()))


def test_full_report_request_shows_the_server_message_and_bad_range_at_the_field(
        desk_session: Any, show_pane: Any, qtbot: Any) -> None:
    pane = open_reports(desk_session, show_pane, qtbot)
    pane.tabs.setCurrentIndex(1)
    today = QDate.currentDate()
    pane.report_from.setDate(today.addDays(-3))
    pane.report_until.setDate(today.addDays(-5))
    click(qtbot, pane.report_button)
    qtbot.waitUntil(pane.report_until_error.isVisible)
    assert pane.report_message.text() == ""
    pane.report_until.setDate(today)
    assert not pane.report_until_error.isVisible()
    click(qtbot, pane.report_button)
    qtbot.waitUntil(lambda: pane.report_message.text() != "", timeout=10000)
    assert "will be sent to" in pane.report_message.text()


def test_export_writes_the_table_as_shown(desk_session: Any, show_pane: Any, qtbot: Any,
                                          tmp_path: Path) -> None:
    pane = open_reports(desk_session, show_pane, qtbot)
    target = tmp_path / "activity.csv"

    async def choose(_parent: Any, _title: str, suggested: str) -> str:
        assert suggested == "recent-activity.csv"
        return str(target)

    pane.choose_save_path = choose
    click(qtbot, pane.activity_export)
    qtbot.waitUntil(target.exists, timeout=10000)
    qtbot.waitUntil(lambda: len(list(csv.reader(target.open(encoding="utf-8-sig")))) ==
                    pane.activity_table.model().rowCount() + 1, timeout=10000)
    table = read_csv(target)
    assert table[0][:3] == ["order_id", "locker", "reserved_at"]
    shown = pane.shown_rows(pane.activity_table)                  # the table's order, Lok's values
    assert [line[0] for line in table[1:]] == [row.order_id for row in shown]
    assert target.read_text(encoding="utf-8-sig").splitlines()[1].startswith('"\'')   # ids stay text


def test_reporter_reads_reports(desk_session: Any, show_pane: Any, qtbot: Any) -> None:
    pane = open_reports(desk_session, show_pane, qtbot, role="reporter")
    assert pane.activity_table.model().rowCount() > 0
    assert pane.report_button.isEnabled()
