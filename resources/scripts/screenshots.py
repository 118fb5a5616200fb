"""Screenshots of Lok Desk for the README: the real app on a throwaway sandbox, signed in as owner.

Usage: python resources/scripts/screenshots.py [OUT_DIR]
(default resources/screenshots/; offscreen by default)
Writes signin.png, reservations.png and locations.png.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["QT_API"] = "pyside6"

import qasync
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

ROOT = Path(__file__).resolve().parents[2]


async def wait_for(condition: Callable[[], object], what: str, limit_s: float = 60.0) -> None:
    deadline = time.monotonic() + limit_s
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out waiting for {what}")
        await asyncio.sleep(0.05)


async def settle(seconds: float = 0.4) -> None:
    """Let layouts, paints and late replies finish before grabbing."""
    await asyncio.sleep(seconds)
    QApplication.processEvents()


def save(widget: QWidget, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


async def shoot(out_dir: Path) -> int:
    from lok_desk.api import SecretStore
    from lok_desk.desk.window.shell import DeskShell, ShellOptions
    from lok_desk.paths import AppPaths
    from lok_desk.sandbox import SandboxServer

    with tempfile.TemporaryDirectory(prefix="lok-desk-shots-") as home:
        os.environ["LOK_DESK_HOME"] = home
        paths = AppPaths.default()
        paths.data_dir.mkdir(parents=True, exist_ok=True)
        sandbox = SandboxServer(db_path=paths.sandbox_db)
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(None, sandbox.start)
        shell = DeskShell(paths=paths, options=ShellOptions(), secret_store=SecretStore(backend=None),
                          sandbox=sandbox)
        run = asyncio.ensure_future(shell.run())
        try:
            await wait_for(lambda: shell.dialog is not None and shell.dialog.isVisible(), "the sign-in")
            dialog = shell.dialog
            assert dialog is not None
            await settle()
            save(dialog, out_dir / "signin.png")

            dialog.demo_buttons["owner"].click()
            await wait_for(lambda: shell.window is not None and shell.window.is_ready, "the main window")
            window = shell.window
            assert window is not None
            window.resize(1280, 800)
            await wait_for(lambda: window.session.busy == 0, "the reservations to load")
            pane = window.reservations
            view = getattr(pane, "table", None) or getattr(pane, "view", None)
            if view is not None and view.model() is not None and view.model().rowCount() > 0:
                view.selectRow(2)
            await settle(1.0)
            await wait_for(lambda: window.session.busy == 0, "the reservation detail")
            await settle()
            save(window, out_dir / "reservations.png")

            window.tabs.setCurrentWidget(window.locations)
            window.locations.table.selectRow(1)
            await settle(0.6)
            await wait_for(lambda: window.session.busy == 0, "the location's boxes")
            await settle()
            save(window, out_dir / "locations.png")
            window.close()
            return await run
        finally:
            if not run.done():
                shell.quit_event.set()
                await asyncio.wait([run], timeout=10)
            await loop.run_in_executor(None, sandbox.close)


def main() -> int:
    out_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "resources" / "screenshots"
    QApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication(sys.argv[:1])
    app.setApplicationName("Lok Desk")
    app.setQuitOnLastWindowClosed(False)
    # As lok-desk does at start: language and number formats (a C/POSIX system locale would otherwise
    # print amounts without thousands separators).
    from lok_desk.desk.kit.i18n import install_language

    install_language("system")
    with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
        return runner.run(shoot(out_dir))


if __name__ == "__main__":
    raise SystemExit(main())
