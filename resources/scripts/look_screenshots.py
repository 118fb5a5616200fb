"""Screenshots of Lok Desk in Spanish and in the dark and high-contrast themes, to check by eye that
nothing is cut off, left in English or illegible.

Usage: python resources/scripts/look_screenshots.py [OUT_DIR]   (default resources/screenshots/; offscreen)
Writes es-signin.png, es-reservations.png, es-owner-notifications.png, es-owner-reports.png and the
same set as dark-*.png (English, dark theme), plus hc-reservations.png (high contrast). Each set runs
in its own process, because the language is chosen once, before the first widget is made.
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
# prefix -> (language, theme)
LOOKS = {"es": ("es", "light"), "dark": ("en", "dark"), "hc": ("en", "high_contrast")}


async def shoot(out_dir: Path, prefix: str, theme_choice: str) -> int:
    from PySide6.QtWidgets import QApplication, QWidget

    from lok_desk.api import SecretStore
    from lok_desk.desk.kit.theme import ThemeFollower
    from lok_desk.desk.window.shell import DeskShell, ShellOptions
    from lok_desk.paths import AppPaths
    from lok_desk.sandbox import SandboxServer

    sys.path.insert(0, str(ROOT / "resources" / "scripts"))
    from screenshots import settle, wait_for

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    ThemeFollower(app, theme_choice)

    def save(widget: QWidget, name: str) -> None:
        path = out_dir / f"{prefix}-{name}.png"
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
        await settle()
        if prefix != "hc":
            save(dialog, "signin")
        dialog.demo_buttons["owner"].click()
        await wait_for(lambda: shell.window is not None and shell.window.is_ready, "the main window")
        window = shell.window
        assert window is not None
        window.resize(1280, 800)
        await wait_for(lambda: window.session.busy == 0, "the reservations to load")
        view = getattr(window.reservations, "table", None)
        if view is not None and view.model() is not None and view.model().rowCount() > 2:
            view.selectRow(2)
        await settle(1.0)
        await wait_for(lambda: window.session.busy == 0, "the reservation detail")
        await settle()
        save(window, "reservations")
        if prefix == "hc":
            window.close()
            return await run
        for title_index, name in ((0, "owner-notifications"), (2, "owner-reports")):
            _title, pane = window.owner_panes[title_index]
            window.tabs.setCurrentWidget(pane)
            await settle(0.6)
            await wait_for(lambda: window.session.busy == 0, name)
            await settle(0.6)
            save(window, name)
        window.tabs.setCurrentWidget(window.locations)
        window.locations.table.selectRow(1)
        await settle(0.6)
        await wait_for(lambda: window.session.busy == 0, "the location's boxes")
        await settle()
        save(window, "locations")
        window.close()
        return await run
    finally:
        if not run.done():
            shell.quit_event.set()
            await asyncio.wait([run], timeout=10)
        await loop.run_in_executor(None, sandbox.close)


def one_look(out_dir: Path, prefix: str) -> int:
    import qasync
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from lok_desk.desk.kit.i18n import install_language

    language, theme_choice = LOOKS[prefix]
    QApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication(sys.argv[:1])
    app.setApplicationName("Lok Desk")
    app.setQuitOnLastWindowClosed(False)
    install_language(language)
    with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
        return runner.run(shoot(out_dir, prefix, theme_choice))


def main() -> int:
    if len(sys.argv) > 2 and sys.argv[1] == "--look":
        return one_look(Path(sys.argv[3]), sys.argv[2])
    out_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "resources" / "screenshots"
    for prefix in LOOKS:
        with tempfile.TemporaryDirectory(prefix="lok-desk-look-") as home:
            env = dict(os.environ, LOK_DESK_HOME=home)
            done = subprocess.run([sys.executable, __file__, "--look", prefix, str(out_dir)],  # noqa: S603
                                  env=env, check=False)
            if done.returncode != 0:
                return done.returncode
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
