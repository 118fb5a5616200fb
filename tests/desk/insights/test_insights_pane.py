"""The Insights pane as a person uses it: figures as text, keys, exports, limits, both languages, 1024×600."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from lok_desk.core.csv_export import read_csv
from lok_desk.core.insights.thresholds import Limit, Threshold
from lok_desk.desk.insights.pane import InsightsPane
from lok_desk.desk.kit.i18n import install_language
from lok_desk.desk.notices import NoticeKind
from lok_desk.desk.window.main_window import MainWindow

SHOTS = Path(os.environ.get("LOK_DESK_SHOTS", "/tmp/lok-desk-insights"))


def open_pane(window: MainWindow, qtbot: Any) -> InsightsPane:
    pane = window.pane_of(InsightsPane)
    assert pane is not None
    window.tabs.setCurrentWidget(pane)
    qtbot.waitUntil(lambda: pane.summary_model.rowCount() > 0, timeout=30000)
    return pane


def cells(model: Any) -> list[list[str]]:
    return [[str(model.index(r, c).data() or "") for c in range(model.columnCount())]
            for r in range(model.rowCount())]


def test_owner_reads_the_figures_as_text_and_opens_what_stands_behind_one(
        signed_in_window: Callable[..., MainWindow], qtbot: Any) -> None:
    window = signed_in_window("owner")
    window.resize(1024, 600)
    pane = open_pane(window, qtbot)
    summary = {row[0]: row for row in cells(pane.summary_model)}
    assert "Deliveries" in summary and summary["Deliveries"][1].replace(",", "").isdigit()
    assert "Picked up after the pick-up deadline" in summary
    # The per-location table names the locations by name, one row per size used there.
    rows = cells(pane.location_model)
    assert ("Antara Polanco", "S (small)") in {(row[0], row[1]) for row in rows}
    # The weekday × hour grid is text too: each cell says its day, hour and count.
    assert pane.when_model.rowCount() == 7 and pane.when_model.columnCount() == 24
    said = pane.when_model.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert said.startswith("Monday, 00:00:")
    # Enter on "Deliveries" opens the reservations behind it: the Reservations pane shows only them.
    row = next(r for r in range(pane.summary_model.rowCount())
               if pane.summary_model.index(r, 0).data() == "Deliveries")
    behind = pane.summary_model.rows[row].ids
    pane.summary_table.setFocus()
    pane.summary_table.setCurrentIndex(pane.summary_table.model().index(row, 0))
    qtbot.keyClick(pane.summary_table, Qt.Key.Key_Return)
    reservations = window.reservations
    assert window.tabs.currentWidget() is reservations
    assert reservations.only_bar.isVisible() and "Deliveries" in reservations.only_bar.label.text()
    assert reservations.proxy.rowCount() == len(behind) == int(summary["Deliveries"][1].replace(",", ""))
    assert reservations.proxy.only == behind
    SHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SHOTS / "reservations-behind-a-figure.png"))
    qtbot.mouseClick(reservations.only_bar.show_all, Qt.MouseButton.LeftButton)
    assert reservations.proxy.only is None and not reservations.only_bar.isVisible()
    window.tabs.setCurrentWidget(pane)
    # Another location: the figures follow, keyboard only.
    pane.location_combo.setFocus()
    qtbot.keyClick(pane.location_combo, Qt.Key.Key_Down)
    chosen = pane.location_combo.currentData()
    qtbot.waitUntil(lambda: pane.insights is not None and pane.insights.current.location == chosen,
                    timeout=20000)
    SHOTS.mkdir(parents=True, exist_ok=True)
    for index in range(pane.sections.count()):
        pane.sections.setCurrentIndex(index)
        qtbot.wait(50)
        window.grab().save(str(SHOTS / f"insights-en-{index}.png"))


def test_exports_tables_as_csv_charts_as_png_and_the_pane_as_pdf(
        signed_in_window: Callable[..., MainWindow], qtbot: Any, arun: Callable[..., Any],
        tmp_path: Path) -> None:
    window = signed_in_window("owner")
    pane = open_pane(window, qtbot)
    saved = arun(pane.export.save_table("Summary", pane.summary_model, str(tmp_path / "summary.csv")))
    assert saved
    headers, *rows = read_csv(tmp_path / "summary.csv")
    assert headers == ["Figure", "This period", "Previous period", "Change"]
    assert rows[0][0] == "Deliveries"
    assert oct((tmp_path / "summary.csv").stat().st_mode & 0o777) == "0o600"
    assert arun(pane.export.save_table("When", pane.when_model, str(tmp_path / "when.csv")))
    when_headers, *when_rows = read_csv(tmp_path / "when.csv")
    assert len(when_headers) == 25 and when_rows[0][0] == "Monday"
    assert arun(pane.export.save_chart(pane.dwell_chart, str(tmp_path / "dwell.png")))
    assert (tmp_path / "dwell.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert arun(pane.export.save_pdf(str(tmp_path / "insights.pdf")))
    pdf = (tmp_path / "insights.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and len(pdf) > 5000


def test_reporter_sees_the_figures_but_sets_no_limits(signed_in_window: Callable[..., MainWindow],
                                                       qtbot: Any) -> None:
    window = signed_in_window("reporter")
    pane = open_pane(window, qtbot)
    assert not pane.limits_button.isEnabled() and pane.limits_button.toolTip()
    assert pane.location_model.rowCount() > 0


def test_a_crossed_limit_is_one_notice_that_can_be_muted(signed_in_window: Callable[..., MainWindow],
                                                          qtbot: Any, arun: Callable[..., Any]) -> None:
    window = signed_in_window("owner")
    pane = open_pane(window, qtbot)
    location = window.session.store.locations()[0]
    # "Free boxes under 101 %" is always crossed: one notice, then none while it stays crossed.
    pane.presenter.set_thresholds([Threshold(location.id, None, Limit.FREE_BELOW_PERCENT, 100)])
    notices = window.notices
    before = len(notices.recent)
    location_boxes = sum((b.total or 0) - (b.occupied or 0) for b in location.boxes)
    arun(pane.presenter.choose(None, None))
    arun(pane.presenter.choose(None, None))
    fresh = list(notices.recent)[: len(notices.recent) - before]
    limit_notices = [n for n in fresh if n.kind is NoticeKind.LIMIT]
    assert location_boxes < sum(b.total or 0 for b in location.boxes), "the seed keeps some boxes taken"
    assert len(limit_notices) == 1 and (location.internal_name or "") in limit_notices[0].text
    assert window.notice_bar.isVisible() and not window.notice_bar.open_button.isVisible()
    notices.set_muted(NoticeKind.LIMIT, True)
    announced: list[object] = []
    notices.notice_added.connect(announced.append)
    notices.add_message(NoticeKind.LIMIT, "test")
    assert announced == [] and notices.recent[0].text == "test"


def test_the_pane_in_spanish_at_1024x600(signed_in_window: Callable[..., MainWindow], qtbot: Any) -> None:
    installed = install_language("es")
    try:
        window = signed_in_window("owner")
        window.resize(1024, 600)
        pane = open_pane(window, qtbot)
        assert window.tabs.tabText(window.tabs.indexOf(pane)) == "Indica&dores"
        first = cells(pane.summary_model)[0]
        assert first[0] == "Depósitos"
        assert pane.when_model.headerData(0, Qt.Orientation.Vertical) == "lunes"
        assert pane.width() <= 1024
        SHOTS.mkdir(parents=True, exist_ok=True)
        for index in range(pane.sections.count()):
            pane.sections.setCurrentIndex(index)
            qtbot.wait(50)
            window.grab().save(str(SHOTS / f"insights-es-{index}.png"))
    finally:
        installed.uninstall()


def test_start_up_does_not_load_the_charts_library() -> None:
    code = ("import sys; import lok_desk.desk.window.main_window, lok_desk.desk.window.registry, "
            "lok_desk.desk.insights.pane; print('PySide6.QtCharts' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"


def test_late_counts_per_location_on_today_locations_and_free_boxes(
        signed_in_window: Callable[..., MainWindow], qtbot: Any) -> None:
    from lok_desk.core.insights.late import late_by_location
    from lok_desk.desk.locations.free_boxes import FreeBoxesPane
    from lok_desk.desk.locations.model import LocationTableModel
    from lok_desk.desk.today.pane import TodayBoard

    window = signed_in_window("owner")
    session = window.session
    expected = late_by_location(session.store.active(), session.server_now())
    assert expected, "the seed has late reservations"
    location_id, late = max(expected.items(), key=lambda item: item[1].total)
    name = session.location_name(location_id)
    today = window.pane_of(TodayBoard)
    assert today is not None
    qtbot.waitUntil(lambda: name in today.by_location.text(), timeout=20000)
    assert f"{name}: {late.delivery} overdue · {late.pickup} past pick-up" in today.by_location.text()
    locations = window.locations
    locations.count_late()
    row = locations.model.row_of(location_id)
    cell = locations.model.index(row, LocationTableModel.LATE)
    assert cell.data() == f"{late.delivery} · {late.pickup}"
    assert "past the pick-up deadline" in cell.data(Qt.ItemDataRole.AccessibleTextRole)
    free = window.pane_of(FreeBoxesPane)
    assert free is not None
    free.count_late()
    window.tabs.setCurrentWidget(today)
    SHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SHOTS / "today-late-by-location.png"))
    row = next(r for r, loc in enumerate(free.model.locations) if loc.id == location_id)
    assert free.model.index(row, free.model.LATE).data() == f"{late.delivery} · {late.pickup}"


def test_an_employee_sees_only_their_own_location(signed_in_window: Callable[..., MainWindow],
                                                  qtbot: Any) -> None:
    window = signed_in_window("employee")
    pane = open_pane(window, qtbot)
    own = window.session.capabilities.location_id
    assert own and pane.location_combo.count() == 1 and pane.location_combo.currentData() == own
    assert pane.insights is not None
    assert {row.location for row in pane.insights.rows} == {own}
    store = window.session.store
    assert all(store.get(rid).location_id == own for rid in pane.insights.current.deliveries)  # type: ignore[union-attr]
    assert not pane.limits_button.isEnabled()
