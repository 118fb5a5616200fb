"""`lok-desk`: the desktop app's entry point (command-line flags, QApplication, qasync loop)."""

from __future__ import annotations

import argparse
import asyncio
import concurrent.futures
import logging
import os
import sys
import threading
import time
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lok_desk.desk.shell import DeskShell
    from lok_desk.sandbox import SandboxServer

_IMPORTED_AT = time.perf_counter()
DEMO_ROLES = ("owner", "employee", "reporter", "seller", "admin")
READY_TIMEOUT_S = 180.0   # --exit-when-ready gives up (exit 3) rather than hang a CI job

log = logging.getLogger("lok_desk")


def seconds_since_process_start() -> float:
    """Wall time since the process started (psutil when present; else since this module loaded)."""
    try:
        import psutil  # type: ignore[import-untyped]

        return max(time.time() - float(psutil.Process().create_time()), 0.0)
    except Exception:  # psutil is a test dependency, not an app one
        return time.perf_counter() - _IMPORTED_AT


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="lok-desk", description="Lok Desk: the desktop console for Lok parcel lockers.")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--sandbox", action="store_true",
                       help="start the Lok sandbox on this computer and sign in to it (practice data)")
    where.add_argument("--server", metavar="URL",
                       help="a Lok server other than production (e.g. https://lok.example.com/api/v2)")
    parser.add_argument("--sandbox-reset", action="store_true",
                        help="with --sandbox: wipe the sandbox data and seed it afresh")
    parser.add_argument("--demo-role", choices=DEMO_ROLES,
                        help="with --sandbox: sign in straight away as this demo role")
    parser.add_argument("--exit-when-ready", action="store_true",
                        help="quit once the main window shows its first data; print timing as JSON")
    parser.add_argument("--verbose", action="store_true", help="log to stderr")
    args = parser.parse_args(argv)
    if (args.sandbox_reset or args.demo_role) and not args.sandbox:
        parser.error("--sandbox-reset and --demo-role need --sandbox")
    return args


def start_sandbox(db_path: Any, *, reset: bool, port: int) -> SandboxServer:
    """Start the embedded sandbox, reusing the last port (so cached tokens stay valid) when free."""
    from lok_desk.paths import make_private_dir
    from lok_desk.sandbox import SandboxServer

    make_private_dir(db_path.parent)
    if port:
        server = SandboxServer(db_path=db_path, port=port, reset=reset)
        try:
            server.start()
            return server
        except Exception:   # the port is taken (OSError) or uvicorn refused it
            log.info("Sandbox port %s is not free; using another one", port)
            server.close()
        reset = False  # the first attempt may already have reseeded
    server = SandboxServer(db_path=db_path, port=0, reset=reset)
    server.start()
    return server


def start_sandbox_early(*, reset: bool) -> concurrent.futures.Future[SandboxServer]:
    """Start the embedded sandbox on its own thread now, before Qt is even imported.

    Importing the sandbox (FastAPI, uvicorn, its schemas) and opening or seeding its database is the
    longest part of `--sandbox` start-up; begun first, it overlaps Qt's and the desk's own start
    instead of following them, and the disk work (settings, database) stays off the Qt thread.
    Remembers the port in the desk settings, so cached sandbox tokens stay valid next time.
    """
    # Both sides build pydantic models. Importing pydantic's internals on two threads at once can hand
    # one of them a partly initialised module (2 of 40 launches failed with an ImportError from
    # pydantic._internal._validators), so the client's models (pydantic, httpx) are imported here,
    # on this thread, before the sandbox's thread starts; Qt and the desk still overlap with it.
    import lok_desk.api  # noqa: F401
    from lok_desk.desk.settings import DeskSettings
    from lok_desk.paths import AppPaths

    future: concurrent.futures.Future[SandboxServer] = concurrent.futures.Future()

    def work() -> None:
        future.set_running_or_notify_cancel()   # from now on a cancel cannot leave a server unowned
        try:
            paths = AppPaths.default()
            port = DeskSettings.load(paths.settings_file).sandbox_port
            server = start_sandbox(paths.sandbox_db, reset=reset, port=port)
            settings = DeskSettings.load(paths.settings_file)
            settings.sandbox_port = int(server.base_url.rsplit(":", 1)[1])
            settings.save_quietly(paths.settings_file)
        except BaseException as error:
            future.set_exception(error)
        else:
            future.set_result(server)

    threading.Thread(target=work, name="lok-sandbox-start", daemon=True).start()
    return future


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    sandbox_start = start_sandbox_early(reset=args.sandbox_reset) if args.sandbox else None
    os.environ["QT_API"] = "pyside6"   # before qasync is imported (it prefers PyQt otherwise)
    import qasync
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from lok_desk import __version__

    QApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Lok Desk")
    app.setOrganizationName("Lok")
    app.setOrganizationDomain("clicknbox.com")
    app.setApplicationVersion(__version__)
    from lok_desk.resources import apply_app_identity

    apply_app_identity(app)  # desktop-file id (taskbar grouping) and the window icon
    install_preferences(app)
    # Windows close; the shell decides when the app ends (sign-out goes back to the sign-in window).
    app.setQuitOnLastWindowClosed(False)

    with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
        try:
            return runner.run(run(args, app, sandbox_start))
        except RuntimeError as error:
            # QApplication.quit() from outside (e.g. the session ends) stops the Qt loop under us;
            # the shell's finally already ran or runs at Runner.close().
            if "Event loop stopped" in str(error):
                return 0
            raise


