"""Pydantic models of every Lok request and response body, named after CONTRACT.md's digest names.

Tolerant reading, strict meaning (real Lok may differ from its reference, and may grow). Every
deviation smoothed over is noted once in the log (`lok_desk.api.tolerance`, field names only):
- every model keeps unknown fields (`extra="allow"`, readable through `model_extra`);
- enum-typed fields are `Enum | str`: a known value (in any letter case, `-`/space for `_`) becomes
  the enum member, an unknown one stays a str;
- a JSON `null` counts as "absent", so fields with a default take it instead of failing; `[]` where
  an object is documented (`additional`, `shipping`) and `{}` where a list is count as empty;
- numbers where text is documented (`id`, `shipment_id`, `zip_code`, `fee`...) read as their text,
  numeric text where numbers are documented as numbers;
- dates: ISO 8601, RFC 1123 / `toUTCString()`, epoch seconds or milliseconds (number or text, told
  apart by magnitude) become aware UTC datetimes; a date that cannot be parsed becomes **None**;
- `coords` as `{latitude, longitude}`, `{lat, lng}`, `{lat, long}`; weekday as number or name;
  contacts without `gender`/`age`; action-log `payload`/`status` of any JSON type;
- a value that cannot be read in an optional field leaves that field empty; a list record that
  cannot be read is skipped and counted (`unreadable_records`, `Page.unreadable`), never silently;
  only an unreadable *required* field of the reply itself fails the call;
- objects the contract marks `yes*` (shown required, optionality unknown) are optional here.
"""
from __future__ import annotations

import base64
import binascii
import copy
import csv
import email.utils
import io
import json
import logging
import re
import unicodedata
import urllib.parse
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from enum import StrEnum
from typing import Annotated, Any, ClassVar, ForwardRef, Self, TypeVar, get_args, get_origin
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    ValidationError,
    ValidationInfo,
    model_validator,
)

from . import tolerance

log = logging.getLogger(__name__)

# --- enumerations (§6.1) --------------------------------------------------------------------


class BoxSize(StrEnum):
    S = "s"
    M = "m"
    L = "l"
    XL = "xl"


class EventStatus(StrEnum):
    PENDING = "pending"
    RESERVED = "reserved"
    DELIVERED = "delivered"
    REOPENED = "reopened"
    REOPENED2 = "reopened2"
    PICKED_UP = "picked_up"
    CANCELLED = "cancelled"


class WebhookEvent(StrEnum):
    RESERVED = "reserved"
    DELIVERED = "delivered"
    REOPENED = "reopened"
    REOPENED2 = "reopened2"
    PICKED_UP = "picked_up"
    CANCELLED = "cancelled"
    UNDELIVERED = "undelivered"
    UNPICKED = "unpicked"


class Scope(StrEnum):
    ADMIN = "admin"
    OWNER = "owner"
    EMPLOYEE = "employee"
    REPORTER = "reporter"
    SELLER = "seller"


class Gender(StrEnum):
    MALE = "male"
    FEMALE = "female"
    UNSPECIFIED = "unspecified"


class Weekday(StrEnum):
    MONDAY = "monday"
    TUESDAY = "tuesday"
    WEDNESDAY = "wednesday"
    THURSDAY = "thursday"
    FRIDAY = "friday"
    SATURDAY = "saturday"
    SUNDAY = "sunday"


class ReservationListStatus(StrEnum):
    ACTIVE = "active"
    FINISHED = "finished"


FINISHED_STATUSES: frozenset[str] = frozenset({EventStatus.PICKED_UP, EventStatus.CANCELLED})
# Statuses reached only once the package is in the locker: from here the pick-up deadline counts.
_AFTER_DELIVERY: frozenset[str] = frozenset(
    {EventStatus.DELIVERED, EventStatus.REOPENED, EventStatus.REOPENED2}
)

# --- lenient field types ----------------------------------------------------------------------

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


# --- base ------------------------------------------------------------------------------------


#: JSON kinds a field may document: "text", "int", "number", "bool", "list", "object", "date", "any".
_Kind = str
#: How many objects of each model are checked field by field for type deviations when no
#: `OddityLog` is collecting. The coercion itself always happens (in pydantic's core); checking costs
#: a Python loop per object, so the desk samples the first objects of each kind — a server that
#: deviates usually does so in every record — while `lok-desk-check` checks every object.
TYPE_CHECK_SAMPLE = 50
_shapes: dict[type[BaseModel], dict[str, tuple[_Kind, bool]]] = {}
#: Per model: the input keys documented as lists (where `{}` is read as empty) and as objects
#: (where `[]` is).
_list_keys: dict[type[BaseModel], tuple[str, ...]] = {}
_object_keys: dict[type[BaseModel], tuple[str, ...]] = {}
_checked: dict[type[BaseModel], int] = {}


def _kind_of(annotation: Any) -> _Kind:
    origin = get_origin(annotation)
    if origin is Annotated:
        args = get_args(annotation)
        if any(getattr(meta, "func", None) in (_lok_date, _expiry_text) for meta in args[1:]):
            return "date"
        return _kind_of(args[0])
    if origin is list or origin is Sequence:
        return "list"
    if origin is dict:
        return "object"
    if origin is not None and get_args(annotation):  # a union: one kind if every member agrees
        kinds = {_kind_of(arg) for arg in get_args(annotation) if arg is not type(None)}
        return kinds.pop() if len(kinds) == 1 else "any"
    if annotation is bool:
        return "bool"
    if annotation is int:
        return "int"
    if annotation is float:
        return "number"
    if isinstance(annotation, type) and issubclass(annotation, str):
        return "text"
    if annotation is datetime:
        return "date"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "object"
    return "any"


