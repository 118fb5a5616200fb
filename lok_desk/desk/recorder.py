"""Writes desk-history events off the Qt thread, for the panes that act (board, slips, inspector).

One `DeskRecorder` per session, made on first use (`recorder_for`); the file lives in the user data
dir. A failure to write is reported once in the status bar and never stops the action it records.
"""

from __future__ import annotations

import asyncio
import contextlib
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from lok_desk.api import LokError, models
from lok_desk.core.history import FILE_NAME, Action, DeskEvent, DeskLog, Outcome, TokenInLogError
from lok_desk.core.problems import problem_from
from lok_desk.desk.kit.i18n import translate
from lok_desk.desk.session import Session
from lok_desk.paths import AppPaths


def history_file() -> Path:
    return AppPaths.default().data_dir / FILE_NAME


class DeskRecorder:
    def __init__(self, session: Session, path: Path | None = None) -> None:
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
                    text = translate("DeskRecorder", "The desk history could not be written: {0}")
                    self.session.notify(text.format(getattr(error, "strerror", None) or error))

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


def _reservation_of(result: object) -> models.Reservation | None:
    if isinstance(result, models.Reservation):
        return result
    found = getattr(result, "reservation", None)
    return found if isinstance(found, models.Reservation) else None


def _secrets_in(args: tuple[Any, ...]) -> list[str]:
    """A delivery token the desk chose itself (#25 lets it) must not reach the log via an echo."""
    return [str(token) for arg in args if (token := getattr(arg, "delivery_token", None))]


def attach(recorder: DeskRecorder, service: Any) -> None:
    """Record every write the desk makes through `service`, with its result: done, refused by Lok
    (a LokError with a status, e.g. 409), or failed (it did not reach Lok). The service has no per-call
    hook, so its write methods are wrapped on this one instance; reads are left alone."""
    if getattr(service, "_desk_history_attached", False):
        return
    for name, action in WRITES.items():
        original = getattr(service, name, None)
        if original is None:
            continue

        async def recorded(*args: Any, _original: Any = original, _action: Action = action,
                           **kwargs: Any) -> Any:
            reservation_id = str(args[0]) if args and _action is not Action.CREATED else ""
            try:
                result = await _original(*args, **kwargs)
            except LokError as error:
                outcome = Outcome.REFUSED if error.status_code else Outcome.FAILED
                # The kind and Lok's facts, worded when the history is read (never Lok's code or English).
                recorder.record(_action, outcome, reservation_id=reservation_id,
                                problem=problem_from(error).record(), forbidden=_secrets_in(args))
                raise
            recorder.record(_action, Outcome.DONE, _reservation_of(result), reservation_id=reservation_id,
                            forbidden=_secrets_in(args))
            return result

        setattr(service, name, recorded)
    service._desk_history_attached = True


def recorder_for(session: Session) -> DeskRecorder:
    """The session's recorder (made once; kept on the session object)."""
    recorder = getattr(session, "_desk_recorder", None)
    if recorder is None:
        recorder = DeskRecorder(session)
        session._desk_recorder = recorder  # type: ignore[attr-defined]
        attach(recorder, session.service)
    return recorder
