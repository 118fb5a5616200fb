"""The desk's flow from start to quit: sign in (silently when possible), main window, sign out, again."""

from __future__ import annotations

import asyncio
import contextlib
import copy
import gc
import json
import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog
from shiboken6 import isValid

from lok_desk.api import (
    PRODUCTION_BASE_URL,
    Credentials,
    LokError,
    SecretStore,
    TokenCache,
)
from lok_desk.api.transport import normalize_base_url
from lok_desk.core.problems import Problem
from lok_desk.desk.kit.asyncqt import cancel_owned, run_dialog
from lok_desk.desk.kit.problem_views import message_box, problem_for, tell
from lok_desk.desk.kit.problems import describe, problem_from, sentence
from lok_desk.desk.kit.widgets import place_window, saved_geometry
from lok_desk.desk.preferences import Preferences
from lok_desk.desk.qt_session import CUSTOM, PRODUCTION, SANDBOX, QtSession, open_session
from lok_desk.desk.sandbox_process import SandboxEndpoint, SandboxProcess
from lok_desk.desk.sandbox_watch import SandboxWatch
from lok_desk.desk.settings import DeskSettings
from lok_desk.desk.window.main_window import MainWindow, PaneFactory
from lok_desk.desk.window.signin import CUSTOM_KEY, PRODUCTION_KEY, SANDBOX_KEY, ServerChoice, SignInDialog
from lok_desk.paths import AppPaths

if TYPE_CHECKING:
    from pathlib import Path


log = logging.getLogger(__name__)


class ShellError(Exception):
    """A start-up that cannot go on (shown on stderr with a non-zero exit code)."""


@dataclass
class ShellOptions:
    """What the command line asked for."""

    server_url: str | None = None           # --server
    demo_role: str | None = None            # --demo-role (with the sandbox)
    exit_when_ready: bool = False
    seconds_since_start: Callable[[], float] = lambda: 0.0
    reservations_pane_factory: PaneFactory | None = None   # tests may pass another pane
    client_options: dict[str, Any] | None = None           # e.g. retry/timeouts for tests


def freeze_start_up_heap() -> None:
    """Once the first window shows its data, take everything alive out of the cyclic GC's walks.

    A full collection walks every tracked object, and after start-up that is a few hundred thousand
    (modules, pydantic schemas, Qt wrappers) that live as long as the app: each full pass took
    60–160 ms, the longest event-loop stalls of a 10,000-row load. `gc.freeze()` moves them to the
    permanent generation: they are still freed by reference counting, only cycles among them wait
    for `gc.unfreeze()`, which the shell calls when a session ends so its window can be collected.
    No `gc.collect()` first: that full pass would itself stall the loop just as the rows arrive.

    The cyclic GC was off until now (lok_desk.app.main turns it off for the start-up, which is
    mostly imports: its passes over the growing heap were a fifth of the start-up's CPU); it is
    turned back on here, and before the sign-in dialog when there is one.
    """
    gc.freeze()
    gc.enable()


async def close_desk(window: MainWindow | None, session: QtSession | None) -> None:
    """The one way a main window and its session end (sign-out, quit, a benchmark's teardown).

    The window's tasks (detail re-reads, free-box refreshes, pane loads) are cancelled and awaited
    while the loop still runs, then the session's; a task left to a later `destroyed` or to the
    loop's own shutdown resumed with no running loop and died with "no running event loop".
    """
    if window is not None:
        window.hide()
        await cancel_owned(window)
        window.deleteLater()
    if session is not None:
        await session.aclose()
        await cancel_owned(session)
        session.deleteLater()
        gc.unfreeze()   # the session's objects may be collected again (see freeze_start_up_heap)


def demo_clients() -> dict[str, tuple[str, str]]:
    from lok_desk.sandbox import DEMO_CLIENTS

    return dict(DEMO_CLIENTS)


