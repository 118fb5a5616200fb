"""The door-by-door audit of a location: what Lok says is in each box, checked against what is there (no Qt).

Luxer's managers reconcile lockers weekly with a printed worksheet; here the clerk walks the locker in
box order and marks each box present, empty or holding a different parcel — by keys, or by scanning
the parcel's label (its shipment id): a scan of the expected parcel marks the box present at once, a scan
of another parcel records the mismatch with both ids. The discrepancies come out at the end, each with
what to do (an `Advice` code; the desk words it), exported as CSV and kept in the desk history.

An audit survives an interruption: `AuditJournal` writes the marks after every change (JSON, owner-only
mode 0600, atomically) and `Audit.resume` puts them back on a fresh read of Lok. No box-opening code
ever enters an audit: rows are built from reservations only (never their tokens), and a scanned text
the desk knows as a code is refused (`is_code`), not recorded.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol

from lok_desk.api import models
from lok_desk.api.paging import iter_pages
from lok_desk.core.codes import status_of
from lok_desk.core.csv_export import ident
from lok_desk.paths import make_private_dir

#: In the locker: delivered, or reopened by the courier (rules.IN_LOCKER).
IN_LOCKER = frozenset({"delivered", "reopened", "reopened2"})
#: A parcel this many days past its pick-up deadline is listed for the clean-out even when present.
STALE_AFTER_DAYS = 7
FILE_NAME = "audit-{location}.json"


class Mark(StrEnum):
    UNCHECKED = "unchecked"
    PRESENT = "present"
    EMPTY = "empty"
    DIFFERENT = "different"     # a parcel is there, but not the one Lok expects


class Advice(StrEnum):
    """What to do about a discrepancy; lok_desk/desk/audit words each."""

    CHECK_PICKUP_HISTORY = "check_pickup_history"   # empty, but Lok says delivered
    MOVE_TO_ITS_BOX = "move_to_its_box"             # another box's parcel is here
    FIND_ITS_SHIPMENT = "find_its_shipment"         # a parcel Lok does not know here
    REMIND_OR_RETURN = "remind_or_return"           # present, long past pick-up
    NOT_CHECKED = "not_checked"


class ScanOutcome(StrEnum):
    PRESENT = "present"         # the expected parcel: marked present
    MISMATCH = "mismatch"       # another parcel: recorded with both ids
    IS_A_CODE = "is_a_code"     # a box-opening code was scanned: refused, not recorded
    NOTHING = "nothing"         # empty text, or no box left to check


class AuditService(Protocol):
    async def list_location_reservations(
        self, location_id: str, filters: models.ReservationFilters | None = None, *,
        page: int = 1, page_size: int = 15) -> models.ReservationPage: ...


@dataclass
class AuditRow:
    """One box Lok says holds a parcel, and what the clerk found."""

    reservation_id: str
    box_id: str
    size: str
    shipment_id: str
    recipient: str
    since: datetime | None           # when the parcel went into the box
    pickup_due: datetime | None
    days_past_pickup: int
    mark: Mark = Mark.UNCHECKED
    found_shipment_id: str = ""      # DIFFERENT: the label actually scanned or typed (may be "")
    marked_at: datetime | None = None


@dataclass(frozen=True)
class Discrepancy:
    row: AuditRow
    advice: Advice
    #: MOVE_TO_ITS_BOX: the box where the parcel found belongs.
    belongs_in: str = ""


@dataclass(frozen=True)
class ScanResult:
    outcome: ScanOutcome
    row: AuditRow | None = None


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def _walk_key(box_id: str) -> tuple[Any, ...]:
    """Box ids in the order a person walks the locker: numbers by value ("2" before "10")."""
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", box_id))


def row_of(reservation: models.Reservation, now: datetime) -> AuditRow | None:
    """The audit row of a reservation in the locker (None for anything else)."""
    if status_of(reservation) not in IN_LOCKER or not reservation.id:
        return None
    locker = reservation.locker
    recipient = reservation.recipient_info
    due = reservation.pickup_due_date
    late = max(0, (_aware(now) - _aware(due)).days) if due is not None and _aware(due) < _aware(now) else 0
    return AuditRow(
        reservation_id=reservation.id, box_id=(locker.uuid or "") if locker is not None else "",
        size=(locker.size or "") if locker is not None else "", shipment_id=reservation.shipment_id or "",
        recipient=(recipient.name or recipient.email or "") if recipient is not None else "",
        since=reservation.status_date("delivered"), pickup_due=due, days_past_pickup=late)


@dataclass
class Audit:
    """One audit of one location, in walking order; marks change through `mark` and `scan`."""

    location_id: str
    started_at: datetime
    rows: list[AuditRow] = field(default_factory=list)
    #: Called after every change (the view refreshes, the journal saves).
    on_change: list[Callable[[AuditRow | None], None]] = field(default_factory=list, repr=False)

    @classmethod
    def from_reservations(cls, location_id: str, reservations: Iterable[models.Reservation],
                          now: datetime) -> Audit:
        rows = [row for r in reservations if r.location_id in (location_id, None)
                and (row := row_of(r, now)) is not None]
        rows.sort(key=lambda row: (_walk_key(row.box_id), row.reservation_id))
        return cls(location_id, _aware(now), rows)

    @classmethod
    async def load(cls, service: AuditService, location_id: str, now: datetime) -> Audit:
        """Every reservation of the location that Lok says is in the locker (every page)."""
        filters = models.ReservationFilters(only_active=True)
        found: list[models.Reservation] = []
        async for page in iter_pages(service.list_location_reservations, location_id, filters, page_size=100):
            found.extend(page.reservations)
        return cls.from_reservations(location_id, found, now)

    # ---- marking --------------------------------------------------------------------------------
    @property
    def current(self) -> AuditRow | None:
        """The next box to check in walking order."""
        return next((row for row in self.rows if row.mark is Mark.UNCHECKED), None)

    @property
    def checked(self) -> int:
        return sum(row.mark is not Mark.UNCHECKED for row in self.rows)

    @property
    def finished(self) -> bool:
        return all(row.mark is not Mark.UNCHECKED for row in self.rows)

    def _changed(self, row: AuditRow | None) -> None:
        for callback in list(self.on_change):
            callback(row)

    def mark(self, row: AuditRow, mark: Mark, found_shipment_id: str = "", *,
             now: datetime | None = None) -> None:
        row.mark = mark
        row.found_shipment_id = found_shipment_id.strip() if mark is Mark.DIFFERENT else ""
        row.marked_at = None if mark is Mark.UNCHECKED else _aware(now or datetime.now(UTC))
        self._changed(row)

    def scan(self, text: str, *, row: AuditRow | None = None, is_code: Callable[[str], bool] | None = None,
             now: datetime | None = None) -> ScanResult:
        """A scanned (or typed) label at `row` (default: the current box)."""
        label = text.strip()
        target = row if row is not None else self.current
        if not label or target is None:
            return ScanResult(ScanOutcome.NOTHING, target)
        if is_code is not None and is_code(label):
            return ScanResult(ScanOutcome.IS_A_CODE, target)
        if label.casefold() == target.shipment_id.casefold():
            self.mark(target, Mark.PRESENT, now=now)
            return ScanResult(ScanOutcome.PRESENT, target)
        self.mark(target, Mark.DIFFERENT, label, now=now)
        return ScanResult(ScanOutcome.MISMATCH, target)

    # ---- the end --------------------------------------------------------------------------------
    def discrepancies(self, *, include_unchecked: bool = True,
                      stale_after_days: int = STALE_AFTER_DAYS) -> list[Discrepancy]:
        """What does not match, in walking order, each with what to do."""
        box_of = {row.shipment_id.casefold(): row.box_id for row in self.rows if row.shipment_id}
        found: list[Discrepancy] = []
        for row in self.rows:
            if row.mark is Mark.EMPTY:
                found.append(Discrepancy(row, Advice.CHECK_PICKUP_HISTORY))
            elif row.mark is Mark.DIFFERENT:
                home = box_of.get(row.found_shipment_id.casefold(), "") if row.found_shipment_id else ""
                if home and home != row.box_id:
                    found.append(Discrepancy(row, Advice.MOVE_TO_ITS_BOX, home))
                else:
                    found.append(Discrepancy(row, Advice.FIND_ITS_SHIPMENT))
            elif row.mark is Mark.PRESENT and row.days_past_pickup >= stale_after_days:
                found.append(Discrepancy(row, Advice.REMIND_OR_RETURN))
            elif row.mark is Mark.UNCHECKED and include_unchecked:
                found.append(Discrepancy(row, Advice.NOT_CHECKED))
        return found

    def resume(self, saved: SavedAudit) -> int:
        """Put the marks of an interrupted audit back on this (fresh) read; boxes whose parcel left the
        locker meanwhile are not on the fresh read, so their marks are dropped. Returns marks restored."""
        if saved.location_id != self.location_id:
            return 0
        self.started_at = saved.started_at
        restored = 0
        for row in self.rows:
            mark = saved.marks.get(row.reservation_id)
            if mark is not None:
                row.mark, row.found_shipment_id, row.marked_at = mark
                restored += 1
        self._changed(None)
        return restored


CSV_COLUMNS = ("box", "size", "shipment_id", "recipient", "in_box_since", "days_past_pickup", "mark",
               "found_shipment_id", "advice", "reservation_id")


def csv_rows(discrepancies: Sequence[Discrepancy], words: Callable[[Discrepancy], str]) -> list[list[object]]:
    """The discrepancies as rows for lok_desk.core.csv_export.write_csv (ids kept as text); `words` gives
    each one's advice in the person's language."""
    return [[ident(d.row.box_id), d.row.size, ident(d.row.shipment_id), d.row.recipient, d.row.since,
             d.row.days_past_pickup, d.row.mark.value, ident(d.row.found_shipment_id), words(d),
             ident(d.row.reservation_id)] for d in discrepancies]


# --- the journal: an interrupted audit resumes --------------------------------------------------


@dataclass(frozen=True)
class SavedAudit:
    location_id: str
    started_at: datetime
    marks: dict[str, tuple[Mark, str, datetime | None]]


class AuditJournal:
    """The marks of the audit in progress at one location, on disk after every change (0600)."""

    def __init__(self, directory: Path, location_id: str) -> None:
        safe = re.sub(r"[^A-Za-z0-9_.-]", "_", location_id)
        self.path = directory / FILE_NAME.format(location=safe)
        self.location_id = location_id

    def __repr__(self) -> str:
        return f"AuditJournal({self.path.name})"

    def save(self, audit: Audit) -> None:
        marks = {row.reservation_id: [row.mark.value, row.found_shipment_id,
                                      row.marked_at.isoformat() if row.marked_at else None]
                 for row in audit.rows if row.mark is not Mark.UNCHECKED}
        body = json.dumps({"location_id": audit.location_id, "started_at": audit.started_at.isoformat(),
                           "marks": marks}, ensure_ascii=False, sort_keys=True)
        make_private_dir(self.path.parent)
        tmp = self.path.with_name(self.path.name + ".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(body)
        os.replace(tmp, self.path)

    def load(self) -> SavedAudit | None:
        """The interrupted audit, or None (none kept, another location's, or a damaged file)."""
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            if raw["location_id"] != self.location_id:
                return None
            marks: dict[str, tuple[Mark, str, datetime | None]] = {}
            for rid, (mark, found, at) in dict(raw["marks"]).items():
                marks[str(rid)] = (Mark(mark), str(found), datetime.fromisoformat(at) if at else None)
            return SavedAudit(self.location_id, datetime.fromisoformat(raw["started_at"]), marks)
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def clear(self) -> None:
        """The audit is finished: nothing to resume."""
        self.path.unlink(missing_ok=True)