def _shape(cls: type[BaseModel]) -> dict[str, tuple[_Kind, bool]]:
    """Input key (wire name and Python name) → (documented JSON kind, required) for a model."""
    shape = _shapes.get(cls)
    if shape is None:
        shape = {}
        for name, info in cls.model_fields.items():
            # Built models keep a field's validators in `metadata`: those that read dates or note
            # their own tolerance decide the kind, so one deviation is not noted twice.
            funcs = {getattr(meta, "func", None) for meta in info.metadata}
            if funcs & {_lok_date, _expiry_text}:
                kind = "date"
            elif _zip_text in funcs:
                kind = "any"
            else:
                kind = _kind_of(info.annotation)
            entry = (kind, info.is_required())
            shape[name] = entry
            if info.alias:
                shape[info.alias] = entry
        if any(isinstance(info.annotation, str | ForwardRef) for info in cls.model_fields.values()):
            return shape  # not built yet (defer_build): read again once the annotations are resolved
        _shapes[cls] = shape
        _list_keys[cls] = tuple(key for key, (kind, _required) in shape.items() if kind == "list")
        _object_keys[cls] = tuple(key for key, (kind, _required) in shape.items() if kind == "object")
    return shape


def _json_kind(value: Any) -> _Kind:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "list"
    if isinstance(value, dict):
        return "object"
    return "any"


_KIND_WORDS: dict[_Kind, str] = {
    "text": "text", "int": "a whole number", "number": "a number", "bool": "true/false",
    "list": "a list", "object": "an object", "date": "a date", "any": "a value",
}


def _check_types(cls: type[BaseModel], data: dict[str, Any], shape: dict[str, tuple[_Kind, bool]]) -> None:
    name = cls.__name__
    for key, value in data.items():
        entry = shape.get(key)
        if entry is None:
            # Unknown fields are kept (`model_extra`) and harm nothing; lok-desk-check lists them.
            if tolerance.collecting_now():
                detail = "a field the contract does not name (kept)"
                tolerance.note(tolerance.FIELD_NAME, f"{name}.{key}", detail)
            continue
        expected = entry[0]
        got = _json_kind(value)
        if expected in ("any", got) or (expected == "number" and got == "int"):
            continue
        if expected == "date" and got in ("text", "int", "number"):
            continue  # the date validator notes its own format
        if expected == "int" and got == "number" and float(value).is_integer():
            continue
        detail = f"{_KIND_WORDS[got]} where {_KIND_WORDS[expected]} is documented"
        tolerance.note(tolerance.FIELD_TYPE, f"{name}.{key}", detail)


def _prepare(cls: type[BaseModel], data: dict[str, Any]) -> dict[str, Any]:
    """Nulls mean "absent"; `[]` where an object is documented (and `{}` where a list is) mean empty."""
    # Runs for every object of every reply (about ten per reservation), so it is kept lean: most
    # objects carry no null and no misplaced container, and the C-level `in values()` checks let
    # those through without building a copy.
    if None in data.values():
        data = {key: value for key, value in data.items() if value is not None}
    list_keys = _list_keys.get(cls)
    if list_keys is None:
        _shape(cls)
        list_keys = _list_keys.get(cls, ())
    values = data.values()
    swapped = [key for key in list_keys if data.get(key) == {}] if list_keys and {} in values else []
    if [] in values:
        swapped += [key for key in _object_keys.get(cls, ()) if data.get(key) == []]
    if swapped:
        for key in swapped:
            empty = "[]" if data[key] == [] else "{}"
            wanted = "an object" if empty == "[]" else "a list"
            detail = f"{empty} where {wanted} is documented"
            tolerance.note(tolerance.FIELD_TYPE, f"{cls.__name__}.{key}", detail)
        data = {key: value for key, value in data.items() if key not in swapped}
    seen = _checked.get(cls, 0)
    if seen < TYPE_CHECK_SAMPLE:
        _checked[cls] = seen + 1
        _check_types(cls, data, _shape(cls))
    elif tolerance.collecting_now():
        _check_types(cls, data, _shape(cls))
    return data


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The model class a field's annotation holds (in a list, a union, `Annotated`), if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


_inputs: dict[type[BaseModel], dict[str, Any]] = {}


def _field_by_input(cls: type[BaseModel], key: str) -> Any:
    """The FieldInfo a key of the input fills (by wire name or Python name), or None."""
    table = _inputs.get(cls)
    if table is None:
        table = {}
        for name, info in cls.model_fields.items():
            table[name] = info
            if info.alias:
                table[info.alias] = info
        _inputs[cls] = table
    return table.get(key)


@dataclass(frozen=True)
class _Cut:
    """One thing to remove from the input: a list record or an optional object field."""

    container: Any
    key: Any
    owner: str  # "Model.field" it is noted under
    top_level: str | None  # the top-level list field, when the cut is a record of it
    error_type: str


def _cut_for(cls: type[BaseModel], data: Any, loc: tuple[Any, ...], error_type: str) -> _Cut | None:
    """Follow an error's location through the input; the deepest record or optional field to cut."""
    node: Any = data
    model: type[BaseModel] | None = cls
    owner = cls.__name__
    last_key: str | None = None
    depth = 0
    cut: _Cut | None = None
    for part in loc:
        if isinstance(node, dict) and isinstance(part, str) and part in node:
            info = _field_by_input(model, part) if model is not None else None
            essential = model is not None and part in getattr(model, "essential_fields", ())
            if info is not None and not info.is_required() and not essential:
                cut = _Cut(node, part, f"{model.__name__ if model else owner}.{part}", None, error_type)
            owner = model.__name__ if model is not None else owner
            model = _model_in(info.annotation) if info is not None else None
            last_key = part
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            top_level = last_key if depth == 1 else None
            cut = _Cut(node, part, f"{owner}.{last_key}", top_level, error_type)
            node = node[part]
        else:
            continue  # a union member's tag or a validator's name: not a step into the input
        depth += 1
    return cut


