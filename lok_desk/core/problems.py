"""Every way something can go wrong at the desk, as one typed `Problem`: its kind, what happened, what to do
next and the field it concerns — the one path from a failure to the sentence a person reads.

`problem_from(error)` takes anything — a `LokError` subclass from the API client, a transport failure, a
pydantic validation error from building a request, or a bug — and `invalid(field, ...)` stands for the desk's
own form checks. No Qt here: the sentences are English templates marked with `QT_TRANSLATE_NOOP`, so
pyside6-lupdate collects them into the catalogues and the desk translates each by its kind
(lok_desk/desk/kit/problems.py). The server's own words (`detail`) are kept for the log, never shown as the
sentence: Lok writes them in English, and a person at the desk reads their own language.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from lok_desk.api import errors as api_errors

__all__ = ["CONTEXT", "QT_TRANSLATE_NOOP", "Kind", "Problem", "invalid", "problem_from"]

# The catalogue context of the sentences below; explain_error's texts keep their historical context so
# their existing translations carry over.
CONTEXT = "explain_error"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark `text` for the catalogue without translating it (Qt's macro of the same name)."""
    del context
    return text


class Kind(StrEnum):
    """What went wrong, as the desk decides what to show and what to do (retry, sign in again, a field)."""

    OFFLINE = "offline"                      # the server cannot be reached
    NOT_SENT_OFFLINE = "not_sent_offline"    # a write the desk did not send: the server is away
    PROXY = "proxy"                          # the proxy set on this computer lets nothing through
    TIMEOUT = "timeout"                      # the server did not answer in time
    TLS = "tls"                              # the secure connection could not be checked
    INSECURE = "insecure"                    # plain http:// to another computer: refused
    PROTOCOL = "protocol"                    # an answer that is not a Lok reply
    SIGNED_OUT = "signed_out"                # token expired or revoked, no credentials
    BAD_CREDENTIALS = "bad_credentials"      # client id or secret refused
    NOT_ALLOWED = "not_allowed"              # the role's scope lacks this
    FORBIDDEN_LOCATION = "forbidden_location"
    NOT_FOUND = "not_found"
    INVALID_INPUT = "invalid_input"          # the server refused some fields (data.keys)
    INVALID = "invalid"                      # the desk's own check of a field
    INVALID_STATE = "invalid_state"          # the reservation's status does not allow it
    DUPLICATE_SHIPMENT = "duplicate_shipment"
    BOX_INCOMPATIBLE = "box_incompatible"
    NO_CAPACITY = "no_capacity"
    LOCATION_LOCKED = "location_locked"
    INVALID_DUE_DATE = "invalid_due_date"
    INVALID_ADDRESS = "invalid_address"
    GRANT_EXPIRED = "grant_expired"
    LOCKER_TIMEOUT = "locker_timeout"
    CARRIER = "carrier"
    SECRET_STORAGE = "secret_storage"  # noqa: S105 - a kind, not a secret
    SERVER = "server"                        # the server failed (5xx, unknown error)
    REFUSED = "refused"                      # any other refusal
    INTERNAL = "internal"                    # a bug in Lok Desk


