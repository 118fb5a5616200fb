"""Every table model (and filter proxy) of the desk passes Qt's model tester, with the data a session
really loads.

`qtmodeltester.check` checks the model at once and then keeps watching it: each test changes the
model afterwards (reload, refresh in place, edits) so the signals of a change are checked too. A
failure is a Qt warning, and Qt warnings fail the tests (qt_log_level_fail in pyproject.toml).
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from lok_desk.core.history import Action, Outcome
from lok_desk.desk.history.pane import DeskHistoryPane
from lok_desk.desk.kit.records import SORT_ROLE
from lok_desk.desk.locations.free_boxes import FreeBoxesPane
from lok_desk.desk.locations.pane import LocationsPane
from lok_desk.desk.owner.directories import DirectoriesPane
from lok_desk.desk.owner.reports import ReportsPane
from lok_desk.desk.qt_session import QtSession
from lok_desk.desk.recorder import recorder_for
from lok_desk.desk.reservations import ReservationsPane
from lok_desk.desk.today.pane import TodayBoard

Opened = Callable[..., QtSession]
DESK = Path(__file__).resolve().parents[2] / "lok_desk" / "desk"
#: The model classes the tests below check; a new model of the desk must join them.
CHECKED = {"ReservationTableModel", "ReservationFilterProxy", "LocationTableModel", "FreeBoxesModel",
           "RowTableModel", "ContactsModel", "BucketModel", "HistoryModel", "ActionLogFilter"}


@pytest.fixture
def run(arun: Callable[..., Any]) -> Callable[..., Any]:
    return lambda coro: arun(coro, timeout=90.0)


def shown(qtbot: Any, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    return widget


def owner(desk_session: Opened) -> QtSession:
    session = desk_session("owner")
    session.has_window = True   # errors go to the error_raised signal, not to message boxes
    return session


async def save_to(tmp_path: Path) -> Callable[[QWidget, str], Any]:
    async def save_path(_parent: QWidget, suggested: str) -> str:
        return str(tmp_path / suggested)

    return save_path


def test_reservation_table_model(qtbot: Any, qtmodeltester: Any, run: Any, desk_session: Opened) -> None:
    pane = ReservationsPane(owner(desk_session))
    shown(qtbot, pane)
    qtmodeltester.check(pane.model)
    run(pane.refresh())
    assert pane.model.rowCount() > 20
    run(pane.refresh())            # refreshed in place: rows change, are inserted, removed
    assert pane.model.index(0, 0).data(SORT_ROLE) is not None


def test_location_table_model(qtbot: Any, qtmodeltester: Any, run: Any, desk_session: Opened) -> None:
    pane = LocationsPane(owner(desk_session))
    shown(qtbot, pane)
    qtmodeltester.check(pane.model)
    run(pane.refresh())
    assert pane.model.rowCount() >= 4
    pane.model.tick()              # the "open now" column follows the clock
    run(pane.refresh())


def test_free_boxes_model(qtbot: Any, qtmodeltester: Any, run: Any, desk_session: Opened) -> None:
    session = owner(desk_session)
    run(session.load_locations())
    pane = FreeBoxesPane(session, on_new_reservation=lambda _location, _size: None)
    shown(qtbot, pane)
    qtmodeltester.check(pane.model)
    run(pane.refresh())
    assert pane.model.rowCount() == len(session.locations) >= 4


def test_row_table_model_of_the_directories_list(qtbot: Any, qtmodeltester: Any, run: Any,
                                                 desk_session: Opened) -> None:
    pane = DirectoriesPane(owner(desk_session))
    shown(qtbot, pane)
    qtmodeltester.check(pane.list_model)
    run(pane.refresh())
    assert pane.list_model.rowCount() > 0
    run(pane.refresh())


def test_contacts_model_while_edited(qtbot: Any, qtmodeltester: Any, run: Any, desk_session: Opened) -> None:
    pane = DirectoriesPane(owner(desk_session))
    shown(qtbot, pane)
    model = pane.contacts_model
    qtmodeltester.check(model)
    run(pane.refresh())
    run(pane.open_directory(pane.presenter.directories[0].id))
    assert model.rowCount() > 0
    row = model.add_row()
    assert model.setData(model.index(row, 0), "Iris", Qt.ItemDataRole.EditRole)
    model.remove_rows([0, row])


def test_bucket_models_of_the_today_board(qtbot: Any, qtmodeltester: Any, run: Any, desk_session: Opened,
                                           tmp_path: Path) -> None:
    board = TodayBoard(owner(desk_session), save_path=run(save_to(tmp_path)))
    shown(qtbot, board)
    views = list(board.views.values())
    run(board.load())
    busiest = max(views, key=lambda view: view.model.rowCount())
    assert busiest.model.rowCount() > 0
    qtmodeltester.check(busiest.model)
    run(board.load())


def test_history_model(qtbot: Any, qtmodeltester: Any, run: Any, desk_session: Opened,
                       tmp_path: Path) -> None:
    session = owner(desk_session)
    recorder = recorder_for(session)
    recorder.record(Action.PRINTED_SLIP, Outcome.DONE, reservation_id="R-1", detail="courier")
    recorder.record(Action.PRINTED_SLIP, Outcome.DONE, reservation_id="R-2", detail="recipient")
    run(recorder.flush())
    pane = DeskHistoryPane(session, save_path=run(save_to(tmp_path)))
    shown(qtbot, pane)
    qtmodeltester.check(pane.model)
    rows = run(pane.load())
    assert len(rows) >= 2 and pane.model.rowCount() >= 2
    run(pane.load())


def test_reservation_filter_proxy_while_filtering(qtbot: Any, qtmodeltester: Any, run: Any,
                                                   desk_session: Opened) -> None:
    pane = ReservationsPane(owner(desk_session))
    shown(qtbot, pane)
    run(pane.refresh())
    proxy = pane.proxy
    qtmodeltester.check(proxy)
    everything = proxy.rowCount()
    first = proxy.index(0, 0).data()
    proxy.set_text(str(first))
    assert 0 < proxy.rowCount() < everything
    proxy.set_text("")
    assert proxy.rowCount() == everything
    run(pane.refresh())


def test_action_log_filter_while_filtering(qtbot: Any, qtmodeltester: Any, run: Any,
                                           desk_session: Opened) -> None:
    pane = ReportsPane(owner(desk_session))
    shown(qtbot, pane)
    run(pane.load_logs())
    proxy = pane.logs_proxy
    qtmodeltester.check(proxy)
    everything = proxy.rowCount()
    assert everything > 0
    proxy.set_status_class(2)
    assert 0 < proxy.rowCount() <= everything
    proxy.set_text("no such thing in any log line")
    assert proxy.rowCount() == 0
    proxy.set_status_class(0)
    proxy.set_text("")
    assert proxy.rowCount() == everything


def test_every_model_class_of_the_desk_is_checked_here() -> None:
    models: set[str] = set()
    for path in DESK.rglob("*.py"):
        if "_generated" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and any(
                    isinstance(base, ast.Name) and base.id.endswith(("Model", "ProxyModel"))
                    for base in node.bases):
                models.add(node.name)
    assert len(models) >= 9   # the walk found them
    assert models - CHECKED == set(), "put the new model under qtmodeltester in this module"
