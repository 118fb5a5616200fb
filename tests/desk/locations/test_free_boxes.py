"""The free-boxes matrix against a real sandbox: counts as Lok reports them, colours by fullness, the
L column sorted puts the best location first, a new reservation lowers its count live, and a
double-click asks for a reservation there with that size."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPoint, Qt

from lok_desk.core.store import Origin
from lok_desk.desk.locations.free_boxes import SIZES, FreeBoxesPane, fullness
from lok_desk.desk.qt_session import QtSession
from tests.desk.reservations._helpers import until
from tests.desk.reservations.test_pane_flows import direct_request


def test_matrix_sorts_colours_and_follows_a_new_reservation(
    qtbot: Any, run: Any, desk_session: Callable[..., QtSession],
) -> None:
    session = desk_session("owner")

    async def scenario() -> None:
        await session.load_locations()
        requested: list[tuple[str, str]] = []
        pane = FreeBoxesPane(session, on_new_reservation=lambda lid, size: requested.append((lid, size)))
        qtbot.addWidget(pane)
        pane.resize(900, 500)
        pane.show()
        model = pane.model
        assert model.rowCount() == len(session.locations) >= 4
        for row, location in enumerate(model.locations):
            for column, size in enumerate(SIZES, start=1):
                box = location.box(size)
                free, total = ((box.free or 0), (box.total or 0)) if box is not None else (0, 0)
                index = model.index(row, column)
                assert index.data() == f"{free} / {total}"
                assert index.data(Qt.ItemDataRole.BackgroundRole).color().name().upper() == \
                    fullness(free, total)[0].upper()
        # "Which location has a free L now": sort the L column, most free first.
        column_l = 1 + SIZES.index("l")
        pane.table.sortByColumn(column_l, Qt.SortOrder.DescendingOrder)
        top = pane.proxy.index(0, 0).data()
        best = pane.best_for("l")
        assert best is not None and top == (best.internal_name or best.id)
        before = model.counts(best, "l")

        created = await session.service.create_reservation(best.id, direct_request("FREE-L-1", size="l"))
        session.store.merge_detail(created, Origin.OWN)    # what the desk knows after its own create
        await until(lambda: model.counts(next(loc for loc in model.locations if loc.id == best.id), "l")
                    == (before[0] - 1, before[1]), what="the L count to drop by one")

        proxy_row = next(r for r in range(pane.proxy.rowCount())
                         if pane.proxy.index(r, 0).data() == (best.internal_name or best.id))
        pane.table.activated.emit(pane.proxy.index(proxy_row, column_l))
        assert requested == [(best.id, "l")]
        pane.table.activated.emit(pane.proxy.index(proxy_row, 0))   # the name column reserves nothing
        assert requested == [(best.id, "l")]

    run(scenario())


def test_a_double_clicked_size_arrives_chosen_in_the_new_reservation_dialog(
    qtbot: Any, run: Any, make_pane: Callable[[str], Any],
) -> None:
    from lok_desk.desk.kit.asyncqt import spawn
    from lok_desk.desk.reservations.create_dialog import CreateReservationDialog

    pane = make_pane("owner")

    async def scenario() -> None:
        await pane._session.load_locations()
        location = pane._session.locations[0]
        spawn(pane.new_reservation(location.id, "l"), owner=pane)
        await until(lambda: any(d.isVisible() for d in pane.findChildren(CreateReservationDialog)),
                    what="the create dialog")
        dialog = next(d for d in pane.findChildren(CreateReservationDialog) if d.isVisible())
        assert dialog.size_combo.currentData() == "l"
        assert dialog.location_id == location.id
        dialog.reject()

    run(scenario())


def test_a_real_double_click_asks_once_and_the_first_click_on_a_size_puts_the_most_free_first(
    qtbot: Any, run: Any, desk_session: Callable[..., QtSession],
) -> None:
    """Issue 19 point 13: `doubleClicked` and `activated` both connected opened two dialogs."""
    from PySide6.QtTest import QTest

    session = desk_session("owner")

    async def scenario() -> None:
        await session.load_locations()
        requested: list[tuple[str, str]] = []
        pane = FreeBoxesPane(session, on_new_reservation=lambda lid, size: requested.append((lid, size)))
        qtbot.addWidget(pane)
        pane.resize(900, 500)
        pane.show()
        qtbot.waitExposed(pane)
        column_l = 1 + SIZES.index("l")
        header = pane.table.horizontalHeader()
        QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                         pos=QPoint(
                             header.sectionViewportPosition(column_l) + header.sectionSize(column_l) // 2,
                             header.height() // 2))
        assert header.sortIndicatorSection() == column_l
        assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
        frees = [int(pane.proxy.index(r, column_l).data().split(" / ")[0])
                 for r in range(pane.proxy.rowCount())]
        assert frees == sorted(frees, reverse=True) and frees[0] > frees[-1]
        index = pane.proxy.index(0, column_l)
        # A double-click as the window system delivers it: press-release, then press as a double-click.
        QTest.mouseClick(pane.table.viewport(), Qt.MouseButton.LeftButton,
                         pos=pane.table.visualRect(index).center())
        QTest.mouseDClick(pane.table.viewport(), Qt.MouseButton.LeftButton,
                          pos=pane.table.visualRect(index).center())
        best = pane.best_for("l")
        assert best is not None
        assert requested == [(best.id, "l")]
        pane.table.setCurrentIndex(index)                 # Enter still reserves, once
        QTest.keyClick(pane.table, Qt.Key.Key_Return)
        assert requested == [(best.id, "l"), (best.id, "l")]

    run(scenario())
