"""Every pane and dialog of the desk, opened for real against the sandbox, for the look-and-access tests.

`each_surface(window, qtbot, arun)` yields `(name, top_level_widget)` with the surface showing: the
main window with each of its tabs in front (Reservations, Locations, the owner panes), then the
dialogs a person meets (create reservation, cancel confirmation, update pre-reservation, request
shipment, courier intake, recipient reminder, CSV import, webhook changes). Each dialog is closed
again before the next is yielded.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable, Iterator
from html import unescape
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QTabBar,
    QTableView,
    QWidget,
)

from lok_desk.core.owner.directories import ContactsImport, ImportOutcome
from lok_desk.core.rules import CANCELLABLE
from lok_desk.desk.intake.dialog import IntakeDialog
from lok_desk.desk.owner import NotificationSettingsPane
from lok_desk.desk.owner.import_dialog import CsvImportDialog
from lok_desk.desk.reservations.create_dialog import CreateReservationDialog
from lok_desk.desk.reservations.shipment_dialog import RequestShipmentDialog
from lok_desk.desk.reservations.table_model import STATUS_ROLE, Column
from lok_desk.desk.reservations.update_dialog import UpdatePreReservationDialog
from lok_desk.desk.today.reminder import ReminderDialog
from lok_desk.desk.window.main_window import MainWindow

Surface = tuple[str, QWidget]

_TAGS = re.compile(r"<[^>]+>")


def _quiet(window: MainWindow, qtbot: Any) -> None:
    qtbot.waitUntil(lambda: window.session.busy == 0, timeout=20000)
    QApplication.processEvents()


def _modal(kind: type[QWidget], qtbot: Any) -> QWidget:
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), kind), timeout=20000)
    modal = QApplication.activeModalWidget()
    assert modal is not None
    return modal


def _show(dialog: QDialog, qtbot: Any) -> QDialog:
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def each_surface(window: MainWindow, qtbot: Any, arun: Callable[..., Any]) -> Iterator[Surface]:
    """The main window with each tab in front, then each dialog (see the module docstring)."""
    session = window.session
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        _quiet(window, qtbot)
        yield f"tab {index} ({window.tabs.tabText(index)})", window
    window.tabs.setCurrentWidget(window.reservations)
    _quiet(window, qtbot)

    create = _show(CreateReservationDialog(session, None, parent=window), qtbot)
    _quiet(window, qtbot)
    yield "create reservation", create
    create.reject()
    create.deleteLater()

    # The real cancel question, asked by the pane for a reservation that can still be cancelled.
    proxy = window.reservations.table.model()
    row = next(r for r in range(proxy.rowCount())
               if proxy.index(r, Column.STATUS).data(STATUS_ROLE) in CANCELLABLE)
    window.reservations.table.selectRow(row)
    asking = asyncio.ensure_future(window.reservations.cancel_selected())
    box = _modal(QMessageBox, qtbot)
    yield "cancel confirmation", box
    assert isinstance(box, QMessageBox)
    box.escapeButton().click()     # keep the reservation
    qtbot.waitUntil(asking.done, timeout=10000)

    page = arun(session.core.client.list_pre_reservations(page_size=1))
    pre_reservation = page.reservations[0]
    update = _show(UpdatePreReservationDialog(session, pre_reservation, window), qtbot)
    yield "update pre-reservation", update
    update.reject()
    update.deleteLater()
    shipment = _show(RequestShipmentDialog(session, pre_reservation, window), qtbot)
    yield "request shipment", shipment
    shipment.reject()
    shipment.deleteLater()

    intake = _show(IntakeDialog(session, parent=window), qtbot)
    yield "courier intake", intake
    intake.reject()
    intake.deleteLater()
    waiting = next(r for r in session.store if r.recipient_info is not None and r.recipient_info.name)
    remind = _show(ReminderDialog(session, waiting, window, open_url=lambda _url: True), qtbot)
    yield "recipient reminder", remind
    remind.reject()
    remind.deleteLater()

    imported = ContactsImport("name,last_name,email,age\nAna,López,ana@example.com,30\nLuis,,luis@,x\n"
                              .encode(), "contactos.csv")

    async def never(_imported: ContactsImport, _targets: object) -> ImportOutcome:
        raise AssertionError("the surface walk does not import")

    csv_import = _show(CsvImportDialog(imported, [], never, window), qtbot)
    yield "CSV import", csv_import
    csv_import.reject()
    csv_import.deleteLater()

    notifications = next(pane for _title, pane in window.owner_panes
                         if isinstance(pane, NotificationSettingsPane))
    window.tabs.setCurrentWidget(notifications)
    _quiet(window, qtbot)
    notifications.url_edit.setText("https://hooks.example.com/lok")
    notifications.url_edit.textEdited.emit(notifications.url_edit.text())   # as typing does
    saving = asyncio.ensure_future(notifications.save_webhook())
    changes = _modal(QDialog, qtbot)
    yield "webhook changes", changes
    assert isinstance(changes, QDialog)
    changes.reject()
    qtbot.waitUntil(saving.done, timeout=10000)
    notifications.revert_webhook()
    window.tabs.setCurrentWidget(window.reservations)


def shown(widget: QWidget, root: QWidget) -> bool:
    """On screen as part of `root` (its own flag and every parent's)."""
    return widget is root or widget.isVisibleTo(root)


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every string a person can read in `root`: titles, labels, buttons, group
    titles, tabs, column headers, placeholders, tooltips and the menus."""
    found: list[tuple[str, str]] = [("window title", root.windowTitle())]

    def add(widget: QWidget, what: str, text: str) -> None:
        text = unescape(_TAGS.sub(" ", text or "")).strip()
        if text:
            found.append((f"{type(widget).__name__} {widget.objectName()} {what}".strip(), text))

    for widget in [root, *root.findChildren(QWidget)]:
        if not shown(widget, root) or isinstance(widget, QMenu):
            continue
        add(widget, "tooltip", widget.toolTip())
        if isinstance(widget, QLabel | QAbstractButton):
            add(widget, "text", widget.text())
        elif isinstance(widget, QGroupBox):
            add(widget, "title", widget.title())
        elif isinstance(widget, QLineEdit | QPlainTextEdit):
            add(widget, "placeholder", widget.placeholderText())
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                add(widget, f"tab {index}", widget.tabText(index))
                add(widget, f"tab {index} tooltip", widget.tabToolTip(index))
        elif isinstance(widget, QComboBox) and widget.isEnabled():
            add(widget, "current item", widget.currentText())
        elif isinstance(widget, QTableView) and widget.model() is not None:
            columns = widget.horizontalHeader()
            for column in range(columns.count()):
                if not columns.isSectionHidden(column):
                    header = widget.model().headerData(column, Qt.Orientation.Horizontal)
                    add(widget, f"header {column}", str(header or ""))
    if isinstance(root, MainWindow):
        for menu_action in root.menuBar().actions():
            add(root, "menu", menu_action.text())
            menu = menu_action.menu()
            for action in menu.actions() if menu is not None else []:
                if not action.isSeparator():
                    add(root, f"menu item of {menu_action.text()}", action.text())
                    sub = action.menu()
                    for item in sub.actions() if sub is not None else []:
                        add(root, f"submenu item of {action.text()}", item.text())
    return found
