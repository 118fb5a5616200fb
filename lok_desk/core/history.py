"""The desk's own history: what was done at this desk, kept locally, merged with Lok's action log (no Qt).

The log is one JSON object per line in the user data dir (`desk-history.jsonl`, mode 0600): who, when,
what (created, cancelled, updated, printed a slip, requested a shipment), which reservation, and the
result. Never a token or a secret: an event has no field for one, and `DeskLog.append` refuses text
that contains a token the caller knows (`forbidden`), so a future caller cannot slip one in through
`detail`.

The export (`history_records`) is written by lok_desk/core/csv_export.py, the one CSV writer: ids as
text, formulas neutralised, ISO 8601 dates with their offset, empty for empty.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from lok_desk.api import models
from lok_desk.api.errors import (
    ERROR_TYPES,
    LokConnectionError,
    LokError,
    LokProtocolError,
    LokTimeoutError,
    LokTLSError,
    LokTransportError,
)
from lok_desk.core.csv_export import ident
from lok_desk.core.problems import Kind, Problem, problem_from
from lok_desk.paths import make_private_dir

FILE_NAME = "desk-history.jsonl"


class Action(StrEnum):
    CREATED = "created"
    CANCELLED = "cancelled"
    UPDATED = "updated"
    PRINTED_SLIP = "printed_slip"
    REQUESTED_SHIPMENT = "requested_shipment"
    PRINTED_COURIER_SHEET = "printed_courier_sheet"   # intake: every delivery code of a batch
    AUDITED = "audited"                               # a door-by-door audit finished (detail: counts)
    PREPARED_REMINDER = "prepared_reminder"           # a reminder copied or mailed to a recipient
    EXPORTED_AUDIT = "exported_audit"


class Outcome(StrEnum):
    DONE = "done"
    REFUSED = "refused"   # Lok answered no (e.g. 409: already delivered)
    FAILED = "failed"     # it did not reach Lok, or Lok failed


@dataclass(frozen=True)
class DeskEvent:
    at: datetime
    who: str
    action: Action
    outcome: Outcome
    reservation_id: str = ""
    shipment_id: str = ""
    location_id: str = ""
    detail: str = ""     # e.g. the slip kind (a value, worded by the view)
    # A refusal or failure as plain data (Problem.record(): its kind and Lok's facts), worded when shown,
    # in the language of that moment — never Lok's English sentence or its error code.
    problem: dict[str, Any] | None = None


class TokenInLogError(ValueError):
    """A caller tried to write a box-opening code into the desk history."""


class DeskLog:
    """Append-only local history of one desk (user data dir)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __repr__(self) -> str:
        return f"DeskLog({self.path.name})"

    def append(self, event: DeskEvent, *, forbidden: Iterable[str] = ()) -> None:
        """Add one event (any thread; the desk calls it through asyncio.to_thread)."""
        record = asdict(event)
        record["at"] = _aware(event.at).isoformat()
        if record["problem"] is None:
            del record["problem"]
        line = json.dumps(record, ensure_ascii=False, sort_keys=True)
        for secret in forbidden:
            if secret and len(secret) >= 4 and secret.casefold() in line.casefold():
                raise TokenInLogError(event.action.value)
        make_private_dir(self.path.parent)  # the data directory: 0700, not the umask's 0755
        fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(fd, "a", encoding="utf-8") as handle:
            handle.write(line + "\n")

    def read(self) -> list[DeskEvent]:
        """Every event, oldest first; damaged lines (a crash mid-write) are skipped."""
        try:
            text = self.path.read_text(encoding="utf-8")
        except OSError:
            return []
        events: list[DeskEvent] = []
        for line in text.splitlines():
            try:
                raw = json.loads(line)
                events.append(DeskEvent(
                    at=datetime.fromisoformat(raw["at"]), who=str(raw.get("who", "")),
                    action=Action(raw["action"]), outcome=Outcome(raw["outcome"]),
                    reservation_id=str(raw.get("reservation_id", "")),
                    shipment_id=str(raw.get("shipment_id", "")),
                    location_id=str(raw.get("location_id", "")), detail=str(raw.get("detail", "")),
                    problem=raw["problem"] if isinstance(raw.get("problem"), dict) else None))
            except (ValueError, KeyError, TypeError):
                continue
        return events