def _repair(cls: type[BaseModel], data: Any, error: ValidationError) -> dict[str, int] | None:
    """Cut from `data` (a private copy) what each error points at; None when something cannot be cut.

    Returns how many records were cut from each top-level list.
    """
    cuts: dict[tuple[int, Any], _Cut] = {}
    for err in error.errors():
        cut = _cut_for(cls, data, tuple(err["loc"]), err["type"])
        if cut is None:
            return None  # a required field of the reply itself: it cannot be read at all
        cuts.setdefault((id(cut.container), cut.key), cut)
    counts: dict[str, int] = {}
    # Records are removed from the end of each list first, so the other indexes stay right.
    def order(cut: _Cut) -> tuple[bool, int]:
        return isinstance(cut.key, int), cut.key if isinstance(cut.key, int) else 0

    for cut in sorted(cuts.values(), key=order, reverse=True):
        if isinstance(cut.key, int):
            del cut.container[cut.key]
            detail = "record Lok Desk cannot read; skipped and counted"
            tolerance.note(tolerance.UNREADABLE, cut.owner, detail, blocking=True)
            if cut.top_level is not None:
                counts[cut.top_level] = counts.get(cut.top_level, 0) + 1
        else:
            cut.container.pop(cut.key, None)
            detail = f"value Lok Desk cannot read ({cut.error_type}); left empty"
            tolerance.note(tolerance.UNREADABLE, cut.owner, detail)
    return counts


_UNREADABLE = "_lok_unreadable"
#: Rounds of cutting before a reply is given up as unreadable (each round cuts every error found).
_REPAIR_ROUNDS = 4


class LokModel(BaseModel):
    """Base of every Lok body: keeps unknown fields, accepts field names and aliases, null = absent.

    Reading is tolerant (module docstring): what cannot be read in an optional field leaves it empty,
    a list record that cannot be read is skipped and counted in `unreadable_records`. The repair runs
    only when validation fails (`model_validate`), so a reply that follows the contract costs nothing.
    """

    # defer_build: see the end of this module. coerce_numbers_to_str: `"id": 17` reads as "17".
    model_config = ConfigDict(
        extra="allow", populate_by_name=True, defer_build=True, coerce_numbers_to_str=True
    )

    #: When a reply carries a bare JSON list instead of this object, the list is read as this field.
    envelope_key: ClassVar[str | None] = None
    #: Optional fields without which, when sent but unreadable, the object is no use (e.g. an `id`
    #: that is an object): then the whole object is unreadable (and skipped, when in a list).
    essential_fields: ClassVar[frozenset[str]] = frozenset()

    @model_validator(mode="before")
    @classmethod
    def _tolerant(cls, data: Any) -> Any:
        if isinstance(data, dict):
            return _prepare(cls, data)
        if isinstance(data, list) and cls.envelope_key is not None:
            detail = f"a bare list instead of {{{cls.envelope_key}: [...]}}"
            tolerance.note(tolerance.ENVELOPE, cls.__name__, detail)
            return _prepare(cls, {cls.envelope_key: data})
        return data

    @classmethod
    def model_validate(cls, obj: Any, **options: Any) -> Self:
        """Validate; when parts cannot be read, cut them (noted, records counted) and validate again."""
        try:
            return super().model_validate(obj, **options)
        except ValidationError as error:
            failure = error
        if isinstance(obj, list) and cls.envelope_key is not None:
            data: Any = {cls.envelope_key: copy.deepcopy(obj)}
        elif isinstance(obj, dict):
            data = copy.deepcopy(obj)
        else:
            raise failure
        counts: dict[str, int] = {}
        for _round in range(_REPAIR_ROUNDS):
            cut = _repair(cls, data, failure)
            if cut is None:
                raise failure
            for key, number in cut.items():
                counts[key] = counts.get(key, 0) + number
            try:
                instance = super().model_validate(data, **options)
            except ValidationError as error:
                failure = error
                continue
            if counts:
                # Kept in pydantic's private-state slot rather than a PrivateAttr: a declared private
                # attribute costs every object of every reply an initialisation (+40 % parse time).
                object.__setattr__(instance, "__pydantic_private__", {_UNREADABLE: counts})
            return instance
        raise failure

    @property
    def unreadable_records(self) -> int:
        """Records of this object's lists that could not be read and were skipped (0 normally)."""
        private = self.__pydantic_private__
        counts = private.get(_UNREADABLE) if private else None
        return sum(counts.values()) if counts else 0

    def to_body(self) -> dict[str, Any]:
        """The JSON body to send: wire names (aliases), unset optional fields left out."""
        return self.model_dump(mode="json", by_alias=True, exclude_none=True)


class SimpleMessage(LokModel):
    status_code: int | None = None
    message: str | None = None


# --- auth (§2) -------------------------------------------------------------------------------


class TokenRequest(LokModel):
    """#12 form body."""

    grant_type: str = "client_credentials"
    client_id: str
    client_secret: str = Field(repr=False)


