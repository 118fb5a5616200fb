"""Writes desk-history events off the Qt thread, for the panes that act (board, slips, inspector).

One `DeskRecorder` per session, made on first use (`recorder_for`); the file lives in the user data
dir. A failure to write is reported once in the status bar and never stops the action it records.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from lok_desk.api import models
from lok_desk.core.history import FILE_NAME, Action, DeskEvent, DeskLog, Outcome, TokenInLogError
from lok_desk.core.service import DeskService, WriteEvent, WriteOutcome
from lok_desk.desk.kit.i18n import translate
from lok_desk.desk.kit.problems import problem_from, sentence
from lok_desk.desk.qt_session import QtSession
from lok_desk.paths import AppPaths


def history_file() -> Path:
    return AppPaths.default().data_dir / FILE_NAME


class DeskRecorder:
    def __init__(self, session: QtSession, path: Path | None = None) -> None:
        self.session = session
        self.log = DeskLog(path or history_file())
        self._warned = False
        self._pending: set[asyncio.Task[None]] = set()

    def who(self) -> str:
        user = self.session.user
        return str(user.email or user.name or user.id)

    def record(self, action: Action, outcome: Outcome, reservation: models.Reservation | None = None, *,
               reservation_id: str = "", detail: str = "", problem: dict[str, Any] | None = None,
               forbidden: list[str] | None = None) -> asyncio.Task[None]:
        """Queue one event; returns the task (tests await it). `forbidden`: the reservation's tokens,
        when the caller holds them; the log refuses a line that contains one."""
        event = DeskEvent(
            at=datetime.now(UTC), who=self.who(), action=action, outcome=outcome,
            reservation_id=(reservation.id if reservation is not None else None) or reservation_id,
            shipment_id=(reservation.shipment_id or "") if reservation is not None else "",
            location_id=(reservation.location_id or "") if reservation is not None else "",
            detail=detail, problem=problem)
        task = asyncio.ensure_future(self._write(event, forbidden or []))
        self._pending.add(task)
        task.add_done_callback(self._pending.discard)
        return task

    async def _write(self, event: DeskEvent, forbidden: list[str]) -> None:
        try:
            await asyncio.to_thread(self.log.append, event, forbidden=forbidden)
        except (OSError, TokenInLogError) as error:
            if not self._warned:
                self._warned = True
                with contextlib.suppress(RuntimeError):
                    # In the status line, worded like every failure (never the system's English reason).
                    doing = translate("DeskRecorder", "writing the desk history")
                    self.session.notify(sentence(problem_from(error, doing=doing)), timeout_ms=15000)

    async def flush(self) -> None:
        if self._pending:
            await asyncio.gather(*list(self._pending), return_exceptions=True)


#: The service calls that change something at Lok, and the history action each one is.
WRITES: dict[str, Action] = {
    "create_reservation": Action.CREATED,
    "create_pre_reservation": Action.CREATED,
    "cancel_reservation": Action.CANCELLED,
    "update_pre_reservation": Action.UPDATED,
    "request_shipment": Action.REQUESTED_SHIPMENT,
}


#: How each end of a write is kept: a refusal by the rules or by Lok is "refused"; a write the desk did
#: not send because the server is away, or that did not reach Lok, is "failed". The Problem's kind
#: (not_sent_offline, not_allowed, ...) is kept beside it, so the history says which.
OUTCOMES: dict[WriteOutcome, Outcome] = {
    WriteOutcome.DONE: Outcome.DONE,
    WriteOutcome.REFUSED_ROLE: Outcome.REFUSED,
    WriteOutcome.REFUSED: Outcome.REFUSED,
    WriteOutcome.REFUSED_OFFLINE: Outcome.FAILED,
    WriteOutcome.FAILED: Outcome.FAILED,
}


def attach(recorder: DeskRecorder, service: DeskService) -> Callable[[], None]:
    """Record every reservation write the desk makes through `service` — done, refused (by the rules,
    offline, or by Lok) or failed — through the service's write hook. Returns the function that stops
    recording."""

    def heard(event: WriteEvent) -> None:
        action = WRITES.get(event.method)
        if action is None:
            return   # company settings are not reservation history
        # The kind and Lok's facts, worded when the history is read (never Lok's code or English).
        problem = event.problem.record() if event.problem is not None else None
        recorder.record(action, OUTCOMES[event.outcome], event.reservation,
                        reservation_id=event.reservation_id, problem=problem, forbidden=list(event.secrets))

    return service.add_write_listener(heard)


def recorder_for(session: QtSession) -> DeskRecorder:
    """The session's recorder (made once; kept on the session object)."""
    recorder = getattr(session, "_desk_recorder", None)
    if recorder is None:
        recorder = DeskRecorder(session)
        session._desk_recorder = recorder  # type: ignore[attr-defined]
        attach(recorder, session.service)
    return recorder