# --- merged with Lok's action log ------------------------------------------------------------


class Source(StrEnum):
    DESK = "desk"   # this desk's own log
    LOK = "lok"     # Lok's action log (#1), for roles that may read it


@dataclass(frozen=True)
class HistoryRow:
    at: datetime | None
    source: Source
    who: str
    what: str            # Action value, or Lok's "METHOD resource"
    outcome: str         # Outcome value, or Lok's HTTP status
    reservation_id: str = ""
    shipment_id: str = ""
    location_id: str = ""
    detail: str = ""
    problem: Problem | None = None


def from_desk(event: DeskEvent) -> HistoryRow:
    problem = Problem.from_record(event.problem) if event.problem is not None else _legacy_problem(event)
    detail = "" if problem is not None and event.problem is None else event.detail
    return HistoryRow(event.at, Source.DESK, event.who, event.action.value, event.outcome.value,
                      event.reservation_id, event.shipment_id, event.location_id, detail, problem)


# Lines written before refusals were kept as a Problem hold "<Lok error type>: <Lok's English>".
_LEGACY_TYPE = re.compile(r"^([A-Z][A-Z_]+): ")


def _legacy_problem(event: DeskEvent) -> Problem | None:
    if event.outcome is Outcome.DONE:
        return None
    found = _LEGACY_TYPE.match(event.detail)
    if found is None:
        fallback = Kind.OFFLINE if event.outcome is Outcome.FAILED else Kind.REFUSED
        return Problem(fallback) if event.detail else None
    error_type = found.group(1)
    if error_type == "OFFLINE_WRITE_REFUSED":
        return Problem(Kind.NOT_SENT_OFFLINE)
    cls = _LEGACY_CLASSES.get(error_type)
    if cls is None:
        return Problem(Kind.OFFLINE if event.outcome is Outcome.FAILED else Kind.REFUSED)
    return problem_from(cls(event.detail[found.end():]))


_LEGACY_CLASSES: dict[str, type[LokError]] = {
    **ERROR_TYPES,
    **{cls.error_type: cls for cls in (LokTransportError, LokConnectionError, LokTimeoutError,
                                       LokProtocolError, LokTLSError)},
}


def from_lok(entry: models.ActionLogEntry) -> HistoryRow:
    return HistoryRow(entry.timestamp, Source.LOK, entry.user_email or "", entry.resource or "",
                      "" if entry.status is None else str(entry.status), detail=entry.origin or "")


def merged(desk: Iterable[DeskEvent], lok: Iterable[models.ActionLogEntry]) -> list[HistoryRow]:
    """Both histories, newest first (undated rows last)."""
    rows = [from_desk(event) for event in desk] + [from_lok(entry) for entry in lok]
    floor = datetime.min.replace(tzinfo=UTC)
    rows.sort(key=lambda row: _aware(row.at) if row.at is not None else floor, reverse=True)
    return rows


def matches(row: HistoryRow, text: str = "", source: Source | None = None, what: str = "",
            shown_detail: str = "") -> bool:
    """The view's filter: a source, an action, and free text over every field (`shown_detail`: the detail
    as the view words it, e.g. a refusal in the person's language)."""
    if source is not None and row.source is not source:
        return False
    if what and row.what != what:
        return False
    needle = text.strip().casefold()
    if not needle:
        return True
    fields = (row.who, row.what, row.outcome, row.reservation_id, row.shipment_id, row.location_id,
              row.detail, shown_detail, row.at.isoformat() if row.at is not None else "")
    return any(needle in field.casefold() for field in fields)


HISTORY_COLUMNS = ("at", "source", "who", "what", "outcome", "reservation_id", "shipment_id",
                   "location_id", "detail")


def history_records(rows: Iterable[HistoryRow]) -> list[list[object]]:
    # A refusal is exported as its kind (a stable value, like the action and outcome columns).
    return [[row.at, row.source.value, row.who, row.what, row.outcome, ident(row.reservation_id),
             ident(row.shipment_id), ident(row.location_id),
             row.problem.kind.value if row.problem is not None and not row.detail else row.detail]
            for row in rows]


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)