class AccessToken(LokModel):
    """#11/#12 reply. The token never shows in repr."""

    status_code: int | None = None
    access_token: str = Field(repr=False)
    #: As Lok sent it (any form `parse_datetime` reads; numbers kept as their text); None when absent.
    access_token_expires_at: Annotated[str | None, BeforeValidator(_expiry_text)] = None
    #: OAuth 2's relative lifetime in seconds, which some servers send instead of an instant.
    expires_in: float | None = None
    scope: ScopeValue | None = None

    @property
    def expires_at(self) -> datetime | None:
        return parse_datetime(self.access_token_expires_at)

    def with_expiry_from(self, received_at: datetime) -> AccessToken:
        """This token with `expires_in` turned into an instant, counted from when it was received.

        With no readable expiry at all the token is used until Lok refuses it (then renewed once).
        """
        if self.expires_at is not None:
            return self
        if self.expires_in is not None and self.expires_in > 0:
            detail = "missing; the expiry is counted from expires_in"
            tolerance.note(tolerance.FIELD_NAME, "AccessToken.access_token_expires_at", detail)
            instant = received_at + timedelta(seconds=self.expires_in)
            return self.model_copy(update={"access_token_expires_at": format_datetime(instant)})
        tolerance.note(
            tolerance.AUTH, "AccessToken.access_token_expires_at",
            "no readable token expiry; the token is renewed when Lok first refuses it",
        )
        return self

    def is_valid(self, now: datetime, *, margin: timedelta = timedelta(seconds=60)) -> bool:
        """True while more than `margin` is left; a token with an unreadable expiry is never reused."""
        expires = self.expires_at
        return expires is not None and expires - now > margin


def _expiry_text(value: Any, info: ValidationInfo) -> str | None:
    if value is None:
        return None
    form = date_format(value)
    if form is None:
        tolerance.note(tolerance.UNREADABLE, _where(info), "token expiry in a form Lok Desk cannot read")
    elif form != "iso":
        tolerance.note(tolerance.FORMAT, _where(info), _DATE_FORMAT_NAMES[form])
    return value if isinstance(value, str) else json.dumps(value)


class CompanyRef(LokModel):
    id: str | None = None
    name: str | None = None


class User(LokModel):
    id: str
    name: str | None = None
    email: str | None = None
    company: CompanyRef | None = None
    location: str | None = None
    scope: ScopeValue | None = None
    created_at: LokDateTime = None
    updated_at: LokDateTime = None


class UserResponse(LokModel):
    """#14 reply."""

    status_code: int | None = None
    user: User


# --- locations (§6.3) ------------------------------------------------------------------------


def _zip_text(value: Any, info: ValidationInfo) -> Any:
    """A postal code sent as a number: Mexican códigos postales have five digits, so `6700` is "06700"."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 100_000:
        detail = "a number where text is documented (zero-padded to 5 digits)"
        tolerance.note(tolerance.FIELD_TYPE, _where(info), detail)
        return f"{value:05d}"
    return value


ZipCode = Annotated[str | None, BeforeValidator(_zip_text)]


class LocationAddress(LokModel):
    parking: bool | None = None
    city: str | None = None
    state: str | None = None
    country: str | None = None
    street: str | None = None
    number: str | None = None
    town: str | None = None
    zip_code: ZipCode = None
    references: str | None = None
    cross_streets: str | None = None

    def one_line(self) -> str:
        """"Street 12, Town, City": what a person reads in a table cell."""
        street = " ".join(part for part in (self.street, self.number) if part)
        return ", ".join(part for part in (street, self.town, self.city) if part)


_LATITUDE_KEYS = ("latitude", "lat")
_LONGITUDE_KEYS = ("longitude", "lng", "long", "lon")


class Coordinates(LokModel):
    """Documented as `{latitude, longitude}`; `{lat, lng}`, `{lat, long}` and `{lat, lon}` read too."""

    latitude: float
    longitude: float

    @model_validator(mode="before")
    @classmethod
    def _other_names(cls, data: Any) -> Any:
        if not isinstance(data, dict) or ("latitude" in data and "longitude" in data):
            return data
        lat = next((key for key in _LATITUDE_KEYS if data.get(key) is not None), None)
        lng = next((key for key in _LONGITUDE_KEYS if data.get(key) is not None), None)
        if lat is None or lng is None:
            return data
        detail = f"{{{lat}, {lng}}} instead of {{latitude, longitude}}"
        tolerance.note(tolerance.FIELD_NAME, "Coordinates", detail)
        renamed = {k: v for k, v in data.items() if k not in (lat, lng)}
        renamed.update(latitude=data[lat], longitude=data[lng])
        return renamed


#: `weekday` numbers: the contract leaves the numbering open. 1–6 are Monday–Saturday in both the
#: ISO and the JavaScript numbering; Sunday is 7 in one and 0 in the other, so both read as Sunday.
WEEKDAY_BY_NUMBER: dict[int, Weekday] = {
    0: Weekday.SUNDAY, 1: Weekday.MONDAY, 2: Weekday.TUESDAY, 3: Weekday.WEDNESDAY,
    4: Weekday.THURSDAY, 5: Weekday.FRIDAY, 6: Weekday.SATURDAY, 7: Weekday.SUNDAY,
}


def _weekday_number(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


class ServiceDay(LokModel):
    """One day of opening hours. `weekday` and `string_weekday` may each come as a number or a name."""

    weekday: int | None = None
    string_weekday: WeekdayValue | None = None
    opening_time: str = "09:00"
    closing_time: str = "18:00"

    @model_validator(mode="before")
    @classmethod
    def _weekday_forms(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        number = _weekday_number(data.get("weekday"))
        name = data.get("string_weekday")
        named_by_number = _weekday_number(name)
        weekday = data.get("weekday")
        if isinstance(weekday, str) and number is None:
            # A name where the number is documented: the name is what the hours are matched by.
            detail = "a weekday name where a number is documented"
            tolerance.note(tolerance.FIELD_TYPE, "ServiceDay.weekday", detail)
            data = {k: v for k, v in data.items() if k != "weekday"}
            if name is None:
                data["string_weekday"] = weekday
            return data
        if named_by_number is not None:
            detail = "a number where a weekday name is documented"
            tolerance.note(tolerance.FIELD_TYPE, "ServiceDay.string_weekday", detail)
            data = dict(data)
            data["string_weekday"] = WEEKDAY_BY_NUMBER.get(named_by_number, name)
            if number is None:
                data["weekday"] = named_by_number
            return data
        if name is None and number is not None and number in WEEKDAY_BY_NUMBER:
            detail = "missing; read from the weekday number"
            tolerance.note(tolerance.FIELD_NAME, "ServiceDay.string_weekday", detail)
            data = dict(data)
            data["string_weekday"] = WEEKDAY_BY_NUMBER[number]
        return data

    def opening(self) -> time | None:
        return _parse_hhmm(self.opening_time)

    def closing(self) -> time | None:
        return _parse_hhmm(self.closing_time)


def _parse_hhmm(text: str) -> time | None:
    try:
        return time.fromisoformat(text.strip())
    except ValueError:
        return None


class BoxAvailability(LokModel):
    size: BoxSizeValue | None = None
    total: int | None = None
    occupied: int | None = None
    available: bool | None = None

    @property
    def free(self) -> int | None:
        """Free boxes of this size, when the locker reports counts (private lockers only)."""
        if self.total is None or self.occupied is None:
            return None
        return max(self.total - self.occupied, 0)


class LocationSummary(LokModel):
    id: str
    uuid: str | None = None
    internal_name: str | None = None
    address: LocationAddress | None = None


class _LocationWithHours(LocationSummary):
    coords: Coordinates | None = None
    phone: str | None = None
    service_days: list[ServiceDay] = Field(default_factory=list)
    timezone: str | None = None

    @property
    def zone(self) -> ZoneInfo:
        """The location's IANA time zone; UTC when it is missing or unknown to this computer."""
        if self.timezone:
            try:
                return ZoneInfo(self.timezone)
            except (ZoneInfoNotFoundError, ValueError):
                log.info("Unknown time zone %r for location %s; showing UTC", self.timezone, self.id)
        return ZoneInfo("UTC")

    def local_now(self, now: datetime | None = None) -> datetime:
        """The wall-clock time at the locker (aware)."""
        instant = now or datetime.now(UTC)
        if instant.tzinfo is None:
            instant = instant.replace(tzinfo=UTC)
        return instant.astimezone(self.zone)

    def is_open_at(self, when: datetime) -> bool:
        """Whether `when` falls in the opening hours of its local weekday (from `string_weekday`).

        Only `string_weekday` is used: the numbering of `weekday` is not stated by the contract.
        A closing time at or before the opening time is read as "open past midnight".
        No service days at all → False (nothing says it is open).
        """
        local = self.local_now(when)
        day_name = local.strftime("%A").lower()
        previous_name = (local - timedelta(days=1)).strftime("%A").lower()
        clock = local.time().replace(tzinfo=None)
        for day in self.service_days:
            opening, closing = day.opening(), day.closing()
            if opening is None or closing is None:
                continue
            name = str(day.string_weekday or "").lower()
            if closing > opening:
                if name == day_name and opening <= clock < closing:
                    return True
            else:  # overnight (or 24 h when equal)
                if name == day_name and clock >= opening:
                    return True
                if name == previous_name and clock < closing:
                    return True
        return False