class DeskShell(QObject):
    """Runs sign-in and main window in turn; holds no widgets' state, only what to show next."""

    def __init__(
        self,
        *,
        paths: AppPaths,
        options: ShellOptions,
        secret_store: SecretStore,
        sandbox: SandboxEndpoint | None = None,
        settings: DeskSettings | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.paths = paths
        self.options = options
        self.secret_store = secret_store
        self.sandbox = sandbox
        # Without settings handed in, run() reads the file on a worker thread (no disk on the Qt thread).
        self.settings = settings if settings is not None else DeskSettings()
        self._settings_loaded = settings is not None
        self._settings_saved = asyncio.Lock()   # saves land in order, newest last
        self.token_cache = TokenCache(paths.token_cache_file)
        self.quit_event = asyncio.Event()
        self.session: QtSession | None = None
        self.window: MainWindow | None = None
        self.dialog: SignInDialog | None = None
        self._first_error: Problem | None = None
        self._custom_url = ""
        self._session_key = ""
        self._servers = self._server_choices()
        self._current_key = self._initial_key()

    # ---- servers --------------------------------------------------------------------------------
    def _server_choices(self) -> list[ServerChoice]:
        choices = []
        if self.sandbox is not None:
            choices.append(ServerChoice(SANDBOX_KEY, self.tr("Lok sandbox on this computer (practice data)"),
                                        self.sandbox.api_url, SANDBOX))
        choices.append(ServerChoice(PRODUCTION_KEY, self.tr("Lok production — api.clicknbox.com"),
                                    PRODUCTION_BASE_URL, PRODUCTION))
        choices.append(ServerChoice(CUSTOM_KEY, self.tr("Another Lok server…"), "", CUSTOM))
        return choices

    def _initial_key(self) -> str:
        if self.options.server_url:
            url = normalize_base_url(self.options.server_url)
            if url == PRODUCTION_BASE_URL:
                return PRODUCTION_KEY
            self._custom_url = url
            return CUSTOM_KEY
        if self.sandbox is not None:
            return SANDBOX_KEY
        last = self.settings.last_server
        if last and last not in (PRODUCTION_KEY, SANDBOX_KEY):
            self._custom_url = last
            return CUSTOM_KEY
        return PRODUCTION_KEY

    def _resolve(self, key: str, custom_url: str = "") -> tuple[str, str, str]:
        """(settings/keyring key, API URL, environment) for a server choice."""
        if key == SANDBOX_KEY and self.sandbox is not None:
            return SANDBOX_KEY, self.sandbox.api_url, SANDBOX
        if key == CUSTOM_KEY:
            url = normalize_base_url(custom_url)
            if url == PRODUCTION_BASE_URL:
                return PRODUCTION_KEY, url, PRODUCTION
            if self.sandbox is not None and url == normalize_base_url(self.sandbox.api_url):
                return SANDBOX_KEY, url, SANDBOX
            return url, url, CUSTOM
        return PRODUCTION_KEY, PRODUCTION_BASE_URL, PRODUCTION

    async def _save_settings(self) -> None:
        """Write the settings on a worker thread; a copy, so the Qt thread may change them meanwhile."""
        snapshot = copy.deepcopy(self.settings)
        async with self._settings_saved:
            await asyncio.to_thread(snapshot.save_quietly, self.paths.settings_file)

    # ---- the whole run --------------------------------------------------------------------------
    async def run(self) -> int:
        """Sign in, show the main window, repeat after sign-out; returns the exit code."""
        if not self._settings_loaded:
            self.settings = await asyncio.to_thread(DeskSettings.load, self.paths.settings_file)
            self._settings_loaded = True
            self._current_key = self._initial_key()
        try:
            session = await self._sign_in_without_asking()
            while True:
                if session is None:
                    if self.options.exit_when_ready:
                        raise ShellError(
                            "--exit-when-ready needs a sign-in without the dialog: use --sandbox "
                            "--demo-role ROLE, or sign in once so a valid token is cached.")
                    gc.enable()   # a person at the sign-in: start-up is over (see freeze_start_up_heap)
                    session = await self._sign_in_with_dialog()
                    if session is None:
                        return 0
                how = await self._show_main_window(session)
                if how == "sign_out":
                    key = self._session_key
                    self.settings.resume[key] = False
                    await self._save_settings()
                await self._close_session()
                session = None
                # "sign_in": after an offline start, Lok refused the token (the dialog says so).
                if how not in ("sign_out", "sign_in"):
                    return 0
        finally:
            await self._close_session()

    async def _close_session(self) -> None:
        session, self.session = self.session, None
        window, self.window = self.window, None
        await close_desk(window, session)

    async def _until_quit(self, awaitable: Any) -> Any:
        """Await `awaitable` unless the application quits first (then None)."""
        task = asyncio.ensure_future(awaitable)
        quit_wait = asyncio.ensure_future(self.quit_event.wait())
        try:
            done, _pending = await asyncio.wait({task, quit_wait}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            quit_wait.cancel()
        if task in done:
            return task.result()
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await task
        return None

    # ---- sign-in without a dialog ---------------------------------------------------------------
    async def _known_secret(self, key: str, client_id: str) -> str | None:
        if key == SANDBOX_KEY:
            for demo_id, secret in demo_clients().values():
                if demo_id == client_id:
                    return secret
        return await self.secret_store.aload(key, client_id)

    async def _sign_in_without_asking(self) -> QtSession | None:
        if self.options.demo_role:
            if self.sandbox is None:
                raise ShellError("--demo-role works only with --sandbox.")
            clients = demo_clients()
            if self.options.demo_role not in clients:
                raise ShellError(f"Unknown demo role {self.options.demo_role!r}; "
                                 f"choose one of: {', '.join(clients)}.")
            client_id, secret = clients[self.options.demo_role]
            return await self._open_quietly(SANDBOX_KEY, client_id, secret)
        key, url, _env = self._resolve(self._current_key, self._custom_url)
        client_id = self.settings.client_ids.get(key, "")
        if not client_id or not self.settings.resume.get(key):
            return None
        known = await self._known_secret(key, client_id)
        cached = await self.token_cache.aload(url, client_id)
        has_token = cached is not None and cached.is_valid(datetime.now(UTC))
        if not has_token and not known:
            return None
        return await self._open_quietly(self._current_key, client_id, known or "")

    async def _open_quietly(self, choice_key: str, client_id: str, secret: str) -> QtSession | None:
        try:
            return await self._open(choice_key, self._custom_url, client_id, secret, use_cache=True)
        except LokError as error:
            problem = problem_for(error, doing=self.tr("signing in"), server=self._server_label(choice_key))
            if self.options.exit_when_ready:
                raise ShellError(sentence(problem)) from error
            # Said on the sign-in dialog, which marks the fields it names (a cached token refused at
            # start names none: then nothing speaks of highlighted fields).
            self._first_error = problem
            return None

    def _server_label(self, choice_key: str) -> str:
        _key, url, _env = self._resolve(choice_key, self._custom_url)
        return url

    async def _open(self, choice_key: str, custom_url: str, client_id: str, secret: str, *,
                    use_cache: bool) -> QtSession:
        key, url, environment = self._resolve(choice_key, custom_url)
        session = await open_session(
            base_url=url,
            credentials=Credentials(client_id=client_id, client_secret=secret),
            token_cache=self.token_cache,
            environment=environment,
            sandbox=self.sandbox if environment == SANDBOX else None,
            use_cached_token=use_cache,
            # A start while the server is away opens on the list saved here (read-only, offline).
            snapshot_dir=self.paths.cache_dir if use_cache else None,
            **(self.options.client_options or {}),
        )
        self._session_key = key
        self.settings.client_ids[key] = client_id
        self.settings.resume[key] = True
        if key != SANDBOX_KEY:
            self.settings.last_server = key
        await self._save_settings()
        return session

    # ---- sign-in with the dialog ----------------------------------------------------------------
    async def _sign_in_with_dialog(self) -> QtSession | None:
        key, _url, _env = self._resolve(self._current_key, self._custom_url)
        dialog = SignInDialog(
            self._servers,
            current_key=self._current_key,
            custom_url=self._custom_url,
            client_id=self.settings.client_ids.get(key, ""),
            keyring_available=await self.secret_store.probe(),
            keyring_refused=self.secret_store.refused_backend,  # resolved by probe()
        )
        self.dialog = dialog
        if self._first_error is not None:
            dialog.show_problem(self._first_error)
            self._first_error = None
        result: list[QtSession] = []
        attempt: list[asyncio.Task[None]] = []

        def start(choice_key: str, client_id: str, secret: str, remember: bool, demo: bool) -> None:
            if attempt and not attempt[0].done():
                return
            attempt[:] = [asyncio.ensure_future(
                self._attempt(dialog, result, choice_key, dialog.custom_url(), client_id, secret,
                              remember=remember, demo=demo))]

        def on_demo(role: str) -> None:
            client_id, secret = demo_clients()[role]
            start(SANDBOX_KEY, client_id, secret, False, True)

        def on_server_changed(choice_key: str) -> None:
            self._current_key = choice_key
            server_key, _u, _e = self._resolve(choice_key, dialog.custom_url())
            remembered = self.settings.client_ids.get(server_key)
            if remembered and not dialog.client_id_edit.text():
                dialog.client_id_edit.setText(remembered)

        def on_cancel() -> None:
            if attempt and not attempt[0].done():
                attempt[0].cancel()

        dialog.sign_in_requested.connect(
            lambda choice_key, client_id, secret, remember: start(
                choice_key, client_id, secret, remember, False))
        dialog.demo_requested.connect(on_demo)
        dialog.server_changed.connect(on_server_changed)
        dialog.cancel_requested.connect(on_cancel)
        try:
            code = await self._until_quit(run_dialog(dialog))
        finally:
            on_cancel()
            self.dialog = None
            dialog.deleteLater()
        if code == QDialog.DialogCode.Accepted and result:
            return result[0]
        for session in result:   # signed in just as the dialog was closed: do not leak the client
            await session.aclose()
        return None

    async def _attempt(self, dialog: SignInDialog, result: list[QtSession], choice_key: str, custom_url: str,
                       client_id: str, secret: str, *, remember: bool, demo: bool) -> None:
        dialog.set_busy(True, self.tr("Signing in…"))
        try:
            session = await self._open(choice_key, custom_url, client_id, secret, use_cache=demo)
        except asyncio.CancelledError:
            if not isValid(dialog):   # the whole dialog went away (the app is quitting)
                raise
            dialog.set_busy(False)
            dialog.show_error(self.tr("Sign-in stopped."), self.tr("Nothing was changed. Sign in again when "
                                                                   "you are ready."))
            raise
        except LokError as error:
            dialog.set_busy(False)
            _key, url, _env = self._resolve(choice_key, custom_url)
            dialog.show_problem(problem_for(error, doing=self.tr("signing in"), server=url))
            return
        dialog.set_busy(False)
        if not demo:
            if remember and await self.secret_store.probe():
                if not await self.secret_store.asave(self._session_key, client_id, secret):
                    session.notify(self.tr("The keyring refused to store the secret; you will type it "
                                           "at the next sign-in."), timeout_ms=10000)
            else:
                await self.secret_store.adelete(self._session_key, client_id)
        result.append(session)
        dialog.accept()

    # ---- main window ----------------------------------------------------------------------------
    async def _show_main_window(self, session: QtSession) -> str:
        self.session = session
        window = MainWindow(session, reservations_pane_factory=self.options.reservations_pane_factory,
                            preferences=Preferences(self.settings, self.paths.settings_file,
                                                    writer=self._save_settings))
        self.window = window
        loop = asyncio.get_running_loop()
        finished: asyncio.Future[str] = loop.create_future()

        def finish(how: str) -> None:
            if not finished.done():
                finished.set_result(how)

        window.finished.connect(finish)
        if isinstance(self.sandbox, SandboxProcess) and session.environment == SANDBOX:
            SandboxWatch(session, self.sandbox, window)   # the practice server died: start it again

        def sign_in_needed(problem: Problem) -> None:
            # Opened offline on the saved list, and Lok now says the token is no longer valid: the
            # sign-in dialog takes over and says why.
            self._first_error = problem
            finish("sign_in")

        session.core.on_sign_in_needed = sign_in_needed
        window.ready.connect(lambda _rows: freeze_start_up_heap())
        window.ready.connect(lambda rows: log.info("Main window ready, %s reservations shown", rows))
        if self.options.exit_when_ready:
            window.ready.connect(lambda rows: self._report_ready(session, rows, finish))
        # Where the person left it, but always inside this screen's available area.
        place_window(window, self.settings.window_geometry)
        window.show()
        try:
            how = await self._until_quit(finished)
        finally:
            with contextlib.suppress(RuntimeError):   # the window may already be deleted
                self.settings.window_geometry = saved_geometry(window)
        await self._save_settings()
        return str(how or "quit")

    def _report_ready(self, session: QtSession, rows: int, finish: Callable[[str], None]) -> None:
        figures: dict[str, Any] = {"ready_s": round(self.options.seconds_since_start(), 3),
                                   "reservations": rows, "locations": len(session.locations)}
        if session.offline:   # opened on the saved list: say so, and as of when
            as_of = session.last_success
            figures["offline"] = True
            figures["list_as_of"] = as_of.isoformat() if as_of is not None else None
        print(json.dumps(figures), flush=True)
        finish("quit")

    # ---- the window in front, diagnostics -----------------------------------------------------
    def bring_to_front(self) -> None:
        """Another start of lok-desk knocked (single_instance): show whichever window is up."""
        target = self.dialog if self.dialog is not None and self.dialog.isVisible() else self.window
        if target is None:
            return
        if target.isMinimized():
            target.showNormal()
        target.show()
        target.raise_()
        target.activateWindow()

    def diagnostics_facts(self) -> dict[str, str]:
        """Server, environment and role for a crash report (no credentials); cheap, no disk."""
        if self.session is not None:
            from lok_desk.desk.window.help_menu import session_facts

            return session_facts(self.session)
        _key, url, environment = self._resolve(self._current_key, self._custom_url)
        return {"server": url, "environment": environment}

    # ---- unexpected errors ----------------------------------------------------------------------
    def report_unexpected(self, error: BaseException, crash_report: Path | None = None) -> None:
        """sys.excepthook and the asyncio handler end here: the same words as any other error, and
        where the crash report is (app.install_error_routes has already logged the traceback)."""
        problem = problem_from(error, doing=self.tr("working"))
        if crash_report is not None:
            what, next_step = describe(problem)
            next_step = self.tr("{next_step} A crash report was saved as {path} — send it to your "
                                "support contact.").format(next_step=next_step, path=crash_report)
            if self.window is not None and isValid(self.window):
                self.window.banner.show_message(what, next_step, problem=problem)
            else:
                message_box(self.dialog, what, next_step)
        else:
            tell(self.window or self.dialog, problem)
        # The terminal gets the plain sentence; the type and traceback are in the log already.
        print(f"lok-desk: {sentence(problem)}", file=sys.stderr)
