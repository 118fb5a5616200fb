"""Every way something can go wrong at the desk, as one typed `Problem` — the ONLY mapping from a failure
to what a person reads: its kind, the fields it concerns, Lok's own facts about them, what to do next.

`problem_from(error)` takes anything — a `LokError` subclass from the API client, a write the service
refused offline, a transport failure, a pydantic validation error from building a request, or a bug — and
`invalid(field, ...)` stands for the desk's own form checks. No Qt here: every sentence is an English
template marked for the catalogue (`QT_TRANSLATE_NOOP`; plural ones through `translate(..., n)`), so
pyside6-lupdate collects them and the desk words a Problem in the person's language
(lok_desk/desk/kit/problems.py).

Lok's own words are English, so they never reach the screen: what they say is read into `Fact`s (the
field, the line of a CSV file, the reason, a limit such as "at most 2048 characters", a value) and the
desk words each fact from its template. The server's sentence is kept in `detail`, for the log only.
A Problem is stored as plain data (`record()`/`from_record()`), so the desk history keeps the kind and
the facts and words them when it is read, in the language of that moment.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from lok_desk.api import errors as api_errors
from lok_desk.core.problem_facts import FIELD_REFUSED, Fact, Reason, facts_of, int_or_none

__all__ = ["CONTEXT", "FIELD_REFUSED", "QT_TRANSLATE_NOOP", "Fact", "Kind", "Problem", "Reason", "invalid",
           "kind_of", "problem_from"]

# The catalogue context of every sentence below (historical name: the translations carry over).
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
    RATE_LIMITED = "rate_limited"            # Lok asked us to wait (Retry-After) longer than the client does
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
    FILE = "file"                            # a file on this computer could not be read or written
    PRINTER = "printer"                      # the printer could not be started
    SERVER = "server"                        # the server failed (5xx, unknown error)
    REFUSED = "refused"                      # any other refusal
    INTERNAL = "internal"                    # a bug in Lok Desk


# Instead of INVALID_INPUT's and INVALID's "correct the highlighted fields" when no field is marked: a form
# that has none of the fields, a banner, a dialog that has closed. Never a sentence about fields then.
UNMARKED_NEXT_STEP = QT_TRANSLATE_NOOP("explain_error", "Check what you entered and try again.")
FILE_SENTENCES = (
    QT_TRANSLATE_NOOP("explain_error", "Lok Desk could not read or write a file on this computer while "
                                       "{doing}."),
    QT_TRANSLATE_NOOP("explain_error", "Check that the folder exists, that you may write there and that the "
                                       "disk is not full, then try again."))
# kind -> (what happened, what to do next). Placeholders: {where} (" at <server>" or ""), {doing} (a
# translated phrase that reads after "while"), {seconds}. Each is translated by the desk under CONTEXT.
SENTENCES: dict[Kind, tuple[str, str]] = {
    Kind.RATE_LIMITED: (
        QT_TRANSLATE_NOOP("explain_error", "Lok asked us to wait {seconds} s while {doing}."),
        QT_TRANSLATE_NOOP("explain_error", "Lok is busy. Wait that long, then try again.")),
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
    Kind.FILE: FILE_SENTENCES,
    Kind.PRINTER: (
        QT_TRANSLATE_NOOP("explain_error", "The printer could not be started while {doing}."),
        QT_TRANSLATE_NOOP("explain_error", "Check that it is switched on and connected, or choose another "
                                           "printer (or save the slip as PDF).")),
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
    (OSError, Kind.FILE),
)
# The request field a kind is about when the server names none (so the form can mark it).
_FIELD_BY_KIND: dict[Kind, tuple[str, ...]] = {
    Kind.DUPLICATE_SHIPMENT: ("shipment_id",),
    Kind.INVALID_DUE_DATE: ("delivery_date",),
    Kind.BOX_INCOMPATIBLE: ("package_info",),
    Kind.BAD_CREDENTIALS: ("client_id", "client_secret"),
}
# Kinds whose sentence may say "correct the highlighted fields" (only when a field was marked).
FIELD_KINDS = frozenset({Kind.INVALID_INPUT, Kind.INVALID})
# Kinds that go away by themselves once the server answers again (the offline banner's).
TRANSIENT = frozenset({Kind.OFFLINE, Kind.NOT_SENT_OFFLINE, Kind.TIMEOUT, Kind.PROXY})


@dataclass(frozen=True)
class Problem:
    """One failure as the desk shows it. `what`/`next_step` are English templates (the desk translates them
    by kind); `fields` are the request paths at fault ("recipient.email", "csv"); `facts` what Lok said
    about them."""

    kind: Kind
    doing: str = ""
    server: str = ""
    fields: tuple[str, ...] = ()
    facts: tuple[Fact, ...] = ()
    status_code: int | None = None
    wait_seconds: int | None = None
    # The server's or exception's own words: for the log and support, never the sentence on screen.
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
        """What to do next when no form marks the fields (see `next_step_for`)."""
        return self.next_step_for(marked=False)

    def next_step_for(self, *, marked: bool) -> str:
        """What to do next; `marked` says whether a form shows the fields at fault (only then may the
        sentence speak of highlighted fields)."""
        if self.kind in FIELD_KINDS and not marked:
            return UNMARKED_NEXT_STEP
        return SENTENCES[self.kind][1]

    def facts_for(self, field: str) -> tuple[Fact, ...]:
        """The facts about `field` or anything under it."""
        return tuple(f for f in self.facts if f.field == field or f.field.startswith(field + "."))

    def concerns(self, *prefixes: str) -> bool:
        """Whether any field at fault is `prefix` or lies under it ("recipient" covers "recipient.email")."""
        return any(f == p or f.startswith(p + ".") for f in self.fields for p in prefixes)

    def values(self, where: str, working: str) -> dict[str, object]:
        """The placeholders of `what`/`next_step`, given the (translated) " at {server}" and "working"."""
        return {"where": where.format(server=self.server) if self.server else "",
                "doing": self.doing or working, "seconds": self.wait_seconds or 0}

    def english(self, *, marked: bool = False) -> tuple[str, str]:
        """(what happened, what to do next) in English, e.g. for the log and tests."""
        values = self.values(WHERE, WORKING)
        return self.what.format(**values), self.next_step_for(marked=marked).format(**values)

    def record(self) -> dict[str, Any]:
        """Plain data to store (the desk history): the kind and Lok's facts, never the server's English."""
        record: dict[str, Any] = {"kind": self.kind.value}
        if self.fields:
            record["fields"] = list(self.fields)
        if self.facts:
            record["facts"] = [fact.record() for fact in self.facts]
        if self.status_code is not None:
            record["status_code"] = self.status_code
        if self.wait_seconds is not None:
            record["wait_seconds"] = self.wait_seconds
        return record

    @classmethod
    def from_record(cls, raw: Mapping[str, Any], *, doing: str = "") -> Problem:
        kind = str(raw.get("kind", ""))
        fields = raw.get("fields") or []
        facts = raw.get("facts") or []
        return cls(Kind(kind) if kind in set(Kind) else Kind.REFUSED, doing=doing,
                   fields=tuple(str(f) for f in fields if isinstance(f, str)),
                   facts=tuple(Fact.from_record(f) for f in facts if isinstance(f, Mapping)),
                   status_code=int_or_none(raw.get("status_code")),
                   wait_seconds=int_or_none(raw.get("wait_seconds")))


def _fields_of(facts: Sequence[Fact]) -> tuple[str, ...]:
    found: list[str] = []
    for fact in facts:
        if fact.field not in found:
            found.append(fact.field)
    return tuple(found)


def kind_of(error: BaseException) -> Kind:
    """The kind of any exception (see the module docstring)."""
    # A failure the core raises itself says its kind (the service's refusals: lok_desk.core.service).
    own = getattr(error, "problem_kind", None)
    if isinstance(own, Kind):
        return own
    if isinstance(error, api_errors.LokError) and error.wait_seconds is not None:
        return Kind.RATE_LIMITED             # 429/503 with a Retry-After longer than the client waits
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
    if isinstance(error, api_errors.LokError):
        facts = facts_of(error)
        detail, status, wait = error.message, error.status_code, error.wait_seconds
    else:
        facts = facts_of(error)
        detail, status, wait = f"{type(error).__name__}: {error}", None, None
    found = tuple(fields) or _fields_of(facts)
    if not found and kind in _FIELD_BY_KIND:
        found = _FIELD_BY_KIND[kind]
    return Problem(kind, doing=doing, server=server, fields=found, facts=facts, status_code=status,
                   wait_seconds=wait, detail=detail)


def invalid(*fields: str, reason: Reason | None = None, limit: int | None = None, value: str = "",
            detail: str = "") -> Problem:
    """A field the desk's own check refused; with `reason` it says why in the same words as Lok's."""
    facts = tuple(Fact(field, reason, limit, value=value) for field in fields) if reason is not None else ()
    return Problem(Kind.INVALID, fields=fields, facts=facts, detail=detail)