class LocationDetail(_LocationWithHours):
    """#4 and #22 location."""

    boxes: list[BoxAvailability] = Field(default_factory=list)
    public_boxes: int | None = None

    def box(self, size: BoxSize | str) -> BoxAvailability | None:
        for box in self.boxes:
            if box.size == size:
                return box
        return None


class AvailableLocation(_LocationWithHours):
    """#28 location (no boxes)."""

    distance: float | None = None
    host: str | None = None
    is_24: bool | None = None

    def is_open_at(self, when: datetime) -> bool:
        return bool(self.is_24) or super().is_open_at(when)


class LocationResponse(LokModel):
    """#22 reply."""

    status_code: int | None = None
    location: LocationDetail


# --- pages (§1.2) ----------------------------------------------------------------------------


class Page(LokModel):
    """The paging envelope shared by #2, #4, #7, #8, #18, #24.

    Every envelope field may be missing (a server may even send a bare list, read as the items).
    `unreadable` counts the records of this page that could not be read and were skipped.
    """

    status_code: int | None = None
    total: int | None = None
    page: int | None = None
    page_size: int | None = None
    total_pages: int | None = None

    @property
    def items(self) -> Sequence[Any]:
        return []

    @property
    def unreadable(self) -> int:
        """Records on this page Lok Desk could not read (skipped, never silently: count them in)."""
        return self.unreadable_records

    @property
    def received(self) -> int:
        """Records the server sent on this page, read or not."""
        return len(self.items) + self.unreadable

    def is_last(self, requested_page: int, requested_size: int) -> bool:
        """Whether no page follows this one, by what the server says rather than what was asked.

        `total_pages` when given; else `total` with the page size the server used (its `page_size`,
        else the asked one); else a page shorter than the server's own `page_size`, else shorter than
        the asked size. That last guess cannot tell the end of a list from a server that caps its
        page size without saying so: `iter_pages` can (it probes once), so prefer it.
        """
        if self.received == 0:
            return True
        number = self.page or requested_page
        if self.total_pages is not None:
            return number >= self.total_pages
        size = self.page_size or requested_size
        if self.total is not None:
            return number * size >= self.total
        if self.page_size is not None:
            return self.received < self.page_size
        return self.received < requested_size


class LocationPage(Page):
    envelope_key: ClassVar[str | None] = "locations"
    locations: list[LocationDetail] = Field(default_factory=list)

    @property
    def items(self) -> Sequence[LocationDetail]:
        return self.locations


# --- reservations (§6.4) ---------------------------------------------------------------------


class PackageInfo(LokModel):
    width: float | None = None
    height: float | None = None
    length: float | None = None
    value: float | None = None
    weight: float | None = None
    description: str | None = None


