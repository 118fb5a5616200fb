"""The practice server stopped: when the desk goes offline and its embedded sandbox child has died, start
it again (a few times at most, said in the status bar), or say plainly that it stopped and how to start
it again, rather than "Retrying by itself…" for ever against a process that is gone."""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from lok_desk.desk.kit.asyncqt import spawn
from lok_desk.desk.kit.i18n import translate

if TYPE_CHECKING:
    from lok_desk.desk.qt_session import QtSession
    from lok_desk.desk.sandbox_process import SandboxProcess

log = logging.getLogger(__name__)

# Restarts in one run of the desk: a sandbox that keeps dying is not hidden behind endless restarts.
MAX_RESTARTS = 3


class SandboxWatch(QObject):
    """Follows the session's offline signal; restarts the dead sandbox child on a worker thread."""

    def __init__(self, session: QtSession, sandbox: SandboxProcess, parent: QObject | None = None) -> None:
        super().__init__(parent or session)
        self.session = session
        self.sandbox = sandbox
        self.said = ""   # the last sentence said (tests read it)
        self._busy = False
        session.offline_changed.connect(self._on_offline)

    def _on_offline(self, offline: bool) -> None:
        if offline and not self._busy and self.sandbox.stopped:
            self._busy = True
            spawn(self.revive(), owner=self)

    def _say(self, text: str, timeout_ms: int = 0) -> None:
        self.said = text
        self.session.notify(text, timeout_ms=timeout_ms)

    async def revive(self) -> bool:
        """Start the child again; True when it answers where the desk expects it."""
        try:
            while self.sandbox.stopped:
                if self.sandbox.restarts >= MAX_RESTARTS:
                    self._say(translate(
                        "SandboxWatch", "The practice server on this computer stopped and could not be kept "
                                        "running. Quit Lok Desk and start it again with --sandbox."))
                    return False
                self._say(translate("SandboxWatch", "The practice server stopped; starting it again "
                                                    "(attempt {0} of {1})…").format(
                    self.sandbox.restarts + 1, MAX_RESTARTS))
                same_port = await asyncio.to_thread(self.sandbox.restart)
                if same_port:
                    self._say(translate("SandboxWatch", "The practice server was started again."), 10000)
                    return True
                if not self.sandbox.stopped:   # up, but on another port: this window cannot follow it
                    self._say(translate(
                        "SandboxWatch", "The practice server started again on another port. Quit Lok Desk "
                                        "and start it again with --sandbox."))
                    return False
            return True
        finally:
            self._busy = False
