"""Reports flows without Qt against a real sandbox: recent activity and its days, the action log filter,
the full-report request with its date checks, failures as a Problem."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from lok_desk.api import models
from lok_desk.core.owner._flow import Outcome
from lok_desk.core.owner.reports import (
    ReportsPresenter,
    activity_by_day,
    log_matches,
    report_span,
)
from lok_desk.core.problems import Kind
from lok_desk.core.service import DeskService
from tests.e2e.conftest import FIRST_LOCATION, Clients, SandboxControl, reservation_request

MEXICO = timezone(timedelta(hours=-6))


def test_activity_counts_fall_on_the_lockers_own_day() -> None:
    late_evening = models.RecentActivityRow(order_id="1", timezone="America/Mexico_City",
                                            reserved_at=datetime(2026, 3, 3, 2, 0, tzinfo=UTC),
                                            delivered_at=datetime(2026, 3, 3, 7, 0, tzinfo=UTC))
    unknown_zone = models.RecentActivityRow(order_id="2", timezone="Mars/Olympus",
                                            cancelled_at=datetime(2026, 3, 3, 2, 0, tzinfo=UTC))
    days = activity_by_day([late_evening, unknown_zone])
    assert days[date(2026, 3, 2)]["reserved"] == 1          # 20:00 in Mexico City
    assert days[date(2026, 3, 3)]["delivered"] == 1
    assert days[date(2026, 3, 3)]["cancelled"] == 1          # an unknown zone reads as UTC


def test_the_action_log_filter_by_result_and_text() -> None:
    ok = models.ActionLogEntry(resource="GET /api/v2/company/webhook", status=200, user_email="owner@demo")
    refused = models.ActionLogEntry(resource="PUT /api/v2/company/webhook", status=400,
                                    payload='{"url": "x"}')
    odd = models.ActionLogEntry(resource="GET /x", status="weird")
    entries = [ok, refused, odd]
    assert [e for e in entries if log_matches(e, status_class=4)] == [refused]
    assert [e for e in entries if log_matches(e, "OWNER@")] == [ok]
    assert [e for e in entries if log_matches(e, '"url"', 4)] == [refused]
    assert [e for e in entries if log_matches(e)] == entries


def test_the_report_span_names_the_field_at_fault() -> None:
    now = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
    wrong_order = report_span(date(2026, 3, 5), date(2026, 3, 1), now=now, local=MEXICO)
    assert isinstance(wrong_order, Outcome) and wrong_order.problem is not None
    assert wrong_order.problem.kind is Kind.INVALID and wrong_order.problem.fields == ("until",)
    assert wrong_order.message("until").english() == "The last day is before the first day."
    future = report_span(date(2026, 3, 11), date(2026, 3, 12), now=now, local=MEXICO)
    assert isinstance(future, Outcome) and future.problem is not None
    assert future.problem.fields == ("from",)
    span = report_span(date(2026, 3, 1), date(2026, 3, 10), now=now, local=MEXICO)
    assert span == (datetime(2026, 3, 1, 6, 0, tzinfo=UTC), now)   # never past now


async def test_loads_and_requests_and_a_failure_is_a_problem(lok: Clients, control: SandboxControl) -> None:
    owner = await lok("owner")
    await owner.create_reservation(FIRST_LOCATION, reservation_request())
    reports = ReportsPresenter(DeskService(owner))
    heard: list[int] = []
    reports.changed.add(lambda: heard.append(len(reports.activity)))
    assert await reports.load_activity() is None
    assert reports.activity and heard == [len(reports.activity)]
    assert sum(c["reserved"] for c in reports.days.values()) >= 1
    assert await reports.load_logs() is None and reports.logs

    today = date.today()
    answer = await reports.request_report(today - timedelta(days=7), today)
    assert answer.problem is None and answer.value

    await control.faults({"method": "GET", "path": "/api/v2/company/action_logs$", "status": 503,
                          "times": 10})
    before = list(reports.logs)
    problem = await reports.load_logs()
    assert problem is not None and problem.kind is Kind.SERVER
    assert problem.doing == "loading the action log"
    assert reports.logs == before                               # what was shown stays


def test_reads_are_told_from_changes_and_hidden_on_request() -> None:
    from lok_desk.core.owner.reports import is_read

    read = models.ActionLogEntry(resource="GET /company/reservations", status=200)
    change = models.ActionLogEntry(resource="POST /company/reservations", status=201)
    odd = models.ActionLogEntry(resource=None, status=200)   # no method: shown, never taken for a read

    assert [is_read(e) for e in (read, change, odd)] == [True, False, False]
    assert not log_matches(read, reads=False)
    assert log_matches(read, reads=True)
    assert log_matches(change, reads=False) and log_matches(odd, reads=False)
