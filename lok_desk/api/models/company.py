"""Models of the company section: webhook, notification e-mails, action logs, recent activity."""

from __future__ import annotations

import csv
import io
import unicodedata
from typing import Annotated, Any, ClassVar

from pydantic import BeforeValidator, Field

from .base import LokModel
from .fields import LokDateTime, WebhookEventValue, _as_text
from .locations import _weekday_number


class WebhookSettings(LokModel):
    enabled: bool = False
    secret: str | None = Field(default=None, repr=False)
    url: str | None = None
    events: list[WebhookEventValue] | None = None


class WebhookResponse(LokModel):
    """#9/#10 reply."""

    status_code: int | None = None
    webhook: WebhookSettings


class WebhookUpdate(LokModel):
    """#10 body; omitted `events` means every event."""

    url: str
    events: list[WebhookEventValue] | None = None


class WebhookStatusUpdate(LokModel):
    """#34 body."""

    enabled: bool


class NotificationEmails(LokModel):
    operator: str | None = None
    administrator: str | None = None


class NotificationEmailsResponse(LokModel):
    """#5/#6 reply (response keys `operator`/`administrator`)."""

    status_code: int | None = None
    management_emails: NotificationEmails = Field(default_factory=NotificationEmails)


class NotificationEmailsUpdate(LokModel):
    """#6 body (request keys `operator_email`/`administrator_email`)."""

    operator_email: str | None = None
    administrator_email: str | None = None


def _log_status(value: Any) -> Any:
    """An HTTP status as a number; any other JSON value (text, object...) kept as its text."""
    number = _weekday_number(value)
    if number is not None:
        return number
    return _as_text(value)


class ActionLogEntry(LokModel):
    """One action-log line. Field meanings are unstated: `payload` and `status` of
    any JSON type are read — `payload` as text (JSON text when it is not a string), `status` as a
    number when it is one, else as text."""

    resource: str | None = None
    status: Annotated[int | str | None, BeforeValidator(_log_status)] = None
    user_email: str | None = None
    referer: str | None = None
    origin: str | None = None
    timestamp: LokDateTime = None
    payload: Annotated[str | None, BeforeValidator(_as_text)] = None


class ActionLogsResponse(LokModel):
    """#1 reply."""

    envelope_key: ClassVar[str | None] = "action_logs"
    action_logs: list[ActionLogEntry] = Field(default_factory=list)




class RecentActivityRow(LokModel):
    order_id: str = ""
    locker: str = ""
    timezone: str = ""
    tower: str = ""
    box: str = ""
    reserved_at: LokDateTime = None
    delivered_at: LokDateTime = None
    picked_up_at: LokDateTime = None
    cancelled_at: LokDateTime = None


def _fold(header: str) -> str:
    decomposed = unicodedata.normalize("NFKD", header.strip().lstrip("\ufeff"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


_ACTIVITY_COLUMNS: dict[str, str] = {
    "id de pedido": "order_id",
    "locker": "locker",
    "huso horario": "timezone",
    "torre": "tower",
    "casillero": "box",
    "reservacion": "reserved_at",
    "deposito": "delivered_at",
    "recoleccion": "picked_up_at",
    "cancelacion": "cancelled_at",
}
_ACTIVITY_ORDER: tuple[str, ...] = tuple(_ACTIVITY_COLUMNS.values())


def parse_recent_activity(csv_text: str) -> list[RecentActivityRow]:
    """Rows of the #23 CSV. Columns are matched by their Spanish header (accents and case ignored),
    falling back to the documented order; unknown columns are kept as extra fields."""
    rows = list(csv.reader(io.StringIO(csv_text.lstrip("\ufeff")), skipinitialspace=True))
    rows = [row for row in rows if any(cell.strip() for cell in row)]
    if not rows:
        return []
    header = [_fold(cell) for cell in rows[0]]
    if any(name in _ACTIVITY_COLUMNS for name in header):
        names = [_ACTIVITY_COLUMNS.get(name, name or f"column_{i}") for i, name in enumerate(header)]
        body = rows[1:]
    else:
        names = list(_ACTIVITY_ORDER)
        body = rows
    result: list[RecentActivityRow] = []
    for row in body:
        values = {names[i] if i < len(names) else f"column_{i}": cell.strip() for i, cell in enumerate(row)}
        result.append(RecentActivityRow.model_validate({k: v for k, v in values.items() if v != ""}))
    return result