# kind -> (what happened, what to do next). Placeholders: {where} (" at <server>" or ""), {doing} (a
# translated phrase that reads after "while"). Each is translated by the desk under CONTEXT.
SENTENCES: dict[Kind, tuple[str, str]] = {
    Kind.TIMEOUT: (
        QT_TRANSLATE_NOOP("explain_error", "The Lok server{where} took too long to answer while {doing}."),
        QT_TRANSLATE_NOOP("explain_error", "Lok Desk keeps trying and carries on by itself when the server "
                                           "answers. Check this computer's network connection if it lasts.")),
    Kind.OFFLINE: (
        QT_TRANSLATE_NOOP("explain_error", "Lok Desk cannot reach the Lok server{where} while {doing}."),
        QT_TRANSLATE_NOOP("explain_error", "Check this computer's network connection. Lok Desk keeps "
                                           "trying and carries on by itself when the server answers again.")),
    Kind.NOT_SENT_OFFLINE: (
        QT_TRANSLATE_NOOP("explain_error", "Nothing was sent: Lok Desk cannot reach the Lok server{where} "
                                           "right now."),
        QT_TRANSLATE_NOOP("explain_error", "The status bar says when the connection is back; then press the "
                                           "same button again.")),
    Kind.PROXY: (
        QT_TRANSLATE_NOOP("explain_error", "Lok Desk cannot reach the Lok server{where} through the proxy "
                                           "this computer is set to use (HTTPS_PROXY or ALL_PROXY) while "
                                           "{doing}."),
        QT_TRANSLATE_NOOP("explain_error", "Ask your IT contact to check the proxy setting. Lok Desk "
                                           "keeps trying and carries on by itself when the proxy lets it "
                                           "through.")),
    Kind.TLS: (
        QT_TRANSLATE_NOOP("explain_error", "The server's security certificate could not be checked, so Lok "
                                           "Desk did not send anything."),
        QT_TRANSLATE_NOOP("explain_error", "Do not continue on this network. Ask your IT contact to check "
                                           "the connection or proxy.")),
    Kind.INSECURE: (
        QT_TRANSLATE_NOOP("explain_error", "Lok Desk only sends credentials over https:// (plain http:// "
                                           "is allowed only to this computer)."),
        QT_TRANSLATE_NOOP("explain_error", "Use an https:// server address.")),
    Kind.PROTOCOL: (
        QT_TRANSLATE_NOOP("explain_error", "The server{where} sent an answer Lok Desk cannot read while "
                                           "{doing}."),
        QT_TRANSLATE_NOOP("explain_error", "Check the server address at sign-in. If it is right, try again "
                                           "in a few minutes.")),
    Kind.FORBIDDEN_LOCATION: (
        QT_TRANSLATE_NOOP("explain_error", "This location is not one you may work with."),
        QT_TRANSLATE_NOOP("explain_error", "Choose a reservation at your own location, or ask your "
                                           "company's owner for access.")),
    Kind.NOT_ALLOWED: (
        QT_TRANSLATE_NOOP("explain_error", "Your role does not allow {doing}."),
        QT_TRANSLATE_NOOP("explain_error", "Ask your company's owner for a role that can do this.")),
    Kind.BAD_CREDENTIALS: (
        QT_TRANSLATE_NOOP("explain_error", "The server did not accept this client id and secret."),
        QT_TRANSLATE_NOOP("explain_error", "Check both for typing mistakes (they are case-sensitive) or "
                                           "ask your Lok contact for new ones.")),
    Kind.SIGNED_OUT: (
        QT_TRANSLATE_NOOP("explain_error", "Your sign-in is no longer valid and could not be renewed."),
        QT_TRANSLATE_NOOP("explain_error", "Sign out (Ctrl+Shift+Q) and sign in again.")),
    Kind.NOT_FOUND: (
        QT_TRANSLATE_NOOP("explain_error", "Lok could not find what was asked for while {doing}; it may "
                                           "have been removed."),
        QT_TRANSLATE_NOOP("explain_error", "Refresh the list (F5) and try again.")),
    Kind.INVALID_INPUT: (
        QT_TRANSLATE_NOOP("explain_error", "Lok did not accept some of the data sent while {doing}."),
        QT_TRANSLATE_NOOP("explain_error", "Correct the highlighted fields and try again; what you typed "
                                           "is kept.")),
    Kind.INVALID: (
        QT_TRANSLATE_NOOP("explain_error", "Some of what you entered cannot be used."),
        QT_TRANSLATE_NOOP("explain_error", "Correct the highlighted fields and try again; what you typed "
                                           "is kept.")),
    Kind.INVALID_STATE: (
        QT_TRANSLATE_NOOP("explain_error", "This cannot be done to the reservation in its current state."),
        QT_TRANSLATE_NOOP("explain_error", "Refresh it (F5) to see its current status.")),
    Kind.DUPLICATE_SHIPMENT: (
        QT_TRANSLATE_NOOP("explain_error", "That shipment id is already used by another reservation."),
        QT_TRANSLATE_NOOP("explain_error", "Choose another shipment id.")),
    Kind.BOX_INCOMPATIBLE: (
        QT_TRANSLATE_NOOP("explain_error", "No box is big enough for this package."),
        QT_TRANSLATE_NOOP("explain_error", "Check its size and weight (at most 60 × 45 × 60 cm and 25 kg).")),
    Kind.NO_CAPACITY: (
        QT_TRANSLATE_NOOP("explain_error", "No box of that size is free at this location now."),
        QT_TRANSLATE_NOOP("explain_error", "Try another size or another location.")),
    Kind.LOCATION_LOCKED: (
        QT_TRANSLATE_NOOP("explain_error", "This location is temporarily locked."),
        QT_TRANSLATE_NOOP("explain_error", "Try again later.")),
    Kind.INVALID_DUE_DATE: (
        QT_TRANSLATE_NOOP("explain_error", "The delivery date is not valid."),
        QT_TRANSLATE_NOOP("explain_error", "Pick a date in the future.")),
    Kind.INVALID_ADDRESS: (
        QT_TRANSLATE_NOOP("explain_error", "Lok could not use that address."),
        QT_TRANSLATE_NOOP("explain_error", "Make it more precise and try again.")),
    Kind.GRANT_EXPIRED: (
        QT_TRANSLATE_NOOP("explain_error", "The offer for that locker is no longer valid."),
        QT_TRANSLATE_NOOP("explain_error", "Search for available lockers again.")),
    Kind.LOCKER_TIMEOUT: (
        QT_TRANSLATE_NOOP("explain_error", "Lok could not reach the locker in time."),
        QT_TRANSLATE_NOOP("explain_error", "Try again in a moment.")),
    Kind.CARRIER: (
        QT_TRANSLATE_NOOP("explain_error", "The carrier could not create the shipping order."),
        QT_TRANSLATE_NOOP("explain_error", "Try again later.")),
    Kind.SECRET_STORAGE: (
        QT_TRANSLATE_NOOP("explain_error", "This computer has no safe place to keep the client secret."),
        QT_TRANSLATE_NOOP("explain_error", "Lok Desk will ask for it at each sign-in.")),
    Kind.SERVER: (
        QT_TRANSLATE_NOOP("explain_error", "The Lok server{where} had a problem while {doing}."),
        QT_TRANSLATE_NOOP("explain_error", "This is a problem on the Lok server. Try again in a few "
                                           "minutes.")),
    Kind.REFUSED: (
        QT_TRANSLATE_NOOP("explain_error", "The Lok server{where} refused the request while {doing}."),
        QT_TRANSLATE_NOOP("explain_error", "Check what you entered and try again.")),
    Kind.INTERNAL: (
        QT_TRANSLATE_NOOP("explain_error", "Something went wrong inside Lok Desk while {doing}."),
        QT_TRANSLATE_NOOP("explain_error", "Nothing was lost on the server. Try again; if it happens "
                                           "again, restart Lok Desk and tell support what you were doing.")),
}
# Under a field the server refused (its own words are English and technical).
FIELD_REFUSED = QT_TRANSLATE_NOOP("explain_error", "Lok did not accept this value; check it and try again.")
WHERE = QT_TRANSLATE_NOOP("explain_error", " at {server}")
# Said after "while" when the caller did not say what was being done.
WORKING = QT_TRANSLATE_NOOP("explain_error", "working")

