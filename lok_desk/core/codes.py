"""What a code is and whether it works at the locker now: the code inspector's and the slips' rules.

Plain functions over `lok_desk.api.models` objects, no Qt and no sentences: an answer is an enum
member plus data (a time, a location id), and the desk words it in the person's language
(lok_desk/desk/inspector/words.py). The locker rules mirror the sandbox kiosk, which mirrors the
physical locker (docs/decisions.md, Sandbox-only routes):

- delivery opens a box of a *reserved* reservation (a pre-reservation must be confirmed first);
- reopen 1 works while *delivered*, reopen 2 while *reopened*;
- pick-up works while the parcel is in the locker (delivered or reopened);
- cancel works while *pending* or *reserved* (before delivery);
- a finished reservation (picked up, cancelled) opens nothing.

Which slip fits a reservation follows the same states: the courier slip (delivery token) while the
reservation waits for delivery, the recipient slip (pick-up token) once the parcel is in the locker, and
nothing once it is finished: its tokens are void.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any, Protocol

from lok_desk.api import LokError, models
from lok_desk.core import rules
from lok_desk.core.reservations.recent import read_recent
from lok_desk.core.token_index import normalise as token_normalise

#: The token names in the order a person uses them (models.TOKEN_NAMES, restated for readers here).
TOKEN_KINDS: tuple[str, ...] = ("delivery", "pickup", "reopen_1", "reopen_2", "cancel")
#: An unconfirmed pre-reservation is cancelled 24 h after its delivery date
#: (docs/decisions.md, Pre-reservations).
PRE_RESERVATION_GRACE = timedelta(hours=24)

_IN_LOCKER = frozenset({"delivered", "reopened", "reopened2"})
_FINISHED = frozenset({"picked_up", "cancelled"})
# The status a token moves the reservation to: the first time that status appears is when it was used.
_USED_AS = {
    "delivery": "delivered",
    "reopen_1": "reopened",
    "reopen_2": "reopened2",
    "pickup": "picked_up",
    "cancel": "cancelled",
}


class CodeKind(StrEnum):
    """What a typed or scanned text turned out to be."""

    DELIVERY = "delivery"
    PICKUP = "pickup"
    REOPEN_1 = "reopen_1"
    REOPEN_2 = "reopen_2"
    CANCEL = "cancel"
    SHIPMENT_ID = "shipment_id"
    RESERVATION_ID = "reservation_id"
    CONFIRMATION_CODE = "confirmation_code"

    @property
    def is_token(self) -> bool:
        """A box-opening code typed at the locker (the others identify a reservation only)."""
        return self.value in TOKEN_KINDS


class Verdict(StrEnum):
    """Whether a code works at the locker right now, and if not, why."""

    WORKS = "works"
    ALREADY_USED = "already_used"                  # `at` says when
    CANCELLED = "cancelled"                        # the reservation was cancelled (`at`)
    PRE_RESERVATION_EXPIRED = "pre_reservation_expired"  # never confirmed; Lok cancelled it (`at`)
    PICKED_UP = "picked_up"                        # finished: the parcel was collected (`at`)
    NOT_DELIVERED_YET = "not_delivered_yet"        # pick-up/reopen code, parcel not in the locker
    NOT_CONFIRMED_YET = "not_confirmed_yet"        # delivery code of an unconfirmed pre-reservation
    REOPEN_1_FIRST = "reopen_1_first"              # reopen 2 works only after reopen 1 was used
    IN_LOCKER = "in_locker"                        # cancel code after delivery: too late to cancel
    OTHER_LOCATION = "other_location"              # `location_id` is where it works
    NOT_A_LOCKER_CODE = "not_a_locker_code"        # a shipment/reservation id or confirmation code
    NOT_FOUND = "not_found"                        # not a code of this company, or not loaded


@dataclass(frozen=True)
class LockerAnswer:
    """The inspector's answer for one code: a verdict and the data its sentence needs."""

    verdict: Verdict
    at: datetime | None = None          # when it was used / cancelled / expired / picked up
    location_id: str | None = None      # the reservation's location (for OTHER_LOCATION)

    @property
    def works(self) -> bool:
        return self.verdict is Verdict.WORKS


def status_of(reservation: models.Reservation) -> str:
    return str(reservation.current_status or "")


def _first(reservation: models.Reservation, status: str) -> datetime | None:
    return reservation.status_date(status)


