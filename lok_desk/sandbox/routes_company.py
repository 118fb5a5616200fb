"""Company routes: action logs and reports (#1, #19, #23), notification e-mails (#5, #6) and webhook
settings (#9, #10, #34); the directories are in routes_directories.py."""

from __future__ import annotations

import re
import sqlite3
from typing import Annotated, Any

from fastapi import APIRouter, Query
from starlette.responses import Response

from lok_desk.sandbox.auth import Capability, User, may_see_webhook_secret, needs
from lok_desk.sandbox.clock import MS_PER_DAY, in_range, iso, parse_instant
from lok_desk.sandbox.deps import StateDep, UserDep, json_response
from lok_desk.sandbox.errors import invalid
from lok_desk.sandbox.schemas import (
    NotificationEmailsUpdate,
    WebhookStatus,
    WebhookUpdate,
)
from lok_desk.sandbox.store import dumps, loads
from lok_desk.sandbox.webhooks import ALL_EVENTS, check_url, new_secret

router = APIRouter(tags=["company"])

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


# -- action logs and reports ----------------------------------------------------------------------


@router.get("/company/action_logs", summary="#1 Activity log (last 1000)")
@needs(Capability.LOGS)
async def action_logs(state: StateDep, user: UserDep) -> Response:
    Capability.LOGS.check(user)
    rows = state.store.conn.execute(
        "SELECT * FROM action_logs WHERE company_id = ? ORDER BY id DESC LIMIT 1000", (user.company_id,)
    ).fetchall()
    entries = [
        {
            "resource": r["resource"],
            "status": r["status"],
            "user_email": r["user_email"] or "",
            "referer": r["referer"] or "",
            "origin": r["origin"] or "",
            "timestamp": r["timestamp"],
            "payload": r["payload"],
        }
        for r in rows
    ]
    return json_response({"action_logs": entries})


@router.get("/company/action_logs/csv", summary="#19 Request activity report")
@needs(Capability.LOGS)
async def action_log_report(
    state: StateDep,
    user: UserDep,
    from_: Annotated[str, Query(alias="from", max_length=64)] = "1653342119905",
    until: Annotated[str, Query(max_length=64)] = "now",
) -> Response:
    Capability.LOGS.check(user)
    start = parse_instant(from_)
    if start is None or not in_range(start):
        raise invalid("from must be epoch milliseconds or an ISO 8601 date", ["from"], "query")
    end = state.clock.now_ms() if until.strip().lower() == "now" else parse_instant(until)
    if end is None or not in_range(end):
        raise invalid("until must be epoch milliseconds, an ISO 8601 date or now", ["until"], "query")
    if end < start:
        raise invalid("until is before from", ["from", "until"], "query")
    company = state.store.conn.execute(
        "SELECT administrator_email, operator_email FROM companies WHERE id = ?", (user.company_id,)
    ).fetchone()
    to = (
        (company["administrator_email"] or company["operator_email"] or user.email) if company else user.email
    )
    return json_response(
        {
            "status_code": 200,
            "message": f"The activity report from {iso(start)} to {iso(end)} will be sent to {to}",
        }
    )


RECENT_ACTIVITY_COLUMNS = (
    "Id de pedido",
    "Locker",
    "Huso horario",
    "Torre",
    "Casillero",
    "Reservación",
    "Depósito",
    "Recolección",
    "Cancelación",
)


def _csv_line(fields: list[str]) -> str:
    # As in the reference's example: every field double-quoted, separated by comma + space.
    return ", ".join('"' + f.replace('"', '""') + '"' for f in fields)


@router.get("/company/reports/recent_activity", summary="#23 Recent-activity CSV")
@needs(Capability.LOGS)
async def recent_activity(state: StateDep, user: UserDep) -> Response:
    Capability.LOGS.check(user)
    conn = state.store.conn
    since = iso(state.clock.now_ms() - 2 * MS_PER_DAY)
    rows = conn.execute(
        "SELECT r.doc, l.doc AS location FROM reservations r JOIN locations l ON l.id = r.location_id "
        "WHERE r.company_id = ? AND r.updated_at >= ? ORDER BY r.created_at",
        (user.company_id, since),
    ).fetchall()
    lines = [_csv_line(list(RECENT_ACTIVITY_COLUMNS))]
    for row in rows:
        doc, location = loads(row["doc"]), loads(row["location"])
        first: dict[str, str] = {}
        for event in doc["event_history"]:
            first.setdefault(event["status"], event["date"])
        box = str(doc.get("locker", {}).get("uuid") or "")
        lines.append(
            _csv_line(
                [
                    str(doc.get("shipment_id") or doc["id"]),
                    location["internal_name"],
                    location["timezone"],
                    box[:8],
                    box,
                    doc["created_at"],
                    first.get("delivered", ""),
                    first.get("picked_up", ""),
                    first.get("cancelled", ""),
                ]
            )
        )
    return Response("\r\n".join(lines) + "\r\n", media_type="text/csv; charset=utf-8")


# -- notification e-mails -------------------------------------------------------------------------


