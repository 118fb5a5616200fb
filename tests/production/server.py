"""A production-variant Lok for tests: real HTTP on loopback, answering the way a real server might.

Not the sandbox and not a mock transport: a small Starlette app on uvicorn, in a thread, with its own
records. Each `Variant` field switches one way real Lok may differ from its reference (docs/decisions.md,
Tolerant client, exact sandbox) — token expiry formats, 401 styles, RFC 6749 error bodies, deviant record
forms, unreadable records, paging that caps/omits/short-changes, Retry-After, lost replies, empty 204s,
redirects — so the client (and `lok-desk-check`) can be run against each of them.

The server keeps its records in canonical form (Python datetimes, text ids) and only renders them
in the variant's forms, so tests compare what the client read with what the server holds.
"""

from __future__ import annotations

import asyncio
import contextlib
import email.utils
import json
import secrets
import socket
import threading
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

CLIENTS: dict[str, tuple[str, str, str | None]] = {
    # client id: (secret, scope, location)
    "prod-owner": ("prod-owner-secret", "owner", None),
    "prod-employee": ("prod-employee-secret", "employee", "1"),
}
BASE_TIME = datetime(2026, 11, 20, 15, 30, tzinfo=UTC)
DATE_FORMS = ("iso", "rfc1123", "epoch_s", "epoch_ms", "epoch_ms_text", "iso_naive")


@dataclass
class Variant:
    """How this server deviates from the contract. The defaults follow the contract exactly."""

    #: Token expiry: iso, rfc1123, epoch_s, epoch_ms, epoch_ms_text, expires_in, none.
    expiry: str = "iso"
    #: 401 for an expired/revoked token: INVALID_TOKEN, INVALID_GRANT, or "bare" (no Lok body).
    unauthorized: str = "INVALID_TOKEN"
    #: Error bodies of POST /oauth/token: "lok" envelope, "rfc6749" `{error, error_description}`, or
    #: "bare" (a 401 with only `WWW-Authenticate`).
    token_errors: str = "lok"
    #: Error `message` as text or as a list of texts.
    message_list: bool = False
    #: Records in the contract's forms ("contract") or in production-like forms ("production").
    records: str = "contract"
    #: Unreadable records slipped into every list page (JSON null, a string, an id that is an object).
    unreadable_per_page: int = 0
    #: Paging: contract, capped (page size capped, envelope says so), silent_cap (capped, no envelope),
    #: bare_list (a JSON list, no envelope), short (announces more records than it sends),
    #: refuse_large (400 for page_size above the cap), echo_cap (capped, but the envelope is worked
    #: out from the asked size: `page_size` echoes it, `total_pages` follows from it, `total` is true).
    paging: str = "contract"
    page_cap: int = 100
    #: Paging faults that combine with the above: every page number answered with page 1 (the server
    #: ignores `page`); the first ask for each page after the first answered with the page before it
    #: (a stale cache repeating a page once).
    ignore_page: bool = False
    repeat_pages: bool = False
    #: Empty 204 answers to writes (#6, #10, #34) instead of their documented bodies.
    empty_writes: bool = False
    #: Redirect reads under /company: none, same_origin (307 to /api/v2/moved/...), cross_origin.
    redirect: str = "none"
    redirect_target: str = ""


@dataclass
class Throttle:
    """Answers to come on one route before serving it: each is (status, Retry-After header or None)."""

    answers: list[tuple[int, str | None]] = field(default_factory=list)
    #: For a create: carry it out before answering 429 (a server that counted it anyway).
    perform_first: bool = False


@dataclass
class Seen:
    method: str
    path: str
    authorized: bool
    authorization: str | None = field(repr=False, default=None)


def http_date(when: datetime) -> str:
    return email.utils.format_datetime(when.astimezone(UTC), usegmt=True)


def render_date(when: datetime | None, form: str) -> Any:
    if when is None:
        return None
    when = when.astimezone(UTC)
    if form == "iso":
        return when.isoformat(timespec="milliseconds").replace("+00:00", "Z")
    if form == "iso_naive":
        return when.replace(tzinfo=None).isoformat(timespec="seconds")
    if form == "rfc1123":
        return http_date(when)
    if form == "epoch_s":
        return int(when.timestamp())
    if form == "epoch_ms":
        return int(when.timestamp() * 1000)
    if form == "epoch_ms_text":
        return str(int(when.timestamp() * 1000))
    raise ValueError(form)