class EventHistoryEntry(LokModel):
    status: EventStatusValue | None = None
    date: LokDateTime = None


class SelectedBox(LokModel):
    size: str | None = None
    uuid: str | None = None


class BoxInfo(LokModel):
    size: str | None = None
    uuid: str | None = None
    is_public: bool | None = None
    boxes: list[SelectedBox] = Field(default_factory=list)


class ContactInfo(LokModel):
    name: str | None = None
    email: str | None = None
    phone: str | None = None


class RecipientInfo(ContactInfo):
    pass


class ShippingPoint(LokModel):
    address: str | None = None
    notes: str | None = None


class ShippingInfo(LokModel):
    tracking_id: str | None = None
    pickup_point: ShippingPoint | None = None
    destination_point: ShippingPoint | None = None
    carrier: str | None = None
    vehicle_type: str | None = None
    fee: str | None = None
    required_pickup_date: LokDateTime = None
    estimated_delivery_date: LokDateTime = None


def _empty_means_none(value: Any) -> Any:
    return None if value == {} else value


class Reservation(LokModel):
    """Every reservation variant: A (location embedded), B and C (location id; C with shipping)."""

    essential_fields: ClassVar[frozenset[str]] = frozenset({"id"})

    id: str | None = None
    shipment_id: str | None = None
    is_confirmed: bool | None = None
    is_local: bool | None = None
    location: LocationSummary | str | None = None
    package_info: PackageInfo | None = None
    delivery_due_date: LokDateTime = None
    pickup_due_date: LokDateTime = None
    event_history: list[EventHistoryEntry] = Field(default_factory=list)
    additional: dict[str, Any] = Field(default_factory=dict)
    # Variants A and B carry `{}`; it is read as "no shipping".
    shipping: Annotated[ShippingInfo | None, BeforeValidator(_empty_means_none)] = None
    created_at: LokDateTime = None
    updated_at: LokDateTime = None
    locker: BoxInfo | None = None
    contact_info: ContactInfo | None = None
    recipient_info: RecipientInfo | None = None
    recipient_notifications_enabled: bool | None = None

    def _latest_event(self) -> EventHistoryEntry | None:
        events = [event for event in self.event_history if event.status is not None]
        if not events:
            return None
        # History is kept ascending (DESIGN §3); when every entry is dated, trust the dates over the
        # order, so a server that lists newest first still gives the right status.
        if all(event.date is not None for event in events):
            return max(enumerate(events), key=lambda pair: (pair[1].date, pair[0]))[1]
        return events[-1]

    @property
    def current_status(self) -> EventStatus | str | None:
        """The last `event_history` status (unknown values kept as str); None when there is none."""
        event = self._latest_event()
        return event.status if event is not None else None

    @property
    def is_finished(self) -> bool:
        return self.current_status in FINISHED_STATUSES

    @property
    def is_active(self) -> bool:
        return not self.is_finished

    @property
    def location_id(self) -> str | None:
        if isinstance(self.location, LocationSummary):
            return self.location.id
        return self.location

    @property
    def is_delivered(self) -> bool:
        """The package is (or was) in the locker: delivered, reopened, or picked up after that."""
        return any(event.status in _AFTER_DELIVERY for event in self.event_history)

    def status_date(self, status: EventStatus | str) -> datetime | None:
        """When the reservation first reached `status`, if its history says so."""
        for event in self.event_history:
            if event.status == status:
                return event.date
        return None

    def is_overdue(self, now: datetime) -> bool:
        """Active and past its delivery deadline (not yet delivered) or pick-up deadline (delivered)."""
        if self.is_finished:
            return False
        deadline = self.pickup_due_date if self.is_delivered else self.delivery_due_date
        if deadline is None:
            return False
        instant = now.replace(tzinfo=UTC) if now.tzinfo is None else now
        return instant > deadline


_QR_FIELDS: dict[str, str] = {
    "delivery": "delivery_token_qr",
    "pickup": "pickup_token_qr",
    "reopen_1": "reopen_1_token_qr",
    "reopen_2": "reopen_2_token_qr",
    "cancel": "cancel_token_qr",
}
#: The names `ReservationTokens.token()` and `.qr_png()` accept.
TOKEN_NAMES: tuple[str, ...] = tuple(_QR_FIELDS)


class ReservationTokens(LokModel):
    """The locker codes of a reservation; they open boxes, so they stay out of repr."""

    delivery_token: str | None = Field(default=None, repr=False)
    delivery_token_qr: str | None = Field(default=None, repr=False)
    reopen_1_token: str | None = Field(default=None, repr=False)
    reopen_1_token_qr: str | None = Field(default=None, repr=False)
    reopen_2_token: str | None = Field(default=None, repr=False)
    reopen_2_token_qr: str | None = Field(default=None, repr=False)
    pickup_token: str | None = Field(default=None, repr=False)
    pickup_token_qr: str | None = Field(default=None, repr=False)
    cancel_token: str | None = Field(default=None, repr=False)
    cancel_token_qr: str | None = Field(default=None, repr=False)

    def token(self, name: str) -> str | None:
        """The code for "delivery", "pickup", "reopen_1", "reopen_2" or "cancel"."""
        if name not in _QR_FIELDS:
            raise KeyError(name)
        value = getattr(self, f"{name}_token")
        return value if isinstance(value, str) else None

    def qr_png(self, name: str) -> bytes | None:
        """The QR image bytes for a token name; None when absent or not decodable."""
        if name not in _QR_FIELDS:
            raise KeyError(name)
        value = getattr(self, _QR_FIELDS[name])
        if not isinstance(value, str) or not value:
            return None
        try:
            return decode_binary(value)
        except ValueError:
            log.warning("The %s QR image sent by Lok is not base64 or a data: URI", name)
            return None


