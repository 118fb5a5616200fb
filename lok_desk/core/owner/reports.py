"""Reports flows (no Qt): recent activity (#23) and its counts per day, the action log (#1) and its filter,
the full-report request (#19) with its date checks, and the rows each Reports export writes.

`ReportsPresenter` holds what was loaded; the view shows `activity`, `logs` and the outcome of a request,
and redraws when `changed` runs. Failures come back as a `Problem` (lok_desk/core/problems.py).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from lok_desk.api import LokError, models
from lok_desk.core.csv_export import ident
from lok_desk.core.owner._flow import Call, Listeners, Outcome, direct, problem_of, refused
from lok_desk.core.problems import QT_TRANSLATE_NOOP, Problem
from lok_desk.core.service import DeskService
from lok_desk.core.text import Text

__all__ = [
    "ACTIVITY_COLUMNS", "CHART_STATUSES", "LOG_COLUMNS", "ReportRequest", "ReportsPresenter",
    "action_log_records", "activity_by_day", "activity_records", "is_read", "log_matches", "report_span",
    "zone",
]

CONTEXT = "ReportsPane"
# The four moments the recent-activity CSV records, in the order a parcel lives them.
CHART_STATUSES: tuple[tuple[str, str], ...] = (
    ("reserved", "reserved_at"),
    ("delivered", "delivered_at"),
    ("picked_up", "picked_up_at"),
    ("cancelled", "cancelled_at"),
)
# Columns of the two exports (lok_desk/core/csv_export.py writes them).
ACTIVITY_COLUMNS = ("order_id", "locker", "reserved_at", "delivered_at", "picked_up_at", "cancelled_at",
                    "box", "timezone")
LOG_COLUMNS = ("timestamp", "resource", "status", "user_email", "origin", "payload")

LOADING_ACTIVITY = QT_TRANSLATE_NOOP("explain_error", "loading recent activity")
LOADING_LOGS = QT_TRANSLATE_NOOP("explain_error", "loading the action log")
REQUESTING = QT_TRANSLATE_NOOP("explain_error", "requesting the report")
LAST_BEFORE_FIRST = QT_TRANSLATE_NOOP("ReportsPane", "The last day is before the first day.")
FIRST_IN_FUTURE = QT_TRANSLATE_NOOP("ReportsPane", "The first day is in the future.")


def zone(name: str | None) -> tzinfo:
    """The IANA zone, or UTC when the server sends a name this machine does not know."""
    try:
        return ZoneInfo(name) if name else UTC
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def _local(value: datetime | None, tz_name: str) -> datetime | None:
    return _aware(value).astimezone(zone(tz_name)) if value is not None else None


def activity_by_day(rows: Iterable[models.RecentActivityRow]) -> dict[date, Counter[str]]:
    """For each day (in the locker's own time zone), how many reservations reached each moment."""
    days: dict[date, Counter[str]] = {}
    for row in rows:
        for status, attribute in CHART_STATUSES:
            when = _local(getattr(row, attribute), row.timezone)
            if when is not None:
                days.setdefault(when.date(), Counter())[status] += 1
    return dict(sorted(days.items()))


def activity_records(rows: Iterable[models.RecentActivityRow]) -> list[list[object]]:
    """Recent activity as the export writes it: times in each locker's zone with their offset."""
    return [[ident(r.order_id), r.locker, *(_local(getattr(r, attribute), r.timezone)
                                            for _status, attribute in CHART_STATUSES),
             ident(r.box), r.timezone] for r in rows]


def action_log_records(entries: Iterable[models.ActionLogEntry]) -> list[list[object]]:
    """The action log as the export writes it: Lok's values, whole (the table cuts long payloads)."""
    return [[e.timestamp, e.resource, e.status, e.user_email, e.origin, e.payload] for e in entries]


# Methods that change nothing: Lok logs every API call, so most lines are desks (and other programs)
# reading lists to stay fresh; the people's changes are the other methods.
READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def is_read(entry: models.ActionLogEntry) -> bool:
    """A line of the action log that only read (resource "GET /path"): a desk syncing, not a change."""
    method, _, _path = (entry.resource or "").strip().partition(" ")
    return method.upper() in READ_METHODS


def log_matches(entry: models.ActionLogEntry, text: str = "", status_class: int = 0, *,
                reads: bool = True) -> bool:
    """The action log's filter: reads shown or not, a result class (2, 4, 5 for 2xx/4xx/5xx; 0 any) and
    free text over every field, ignoring case."""
    if not reads and is_read(entry):
        return False
    if status_class and not (isinstance(entry.status, int) and entry.status // 100 == status_class):
        return False
    needle = text.strip().casefold()
    if not needle:
        return True
    stamp = _aware(entry.timestamp).isoformat() if entry.timestamp is not None else ""
    fields = (entry.resource, entry.user_email, entry.origin, entry.payload, str(entry.status or ""), stamp)
    return any(needle in (field or "").casefold() for field in fields)


# What a request for the full report came to: Lok's answer, or the problem (fields "from", "until").
ReportRequest = Outcome[str]


def report_span(first: date, last: date, *, now: datetime | None = None,
                local: tzinfo | None = None) -> tuple[datetime, datetime] | ReportRequest:
    """From the start of the first day to the end of the last (in `local`, this computer's zone), in UTC
    and never past now; or the refusal naming the field ("from" or "until")."""
    moment = _aware(now or datetime.now(UTC))
    here = local or moment.astimezone().tzinfo or UTC
    if first > last:
        return _refused("until", LAST_BEFORE_FIRST)
    if first > moment.astimezone(here).date():
        return _refused("from", FIRST_IN_FUTURE)
    start = datetime.combine(first, time.min, tzinfo=here)
    end = min(datetime.combine(last + timedelta(days=1), time.min, tzinfo=here), moment)
    return start.astimezone(UTC), end.astimezone(UTC)


def _refused(field: str, message: str) -> ReportRequest:
    return refused({field: Text.of(CONTEXT, message)})


class ReportsPresenter:
    """Loads the two reports and asks for the full one; `changed` runs after each load."""

    def __init__(self, service: DeskService, call: Call | None = None) -> None:
        self._service = service
        self._call: Call = call or direct
        self.changed = Listeners()
        self.activity: list[models.RecentActivityRow] = []
        self.logs: list[models.ActionLogEntry] = []
        self.activity_loaded_at: datetime | None = None
        self.logs_loaded_at: datetime | None = None

    @property
    def days(self) -> dict[date, Counter[str]]:
        return activity_by_day(self.activity)

    async def load_activity(self) -> Problem | None:
        try:
            text = await self._call(self._service.get_recent_activity_csv())
        except LokError as error:
            return problem_of(error, LOADING_ACTIVITY)
        self.activity = models.parse_recent_activity(text)
        self.activity_loaded_at = datetime.now(UTC)
        self.changed()
        return None

    async def load_logs(self) -> Problem | None:
        try:
            entries = await self._call(self._service.get_action_logs())
        except LokError as error:
            return problem_of(error, LOADING_LOGS)
        self.logs = list(entries)
        self.logs_loaded_at = datetime.now(UTC)
        self.changed()
        return None

    async def request_report(self, first: date, last: date, *, now: datetime | None = None,
                             local: tzinfo | None = None) -> ReportRequest:
        """#19 for the days chosen: Lok e-mails the whole action log of that span."""
        span = report_span(first, last, now=now, local=local)
        if isinstance(span, Outcome):
            return span
        try:
            reply = await self._call(self._service.request_action_log_report(from_=span[0], until=span[1]))
        except LokError as error:
            return Outcome(problem=problem_of(error, REQUESTING))
        return Outcome(value=reply.message or "")
