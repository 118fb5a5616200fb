"""Which slip the desk offers for a reservation, and why none when none (no Qt): Ctrl+P prints the one
that fits its state; a slip whose token cannot work is never offered (issue 19 point 8)."""

from __future__ import annotations

from dataclasses import dataclass

from lok_desk.api import models
from lok_desk.core.codes import (
    SLIP_TOKENS,
    TOKEN_KINDS,
    SlipKind,
    Verdict,
    courier_slip_refusal,
    fitting_slip,
    printable_slips,
)
from lok_desk.core.problems import QT_TRANSLATE_NOOP
from lok_desk.core.text import Text

CONTEXT = "SlipOffer"
NOT_CONFIRMED = QT_TRANSLATE_NOOP(
    "SlipOffer", "No courier slip: this pre-reservation is not confirmed yet, so its delivery token opens no "
                 "box. Request a courier shipment first; the slip can be printed then.")
VOID = QT_TRANSLATE_NOOP(
    "SlipOffer", "This reservation is finished: its tokens are void. They open no box and are not printed.")


@dataclass(frozen=True)
class SlipOffer:
    """`slips` may be printed; `fitting` is what Ctrl+P prints; `why_not` says why Ctrl+P prints
    nothing (or why the courier slip is missing), None when there is nothing to explain."""

    slips: tuple[SlipKind, ...]
    fitting: SlipKind | None
    why_not: Text | None = None


def slip_offer(reservation: models.Reservation, tokens: models.ReservationTokens | None) -> SlipOffer:
    """The slips of `reservation` whose tokens the desk holds (`tokens`: None when it shows none)."""
    kinds = printable_slips(reservation)
    if not kinds:
        return SlipOffer((), None, Text.of(CONTEXT, VOID))
    offered = tuple(kind for kind in kinds if kind is SlipKind.STAFF or _carries(kind, tokens))
    if tokens is None or not any(tokens.token(name) for name in TOKEN_KINDS):
        return SlipOffer((), None)
    fitting = fitting_slip(reservation)
    why_not = None
    if courier_slip_refusal(reservation) is Verdict.NOT_CONFIRMED_YET:
        why_not = Text.of(CONTEXT, NOT_CONFIRMED)
    return SlipOffer(offered, fitting if fitting in offered else None, why_not)


def _carries(kind: SlipKind, tokens: models.ReservationTokens | None) -> bool:
    return tokens is not None and any(tokens.token(name) for name in SLIP_TOKENS[kind])