# The Lok error `type`s and failures each kind stands for, most specific first (subclasses before bases).
_KIND_BY_CLASS: tuple[tuple[type[BaseException], Kind], ...] = (
    (api_errors.LokTimeoutError, Kind.TIMEOUT),
    (api_errors.LokProxyError, Kind.PROXY),
    (api_errors.LokTransportError, Kind.OFFLINE),
    (api_errors.LokTLSError, Kind.TLS),
    (api_errors.InsecureTransportError, Kind.INSECURE),
    (api_errors.LokProtocolError, Kind.PROTOCOL),
    (api_errors.ForbiddenLocationError, Kind.FORBIDDEN_LOCATION),
    (api_errors.InsufficientScopeError, Kind.NOT_ALLOWED),
    (api_errors.UnauthorizedClientError, Kind.NOT_ALLOWED),
    (api_errors.InvalidClientError, Kind.BAD_CREDENTIALS),
    (api_errors.InvalidTokenError, Kind.SIGNED_OUT),
    (api_errors.InvalidGrantError, Kind.SIGNED_OUT),
    (api_errors.CredentialsRequiredError, Kind.SIGNED_OUT),
    (api_errors.NotFoundError, Kind.NOT_FOUND),
    (api_errors.InvalidRequestError, Kind.INVALID_INPUT),
    (api_errors.InvalidReservationError, Kind.INVALID_STATE),
    (api_errors.UniqueShipmentError, Kind.DUPLICATE_SHIPMENT),
    (api_errors.BoxIncompatibleError, Kind.BOX_INCOMPATIBLE),
    (api_errors.NoCapacityError, Kind.NO_CAPACITY),
    (api_errors.LocationLockedError, Kind.LOCATION_LOCKED),
    (api_errors.InvalidDueDateError, Kind.INVALID_DUE_DATE),
    (api_errors.InvalidAddressError, Kind.INVALID_ADDRESS),
    (api_errors.GrantTokenError, Kind.GRANT_EXPIRED),
    (api_errors.RequestTimeoutError, Kind.LOCKER_TIMEOUT),
    (api_errors.LogisticError, Kind.CARRIER),
    (api_errors.SecretStorageUnavailable, Kind.SECRET_STORAGE),
    (api_errors.UnknownServerError, Kind.SERVER),
    (api_errors.FailedDependencyError, Kind.SERVER),
)
# The request field a kind is about when the server names none (so the form can mark it).
_FIELD_BY_KIND: dict[Kind, str] = {
    Kind.DUPLICATE_SHIPMENT: "shipment_id",
    Kind.INVALID_DUE_DATE: "delivery_date",
    Kind.BOX_INCOMPATIBLE: "package_info",
}
# Kinds that go away by themselves once the server answers again (the offline banner's).
TRANSIENT = frozenset({Kind.OFFLINE, Kind.NOT_SENT_OFFLINE, Kind.TIMEOUT, Kind.PROXY})