def _emails_body(conn: sqlite3.Connection, company_id: str) -> dict[str, Any]:
    row = conn.execute(
        "SELECT operator_email, administrator_email FROM companies WHERE id = ?", (company_id,)
    ).fetchone()
    emails: dict[str, str] = {}
    if row is not None:
        if row["operator_email"]:
            emails["operator"] = row["operator_email"]
        if row["administrator_email"]:
            emails["administrator"] = row["administrator_email"]
    return {"status_code": 200, "management_emails": emails}


@router.get("/company/notification_emails", summary="#5 Get notification emails")
@needs(Capability.SETTINGS_READ)
async def get_notification_emails(state: StateDep, user: UserDep) -> Response:
    Capability.SETTINGS_READ.check(user)
    return json_response(_emails_body(state.store.conn, user.company_id))


@router.put("/company/notification_emails", summary="#6 Edit notification emails")
@needs(Capability.SETTINGS_WRITE)
async def put_notification_emails(body: NotificationEmailsUpdate, state: StateDep, user: UserDep) -> Response:
    Capability.SETTINGS_WRITE.check(user)
    bad = [
        k
        for k in ("operator_email", "administrator_email")
        if getattr(body, k) and not _EMAIL.match(str(getattr(body, k)))
    ]
    if bad:
        raise invalid("Not an e-mail address: " + ", ".join(bad), bad)
    with state.store.transaction() as conn:
        # An empty string clears the address; an omitted key keeps it.
        if body.operator_email is not None:
            conn.execute(
                "UPDATE companies SET operator_email = ? WHERE id = ?",
                (body.operator_email or None, user.company_id),
            )
        if body.administrator_email is not None:
            conn.execute(
                "UPDATE companies SET administrator_email = ? WHERE id = ?",
                (body.administrator_email or None, user.company_id),
            )
        out = _emails_body(conn, user.company_id)
    return json_response(out)


# -- webhook settings -----------------------------------------------------------------------------


def _webhook_body(conn: sqlite3.Connection, user: User) -> dict[str, Any]:
    row = conn.execute("SELECT * FROM webhooks WHERE company_id = ?", (user.company_id,)).fetchone()
    if row is None:
        # Nothing configured yet: an empty, disabled webhook (no secret until PUT creates it).
        webhook: dict[str, Any] = {"enabled": False, "secret": "", "url": "", "events": []}
    else:
        webhook = {
            "enabled": bool(row["enabled"]),
            "secret": row["secret"],
            "url": row["url"],
            "events": loads(row["events"]),
        }
    if not may_see_webhook_secret(user):
        # Reporter and admin read the settings, never the key that signs the company's events.
        del webhook["secret"]
    return {"status_code": 200, "webhook": webhook}


@router.get("/company/webhook", summary="#9 Get webhook settings")
@needs(Capability.SETTINGS_READ)
async def get_webhook(state: StateDep, user: UserDep) -> Response:
    Capability.SETTINGS_READ.check(user)
    return json_response(_webhook_body(state.store.conn, user))


@router.put("/company/webhook", summary="#10 Update webhook settings")
@needs(Capability.SETTINGS_WRITE)
async def put_webhook(body: WebhookUpdate, state: StateDep, user: UserDep) -> Response:
    Capability.SETTINGS_WRITE.check(user)
    url = body.url.strip()
    check_url(url)
    # Omitted means every event; an explicit [] means none (docs/decisions.md, "Webhook events").
    chosen = body.events
    events = list(ALL_EVENTS) if chosen is None else list(dict.fromkeys(e.value for e in chosen))
    with state.store.transaction() as conn:
        row = conn.execute("SELECT secret FROM webhooks WHERE company_id = ?", (user.company_id,)).fetchone()
        if row is None:
            conn.execute(
                "INSERT INTO webhooks (company_id, url, secret, events, enabled) VALUES (?, ?, ?, ?, 1)",
                (user.company_id, url, new_secret(), dumps(events)),
            )
        else:
            previous = conn.execute(
                "SELECT url FROM webhooks WHERE company_id = ?", (user.company_id,)
            ).fetchone()[0]
            conn.execute(
                "UPDATE webhooks SET url = ?, events = ? WHERE company_id = ?",
                (url, dumps(events), user.company_id),
            )
            if previous != url:
                # Queued deliveries go to the current URL (read when sent); a new receiver gets the
                # waiting ones now rather than after the old URL's back-off.
                conn.execute(
                    "UPDATE outbox SET url = ?, next_attempt_ms = MIN(next_attempt_ms, ?) "
                    "WHERE company_id = ? AND status IN ('pending', 'failed')",
                    (url, state.clock.now_ms(), user.company_id),
                )
        out = _webhook_body(conn, user)
    state.poke_worker()
    return json_response(out)


@router.put("/company/webhook/status", summary="#34 Toggle webhook")
@needs(Capability.SETTINGS_WRITE)
async def put_webhook_status(body: WebhookStatus, state: StateDep, user: UserDep) -> Response:
    Capability.SETTINGS_WRITE.check(user)
    with state.store.transaction() as conn:
        done = conn.execute(
            "UPDATE webhooks SET enabled = ? WHERE company_id = ?", (int(body.enabled), user.company_id)
        ).rowcount
        if not done:
            raise invalid("Set the webhook URL (PUT /company/webhook) before enabling it", ["enabled"])
    state.poke_worker()
    return json_response(
        {"status_code": 200, "message": "Webhook enabled" if body.enabled else "Webhook disabled"}
    )