class ReservationWithTokens(LokModel):
    """#15 reply."""

    status_code: int | None = None
    reservation: Reservation
    tokens: ReservationTokens = Field(default_factory=ReservationTokens)
    confirmation_code: str | None = None


class ReservationCreated(ReservationWithTokens):
    """#25, #30 and #16 reply."""


class ReservationCancelled(LokModel):
    """#17 reply."""

    status_code: int | None = None
    reservation: Reservation


class ShipmentRequested(LokModel):
    """#32 reply."""

    status_code: int | None = None
    reservation: Reservation
    tokens: ReservationTokens = Field(default_factory=ReservationTokens)


class ReservationPage(Page):
    envelope_key: ClassVar[str | None] = "reservations"
    reservations: list[Reservation] = Field(default_factory=list)

    @property
    def items(self) -> Sequence[Reservation]:
        return self.reservations


class ReservationFilters(LokModel):
    """The list filters of #7, #8, #18, #24 (§1.3). `from_` is sent as `from`."""

    only_active: bool | None = None
    status: str | None = None
    shipment_id: str | None = None
    from_: datetime | int | str | None = Field(default=None, alias="from")
    sort: str | None = None

    def to_params(self) -> dict[str, str]:
        params: dict[str, str] = {}
        if self.only_active is not None:
            params["only_active"] = "true" if self.only_active else "false"
        if self.status is not None:
            params["status"] = str(self.status)
        if self.shipment_id is not None:
            params["shipment_id"] = self.shipment_id
        if isinstance(self.from_, datetime):
            params["from"] = format_datetime(self.from_)
        elif self.from_ is not None:
            params["from"] = str(self.from_)
        if self.sort is not None:
            params["sort"] = self.sort
        return params


# --- reservation requests --------------------------------------------------------------------

RequestDateTime = Annotated[datetime, PlainSerializer(format_datetime, when_used="json")]


class ReservationPackageInfo(LokModel):
    value: float | None = None
    weight: float | None = None
    description: str | None = None


class _ReservationBody(LokModel):
    delivery_confirmation_enabled: bool | None = None
    delivery_token: str | None = Field(default=None, repr=False)
    shipment_id: str | None = None
    package_info: ReservationPackageInfo | None = None
    additional: dict[str, str] | None = None
    contact_info: ContactInfo | None = None
    recipient_info: RecipientInfo | None = None
    recipient_notifications_enabled: bool | None = None


class ReservationRequest(_ReservationBody):
    """#25 body; `size` is required."""

    size: BoxSizeValue


class PreReservationRequest(_ReservationBody):
    """#30 body; `delivery_date` defaults (server side) to request time + 24 h."""

    size: BoxSizeValue | None = None
    delivery_date: RequestDateTime | None = None


class PreReservationUpdate(PreReservationRequest):
    """#16 body; at least one field must be set."""


# --- availability (#28) ----------------------------------------------------------------------


class SearchCoords(LokModel):
    """#28 centre point: wire keys `long`/`lat` (unlike `Coordinates`), readable by either name."""

    longitude: float = Field(alias="long")
    latitude: float = Field(alias="lat")


class AvailabilitySearch(LokModel):
    coords: SearchCoords | None = None
    zip_code: str | None = None
    max_distance: float | None = None
    limit: int = 10
    size: BoxSizeValue | None = None


class AvailabilityResult(LokModel):
    envelope_key: ClassVar[str | None] = "locations"
    status_code: int | None = None
    locations: list[AvailableLocation] = Field(default_factory=list)
    grant: str | None = Field(default=None, repr=False)


# --- shipping (§6.5) -------------------------------------------------------------------------


class PickupAddress(LokModel):
    street: str
    number: str
    town: str
    zip_code: str
    references: str | None = None
    cross_streets: str | None = None


class PickupContact(LokModel):
    phone: str
    name: str | None = None


class ShipmentRequest(LokModel):
    """#32/#33 body."""

    origin: PickupAddress
    contact: PickupContact


class ShippingQuote(LokModel):
    origin: str | None = None
    destination: str | None = None
    carrier: str | None = None
    vehicle_type: str | None = None
    fee: str | None = None
    required_pickup_date: LokDateTime = None
    estimated_delivery_date: LokDateTime = None


class QuoteResponse(LokModel):
    """#33 reply."""

    status_code: int | None = None
    quoting: ShippingQuote


class PackageDimensions(LokModel):
    width: float | None = None
    height: float | None = None
    length: float | None = None


class LocationShippingPackageInfo(LokModel):
    value: float | None = None
    weight: float
    description: str | None = None
    request_insurance: bool | None = None
    # The wire name keeps the reference's typo; Python code may use the right spelling.
    request_thermal_label: bool | None = Field(default=None, alias="request_thermal_lable")


class LocationShippingRequest(LokModel):
    """#31 body."""

    size: PackageDimensions
    shipment_id: str
    package_info: LocationShippingPackageInfo
    pickup_date: str
    origin: PickupAddress
    contact: PickupContact


class LocationShippingResult(LokModel):
    """#31 reply; `label` is the PDF tracking guide."""

    status_code: int | None = None
    shipment_id: str | None = None
    tracking_id: str | None = None
    carrier: str | None = None
    fee: str | None = None
    estimated_delivery_date: LokDateTime = None
    label: str | None = Field(default=None, repr=False)
    reservation_id: str | None = None

    def label_bytes(self) -> bytes | None:
        return decode_binary(self.label) if self.label else None


class ShippingItem(LokModel):
    units_weight: str
    product_service: str
    dangerous_material: str | None = None
    pack_type: str | None = None
    units: str | None = None
    is_dangerous: bool = False


class ShippingOrderPackageInfo(LokModel):
    width: float | None = None
    height: float | None = None
    length: float | None = None
    value: float | None = None
    weight: float
    description: str | None = None
    items: list[ShippingItem] = Field(default_factory=list)