def _last(reservation: models.Reservation, status: str) -> datetime | None:
    dates = [e.date for e in reservation.event_history if e.status == status and e.date is not None]
    return max(dates) if dates else None


def was_expired(reservation: models.Reservation) -> bool:
    """Cancelled by Lok because it was never confirmed: an unconfirmed pre-reservation cancelled at
    least 24 h after its delivery date (a person cancelling it earlier is a plain cancellation)."""
    if status_of(reservation) != "cancelled" or reservation.is_confirmed:
        return False
    if _first(reservation, "reserved") is not None:
        return False
    cancelled = _last(reservation, "cancelled")
    due = reservation.delivery_due_date
    if cancelled is None or due is None:
        return False
    return cancelled >= due + PRE_RESERVATION_GRACE


def locker_answer(
    kind: CodeKind, reservation: models.Reservation, *, at_location: str | None = None
) -> LockerAnswer:
    """Whether `kind`'s code of `reservation` opens anything if typed now at the locker of
    `at_location` (None: wherever the reservation is)."""
    if not kind.is_token:
        return LockerAnswer(Verdict.NOT_A_LOCKER_CODE, location_id=reservation.location_id)
    status = status_of(reservation)
    used_status = _USED_AS[kind.value]
    used_at = _first(reservation, used_status)
    # Used already: that is the most precise answer, even when the reservation finished later.
    if used_at is not None and kind is not CodeKind.CANCEL:
        return LockerAnswer(Verdict.ALREADY_USED, at=used_at)
    if status == "cancelled":
        cancelled_at = _last(reservation, "cancelled")
        if was_expired(reservation):
            return LockerAnswer(Verdict.PRE_RESERVATION_EXPIRED, at=cancelled_at)
        return LockerAnswer(Verdict.CANCELLED, at=cancelled_at)
    if status == "picked_up":
        return LockerAnswer(Verdict.PICKED_UP, at=_last(reservation, "picked_up"))
    refusal = _state_refusal(kind, status)
    if refusal is not None:
        return LockerAnswer(refusal)
    if at_location and reservation.location_id and reservation.location_id != at_location:
        return LockerAnswer(Verdict.OTHER_LOCATION, location_id=reservation.location_id)
    return LockerAnswer(Verdict.WORKS)


def _state_refusal(kind: CodeKind, status: str) -> Verdict | None:
    """Why an active reservation in `status` does not take this kind of code (None: it does)."""
    if kind is CodeKind.DELIVERY:
        if status == "pending":
            return Verdict.NOT_CONFIRMED_YET
        return None if status == "reserved" else Verdict.ALREADY_USED
    if kind is CodeKind.CANCEL:
        return Verdict.IN_LOCKER if status in _IN_LOCKER else None
    if status not in _IN_LOCKER:
        return Verdict.NOT_DELIVERED_YET
    if kind is CodeKind.REOPEN_1:
        return None if status == "delivered" else Verdict.ALREADY_USED
    if kind is CodeKind.REOPEN_2:
        return None if status == "reopened" else Verdict.REOPEN_1_FIRST
    return None  # pick-up while in the locker


# --- finding a code among what the desk knows -------------------------------------------------


@dataclass(frozen=True)
class KnownReservation:
    """One reservation as the desk holds it: its tokens only when the person may see them."""

    reservation: models.Reservation
    tokens: models.ReservationTokens | None = None
    confirmation_code: str | None = None


@dataclass(frozen=True)
class CodeMatch:
    kind: CodeKind
    known: KnownReservation


#: What a scanner or a person typed, as compared: no spaces (a scanner may add a tab), any case; the
#: same comparison as the store's token index.
normalise = token_normalise


def match_code(text: str, known: Iterable[KnownReservation]) -> CodeMatch | None:
    """Which reservation and which kind of code `text` is, among the reservations the desk holds."""
    needle = normalise(text)
    if not needle:
        return None
    for item in known:
        reservation = item.reservation
        if item.tokens is not None:
            for name in TOKEN_KINDS:
                token = item.tokens.token(name)
                if token and normalise(token) == needle:
                    return CodeMatch(CodeKind(name), item)
        if reservation.shipment_id and normalise(reservation.shipment_id) == needle:
            return CodeMatch(CodeKind.SHIPMENT_ID, item)
        if reservation.id and normalise(reservation.id) == needle:
            return CodeMatch(CodeKind.RESERVATION_ID, item)
        if item.confirmation_code and normalise(item.confirmation_code) == needle:
            return CodeMatch(CodeKind.CONFIRMATION_CODE, item)
    return None


