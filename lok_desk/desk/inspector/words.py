"""The code inspector's and the token rule's answers in words (the rules are lok_desk.core.codes)."""

from __future__ import annotations

from lok_desk.core.codes import CodeKind, LockerAnswer, Verdict
from lok_desk.core.reservations.recent import RECENT_DAYS
from lok_desk.desk.kit import formatting
from lok_desk.desk.kit.i18n import translate


def kind_text(kind: CodeKind) -> str:
    """What kind of code it is, as staff say it."""
    return {
        CodeKind.DELIVERY: translate("CodeWords", "Delivery token (for the courier)"),
        CodeKind.PICKUP: translate("CodeWords", "Pick-up token (for the recipient)"),
        CodeKind.REOPEN_1: translate("CodeWords", "Reopen token 1"),
        CodeKind.REOPEN_2: translate("CodeWords", "Reopen token 2"),
        CodeKind.CANCEL: translate("CodeWords", "Cancel token"),
        CodeKind.SHIPMENT_ID: translate("CodeWords", "Shipment id"),
        CodeKind.RESERVATION_ID: translate("CodeWords", "Reservation id"),
        CodeKind.CONFIRMATION_CODE: translate("CodeWords", "Confirmation code"),
    }[kind]


def verdict_text(answer: LockerAnswer, timezone: str | None, location_name: str = "") -> str:
    """One sentence: does it work at the locker now, and if not, why (times in locker local time)."""
    when = formatting.format_local(answer.at, timezone) if answer.at is not None else ""
    verdict = answer.verdict
    if verdict is Verdict.WORKS:
        return translate("CodeWords", "Works at the locker now.")
    if verdict is Verdict.ALREADY_USED:
        return translate("CodeWords", "Does not work: already used at {0}.").format(when) if when else \
            translate("CodeWords", "Does not work: already used.")
    if verdict is Verdict.CANCELLED:
        return translate("CodeWords", "Does not work: the reservation was cancelled ({0}).").format(
            when or formatting.DASH)
    if verdict is Verdict.PRE_RESERVATION_EXPIRED:
        return translate("CodeWords", "Does not work: the pre-reservation was never confirmed and "
                                      "expired ({0}).").format(when or formatting.DASH)
    if verdict is Verdict.PICKED_UP:
        return translate("CodeWords", "Does not work: the parcel was picked up at {0}.").format(
            when or formatting.DASH)
    if verdict is Verdict.NOT_DELIVERED_YET:
        return translate("CodeWords", "Does not work yet: the parcel is not delivered; this code works "
                                      "once it is in the locker.")
    if verdict is Verdict.NOT_CONFIRMED_YET:
        return translate("CodeWords", "Does not work yet: the pre-reservation is not confirmed (request "
                                      "the shipment first).")
    if verdict is Verdict.REOPEN_1_FIRST:
        return translate("CodeWords", "Does not work yet: reopen token 2 works after reopen token 1 "
                                      "was used.")
    if verdict is Verdict.IN_LOCKER:
        return translate("CodeWords", "Does not work: the parcel is already in the locker, and a "
                                      "reservation can only be cancelled before delivery.")
    if verdict is Verdict.OTHER_LOCATION:
        return translate("CodeWords", "Does not work here: it is a code of another location ({0}).").format(
            location_name or answer.location_id or formatting.DASH)
    if verdict is Verdict.NOT_A_LOCKER_CODE:
        return translate("CodeWords", "Not typed at the locker: it identifies the reservation; its "
                                      "tokens open the box.")
    # Said with what was searched: "not a code of this company" was repeated to customers whose code
    # was only older than the search reached.
    return translate("CodeWords", "Not found among the active reservations and those of the last {0} "
                                  "days (older ones were not searched): an older code, or not one of "
                                  "this company.").format(RECENT_DAYS)
