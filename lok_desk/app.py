"""`lok-desk`: the desktop app's entry point (command-line flags, QApplication, qasync loop)."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import logging
import os
import sys
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lok_desk.api import SecretStore
    from lok_desk.desk.sandbox_process import SandboxProcess
    from lok_desk.desk.single_instance import DeskInstance
    from lok_desk.desk.window.shell import DeskShell

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
    where.add_argument("--server", metavar="URL", type=_server_url,
                       help="a Lok server other than production (e.g. https://lok.example.com/api/v2)")
    parser.add_argument("--sandbox-reset", action="store_true",
                        help="with --sandbox: wipe the sandbox data and seed it afresh")
    parser.add_argument("--demo-role", choices=DEMO_ROLES,
                        help="with --sandbox: sign in straight away as this demo role")
    parser.add_argument("--exit-when-ready", action="store_true",
                        help="quit once the main window shows its first data; print timing as JSON")
    parser.add_argument("--verbose", action="store_true",
                        help="log in detail (DEBUG) to the log file, and copy the log to stderr")
    parser.add_argument("--version", action=_VersionAction,
                        help="print the version of Lok Desk, Qt and Python, then exit")
    args = parser.parse_args(argv)
    if (args.sandbox_reset or args.demo_role) and not args.sandbox:
        parser.error("--sandbox-reset and --demo-role need --sandbox")
    return args


def _server_url(text: str) -> str:
    """`--server`: the address checked as the client would (imported only when the flag is given)."""
    from lok_desk.api.transport import server_argument

    return server_argument(text)


class _VersionAction(argparse.Action):
    """`--version`: computed only when asked (it loads Qt to say which Qt), then exits 0."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: Any, option_string: str | None = None) -> None:
        from lok_desk.diagnostics import version_line

        print(version_line())
        parser.exit(0)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    from lok_desk.desk.sandbox_process import CHILD_FLAG

    if argv[:1] == [CHILD_FLAG]:   # the embedded sandbox's own process (see sandbox_process)
        from lok_desk.desk.sandbox_process import child_main

        return child_main(argv[1:])
    args = parse_args(argv)
    # One desk per person, decided before anything slow: a second start hands over in a moment.
    from lok_desk.desk import single_instance

    instance = single_instance.claim()
    if instance is None:
        return hand_over_to_running_desk()
    # No cyclic GC during the start-up: it is mostly imports, whose objects live as long as the desk,
    # and the collector's passes over that growing heap were a fifth of the start-up's CPU (2.6 s ->
    # 2.1 s on the production path). The shell turns it back on at the first window with its rows, or
    # at the sign-in dialog (desk.window.shell.freeze_start_up_heap).
    gc.disable()
    from lok_desk import __version__, diagnostics

    logs = diagnostics.setup_logging(verbose=args.verbose)
    log.info("Lok Desk %s starting (pid %s), log file %s", __version__, os.getpid(), logs.file)
    sandbox = None
    try:
        if args.sandbox:
            from lok_desk.desk.sandbox_process import SandboxProcess

            # Started first, before Qt is imported: its imports and database run on another core.
            sandbox = SandboxProcess.start(reset=args.sandbox_reset, verbose=args.verbose)
        return run_qt(args, instance, sandbox, look_up_keyring_early(args))
    except BaseException as error:
        if not isinstance(error, KeyboardInterrupt | SystemExit):
            report = write_crash_report_now(error)
            # The sentence a person reads (the type and traceback are in the crash report and the log).
            from lok_desk.core.problems import problem_from

            said = " ".join(problem_from(error, doing="starting Lok Desk").english())
            print(f"lok-desk: {said}" + (f"\nA crash report was written to {report}" if report else ""),
                  file=sys.stderr)
            return 1
        raise
    finally:
        if sandbox is not None:
            sandbox.close()   # a no-op when run() already stopped it
        gc.enable()
        instance.close()
        log.info("Lok Desk stopped")
        diagnostics.stop_logging()


def hand_over_to_running_desk() -> int:
    """Another desk runs for this person: bring its window to the front and leave it the caches."""
    from lok_desk.desk import single_instance

    if single_instance.ask_running_desk_to_show(single_instance.socket_path(single_instance.runtime_dir())):
        print("lok-desk: Lok Desk is already running; its window was brought to the front.",
              file=sys.stderr)
        return 0
    print("lok-desk: Lok Desk is already running but did not answer; close it, or end its process, "
          "and start again.", file=sys.stderr)
    return 1


def write_crash_report_now(error: BaseException) -> Any:
    """A crash before or outside the event loop: write the report right away (nothing to block)."""
    from lok_desk import diagnostics

    return diagnostics.write_crash_report(diagnostics.crash_report_path(), error)


def look_up_keyring_early(args: argparse.Namespace) -> Any:
    """The SecretStore, with the system keyring looked up on a thread from now on.

    Finding the keyring backend took 1.3 s of wall time here but 0.4 s of CPU: keyring imports every
    backend (the macOS one runs `ctypes.util.find_library`, i.e. ldconfig and gcc) and asks D-Bus for
    the Secret Service. Begun before Qt is imported, that waiting overlaps the desk's own start
    instead of following it when the shell asks for the remembered secret. Not for the sandbox's demo
    roles, which never need a secret. The Qt-free client is imported here, on this thread, first:
    the keyring thread then imports only modules of its own (no two threads importing one module).
    """
    from lok_desk.api import SecretStore

    store = SecretStore()
    if not (args.sandbox and args.demo_role):
        # shiboken6's first import walks sys.modules (its signature bootstrap): a module imported on
        # the keyring thread meanwhile aborted the desk at start ("dictionary changed size during
        # iteration", then "libshiboken/signature: could not initialize part 2"). Bound here first.
        import PySide6  # noqa: F401
        threading.Thread(target=lambda: store.available, name="lok-keyring-lookup", daemon=True).start()
    return store


