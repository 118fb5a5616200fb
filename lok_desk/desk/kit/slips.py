"""Which words go on each slip: the courier's, the recipient's and the staff sheet (issue 12 point 3).

The rules (which slip fits, which tokens are void) are lok_desk.core.codes; this module only puts a
reservation, its tokens and its location into the translated lines that printing.paint_slip lays out.
Deadlines are written in the locker's local time with its zone name: that is the clock the courier
and the recipient meet at the locker.
"""

from __future__ import annotations

from datetime import datetime

from lok_desk.api import models
from lok_desk.core.codes import SLIP_TOKENS, SlipKind, tokens_are_void
from lok_desk.desk.kit import formatting
from lok_desk.desk.kit.i18n import QT_TRANSLATE_NOOP, translate
from lok_desk.desk.kit.printing import Slip, TokenForPrint

TOKEN_LABELS: dict[str, object] = {
    "delivery": QT_TRANSLATE_NOOP("TokensView", "Delivery token"),
    "pickup": QT_TRANSLATE_NOOP("TokensView", "Pick-up token"),
    "reopen_1": QT_TRANSLATE_NOOP("TokensView", "Reopen token 1"),
    "reopen_2": QT_TRANSLATE_NOOP("TokensView", "Reopen token 2"),
    "cancel": QT_TRANSLATE_NOOP("TokensView", "Cancel token"),
}


def slip_names() -> dict[SlipKind, str]:
    return {
        SlipKind.COURIER: translate("Slips", "Courier slip"),
        SlipKind.RECIPIENT: translate("Slips", "Recipient slip"),
        SlipKind.STAFF: translate("Slips", "Staff sheet (all tokens)"),
    }


def tokens_for_print(tokens: models.ReservationTokens | None,
                     names: tuple[str, ...] = tuple(TOKEN_LABELS)) -> list[TokenForPrint]:
    """The tokens a ReservationTokens object carries (only `names`), in the order a person uses them."""
    result: list[TokenForPrint] = []
    if tokens is None:
        return result
    for name in names:
        text = tokens.token(name)
        if not text:
            continue
        label = translate("TokensView", str(TOKEN_LABELS[name]))
        result.append(TokenForPrint(label, text, tokens.qr_png(name), name))
    return result


def box_size_text(size: object) -> str:
    """ "L (40 × 35 × 60 cm)": the size letter with the inside measures."""
    text = str(size or "").strip().lower()
    if not text:
        return formatting.DASH
    try:
        box = models.BOX_SIZES[models.BoxSize(text)]
    except ValueError:
        return text.upper()
    return f"{text.upper()} ({box.width:g} × {box.height:g} × {box.length:g} cm)"


def opening_hours_text(location: models.LocationDetail | None) -> str:
    """ "Mon–Fri 09:00–18:00; Sat 10:00–14:00": days with the same hours grouped, closed days left out."""
    if location is None or not location.service_days:
        return translate("Slips", "not given by Lok")
    order = [day.value for day in models.Weekday]
    hours: dict[int, str] = {}
    for day in location.service_days:
        name = str(day.string_weekday or "").lower()
        index = order.index(name) if name in order else (day.weekday - 1 if day.weekday else None)
        if index is None or not 0 <= index < 7:
            continue
        span = f"{day.opening_time}–{day.closing_time}"
        hours[index] = f"{hours[index]}, {span}" if index in hours else span
    days = formatting._locale_words().days
    groups: list[tuple[int, int, str]] = []
    for index in sorted(hours):
        if groups and groups[-1][1] == index - 1 and groups[-1][2] == hours[index]:
            groups[-1] = (groups[-1][0], index, hours[index])
        else:
            groups.append((index, index, hours[index]))
    parts = [(days[a] if a == b else f"{days[a]}–{days[b]}") + f" {span}" for a, b, span in groups]
    return "; ".join(parts) or translate("Slips", "closed every day")


def _deadline(when: datetime | None, timezone: str | None) -> str:
    if when is None:
        return formatting.DASH
    return f"{formatting.format_local(when, timezone)} ({timezone or 'UTC'})"


def _address(location: models.LocationDetail | None, fallback_name: str) -> str:
    if location is None or location.address is None:
        return fallback_name or formatting.DASH
    address = location.address
    line = address.one_line()
    extra = [part for part in (address.zip_code, address.state) if part]
    if extra:
        line = f"{line}, {' '.join(extra)}" if line else " ".join(extra)
    if address.references:
        line = f"{line} ({address.references})"
    return line or formatting.DASH


def build_slip(kind: SlipKind, reservation: models.Reservation, tokens: models.ReservationTokens | None,
               location: models.LocationDetail | None, location_name: str) -> Slip:
    """The slip of `kind` for a reservation; `void` when the reservation is finished."""
    timezone = location.timezone if location is not None else None
    shipment = reservation.shipment_id or reservation.id or ""
    box = box_size_text(reservation.locker.size if reservation.locker else None)
    name = location_name or (location.internal_name if location else "") or str(reservation.location_id or "")
    address = _address(location, name)
    pickup_due = reservation.pickup_due_date
    if pickup_due is None or not reservation.is_delivered:
        pick_up_by = translate("Slips", "3 days after the parcel is delivered")
    else:
        pick_up_by = _deadline(pickup_due, timezone)
    deliver_by = _deadline(reservation.delivery_due_date, timezone)
    printed = tokens_for_print(tokens, SLIP_TOKENS[kind])
    names = slip_names()
    if kind is SlipKind.COURIER:
        rows = [
            (translate("Slips", "Deliver to"), name),
            (translate("Slips", "Address"), address),
            (translate("Slips", "Box size"), box),
            (translate("Slips", "Deliver by (locker time)"), deliver_by),
        ]
        note = translate("Slips", "At the locker: scan the QR code or type the delivery token; the box "
                                  "opens. Close the door after putting the parcel in.")
        title = names[kind]
    elif kind is SlipKind.RECIPIENT:
        rows = [
            (translate("Slips", "Pick up at"), name),
            (translate("Slips", "Address"), address),
            (translate("Slips", "Opening hours"), opening_hours_text(location)),
            (translate("Slips", "Pick up by (locker time)"), pick_up_by),
        ]
        note = translate("Slips", "At the locker: scan the QR code or type the pick-up token. Keep this "
                                  "slip private: the token opens your box.")
        title = translate("Slips", "Your parcel at the locker")
    else:
        rows = [
            (translate("Slips", "Location"), f"{name} — {address}"),
            (translate("Slips", "Reservation id"), reservation.id or formatting.DASH),
            (translate("Slips", "Box size"), box),
            (translate("Slips", "Deliver by (locker time)"), deliver_by),
            (translate("Slips", "Pick up by (locker time)"), pick_up_by),
        ]
        note = translate("Slips", "Keep this sheet at the desk. Shred it when the reservation is finished.")
        title = names[kind]
    return Slip(kind=kind, title=title, heading=shipment, rows=rows, tokens=printed, note=note,
                confidential=kind is SlipKind.STAFF, void=tokens_are_void(reservation))