@dataclass(frozen=True)
class Problem:
    """One failure as the desk shows it. `what`/`next_step` are English templates (translate them by kind
    with `sentences()`); `fields` are request paths ("recipient.email") the server or a form check named."""

    kind: Kind
    doing: str = ""
    server: str = ""
    fields: tuple[str, ...] = ()
    status_code: int | None = None
    # The server's or exception's own words: for the log and support, not the sentence on screen.
    detail: str = dataclasses.field(default="", compare=False)

    @property
    def field(self) -> str | None:
        """The first field at fault (where focus goes), or None when the problem is not about a field."""
        return self.fields[0] if self.fields else None

    @property
    def transient(self) -> bool:
        """True for offline and slow-server problems, which clear by themselves when the server answers."""
        return self.kind in TRANSIENT

    @property
    def what(self) -> str:
        return SENTENCES[self.kind][0]

    @property
    def next_step(self) -> str:
        return SENTENCES[self.kind][1]

    def concerns(self, *prefixes: str) -> bool:
        """Whether any field at fault is `prefix` or lies under it ("recipient" covers "recipient.email")."""
        return any(f == p or f.startswith(p + ".") for f in self.fields for p in prefixes)

    def english(self) -> tuple[str, str]:
        """(what happened, what to do next) in English, e.g. for the log."""
        where = WHERE.format(server=self.server) if self.server else ""
        values = {"where": where, "doing": self.doing or WORKING}
        return self.what.format(**values), self.next_step.format(**values)


def _fields_of(error: BaseException) -> tuple[str, ...]:
    if isinstance(error, api_errors.LokError):
        return tuple(_clean(key) for key in error.keys)
    errors = getattr(error, "errors", None)    # pydantic.ValidationError, without importing pydantic
    if callable(errors) and type(error).__name__ == "ValidationError":
        found: list[str] = []
        try:
            entries: Sequence[Any] = errors()
        except Exception:
            return ()
        for entry in entries:
            loc = entry.get("loc", ()) if isinstance(entry, dict) else ()
            path = ".".join(str(part) for part in loc if not isinstance(part, int))
            if path and path not in found:
                found.append(path)
        return tuple(found)
    return ()


def _clean(key: str) -> str:
    # FastAPI names where a value came from ("body.recipient.email"); the form only knows the field.
    for prefix in ("body.", "query.", "path."):
        if key.startswith(prefix):
            return key[len(prefix):]
    return key


def kind_of(error: BaseException) -> Kind:
    """The kind of any exception (see the module docstring)."""
    # A failure the core raises itself says its kind (the service's refusals: lok_desk.core.service).
    own = getattr(error, "problem_kind", None)
    if isinstance(own, Kind):
        return own
    for cls, kind in _KIND_BY_CLASS:
        if isinstance(error, cls):
            return kind
    if isinstance(error, api_errors.LokError):
        status = error.status_code
        return Kind.SERVER if status is not None and status >= 500 else Kind.REFUSED
    if type(error).__name__ == "ValidationError" and callable(getattr(error, "errors", None)):
        return Kind.INVALID
    return Kind.INTERNAL


def problem_from(error: BaseException, *, doing: str = "", server: str = "",
                 fields: Sequence[str] = ()) -> Problem:
    """The `Problem` for any failure; `doing` is the (translated) phrase that reads after "while",
    `server` names the server when it matters, `fields` overrides the fields at fault."""
    kind = kind_of(error)
    found = tuple(fields) or _fields_of(error)
    if not found and kind in _FIELD_BY_KIND:
        found = (_FIELD_BY_KIND[kind],)
    if isinstance(error, api_errors.LokError):
        detail, status = error.message, error.status_code
    else:
        detail, status = f"{type(error).__name__}: {error}", None
    return Problem(kind, doing=doing, server=server, fields=found, status_code=status, detail=detail)


def invalid(*fields: str, detail: str = "") -> Problem:
    """A field the desk's own check refused (the field's own message says exactly what is wrong)."""
    return Problem(Kind.INVALID, fields=fields, detail=detail)