def run_qt(args: argparse.Namespace, instance: Any, sandbox: Any, secret_store: Any = None) -> int:
    """QApplication, the qasync loop and the shell's coroutine."""

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
            return runner.run(run(args, app, sandbox, instance, secret_store))
        except RuntimeError as error:
            # QApplication.quit() from outside (e.g. the session ends) stops the Qt loop under us;
            # the shell's finally already ran or runs at Runner.close().
            if "Event loop stopped" in str(error):
                return 0
            raise


def install_preferences(app: Any) -> None:
    """The remembered language and theme, before the first window: widgets translate their texts when
    they are made. The ThemeFollower is parented to the app (View ▸ Theme finds it there)."""
    from lok_desk.desk.kit.i18n import install_language
    from lok_desk.desk.kit.theme import ThemeFollower
    from lok_desk.desk.settings import DeskSettings
    from lok_desk.paths import AppPaths

    chosen = DeskSettings.load(AppPaths.default().settings_file)
    install_language(chosen.language)
    ThemeFollower(app, chosen.theme)


async def run(args: argparse.Namespace, app: Any, sandbox: SandboxProcess | None = None,
              instance: DeskInstance | None = None, secret_store: SecretStore | None = None) -> int:
    """The one main() coroutine: sandbox, shell, and clean-up in `finally`."""
    from lok_desk.api import SecretStore
    from lok_desk.desk.sandbox_process import SandboxProcess
    from lok_desk.desk.window.shell import DeskShell, ShellError, ShellOptions
    from lok_desk.paths import AppPaths

    paths = AppPaths.default()
    shell: DeskShell | None = None
    loop = asyncio.get_running_loop()
    try:
        if args.sandbox:
            if sandbox is None:   # run() called without main()
                sandbox = SandboxProcess.start(reset=args.sandbox_reset, verbose=args.verbose)
            await asyncio.wrap_future(sandbox.ready)
            log.info("Embedded sandbox at %s (pid %s)", sandbox.base_url, sandbox.process.pid)
            if not args.exit_when_ready:
                print(f"Lok sandbox at {sandbox.api_url}", file=sys.stderr)
        shell = DeskShell(
            paths=paths,
            options=ShellOptions(server_url=args.server, demo_role=args.demo_role,
                                 exit_when_ready=args.exit_when_ready,
                                 seconds_since_start=seconds_since_process_start),
            secret_store=secret_store or SecretStore(),
            sandbox=sandbox,
        )
        app.aboutToQuit.connect(shell.quit_event.set)
        install_error_routes(shell.report_unexpected, loop, shell.diagnostics_facts)
        install_quit_signals(loop, shell.quit_event.set)
        if instance is not None:
            await instance.serve(shell.bring_to_front)
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
        log.error("Start-up failed", exc_info=error)
        from lok_desk.core.problems import problem_from

        said = " ".join(problem_from(error, doing="starting Lok Desk").english())
        print(f"lok-desk: start-up failed: {said}", file=sys.stderr)
        return 1
    finally:
        if sandbox is not None:
            await loop.run_in_executor(None, sandbox.close)   # ends the child, waits for it


def install_quit_signals(loop: asyncio.AbstractEventLoop, quit_now: Callable[[], None]) -> None:
    """SIGTERM (a logout, `kill`) and SIGINT (Ctrl+C) end the desk as File ▸ Quit does: the sandbox
    child is stopped and the caches are written, instead of Python dying mid-write."""
    import signal

    for signo in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop.add_signal_handler(signo, quit_now)


def install_error_routes(report: Callable[[BaseException, Path | None], None],
                         loop: asyncio.AbstractEventLoop, context: Callable[[], dict[str, str]]) -> None:
    """Unhandled exceptions (Qt slots via sys.excepthook, asyncio tasks) reach the one notification path,
    with a crash report beside the log (written on a worker thread; the person is told where)."""
    from lok_desk import diagnostics

    def excepthook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if isinstance(error, KeyboardInterrupt):
            return
        log.error("Uncaught exception", exc_info=(kind, error, tb))
        try:
            facts = context()   # cheap, on this thread: who is signed in where
        except Exception:
            facts = {}
        path = diagnostics.crash_report_path()

        def tell(written: asyncio.Future[Path | None]) -> None:
            try:
                report(error, None if written.cancelled() or written.exception() else written.result())
            except Exception:  # the notifier itself failing must not loop back here
                traceback.print_exc()

        if loop.is_running() and not loop.is_closed():
            loop.run_in_executor(None, diagnostics.write_crash_report, path, error, facts) \
                .add_done_callback(tell)
        else:   # the loop is gone: nothing left to keep responsive
            try:
                report(error, diagnostics.write_crash_report(path, error, facts))
            except Exception:
                traceback.print_exc()

    def asyncio_handler(_loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        error = context.get("exception")
        if isinstance(error, BaseException):
            excepthook(type(error), error, error.__traceback__)
        else:
            log.warning("asyncio: %s", context.get("message"))

    sys.excepthook = excepthook
    loop.set_exception_handler(asyncio_handler)