class ShippingContact(LokModel):
    phone: str
    name: str | None = None
    email: str
    company: str | None = None
    rfc: str | None = None


class ShippingAddress(LokModel):
    contact: ShippingContact | None = None
    street_type: str | None = None
    town_type: str | None = None
    city: str | None = None
    state: str | None = None
    country: str | None = None
    street: str
    number: str
    town: str
    zip_code: str
    references: str | None = None
    cross_streets: str | None = None


class ShippingOrderRequest(LokModel):
    """#27 body; send `location_id` or `destination`, not both."""

    preferred: str
    package_info: ShippingOrderPackageInfo
    location_id: str | None = None
    destination: ShippingAddress | None = None
    origin: ShippingAddress | None = None


class Label(LokModel):
    """#26/#27 reply: the tracking guide as JPEG and as PDF."""

    jpeg: str = Field(default="", repr=False)
    pdf: str = Field(default="", repr=False)

    def jpeg_bytes(self) -> bytes:
        return decode_binary(self.jpeg)

    def pdf_bytes(self) -> bytes:
        return decode_binary(self.pdf)


# --- directories (§6.6) ----------------------------------------------------------------------


class ContactAddress(LokModel):
    delivery_info: str | None = None
    city: str | None = None
    state: str | None = None
    country: str | None = None
    street: str | None = None
    number: str | None = None
    town: str | None = None
    zip_code: ZipCode = None
    references: str | None = None
    cross_streets: str | None = None


class DirectoryContact(LokModel):
    name: str
    last_name: str
    email: str | None = None
    gender: GenderValue
    age: int
    phones: list[str] | None = None
    address: ContactAddress | None = None
    directory: str | None = None


class StoredDirectoryContact(DirectoryContact):
    """A contact as Lok stores it; one saved without `gender` or `age` still reads (they stay None)."""

    gender: GenderValue | None = None  # type: ignore[assignment]
    age: int | None = None  # type: ignore[assignment]
    created_at: LokDateTime = None
    updated_at: LokDateTime = None


class DirectorySummary(LokModel):
    id: str
    company: CompanyRef | None = None
    author: CompanyRef | None = None
    # Wire name `isActive` (camel case, unlike the request's `is_active`).
    is_active: bool = Field(default=True, alias="isActive")
    name: str | None = None
    created_at: LokDateTime = None
    updated_at: LokDateTime = None


class DirectoryDetail(DirectorySummary):
    contacts: list[StoredDirectoryContact] = Field(default_factory=list)
    locations: list[LocationSummary] = Field(default_factory=list)


class DirectoryResponse(LokModel):
    """#3, #20, #21 reply."""

    status_code: int | None = None
    directory: DirectoryDetail


class DirectoryPage(Page):
    envelope_key: ClassVar[str | None] = "directories"
    directories: list[DirectorySummary] = Field(default_factory=list)

    @property
    def items(self) -> Sequence[DirectorySummary]:
        return self.directories


class DirectoryName(LokModel):
    name: str


class DirectoryCreate(LokModel):
    """#3 body."""

    directory: DirectoryName


class DirectoryChanges(LokModel):
    name: str
    is_active: bool | None = None
    locations: list[str] | None = None


class DirectoryUpdate(LokModel):
    """#21 body."""

    directory: DirectoryChanges


class ContactsReplace(LokModel):
    """#35 body."""

    contacts: list[DirectoryContact]


class ContactsResponse(LokModel):
    """#35 reply."""

    envelope_key: ClassVar[str | None] = "contacts"

    contacts: list[StoredDirectoryContact] = Field(default_factory=list)


class DirectoryCsvImport(LokModel):
    """#29 body (wire key `directoriesIds`)."""

    directories_ids: list[str] | None = Field(default=None, alias="directoriesIds")
    csv: str | None = None


# --- company settings and logs (§6.7) -------------------------------------------------------


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
    """One action-log line. Field meanings are unstated (CONTRACT §7.24): `payload` and `status` of
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


# --- recent activity CSV (#23) --------------------------------------------------------------


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


# --- box sizes (DESIGN §3) ------------------------------------------------------------------


@dataclass(frozen=True)
class BoxDimensions:
    """Inside measures of a box in cm, and the weight it takes in kg."""

    width: float
    height: float
    length: float
    max_weight: float = 25.0

    def fits(self, width: float, height: float, length: float, weight: float) -> bool:
        # A package may be turned any way to go in, so compare sorted measures.
        package = sorted((width, height, length))
        box = sorted((self.width, self.height, self.length))
        return weight <= self.max_weight and all(p <= b for p, b in zip(package, box, strict=True))


BOX_SIZES: dict[BoxSize, BoxDimensions] = {
    BoxSize.S: BoxDimensions(10, 35, 60),
    BoxSize.M: BoxDimensions(20, 35, 60),
    BoxSize.L: BoxDimensions(40, 35, 60),
    BoxSize.XL: BoxDimensions(60, 45, 60),
}


def smallest_fitting_size(width: float, height: float, length: float, weight: float) -> BoxSize | None:
    """The smallest box size that takes the package (any orientation), or None when none does."""
    for size, box in BOX_SIZES.items():
        if box.fits(width, height, length, weight):
            return size
    return None


# Models are built on first use (`defer_build`): start-up validates 7 of these 80, building all of
# them cost ~55 ms of every launch. The first build imports a few more pydantic modules (its plugin
# loader); building one small model here keeps those imports on the thread importing lok_desk.api.
# The desk imports it before the sandbox's thread starts, and two threads importing pydantic's
# internals at once can be handed a partly initialised module (see lok_desk.app).
SimpleMessage.model_rebuild()
