"""Lenient field readers shared by every Lok model: dates, enums, numbers as text, binary fields."""

from __future__ import annotations

import base64
import binascii
import email.utils
import json
import re
import urllib.parse
from collections.abc import Callable
from datetime import UTC, datetime
from enum import StrEnum
from typing import Annotated, Any, TypeVar

from pydantic import BeforeValidator, PlainSerializer, ValidationInfo

from .. import tolerance
from .enums import BoxSize, EventStatus, Gender, Scope, WebhookEvent, Weekday

E = TypeVar("E", bound=StrEnum)


def _where(info: ValidationInfo) -> str:
    model = info.config.get("title") if info.config else None
    return f"{model or '?'}.{info.field_name or '?'}"


def _enum_key(text: str) -> str:
    return text.strip().lower().replace("-", "_").replace(" ", "_")


def _known_member(enum_cls: type[E]) -> Callable[[Any, ValidationInfo], Any]:
    def coerce(value: Any, info: ValidationInfo) -> Any:
        if isinstance(value, str) and not isinstance(value, enum_cls):
            try:
                return enum_cls(value)
            except ValueError:
                pass
            try:
                member = enum_cls(_enum_key(value))
            except ValueError:
                return value  # an unknown value stays text: Lok may have grown a new one
            detail = f"{enum_cls.__name__} value in another letter case"
            tolerance.note(tolerance.FORMAT, _where(info), detail)
            return member
        return value

    return coerce


BoxSizeValue = Annotated[BoxSize | str, BeforeValidator(_known_member(BoxSize))]
EventStatusValue = Annotated[EventStatus | str, BeforeValidator(_known_member(EventStatus))]
WebhookEventValue = Annotated[WebhookEvent | str, BeforeValidator(_known_member(WebhookEvent))]
ScopeValue = Annotated[Scope | str, BeforeValidator(_known_member(Scope))]
GenderValue = Annotated[Gender | str, BeforeValidator(_known_member(Gender))]
WeekdayValue = Annotated[Weekday | str, BeforeValidator(_known_member(Weekday))]

#: Epoch numbers at or above this are milliseconds, below it seconds. 1e11 s is the year 5138;
#: 1e11 ms is March 1973 — no Lok date falls on the wrong side of either reading.
EPOCH_MS_THRESHOLD = 1e11


def date_format(value: Any) -> str | None:
    """How a date arrived: "iso", "iso-naive", "rfc1123", "epoch-s", "epoch-ms"; None if unreadable."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, datetime):
        return "iso"
    if isinstance(value, int | float):
        return "epoch-ms" if abs(value) >= EPOCH_MS_THRESHOLD else "epoch-s"
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
    if _EPOCH_TEXT.fullmatch(text):
        return "epoch-ms" if abs(float(text)) >= EPOCH_MS_THRESHOLD else "epoch-s"
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        pass
    else:
        return "iso" if parsed.tzinfo is not None else "iso-naive"
    return "rfc1123" if _parse_rfc1123(text) is not None else None


_EPOCH_TEXT = re.compile(r"-?\d+(\.\d+)?")
_DATE_FORMAT_NAMES: dict[str, str] = {
    "iso-naive": "ISO 8601 date without a time zone (read as UTC)",
    "rfc1123": "RFC 1123 / toUTCString() date",
    "epoch-s": "epoch seconds instead of an ISO 8601 date",
    "epoch-ms": "epoch milliseconds instead of an ISO 8601 date",
}


def _parse_rfc1123(text: str) -> datetime | None:
    # Also takes JavaScript's toUTCString() ("Tue, 01 Dec 2026 20:42:04 GMT"), RFC 850 and asctime.
    try:
        parsed = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def parse_datetime(value: Any) -> datetime | None:
    """A Lok date → aware UTC datetime; anything unreadable → None.

    Accepted: ISO 8601 (with `Z` or an offset; without one it is taken as UTC, as the contract says
    every date is UTC), RFC 1123 / JavaScript `toUTCString()`, and epoch seconds or milliseconds as a
    number or a string — told apart by magnitude (`EPOCH_MS_THRESHOLD`).
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    if isinstance(value, int | float):
        return _from_epoch(float(value))
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
    if _EPOCH_TEXT.fullmatch(text):
        return _from_epoch(float(text))
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return _parse_rfc1123(text)
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def _from_epoch(number: float) -> datetime | None:
    seconds = number / 1000 if abs(number) >= EPOCH_MS_THRESHOLD else number
    try:
        return datetime.fromtimestamp(seconds, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None


def _lok_date(value: Any, info: ValidationInfo) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, str):
        # The contract's own form (ISO 8601 with an offset) first: most dates of most replies.
        try:
            quick = datetime.fromisoformat(value)
        except ValueError:
            pass
        else:
            if quick.tzinfo is not None:
                return quick.astimezone(UTC)
    parsed = parse_datetime(value)
    if isinstance(value, datetime):
        return parsed
    if parsed is None:
        tolerance.note(tolerance.UNREADABLE, _where(info), "date in a form Lok Desk cannot read; left empty")
        return None
    form = date_format(value)
    if form is not None and form != "iso":
        tolerance.note(tolerance.FORMAT, _where(info), _DATE_FORMAT_NAMES[form])
    return parsed


def format_datetime(value: datetime) -> str:
    """Aware (or UTC-naive) datetime → the ISO 8601 UTC form Lok uses, e.g. `2024-05-01T10:00:00.000Z`."""
    aware = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    return aware.isoformat(timespec="milliseconds").replace("+00:00", "Z")


LokDateTime = Annotated[
    datetime | None,
    BeforeValidator(_lok_date),
    PlainSerializer(lambda v: format_datetime(v) if v is not None else None, when_used="json"),
]


def _as_text(value: Any) -> Any:
    """JSON values that are not text but must be read as text (action-log payload, status)."""
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def decode_binary(value: str) -> bytes:
    """Bytes of a `*_qr`, label `jpeg`/`pdf` or shipping `label` field: base64 or a `data:` URI.

    Raises ValueError when the text is neither.
    """
    text = value.strip()
    if text.startswith("data:"):
        header, sep, payload = text.partition(",")
        if not sep:
            raise ValueError("data: URI without a comma")
        if header.endswith(";base64"):
            return _b64(payload)
        return urllib.parse.unquote_to_bytes(payload)
    return _b64(text)


def _b64(text: str) -> bytes:
    compact = "".join(text.split())
    compact += "=" * (-len(compact) % 4)
    altchars = b"-_" if ("-" in compact or "_" in compact) else None
    try:
        return base64.b64decode(compact, altchars=altchars, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ValueError("not base64 data") from exc


def _expiry_text(value: Any, info: ValidationInfo) -> str | None:
    if value is None:
        return None
    form = date_format(value)
    if form is None:
        tolerance.note(tolerance.UNREADABLE, _where(info), "token expiry in a form Lok Desk cannot read")
    elif form != "iso":
        tolerance.note(tolerance.FORMAT, _where(info), _DATE_FORMAT_NAMES[form])
    return value if isinstance(value, str) else json.dumps(value)


def _zip_text(value: Any, info: ValidationInfo) -> Any:
    """A postal code sent as a number: Mexican códigos postales have five digits, so `6700` is "06700"."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 100_000:
        detail = "a number where text is documented (zero-padded to 5 digits)"
        tolerance.note(tolerance.FIELD_TYPE, _where(info), detail)
        return f"{value:05d}"
    return value