@dataclass
class ProductionLok:
    """The records and the variant knobs; the app reads both on every request (tests change them)."""

    variant: Variant = field(default_factory=Variant)
    token_lifetime: int = 3600
    #: Refuse every token, even fresh ones (a server whose tokens do not work for this client).
    refuse_tokens: bool = False
    tokens: dict[str, tuple[str, datetime]] = field(default_factory=dict, repr=False)
    reservations: list[dict[str, Any]] = field(default_factory=list)
    locations: list[dict[str, Any]] = field(default_factory=list)
    directories: list[dict[str, Any]] = field(default_factory=list)
    action_logs: list[dict[str, Any]] = field(default_factory=list)
    webhook: dict[str, Any] = field(default_factory=lambda: {"enabled": False, "url": None, "events": None})
    emails: dict[str, Any] = field(
        default_factory=lambda: {"operator": "ops@example.test", "administrator": None}
    )
    throttles: dict[tuple[str, str], Throttle] = field(default_factory=dict)
    lose_reply_once: set[tuple[str, str]] = field(default_factory=set)
    seen: list[Seen] = field(default_factory=list)
    #: (path, page) already answered with the page before it (Variant.repeat_pages repeats each once).
    repeated: set[tuple[str, int]] = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def __post_init__(self) -> None:
        if not self.reservations:
            self.seed()

    def seed(self, reservations: int = 57) -> None:
        self.locations = [
            {
                "id": str(n),
                "uuid": f"locker-{n}",
                "internal_name": name,
                "timezone": zone,
                "address": {
                    "street": "Insurgentes",
                    "number": str(100 + n),
                    "town": "Roma",
                    "zip_code": f"0{6700 + n}",
                },
                "coords": {"latitude": 19.4 + n / 100, "longitude": -99.1 - n / 100},
                "service_days": [
                    {
                        "weekday": day,
                        "string_weekday": weekday,
                        "opening_time": "09:00",
                        "closing_time": "18:00",
                    }
                    for day, weekday in ((1, "monday"), (3, "wednesday"), (0, "sunday"))
                ],
                "boxes": [{"size": "m", "total": 4, "occupied": 1, "available": True}],
            }
            for n, name, zone in (
                (1, "Antara", "America/Mexico_City"),
                (2, "Plaza Río", "America/Tijuana"),
                (3, "Galerías", "UTC"),
                (4, "Coyoacán", "America/Mexico_City"),
            )
        ]
        statuses = ("reserved", "delivered", "picked_up", "cancelled", "pending")
        self.reservations = []
        for n in range(reservations):
            created = BASE_TIME + timedelta(hours=n)
            status = statuses[n % len(statuses)]
            history = [("pending" if status == "pending" else "reserved", created)]
            if status in ("delivered", "picked_up"):
                history.append(("delivered", created + timedelta(hours=2)))
            if status in ("picked_up", "cancelled"):
                history.append((status, created + timedelta(hours=5)))
            self.reservations.append(
                {
                    "id": str(1000 + n),
                    "shipment_id": str(900_000 + n),
                    "location": str(1 + n % 3),
                    "created_at": created,
                    "updated_at": history[-1][1],
                    "delivery_due_date": created + timedelta(days=2),
                    "pickup_due_date": created + timedelta(days=4) if status != "pending" else None,
                    "event_history": history,
                    "package_info": {"weight": 1.5, "value": 450.0},
                    "additional": {"pedido": f"A-{n}"} if n % 4 == 0 else {},
                    "shipping": {"fee": "123.50", "tracking_id": str(70_000 + n)} if n % 6 == 0 else None,
                    "contact_info": {"name": "Ana García", "email": "ana@example.test"} if n % 2 else None,
                    "is_confirmed": status != "pending",
                }
            )
        self.directories = [
            {
                "id": "D1",
                "name": "Clientes",
                "isActive": True,
                "created_at": BASE_TIME,
                "contacts": [
                    {
                        "name": "Ana",
                        "last_name": "García",
                        "email": "ana@example.test",
                        "gender": "female",
                        "age": 34,
                    },
                    {"name": "Luis", "last_name": "Pérez", "gender": "male", "age": 41},
                ],
            }
        ]
        self.action_logs = [
            {
                "resource": "/company/reservations",
                "status": 200,
                "user_email": "o@example.test",
                "timestamp": BASE_TIME + timedelta(minutes=n),
                "payload": json.dumps({"page": n}),
            }
            for n in range(5)
        ]

    # --- auth ---------------------------------------------------------------------------------

    def issue(self, client_id: str, now: datetime) -> dict[str, Any]:
        token = "prod-" + secrets.token_urlsafe(16)
        expires = now + timedelta(seconds=self.token_lifetime)
        with self.lock:
            self.tokens[token] = (client_id, expires)
        body: dict[str, Any] = {"status_code": 200, "access_token": token, "scope": CLIENTS[client_id][1]}
        form = self.variant.expiry
        if form == "expires_in":
            body.update(expires_in=self.token_lifetime, token_type="Bearer")
        elif form != "none":
            body["access_token_expires_at"] = render_date(expires, form)
        return body

    def revoke_all(self) -> None:
        """Every token issued so far is refused from now on (as after a server-side expiry)."""
        with self.lock:
            self.tokens.clear()

    def client_of(self, request: Request) -> str | None:
        header = request.headers.get("authorization", "")
        if not header.startswith("Bearer ") or self.refuse_tokens:
            return None
        with self.lock:
            entry = self.tokens.get(header.removeprefix("Bearer "))
        if entry is None or entry[1] <= datetime.now(UTC):
            return None
        return entry[0]

    # --- rendering ----------------------------------------------------------------------------

    def _date(self, when: datetime | None, index: int) -> Any:
        if self.variant.records != "production":
            return render_date(when, "iso")
        return render_date(when, DATE_FORMS[index % len(DATE_FORMS)])

    def render_reservation(self, record: dict[str, Any], index: int) -> dict[str, Any]:
        production = self.variant.records == "production"
        body: dict[str, Any] = {
            "id": int(record["id"]) if production else record["id"],
            "shipment_id": int(record["shipment_id"]) if production and index % 2 else record["shipment_id"],
            "location": record["location"],
            "is_confirmed": record["is_confirmed"],
            "created_at": self._date(record["created_at"], index),
            "updated_at": self._date(record["updated_at"], index + 1),
            "delivery_due_date": self._date(record["delivery_due_date"], index + 2),
            "pickup_due_date": self._date(record["pickup_due_date"], index + 3),
            "event_history": [
                {
                    "status": status.upper() if production and index % 3 == 0 else status,
                    "date": self._date(date, index + i),
                }
                for i, (status, date) in enumerate(record["event_history"])
            ],
            "package_info": dict(record["package_info"]),
            "additional": record["additional"] or ([] if production else {}),
            "contact_info": record["contact_info"],
        }
        shipping = record["shipping"]
        if shipping is None:
            body["shipping"] = ([] if index % 2 else None) if production else {}
        else:
            body["shipping"] = dict(shipping)
            if production:
                body["shipping"]["fee"] = float(shipping["fee"])
                body["shipping"]["tracking_id"] = int(shipping["tracking_id"])
        if production:
            body["package_info"] = {"weight": str(record["package_info"]["weight"]), "value": 450}
            body["recipient_info"] = None
        if not production and body["contact_info"] is None:
            del body["contact_info"]
        if not production and body["pickup_due_date"] is None:
            del body["pickup_due_date"]
        return body

    def render_location(self, record: dict[str, Any], index: int) -> dict[str, Any]:
        body = json.loads(json.dumps(record))
        if self.variant.records != "production":
            return body
        coords = record["coords"]
        lat, lng = coords["latitude"], coords["longitude"]
        body["coords"] = (
            {"lat": lat, "lng": lng},
            {"lat": lat, "long": lng},
            {"latitude": lat, "longitude": lng},
            None,
        )[index % 4]
        body["id"] = int(record["id"])
        body["address"]["zip_code"] = int(record["address"]["zip_code"])
        days = []
        for i, day in enumerate(record["service_days"]):
            style = (index + i) % 3
            if style == 0:
                days.append(
                    {
                        "weekday": day["string_weekday"].capitalize(),
                        "opening_time": "09:00",
                        "closing_time": "18:00",
                    }
                )
            elif style == 1:
                days.append({"weekday": day["weekday"], "opening_time": "09:00", "closing_time": "18:00"})
            else:
                days.append(
                    {
                        "weekday": str(day["weekday"]),
                        "string_weekday": day["string_weekday"].upper(),
                        "opening_time": "09:00",
                        "closing_time": "18:00",
                        "phone": None,
                    }
                )
        body["service_days"] = days
        return body

    def render_directory(self, record: dict[str, Any], *, detail: bool) -> dict[str, Any]:
        body: dict[str, Any] = {k: v for k, v in record.items() if k != "contacts"}
        body["created_at"] = self._date(record["created_at"], 1)
        if detail:
            contacts = [dict(c) for c in record["contacts"]]
            if self.variant.records == "production":
                for contact in contacts:
                    contact.pop("gender", None)
                    contact.pop("age", None)
            body["contacts"] = contacts
            body["locations"] = {} if self.variant.records == "production" else []
        return body

    def render_log(self, record: dict[str, Any], index: int) -> dict[str, Any]:
        body = dict(record)
        body["timestamp"] = self._date(record["timestamp"], index)
        if self.variant.records == "production":
            body["payload"] = json.loads(record["payload"])
            body["status"] = (str(record["status"]), "success", {"code": record["status"]}, None)[index % 4]
        return body

    def unreadable(self) -> list[Any]:
        junk: list[Any] = [None, "record removed", {"id": {"$oid": "5f1e"}}, 42]
        return [junk[i % len(junk)] for i in range(self.variant.unreadable_per_page)]


