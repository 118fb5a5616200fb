"""Screenshots of the front-desk tools for the README, in English and Spanish: the Today board (as the
employee sees it first), the code inspector answering a used code, and the slip dialog's preview.

Usage: python resources/scripts/tools_screenshots.py [OUT_DIR]   (default resources/screenshots/)
Writes tools-today.png, tools-inspector.png, tools-slip.png, tools-free-boxes.png and es-tools-*.png.
Each language runs in its own process (the language is chosen once, before the first widget is made).
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["QT_API"] = "pyside6"

ROOT = Path(__file__).resolve().parents[2]


async def shoot(out_dir: Path, prefix: str) -> int:
    from PySide6.QtWidgets import QWidget

    from lok_desk.api import SecretStore
    from lok_desk.desk.inspector.pane import CodeInspector
    from lok_desk.desk.kit.slip_dialog import SlipDialog
    from lok_desk.desk.today.pane import TodayBoard
    from lok_desk.desk.window.shell import DeskShell, ShellOptions
    from lok_desk.paths import AppPaths
    from lok_desk.sandbox import SandboxServer

    sys.path.insert(0, str(ROOT / "resources" / "scripts"))
    from screenshots import settle, wait_for

    def save(widget: QWidget, name: str) -> None:
        path = out_dir / f"{prefix}{name}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        if not widget.grab().save(str(path)):
            raise OSError(f"could not write {path}")
        print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")

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
        dialog.demo_buttons["employee"].click()
        await wait_for(lambda: shell.window is not None and shell.window.is_ready, "the main window")
        window = shell.window
        assert window is not None
        window.resize(1280, 800)
        today = window.pane_of(TodayBoard)
        assert today is not None
        await wait_for(lambda: today._loaded and window.session.busy == 0, "the Today board")
        today.tabs.setCurrentWidget(today.views[next(b for b, rows in today.buckets.items() if rows)])
        await settle(0.8)
        save(window, "tools-today")

        # A courier's code that was already used: the answer a customer at the desk gets.
        session = window.session
        store = session.store
        delivered = next(r for r in store if str(r.current_status) in ("delivered", "picked_up"))
        result = await session.service.get_reservation(str(delivered.id), include_tokens=True)
        store.merge_detail(result)
        inspector = window.pane_of(CodeInspector)
        assert inspector is not None
        window.tabs.setCurrentWidget(inspector)
        inspector.code_edit.setText(str(result.tokens.delivery_token))
        await inspector.inspect(inspector.code_edit.text())
        await settle(0.5)
        save(window, "tools-inspector")

        waiting = next(r for r in store if str(r.current_status) == "reserved")
        window.tabs.setCurrentWidget(window.reservations)
        await window.reservations.open_reservation(str(waiting.id))
        view = window.reservations.detail.tokens
        await wait_for(lambda: session.busy == 0 and view.printable, "the detail")
        slip = SlipDialog(view, await view.paper(), window)
        slip.resize(820, 640)
        slip.show()
        await settle(0.6)
        save(slip, "tools-slip")
        slip.close()

        # The owner's matrix of free boxes, sorted by free L boxes.
        from PySide6.QtCore import Qt

        from lok_desk.api import Credentials, TokenCache
        from lok_desk.desk.locations.free_boxes import SIZES, FreeBoxesPane
        from lok_desk.desk.qt_session import SANDBOX, open_session
        from lok_desk.sandbox import DEMO_CLIENTS

        client_id, secret = DEMO_CLIENTS["owner"]
        owner = await open_session(base_url=sandbox.api_url, credentials=Credentials(client_id, secret),
                                   token_cache=TokenCache(paths.config_dir / "owner-tokens.json"),
                                   environment=SANDBOX, sandbox=sandbox)
        try:
            await owner.load_locations()
            matrix = FreeBoxesPane(owner)
            matrix.resize(900, 420)
            matrix.table.sortByColumn(1 + SIZES.index("l"), Qt.SortOrder.DescendingOrder)
            matrix.show()
            await settle(0.5)
            save(matrix, "tools-free-boxes")
            matrix.close()
        finally:
            await owner.aclose()
        window.close()
        return await run
    finally:
        if not run.done():
            shell.quit_event.set()
            await asyncio.wait([run], timeout=10)
        await loop.run_in_executor(None, sandbox.close)


def child(out_dir: Path, language: str) -> int:
    import qasync
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from lok_desk.desk.kit.i18n import install_language

    QApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication(sys.argv[:1])
    app.setApplicationName("Lok Desk")
    app.setQuitOnLastWindowClosed(False)
    install_language(language)
    prefix = "" if language == "en" else f"{language}-"
    with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
        return runner.run(shoot(out_dir, prefix))


def main() -> int:
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        return child(Path(sys.argv[2]), sys.argv[3])
    out_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "resources" / "screenshots"
    for language in ("en", "es"):
        with tempfile.TemporaryDirectory(prefix="lok-desk-tools-shots-") as home:
            env = {**os.environ, "LOK_DESK_HOME": home}
            command = [sys.executable, __file__, "--child", str(out_dir), language]
            code = subprocess.call(command, env=env)  # noqa: S603 -- this script, this interpreter
            if code:
                return code
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