def install_preferences(app: Any) -> None:
    """The remembered language and theme, before the first window: widgets translate their texts when
    they are made. The ThemeFollower is parented to the app (View ▸ Theme finds it there)."""
    from lok_desk.desk.i18n import install_language
    from lok_desk.desk.settings import DeskSettings
    from lok_desk.desk.theme import ThemeFollower
    from lok_desk.paths import AppPaths

    chosen = DeskSettings.load(AppPaths.default().settings_file)
    install_language(chosen.language)
    ThemeFollower(app, chosen.theme)


async def run(args: argparse.Namespace, app: Any,
              sandbox_start: concurrent.futures.Future[SandboxServer] | None = None) -> int:
    """The one main() coroutine: sandbox, shell, and clean-up in `finally`."""
    from lok_desk.api import SecretStore
    from lok_desk.desk.shell import DeskShell, ShellError, ShellOptions
    from lok_desk.paths import AppPaths

    paths = AppPaths.default()
    sandbox: SandboxServer | None = None
    shell: DeskShell | None = None
    loop = asyncio.get_running_loop()
    try:
        if args.sandbox:
            if sandbox_start is None:   # run() called without main()
                sandbox_start = start_sandbox_early(reset=args.sandbox_reset)
            started = await asyncio.wrap_future(sandbox_start)
            sandbox = started
            if not args.exit_when_ready:
                print(f"Lok sandbox at {started.api_url}", file=sys.stderr)
        shell = DeskShell(
            paths=paths,
            options=ShellOptions(server_url=args.server, demo_role=args.demo_role,
                                 exit_when_ready=args.exit_when_ready,
                                 seconds_since_start=seconds_since_process_start),
            secret_store=SecretStore(),
            sandbox=sandbox,
        )
        app.aboutToQuit.connect(shell.quit_event.set)
        install_error_routes(shell.report_unexpected, loop)
        if args.exit_when_ready:
            return await asyncio.wait_for(shell.run(), READY_TIMEOUT_S)
        return await shell.run()
    except ShellError as error:
        print(f"lok-desk: {error}", file=sys.stderr)
        return 2
    except TimeoutError:
        print(f"lok-desk: not ready after {READY_TIMEOUT_S:.0f} s", file=sys.stderr)
        return 3
    except Exception as error:
        if not args.exit_when_ready:
            raise
        print(f"lok-desk: start-up failed: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    finally:
        if sandbox is None and sandbox_start is not None and sandbox_start.done() \
                and not sandbox_start.cancelled() and sandbox_start.exception() is None:
            sandbox = sandbox_start.result()   # started, but run() ended before taking it
        if sandbox is not None:
            await loop.run_in_executor(None, sandbox.close)   # stop, and close the store


def install_error_routes(report: Callable[[BaseException], None], loop: asyncio.AbstractEventLoop) -> None:
    """Unhandled exceptions (Qt slots via sys.excepthook, asyncio tasks) reach the one notification path."""

    def excepthook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        traceback.print_exception(kind, error, tb, file=sys.stderr)
        if isinstance(error, KeyboardInterrupt):
            return
        try:
            report(error)
        except Exception:  # the notifier itself failing must not loop back here
            traceback.print_exc()

    def asyncio_handler(_loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        error = context.get("exception")
        if isinstance(error, BaseException):
            excepthook(type(error), error, error.__traceback__)
        else:
            log.warning("asyncio: %s", context.get("message"))

    sys.excepthook = excepthook
    loop.set_exception_handler(asyncio_handler)