# --- slips and void tokens ---------------------------------------------------------------------


class SlipKind(StrEnum):
    """Who a printout is for."""

    COURIER = "courier"        # delivery token, box, where and by when to deliver
    RECIPIENT = "recipient"    # pick-up token, address, opening hours, pick-up deadline
    STAFF = "staff"            # every token, marked confidential


#: The tokens each slip carries.
SLIP_TOKENS: dict[SlipKind, tuple[str, ...]] = {
    SlipKind.COURIER: ("delivery",),
    SlipKind.RECIPIENT: ("pickup",),
    SlipKind.STAFF: TOKEN_KINDS,
}


def fitting_slip(reservation: models.Reservation) -> SlipKind | None:
    """The slip Ctrl+P prints: courier while the reservation waits for delivery, recipient once the
    parcel is in the locker; None once it is finished (its tokens are void)."""
    status = status_of(reservation)
    if status in _FINISHED or courier_slip_refusal(reservation) is Verdict.NOT_CONFIRMED_YET:
        return None   # an unconfirmed pre-reservation: its delivery token opens nothing yet
    return SlipKind.RECIPIENT if status in _IN_LOCKER else SlipKind.COURIER


def courier_slip_refusal(reservation: models.Reservation) -> Verdict | None:
    """Why the courier slip is not offered (its delivery token cannot work now), or None. A pending
    pre-reservation's delivery token is refused at the locker until it is confirmed (issue 19 point 8):
    never print a code that cannot work."""
    verdict = locker_answer(CodeKind.DELIVERY, reservation).verdict
    return None if verdict in (Verdict.WORKS, Verdict.OTHER_LOCATION) else verdict


def tokens_are_void(reservation: models.Reservation) -> bool:
    """Every token of a finished (cancelled or picked-up) reservation is void: none opens a box."""
    return status_of(reservation) in _FINISHED


def printable_slips(reservation: models.Reservation) -> tuple[SlipKind, ...]:
    """The slips that may be printed now: none when the tokens are void; the courier slip only
    until delivery (afterwards its token is used); recipient and staff while active."""
    if tokens_are_void(reservation):
        return ()
    slips = [SlipKind.RECIPIENT, SlipKind.STAFF]
    if courier_slip_refusal(reservation) is None:
        slips.insert(0, SlipKind.COURIER)
    return tuple(slips)


# --- who may see tokens (issue 10's product decision) -----------------------------------------


class TokensHidden(StrEnum):
    """Why the desk shows no token of a reservation to this person."""

    REPORTER = "reporter"              # a read-only role: codes that open boxes are not for it
    ADMIN = "admin"                    # Lok staff read every company, act on none
    OTHER_LOCATION = "other_location"  # an employee sees the codes of their own location only
    NOT_SENT = "not_sent"              # Lok sent none (e.g. a production server's own rule)


def tokens_hidden_reason(
    role: rules.Role | str, user_location: str | None, reservation: models.Reservation
) -> TokensHidden | None:
    """None when the person may see and hand out the tokens; else why not. Who may is
    `rules.tokens_visible_to` (issue 10: the company's owner and seller, the employee of the
    reservation's own location); this adds the reason the desk writes where the tokens would be."""
    known = rules.Role(role) if role in set(rules.Role) else rules.Role.REPORTER
    if rules.tokens_visible_to(known, user_location, reservation):
        return None
    if known is rules.Role.EMPLOYEE:
        return TokensHidden.OTHER_LOCATION
    if known is rules.Role.ADMIN:
        return TokensHidden.ADMIN
    return TokensHidden.REPORTER


# --- looking a code up: the store first, then Lok ---------------------------------------------


class Searched(StrEnum):
    """Where the inspector looked, so "not found" can say what was searched."""

    KNOWN_CODES = "known_codes"            # tokens and confirmation codes this desk has read
    KNOWN_RESERVATIONS = "known_reservations"  # ids and shipment ids of reservations loaded here
    RECENT_ON_LOK = "recent_on_lok"  # reservations of the last N days read from Lok (N beside it)


