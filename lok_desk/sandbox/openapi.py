"""The sandbox's published OpenAPI document: typed answers, Lok errors, OAuth 2, as the server answers.

The route handlers build their JSON by hand (lists splice pre-serialised reservations), so FastAPI
alone would document every 2xx as ``{}`` and a 422 the sandbox never sends. `openapi_document`
takes FastAPI's document (paths, parameters, request bodies) and replaces each operation's
responses with those of `OPERATIONS`: the success status with its model, and the Lok error
envelope for every error status the operation can answer. tests/sandbox/test_openapi.py checks that
every route is listed here and schemathesis checks the answers against the document.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from pydantic.json_schema import models_json_schema

# -- response models ------------------------------------------------------------------------------


class Answer(BaseModel):
    """Answers may carry more keys than documented here (a client must ignore unknown keys)."""

    model_config = ConfigDict(extra="allow")


class LokError(Answer):
    """Every non-2xx answer of the sandbox."""

    status_code: int
    type: str = Field(description="e.g. INVALID_REQUEST, INVALID_TOKEN, METHOD_NOT_ALLOWED, NO_CAPACITY")
    message: str
    data: dict[str, Any]


class Message(Answer):
    status_code: int | None = None
    message: str


class AccessToken(Answer):
    status_code: int
    access_token: str
    access_token_expires_at: str
    scope: str


class IdName(Answer):
    id: str
    name: str


class UserInfo(Answer):
    id: str
    name: str
    email: str
    company: IdName
    scope: str
    created_at: str
    updated_at: str
    location: str | None = None


class UserAnswer(Answer):
    status_code: int
    user: UserInfo


class Coords(Answer):
    latitude: float
    longitude: float


class ServiceDay(Answer):
    weekday: int
    string_weekday: str
    opening_time: str
    closing_time: str


class BoxCount(Answer):
    size: str
    available: bool
    total: int | None = None
    occupied: int | None = None


class LocationSummary(Answer):
    id: str
    uuid: str | None = None
    internal_name: str | None = None
    address: dict[str, Any] | None = None


class Location(Answer):
    id: str
    uuid: str
    internal_name: str
    address: dict[str, Any]
    coords: Coords
    phone: str | None = None
    service_days: list[ServiceDay]
    timezone: str
    boxes: list[BoxCount]
    public_boxes: int | None = None


class LocationAnswer(Answer):
    status_code: int
    location: Location


class LocationPage(Answer):
    status_code: int
    locations: list[Location]
    total: int
    page: int
    page_size: int
    total_pages: int


class AvailableLocation(Answer):
    id: str
    uuid: str
    distance: int
    host: str
    is_24: bool
    coords: Coords
    phone: str | None = None
    service_days: list[ServiceDay]
    timezone: str
    internal_name: str
    address: dict[str, Any]


class AvailableLocations(Answer):
    status_code: int
    locations: list[AvailableLocation]
    grant: str | None = Field(default=None, description="Send it in lok-grant-token to #30")


class StatusEvent(Answer):
    status: str
    date: str


class Locker(Answer):
    size: str
    uuid: str | None
    is_public: bool
    boxes: list[Any]


class Reservation(Answer):
    id: str
    shipment_id: str | None
    is_confirmed: bool
    is_local: bool
    location: str | LocationSummary = Field(description="Variant A embeds a summary, B and C the id")
    package_info: dict[str, Any]
    delivery_due_date: str | None
    pickup_due_date: str | None
    event_history: list[StatusEvent]
    additional: dict[str, Any]
    shipping: dict[str, Any] = Field(description="Filled in variant C (shipping lists, #32) only")
    created_at: str
    updated_at: str
    locker: Locker
    contact_info: dict[str, Any]
    recipient_info: dict[str, Any]
    recipient_notifications_enabled: bool


class ReservationTokens(Answer):
    """Absent for reporter and admin, and with include_tokens=false."""

    delivery_token: str | None = None
    delivery_token_qr: str | None = Field(default=None, description="base64 PNG")
    pickup_token: str | None = None
    pickup_token_qr: str | None = None
    reopen_1_token: str | None = None
    reopen_1_token_qr: str | None = None
    reopen_2_token: str | None = None
    reopen_2_token_qr: str | None = None
    cancel_token: str | None = None
    cancel_token_qr: str | None = None


class ReservationWithTokens(Answer):
    status_code: int
    reservation: Reservation
    tokens: ReservationTokens
    confirmation_code: str | None = None


class ReservationAnswer(Answer):
    status_code: int
    reservation: Reservation


class ReservationPage(Answer):
    status_code: int
    reservations: list[Reservation]
    total: int
    page: int
    page_size: int
    total_pages: int


class Labels(Answer):
    jpeg: str = Field(description="base64 JPEG")
    pdf: str = Field(description="base64 PDF")


class Quote(Answer):
    origin: str
    destination: str
    carrier: str
    vehicle_type: str
    fee: str
    required_pickup_date: str
    estimated_delivery_date: str


class QuoteAnswer(Answer):
    status_code: int
    quoting: Quote


class LocationShipping(Answer):
    status_code: int
    shipment_id: str
    tracking_id: str
    carrier: str
    fee: str
    estimated_delivery_date: str
    label: str = Field(description="base64 PDF")
    reservation_id: str


class ActionLog(Answer):
    resource: str
    status: int
    user_email: str
    referer: str
    origin: str
    timestamp: str
    payload: str


class ActionLogs(Answer):
    action_logs: list[ActionLog]


class NotificationEmails(Answer):
    status_code: int
    management_emails: dict[str, str]


class Webhook(Answer):
    enabled: bool
    url: str
    events: list[str]
    secret: str | None = Field(default=None, description="Only for owner and seller")


class WebhookAnswer(Answer):
    status_code: int
    webhook: Webhook


class Contact(Answer):
    name: str
    last_name: str
    gender: str
    age: int
    email: str | None = None
    phones: list[str] | None = None
    address: dict[str, Any] | None = None
    directory: str | None = None
    created_at: str | None = None
    updated_at: str | None = None


class DirectorySummary(Answer):
    id: str
    company: IdName
    author: IdName
    isActive: bool
    name: str
    created_at: str
    updated_at: str | None


class Directory(DirectorySummary):
    contacts: list[Contact]
    locations: list[LocationSummary]


class DirectoryAnswer(Answer):
    status_code: int
    directory: Directory


class DirectoryPage(Answer):
    status_code: int
    directories: list[DirectorySummary]
    total: int
    page: int
    page_size: int
    total_pages: int


class Contacts(Answer):
    contacts: list[Contact]


class KioskAnswer(Answer):
    reservation: Reservation


class Clock(Answer):
    now: str
    offset_seconds: float


class FaultCount(Answer):
    rules: int


class Delivery(Answer):
    id: int
    event: str
    url: str
    status: str = Field(description="pending, failed, delivered or given_up")
    attempts: int
    last_status_code: int | None
    last_error: str | None
    next_attempt_at: str | None
    delivered_at: str | None
    payload: dict[str, Any]


class Deliveries(Answer):
    deliveries: list[Delivery]


# -- operations -----------------------------------------------------------------------------------

CSV = "text/csv"


@dataclass(frozen=True)
class Operation:
    """What one route answers: success status and body (a model, CSV or nothing) and its errors."""

    status: int
    body: type[BaseModel] | str | None
    errors: tuple[int, ...]
    secured: bool = True


_API = "/api/v2"
# 400 whenever a parameter or body can be invalid; 401 on every route that needs the bearer token.
OPERATIONS: dict[tuple[str, str], Operation] = {
    ("get", "/company/action_logs"): Operation(200, ActionLogs, (401, 403)),
    ("get", "/company/directories"): Operation(200, DirectoryPage, (400, 401)),
    ("post", "/company/directories"): Operation(200, DirectoryAnswer, (400, 401, 403, 409)),
    ("get", "/company/locations"): Operation(200, LocationPage, (400, 401)),
    ("get", "/company/notification_emails"): Operation(200, NotificationEmails, (401, 403)),
    ("put", "/company/notification_emails"): Operation(200, NotificationEmails, (400, 401, 403)),
    ("get", "/company/pre_reservations"): Operation(200, ReservationPage, (400, 401)),
    ("get", "/company/reservations"): Operation(200, ReservationPage, (400, 401)),
    ("get", "/company/webhook"): Operation(200, WebhookAnswer, (401, 403)),
    ("put", "/company/webhook"): Operation(200, WebhookAnswer, (400, 401, 403)),
    ("get", "/oauth/token"): Operation(200, AccessToken, (401,)),
    ("post", "/oauth/token"): Operation(200, AccessToken, (400, 401), secured=False),
    ("delete", "/oauth/token"): Operation(200, Message, (401,)),
    ("get", "/oauth/user"): Operation(200, UserAnswer, (401,)),
    ("get", "/reservations/{reservation_id}"): Operation(200, ReservationWithTokens, (400, 401, 403, 404)),
    ("put", "/reservations/{reservation_id}"): Operation(
        200, ReservationWithTokens, (400, 401, 403, 404, 409, 410, 422)
    ),
    ("delete", "/reservations/{reservation_id}"): Operation(200, ReservationAnswer, (401, 403, 404, 409)),
    ("get", "/shipping/reservations"): Operation(200, ReservationPage, (400, 401)),
    ("get", "/company/action_logs/csv"): Operation(200, Message, (400, 401, 403)),
    ("get", "/company/directories/{directory_id}"): Operation(200, DirectoryAnswer, (401, 404)),
    ("put", "/company/directories/{directory_id}"): Operation(
        200, DirectoryAnswer, (400, 401, 403, 404, 409)
    ),
    ("get", "/company/locations/{location_id}"): Operation(200, LocationAnswer, (401, 403, 404)),
    ("get", "/company/reports/recent_activity"): Operation(200, CSV, (401, 403)),
    ("get", "/locations/{location_id}/reservations"): Operation(200, ReservationPage, (400, 401, 403, 404)),
    ("post", "/locations/{location_id}/reservations"): Operation(
        201, ReservationWithTokens, (400, 401, 403, 404, 409, 422)
    ),
    ("get", "/reservations/{reservation_id}/label"): Operation(200, Labels, (401, 403, 404, 422)),
    ("post", "/shipping_order"): Operation(200, Labels, (400, 401, 403, 404, 422, 424)),
    ("post", "/locations/available"): Operation(200, AvailableLocations, (400, 401, 403, 422)),
    ("post", "/company/directories/csv"): Operation(204, None, (400, 401, 403, 409)),
    ("post", "/locations/{location_id}/pre_reservation"): Operation(
        201, ReservationWithTokens, (400, 401, 403, 404, 409, 422)
    ),
    ("post", "/locations/{location_id}/shipping"): Operation(
        200, LocationShipping, (400, 401, 403, 404, 409, 422, 424)
    ),
    ("post", "/reservations/{reservation_id}/shipping"): Operation(
        201, ReservationWithTokens, (400, 401, 403, 404, 410, 422, 424)
    ),
    ("post", "/reservations/{reservation_id}/shipping/quotation"): Operation(
        200, QuoteAnswer, (400, 401, 403, 404, 410)
    ),
    ("put", "/company/webhook/status"): Operation(200, Message, (400, 401, 403)),
    ("put", "/company/directories/{directory_id}/contacts"): Operation(
        200, Contacts, (400, 401, 403, 404, 409)
    ),
}
OPERATIONS = {(method, _API + path): op for (method, path), op in OPERATIONS.items()}
OPERATIONS.update(
    {
        ("post", "/sandbox/kiosk"): Operation(200, KioskAnswer, (400, 409), secured=False),
        ("get", "/sandbox/clock"): Operation(200, Clock, (), secured=False),
        ("post", "/sandbox/clock"): Operation(200, Clock, (400,), secured=False),
        ("post", "/sandbox/faults"): Operation(200, FaultCount, (400,), secured=False),
        ("delete", "/sandbox/faults"): Operation(200, FaultCount, (), secured=False),
        ("get", "/sandbox/webhook/deliveries"): Operation(200, Deliveries, (), secured=False),
    }
)

_REASONS = {
    400: "Invalid request (INVALID_REQUEST, INVALID_DUE_DATE); data.keys names the fields",
    401: "No, expired or revoked access token (INVALID_TOKEN), or wrong client (INVALID_CLIENT)",
    403: "The role may not do this (INSUFFICIENT_SCOPE, FORBIDDEN_LOCATION, GRANT_TOKEN)",
    404: "Unknown entity (ENTITY_NOT_FOUND) or another company's",
    409: "Conflict (INVALID_RESERVATION, UNIQUE_SHIPMENT, duplicate names or e-mails)",
    410: "The pre-reservation can no longer be changed (INVALID_RESERVATION)",
    422: "Cannot be done (NO_CAPACITY, BOX_INCOMPATIBLE, INVALID_ADDRESS, INVALID_RESERVATION)",
    424: "The carrier failed (LOGISTIC_ERROR)",
}
SECURITY_SCHEME = "lokOAuth"
SANDBOX_TAG = "sandbox (not part of Lok)"


def _schemas() -> dict[str, Any]:
    models = {LokError} | {op.body for op in OPERATIONS.values() if isinstance(op.body, type)}
    _, top = models_json_schema(
        [(m, "serialization") for m in sorted(models, key=lambda m: m.__name__)],
        ref_template="#/components/schemas/{model}",
    )
    defs: dict[str, Any] = top.get("$defs", {})
    return defs


def _ref(name: str) -> dict[str, Any]:
    return {"$ref": f"#/components/schemas/{name}"}


def openapi_document(document: dict[str, Any]) -> dict[str, Any]:
    """FastAPI's `document`, its responses, security and tags made to say what the sandbox does."""
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    for unsent in ("HTTPValidationError", "ValidationError"):
        schemas.pop(unsent, None)
    answers = _schemas()
    clash = [n for n in answers if n in schemas and schemas[n] != answers[n]]
    if clash:
        raise RuntimeError("Response models named like request models: " + ", ".join(clash))
    schemas.update(answers)
    document["components"]["securitySchemes"] = {
        SECURITY_SCHEME: {
            "type": "oauth2",
            "description": "Client credentials: POST /api/v2/oauth/token, then Authorization: Bearer",
            "flows": {"clientCredentials": {"tokenUrl": _API + "/oauth/token", "scopes": {}}},
        }
    }
    missing = []
    for path, item in document.get("paths", {}).items():
        for method, operation in item.items():
            op = OPERATIONS.get((method, path))
            if op is None:
                missing.append(f"{method.upper()} {path}")
                continue
            responses: dict[str, Any] = {}
            success: dict[str, Any] = {"description": operation.get("summary") or "Success"}
            if op.body == CSV:
                success["content"] = {CSV: {"schema": {"type": "string"}}}
            elif isinstance(op.body, type):
                success["content"] = {"application/json": {"schema": _ref(op.body.__name__)}}
            responses[str(op.status)] = success
            for status in op.errors:
                responses[str(status)] = {
                    "description": _REASONS.get(status, "Error"),
                    "content": {"application/json": {"schema": _ref("LokError")}},
                }
            operation["responses"] = responses
            operation["security"] = [{SECURITY_SCHEME: []}] if op.secured else []
            if path.startswith("/sandbox/"):
                operation["tags"] = [SANDBOX_TAG]
    if missing:
        raise RuntimeError("Routes missing from lok_desk.sandbox.openapi.OPERATIONS: " + ", ".join(missing))
    document["tags"] = [
        {"name": SANDBOX_TAG, "description": "Sandbox-only routes: the locker kiosk, the clock, faults"},
    ]
    return document
