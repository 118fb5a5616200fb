"""The main window's Help menu: Copy diagnostics, Open log folder, About Lok Desk (version and server).

What support asks a person for first is in one click: Copy diagnostics puts the versions, platform,
server (never credentials), role and the last errors on the clipboard; Open log folder shows the
rotating log and any crash reports in the file manager. The text is put together on a worker thread
(`platform.platform()` reads the interpreter's file to name the C library), never on the Qt thread.
"""

from __future__ import annotations

import asyncio
import platform
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox
from shiboken6 import isValid

from lok_desk import __version__, diagnostics
from lok_desk.desk.kit.asyncqt import async_slot
from lok_desk.desk.kit.problem_views import report
from lok_desk.desk.roles import role_label

if TYPE_CHECKING:
    from lok_desk.desk.qt_session import QtSession


def session_facts(session: QtSession) -> dict[str, str]:
    """Server, environment and role of a session, as the diagnostics text takes them (no credentials)."""
    role = session.capabilities.role
    return {"server": session.base_url, "environment": session.environment,
            "role": f"{role.value} ({role_label(role)})"}


class HelpActions(QObject):
    """The Help menu's actions for one main window; `copy_text` is the last text copied (tests read it)."""

    def __init__(self, window: QMainWindow, session: QtSession) -> None:
        super().__init__(window)
        self._window = window
        self._session = session
        self.copy_text = ""
        self.about_box: QMessageBox | None = None
        self.copy_diagnostics_action = QAction(self.tr("Copy &diagnostics"), window)
        self.copy_diagnostics_action.setStatusTip(self.tr(
            "Copy the versions, the server, your role and the last errors, to paste into a message to "
            "support. No password or token is included."))
        self.copy_diagnostics_action.triggered.connect(self.copy_diagnostics)
        self.open_log_folder_action = QAction(self.tr("Open &log folder"), window)
        self.open_log_folder_action.setStatusTip(self.tr("Show the log files and crash reports of Lok Desk."))
        self.open_log_folder_action.triggered.connect(self.open_log_folder)
        self.about_action = QAction(self.tr("&About Lok Desk"), window)
        self.about_action.triggered.connect(self.show_about)

    def fill(self, menu: QMenu) -> None:
        menu.addAction(self.copy_diagnostics_action)
        menu.addAction(self.open_log_folder_action)
        menu.addSeparator()
        menu.addAction(self.about_action)

    def _status(self, text: str) -> None:
        self._window.statusBar().showMessage(text, 8000)

    @async_slot()
    async def copy_diagnostics(self) -> None:
        facts = session_facts(self._session)
        try:
            text = await asyncio.to_thread(lambda: diagnostics.diagnostics_text(**facts))
        except OSError as error:     # the log folder could not be read
            report(self._window, error, doing=self.tr("copying the diagnostics"))
            return
        self.copy_text = text
        QGuiApplication.clipboard().setText(text)
        self._status(self.tr("Diagnostics copied. Paste them into your message to support."))

    def open_log_folder(self) -> None:
        setup = diagnostics.current()
        folder = setup.folder if setup is not None else diagnostics.log_dir()
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            self._status(self.tr("Could not open a file manager. The log folder is {folder}")
                         .format(folder=folder))

    def about_text(self) -> tuple[str, str]:
        from lok_desk.diagnostics import qt_versions, server_without_credentials

        qt, pyside = qt_versions()
        environments = {"SANDBOX": self.tr("Lok sandbox on this computer"),
                        "PRODUCTION": self.tr("Lok production"), "CUSTOM": self.tr("another Lok server")}
        server = server_without_credentials(self._session.base_url)
        where = environments.get(self._session.environment, self._session.environment)
        title = self.tr("Lok Desk {version}").format(version=__version__)
        details = "\n".join([
            self.tr("The console for Lok parcel lockers."),
            "",
            self.tr("Qt {qt}, PySide6 {pyside}, Python {python}").format(
                qt=qt, pyside=pyside, python=platform.python_version()),
            self.tr("Server: {server} ({where})").format(server=server, where=where),
            self.tr("Signed in as: {role}").format(role=role_label(self._session.capabilities.role)),
        ])
        return title, details

    def show_about(self) -> None:
        if self.about_box is not None and isValid(self.about_box) and self.about_box.isVisible():
            self.about_box.raise_()
            return
        title, details = self.about_text()
        box = QMessageBox(self._window)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("About Lok Desk"))
        box.setText(title)
        box.setInformativeText(details)
        box.finished.connect(box.deleteLater)
        self.about_box = box
        box.open()   # non-modal to the event loop: never exec()