class CodeLookupService(Protocol):
    """What the lookup needs from lok_desk.core.service.DeskService."""

    async def list_reservations(
        self, filters: models.ReservationFilters | None = None, *, page: int = 1, page_size: int = 15
    ) -> models.ReservationPage: ...

    async def list_location_reservations(
        self, location_id: str, filters: models.ReservationFilters | None = None, *, page: int = 1,
        page_size: int = 15,
    ) -> models.ReservationPage: ...

    async def get_reservation(
        self, reservation_id: str, *, include_tokens: bool = True
    ) -> models.ReservationWithTokens: ...


class CodeStore(Protocol):
    """What the lookup reads from lok_desk.core.store.ReservationStore."""

    def find(self, text: str) -> tuple[models.Reservation, str] | None: ...

    def merge(self, reservations: Any, origin: Any, *, authoritative: bool = False) -> Any: ...

    def __len__(self) -> int: ...

    @property
    def tokens(self) -> Any: ...


@dataclass(frozen=True)
class Lookup:
    """The inspector's whole answer for one typed or scanned text."""

    text: str
    kind: CodeKind | None = None
    reservation: models.Reservation | None = None
    result: models.ReservationWithTokens | None = None   # fresh #15 reply (tokens when allowed)
    answer: LockerAnswer = LockerAnswer(Verdict.NOT_FOUND)
    searched: tuple[tuple[Searched, int | None], ...] = ()
    stale: bool = False             # Lok could not be asked: the answer is what the desk last knew
    error: LokError | None = None   # why Lok could not be asked


_MATCHED_KINDS = {"id": CodeKind.RESERVATION_ID, "shipment_id": CodeKind.SHIPMENT_ID,
                  "confirmation_code": CodeKind.CONFIRMATION_CODE}


async def look_up_code(
    text: str,
    store: CodeStore,
    service: CodeLookupService,
    *,
    at_location: str | None = None,
    own_location: str | None = None,
    include_tokens: bool = True,
) -> Lookup:
    """Which reservation and kind `text` is, and whether it works now at `at_location`'s locker.

    The store answers tokens (Lok has no search by token); a hit is read again from Lok (#15) so the
    verdict is about now, not about the last load. Not in the store: the company's recent reservations
    are read into it (the location's, with `own_location`) and it is searched again; the text itself
    is never sent to Lok (lok_desk.core.reservations.recent)."""
    needle = text.strip()
    searched: list[tuple[Searched, int | None]] = [
        (Searched.KNOWN_CODES, len(store.tokens)), (Searched.KNOWN_RESERVATIONS, len(store))]
    if not needle:
        return Lookup(text, searched=tuple(searched))
    hit = store.find(needle)
    kind: CodeKind | None = None
    reservation: models.Reservation | None = None
    if hit is not None:
        reservation, matched = hit
        kind = _MATCHED_KINDS.get(matched) or CodeKind(matched)
    else:
        # Never the text itself to Lok (lok_desk.core.reservations.recent): the recent reservations
        # into the store, then the store again.
        try:
            walked = await read_recent(store, service, own_location=own_location)
        except LokError as unreachable:
            return Lookup(needle, searched=tuple(searched), stale=True, error=unreachable)
        searched.append((Searched.RECENT_ON_LOK, walked.days))
        hit = store.find(needle)
        if hit is None:
            return Lookup(needle, searched=tuple(searched))
        reservation, matched = hit
        kind = _MATCHED_KINDS.get(matched) or CodeKind(matched)
    assert reservation is not None and kind is not None
    result: models.ReservationWithTokens | None = None
    failure: LokError | None = None
    try:
        result = await service.get_reservation(reservation.id or "", include_tokens=include_tokens)
        reservation = result.reservation
    except LokError as unreachable:
        failure = unreachable
    answer = locker_answer(kind, reservation, at_location=at_location)
    return Lookup(needle, kind, reservation, result, answer, tuple(searched), failure is not None, failure)


def may_copy(lookup: Lookup) -> bool:
    """Whether the inspector's Copy (Alt+C) may put the inspected text on the clipboard: never a void
    token (a finished reservation's), which the README promises cannot be copied."""
    if not lookup.text:
        return False
    if lookup.kind is not None and lookup.kind.is_token and lookup.reservation is not None:
        return not tokens_are_void(lookup.reservation)
    return True
