"""Support at a desk: Help ▸ Copy diagnostics / Open log folder / About, crash reports, and a log file
that never holds a secret, checked on the real desk signed in to a real sandbox."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QMessageBox

from lok_desk import __version__, diagnostics
from lok_desk.app import install_error_routes
from lok_desk.desk.window.main_window import MainWindow
from lok_desk.sandbox import DEMO_CLIENTS


@pytest.fixture
def desk_log(tmp_path: Path) -> Iterator[diagnostics.LogSetup]:
    setup = diagnostics.setup_logging(verbose=True, folder=tmp_path / "log")
    yield setup
    diagnostics.stop_logging()


def visible_boxes(window: MainWindow) -> list[QMessageBox]:
    return [box for box in window.findChildren(QMessageBox) if box.isVisible()]


def test_copy_diagnostics_has_versions_server_role_and_last_errors_but_no_secret(
        signed_in_window: Callable[..., MainWindow], qtbot: Any, desk_log: diagnostics.LogSetup,
        sandbox: Any) -> None:
    window = signed_in_window("owner")
    import logging

    logging.getLogger("lok_desk.test").warning("Locker 7 did not answer (client_secret=hunter2)")
    QGuiApplication.clipboard().clear()

    window.help_actions.copy_diagnostics_action.trigger()

    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() != "", timeout=10000)
    text = QGuiApplication.clipboard().text()
    assert f"Lok Desk {__version__}" in text
    assert "Qt 6." in text and "PySide6 " in text and "Python 3." in text
    assert f"Server: {sandbox.api_url} (SANDBOX)" in text
    assert "Role: owner" in text
    assert "Locker 7 did not answer" in text
    assert "hunter2" not in text and DEMO_CLIENTS["owner"][1] not in text
    assert str(desk_log.folder) in text
    assert "Diagnostics copied" in window.statusBar().currentMessage()


class UrlCatcher(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


def test_open_log_folder_hands_the_log_folder_to_the_desktop(
        signed_in_window: Callable[..., MainWindow], desk_log: diagnostics.LogSetup) -> None:
    window = signed_in_window("owner")
    catcher = UrlCatcher()
    # Qt's own hook for file URLs: what the desktop would be asked to open, without opening it.
    QDesktopServices.setUrlHandler("file", catcher, "open")
    try:
        window.help_actions.open_log_folder_action.trigger()
    finally:
        QDesktopServices.unsetUrlHandler("file")

    assert [Path(url.toLocalFile()) for url in catcher.urls] == [desk_log.folder]
    assert (desk_log.folder / "lok-desk.log").is_file()


def test_about_shows_the_version_qt_python_and_the_server_in_use(
        signed_in_window: Callable[..., MainWindow], qtbot: Any, sandbox: Any) -> None:
    window = signed_in_window("owner")

    window.help_actions.about_action.trigger()

    qtbot.waitUntil(lambda: bool(visible_boxes(window)), timeout=5000)
    box = visible_boxes(window)[0]
    assert box.text() == f"Lok Desk {__version__}"
    details = box.informativeText()
    assert "Qt 6." in details and "Python 3." in details
    assert f"Server: {sandbox.base_url}/api/v2 (Lok sandbox on this computer)" in details
    assert "Signed in as: owner" in details
    box.close()


def test_an_uncaught_error_writes_a_crash_report_and_says_where(
        start_shell: Any, qtbot: Any, qloop: Any, desk_log: diagnostics.LogSetup) -> None:
    running = start_shell(demo_role="owner")
    qtbot.waitUntil(lambda: running.window() is not None and running.window().is_ready, timeout=20000)
    window = running.window()
    old_hook = sys.excepthook
    install_error_routes(running.shell.report_unexpected, qloop, running.shell.diagnostics_facts)
    try:
        try:
            raise RuntimeError("box 12 jammed")
        except RuntimeError as error:
            sys.excepthook(type(error), error, error.__traceback__)   # as Qt does for a slot that raised

        qtbot.waitUntil(lambda: window.banner.isVisible() and "crash report" in window.banner.text(),
                        timeout=10000)
    finally:
        sys.excepthook = old_hook
        qloop.set_exception_handler(None)
    reports = sorted(desk_log.folder.glob("crash-*.txt"))
    assert len(reports) == 1
    assert str(reports[0]) in window.banner.text()
    report = reports[0].read_text(encoding="utf-8")
    assert "RuntimeError: box 12 jammed" in report and "Traceback" in report
    assert f"Lok Desk {__version__}" in report and "Role: owner" in report
    assert reports[0].stat().st_mode & 0o077 == 0


def test_the_log_and_its_backups_stay_owner_only_after_rotation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import logging
    import os
    import stat

    from lok_desk import diagnostics

    monkeypatch.setattr(diagnostics, "LOG_FILE_BYTES", 20_000)  # rotate after a few lines, not megabytes
    before = os.umask(0o022)
    try:
        setup = diagnostics.setup_logging(folder=tmp_path / "log")
        try:
            chatter = logging.getLogger("lok_desk.test")
            for _ in range(25):  # 50 KB: two rotations and a bit
                chatter.info("x" * 2000)
        finally:
            diagnostics.stop_logging()
    finally:
        os.umask(before)
    files = sorted((tmp_path / "log").glob("lok-desk.log*"))
    assert len(files) >= 3, files
    assert {f.name: stat.S_IMODE(f.stat().st_mode) for f in files} == {f.name: 0o600 for f in files}
    assert setup.file is not None