def lok_error(status: int, error_type: str, message: str | list[str], *, variant: Variant) -> Response:
    text: str | list[str] = message
    if variant.message_list and isinstance(message, str):
        text = [part.strip() for part in message.split(";")]
    body = {"status_code": status, "type": error_type, "message": text}
    return Response(json.dumps(body), status_code=status, media_type="application/json")


def json_response(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(json.dumps(body), status_code=status, media_type="application/json", headers=headers)


class ProductionApp:
    """The ASGI routes of `ProductionLok`; every request goes through `dispatch`."""

    def __init__(self, lok: ProductionLok, origin: Callable[[], str]) -> None:
        self.lok = lok
        self.origin = origin

    @property
    def variant(self) -> Variant:
        return self.lok.variant

    async def dispatch(self, request: Request) -> Response:
        path = "/" + request.path_params["path"]
        method = request.method
        lok = self.lok
        lok.seen.append(
            Seen(method, path, "authorization" in request.headers, request.headers.get("authorization"))
        )
        throttle = lok.throttles.get((method, path))
        if throttle is not None and throttle.answers:
            status, retry_after = throttle.answers.pop(0)
            if throttle.perform_first and method == "POST":
                await self.route(request, path)
            headers = {"Retry-After": retry_after} if retry_after is not None else {}
            # Production gateways answer these without Lok's envelope (no `type`).
            text = "Too many requests" if status == 429 else "Service unavailable"
            return json_response({"message": text}, status=status, headers=headers)
        if self.variant.redirect != "none" and method == "GET" and path.startswith("/company/"):
            query = ("?" + request.url.query) if request.url.query else ""
            if self.variant.redirect == "same_origin":
                return Response(
                    status_code=307, headers={"Location": f"{self.origin()}/api/v2/moved{path}{query}"}
                )
            return Response(
                status_code=307, headers={"Location": f"{self.variant.redirect_target}/api/v2{path}{query}"}
            )
        if path.startswith("/moved/"):
            path = path.removeprefix("/moved")
        response = await self.route(request, path)
        if (method, path) in lok.lose_reply_once:
            lok.lose_reply_once.discard((method, path))
            # The gateway gave up waiting although Lok had done the work: the reply is lost.
            return Response(
                "<html><body>504 Gateway Time-out</body></html>", status_code=504, media_type="text/html"
            )
        return response

    def unauthorized(self) -> Response:
        style = self.variant.unauthorized
        if style == "bare":
            return Response(
                status_code=401,
                headers={
                    "WWW-Authenticate": (
                        'Bearer realm="lok", error="invalid_token", '
                        'error_description="The access token expired"'
                    )
                },
            )
        return lok_error(401, style, "The access token expired; request a new one", variant=self.variant)

    async def route(self, request: Request, path: str) -> Response:
        method = request.method
        lok = self.lok
        if path == "/oauth/token" and method == "POST":
            return await self.token(request)
        client_id = lok.client_of(request)
        if client_id is None:
            return self.unauthorized()
        scope = CLIENTS[client_id][1]
        parts = path.strip("/").split("/")
        if path == "/oauth/token" and method == "GET":
            header = request.headers["authorization"].removeprefix("Bearer ")
            return json_response(
                {
                    "status_code": 200,
                    "access_token_expires_at": render_date(lok.tokens[header][1], "iso"),
                    "scope": scope,
                }
            )
        if path == "/oauth/token" and method == "DELETE":
            return json_response({"status_code": 200, "message": "signed out"})
        if path == "/oauth/user":
            user = {
                "id": client_id,
                "name": "Prod",
                "scope": scope.upper() if self.variant.records == "production" else scope,
                "company": {"id": "C1", "name": "Lok Prod"},
                "location": CLIENTS[client_id][2],
            }
            return json_response({"status_code": 200, "user": user})
        if path in ("/company/reservations", "/company/pre_reservations", "/shipping/reservations") or (
            len(parts) == 3 and parts[0] == "locations" and parts[2] == "reservations" and method == "GET"
        ):
            if scope == "employee" and parts[0] != "locations":
                return lok_error(
                    403, "INSUFFICIENT_SCOPE", "employees list their own location", variant=self.variant
                )
            records = list(enumerate(lok.reservations))
            if parts[0] == "locations":
                records = [(i, r) for i, r in records if r["location"] == parts[1]]
            if path == "/company/pre_reservations":
                records = [(i, r) for i, r in records if not r["is_confirmed"]]
            if path == "/shipping/reservations":
                records = [(i, r) for i, r in records if r["shipping"] is not None]
            shipment = request.query_params.get("shipment_id")
            if shipment is not None:
                records = [(i, r) for i, r in records if r["shipment_id"] == shipment]
            return self.page(request, "reservations", [self.lok.render_reservation(r, i) for i, r in records])
        if path == "/company/locations" and method == "GET":
            return self.page(
                request, "locations", [lok.render_location(r, i) for i, r in enumerate(lok.locations)]
            )
        if len(parts) == 3 and parts[:2] == ["company", "locations"]:
            for i, record in enumerate(lok.locations):
                if record["id"] == parts[2]:
                    return json_response({"status_code": 200, "location": lok.render_location(record, i)})
            return lok_error(404, "ENTITY_NOT_FOUND", "location not found", variant=self.variant)
        if len(parts) == 3 and parts[0] == "locations" and parts[2] == "reservations" and method == "POST":
            return await self.create(request, parts[1])
        if len(parts) == 2 and parts[0] == "reservations":
            if method == "PUT":
                return await self.update_pre_reservation(request, parts[1])
            return self.reservation(method, parts[1])
        if len(parts) == 3 and parts[0] == "reservations" and parts[2] == "label":
            return json_response({"jpeg": "", "pdf": ""})
        if path == "/company/directories":
            rows = [lok.render_directory(d, detail=False) for d in lok.directories]
            return self.page(request, "directories", rows)
        if len(parts) == 3 and parts[:2] == ["company", "directories"]:
            for record in lok.directories:
                if record["id"] == parts[2]:
                    return json_response(
                        {"status_code": 200, "directory": lok.render_directory(record, detail=True)}
                    )
            return lok_error(404, "ENTITY_NOT_FOUND", "directory not found", variant=self.variant)
        if path == "/company/action_logs":
            return json_response(
                {"action_logs": [lok.render_log(r, i) for i, r in enumerate(lok.action_logs)]}
            )
        if path == "/company/reports/recent_activity":
            return Response('"Id de pedido","Locker"\n"1000","Antara"\n', media_type="text/csv")
        if path == "/company/notification_emails":
            if method == "PUT":
                body = await request.json()
                lok.emails = {
                    "operator": body.get("operator_email"),
                    "administrator": body.get("administrator_email"),
                }
                if self.variant.empty_writes:
                    return Response(status_code=204)
            return json_response({"status_code": 200, "management_emails": lok.emails})
        if path == "/company/webhook":
            if scope != "owner":
                return lok_error(403, "INSUFFICIENT_SCOPE", "owners only", variant=self.variant)
            if method == "PUT":
                body = await request.json()
                lok.webhook.update(url=body.get("url"), events=body.get("events"))
                if self.variant.empty_writes:
                    return Response(status_code=204)
            return json_response({"status_code": 200, "webhook": lok.webhook})
        if path == "/company/webhook/status" and method == "PUT":
            lok.webhook["enabled"] = bool((await request.json()).get("enabled"))
            if self.variant.empty_writes:
                return Response(status_code=204)
            return json_response({"status_code": 200, "message": "updated"})
        return lok_error(404, "NOT_FOUND", f"no route {method} {path}", variant=self.variant)

    async def token(self, request: Request) -> Response:
        # The form is parsed by hand: Starlette's form parser needs python-multipart, not a dependency.
        form = urllib.parse.parse_qs((await request.body()).decode("utf-8", "replace"))
        client_id = form.get("client_id", [""])[0]
        secret = form.get("client_secret", [""])[0]
        known = CLIENTS.get(client_id)
        if known is None or not secrets.compare_digest(known[0], secret):
            if self.variant.token_errors == "bare":
                return Response(status_code=401, headers={"WWW-Authenticate": 'Basic realm="lok"'})
            if self.variant.token_errors == "rfc6749":
                return json_response(
                    {
                        "error": "invalid_client",
                        "error_description": "Client authentication failed: unknown client",
                    },
                    status=401,
                    headers={"WWW-Authenticate": 'Basic realm="lok"'},
                )
            return lok_error(
                401, "INVALID_CLIENT", "unknown client; check the id and secret", variant=self.variant
            )
        return json_response(self.lok.issue(client_id, datetime.now(UTC)))

    def page(self, request: Request, key: str, rows: list[dict[str, Any]]) -> Response:
        variant = self.variant
        try:
            number = int(request.query_params.get("page", "1"))
            asked = int(request.query_params.get("page_size", "15"))
        except ValueError:
            return lok_error(400, "INVALID_REQUEST", "page and page_size must be numbers", variant=variant)
        if not 1 <= asked <= 100 or number < 1:
            return lok_error(400, "INVALID_REQUEST", "page_size out of range", variant=variant)
        if variant.paging == "refuse_large" and asked > variant.page_cap:
            body = {
                "status_code": 400,
                "type": "INVALID_REQUEST",
                "message": f"page_size must be at most {variant.page_cap}",
                "data": {"keys": ["page_size"]},
            }
            return json_response(body, status=400)
        size = (
            min(asked, variant.page_cap)
            if variant.paging in ("capped", "silent_cap", "refuse_large", "echo_cap")
            else asked
        )
        if variant.ignore_page:
            number = 1
        elif variant.repeat_pages and number > 1 and (request.url.path, number) not in self.lok.repeated:
            self.lok.repeated.add((request.url.path, number))
            number -= 1
        chunk = rows[(number - 1) * size : number * size]
        if variant.paging == "short" and number == 1:
            chunk = chunk[:-3]  # three rows the server announced never arrive
        items: list[Any] = list(chunk)
        if chunk:
            items[1:1] = self.lok.unreadable()
        if variant.paging in ("silent_cap", "bare_list"):
            if variant.paging == "bare_list":
                return json_response(items)
            return json_response({key: items})
        envelope = {
            "status_code": 200,
            key: items,
            "total": len(rows),
            "page": number,
            "page_size": size,
            "total_pages": -(-len(rows) // size),
        }
        if variant.paging == "echo_cap":
            envelope.update(page_size=asked, total_pages=-(-len(rows) // asked))
        if variant.unreadable_per_page:
            # Junk counts as records the server sent: every page carries some, and total says so.
            pages = envelope["total_pages"]
            envelope["total"] = len(rows) + variant.unreadable_per_page * pages
        return json_response(envelope)

    async def update_pre_reservation(self, request: Request, reservation_id: str) -> Response:
        body = await request.json()
        for index, record in enumerate(self.lok.reservations):
            if record["id"] == reservation_id and not record["is_confirmed"]:
                if "delivery_date" in body:
                    record["delivery_due_date"] = datetime.fromisoformat(body["delivery_date"])
                if self.variant.empty_writes:
                    return Response(status_code=204)
                rendered = self.lok.render_reservation(record, index)
                return json_response({"status_code": 200, "reservation": rendered, "tokens": {}})
        return lok_error(
            410, "INVALID_RESERVATION", "not an unconfirmed pre-reservation", variant=self.variant
        )

    def reservation(self, method: str, reservation_id: str) -> Response:
        found = [(i, r) for i, r in enumerate(self.lok.reservations) if r["id"] == reservation_id]
        if not found:
            return lok_error(404, "ENTITY_NOT_FOUND", "reservation not found", variant=self.variant)
        index, record = found[0]
        if method == "DELETE":
            status = record["event_history"][-1][0]
            if status not in ("pending", "reserved"):
                return lok_error(
                    409,
                    "INVALID_RESERVATION",
                    f"the reservation is {status}; only pending or reserved ones can be cancelled",
                    variant=self.variant,
                )
            record["event_history"].append(("cancelled", datetime.now(UTC)))
            record["updated_at"] = record["event_history"][-1][1]
            return json_response(
                {"status_code": 200, "reservation": self.lok.render_reservation(record, index)}
            )
        return json_response(
            {
                "status_code": 200,
                "reservation": self.lok.render_reservation(record, index),
                "tokens": {"pickup_token": "P-" + record["id"]},
            }
        )

    async def create(self, request: Request, location_id: str) -> Response:
        body = await request.json()
        shipment = str(body.get("shipment_id") or "")
        with self.lok.lock:
            if any(r["shipment_id"] == shipment for r in self.lok.reservations):
                return lok_error(409, "UNIQUE_SHIPMENT", "shipment id already used", variant=self.variant)
            now = datetime.now(UTC)
            record = {
                "id": str(1000 + len(self.lok.reservations)),
                "shipment_id": shipment,
                "location": location_id,
                "created_at": now,
                "updated_at": now,
                "delivery_due_date": now + timedelta(days=2),
                "pickup_due_date": None,
                "event_history": [("reserved", now)],
                "package_info": {"weight": 1.0, "value": 1.0},
                "additional": {},
                "shipping": None,
                "contact_info": None,
                "is_confirmed": True,
            }
            self.lok.reservations.append(record)
            index = len(self.lok.reservations) - 1
        return json_response(
            {
                "status_code": 201,
                "reservation": self.lok.render_reservation(record, index),
                "tokens": {"delivery_token": "D-" + record["id"]},
            },
            status=201,
        )


class ProductionServer:
    """`ProductionLok` served over real HTTP on 127.0.0.1 (ephemeral port) from a daemon thread."""

    def __init__(self, lok: ProductionLok | None = None) -> None:
        self.lok = lok or ProductionLok()
        self.port = 0
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def api_url(self) -> str:
        return self.base_url + "/api/v2"

    def start(self) -> ProductionServer:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", 0))
        sock.listen(64)
        self.port = int(sock.getsockname()[1])
        routes = ProductionApp(self.lok, lambda: self.base_url)
        app = Starlette(
            routes=[Route("/api/v2/{path:path}", routes.dispatch, methods=["GET", "POST", "PUT", "DELETE"])]
        )
        config = uvicorn.Config(
            app, log_level="warning", access_log=False, lifespan="off", http="h11", loop="asyncio"
        )
        server = uvicorn.Server(config)
        self._server = server

        def run() -> None:
            try:
                asyncio.run(server.serve(sockets=[sock]))
            finally:
                with contextlib.suppress(OSError):
                    sock.close()

        self._thread = threading.Thread(target=run, name=f"production-lok-{self.port}", daemon=True)
        self._thread.start()
        started = threading.Event()
        while not server.started:
            if not self._thread.is_alive():
                raise RuntimeError("the production-variant server failed to start")
            started.wait(0.01)
        return self

    def close(self) -> None:
        if self._server is not None and self._thread is not None:
            self._server.should_exit = True
            self._thread.join(timeout=30)
        self._server = None
        self._thread = None
