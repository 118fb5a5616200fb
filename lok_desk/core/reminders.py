"""The reminder for a recipient whose parcel waits in the locker: contact, message text, mailto (no Qt).

Lok has no "resend code" endpoint. The recipient got the pick-up code from Lok's own recipient
notifications when the parcel was delivered, and those are the only way Lok sends it; a desk reminder
only says where the parcel is, until when, and how to get the code again (the notification Lok sent,
or the desk, which can reprint the recipient slip for the recipient in person). So a reminder never
carries a code: `reminder` reads only the reservation and its location, never its tokens, and
`contains_code` lets the desk check a text against the codes it holds before copying it.

The message goes to the recipient, whose language need not be the desk's: it is written here in
English and Spanish, chosen per message (`Language`), rather than through the desk's catalogue.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from urllib.parse import quote

from lok_desk.api import models


class Language(StrEnum):
    EN = "en"
    ES = "es"


@dataclass(frozen=True)
class Contact:
    """Who to remind, as far as the reservation says (empty strings where it does not)."""

    name: str
    email: str
    phone: str

    @property
    def reachable(self) -> bool:
        return bool(self.email or self.phone)


@dataclass(frozen=True)
class Reminder:
    subject: str
    body: str


def contact_of(reservation: models.Reservation) -> Contact:
    info = reservation.recipient_info
    if info is None:
        return Contact("", "", "")
    return Contact((info.name or "").strip(), (info.email or "").strip(), (info.phone or "").strip())


_DAYS: dict[Language, dict[str, str]] = {
    Language.EN: {"monday": "Monday", "tuesday": "Tuesday", "wednesday": "Wednesday", "thursday": "Thursday",
                  "friday": "Friday", "saturday": "Saturday", "sunday": "Sunday"},
    Language.ES: {"monday": "lunes", "tuesday": "martes", "wednesday": "miércoles", "thursday": "jueves",
                  "friday": "viernes", "saturday": "sábado", "sunday": "domingo"},
}
_ORDER = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_TEXT: dict[Language, dict[str, str]] = {
    Language.EN: {
        "subject": "Your parcel {shipment} is waiting for you at {place}",
        "greeting": "Hello {name},",
        "greeting_anonymous": "Hello,",
        "waiting": "your parcel {shipment} has been waiting for you in the locker at {place} since {since}.",
        "late": "The pick-up deadline was {due}; please collect it as soon as you can.",
        "due": "Please collect it by {due}.",
        "address": "Address: {address}",
        "hours": "Opening hours: {hours}",
        "no_hours": "Opening hours: please ask the front desk.",
        "code": ("You need your pick-up code to open the box. Lok sent it to you when the parcel was "
                 "delivered; if you no longer have it, come to the front desk during opening hours and "
                 "we will help you."),
        "closing": "Thank you,",
        "closed": "closed",
        "range": "{first} to {last}",
    },
    Language.ES: {
        "subject": "Su paquete {shipment} le espera en {place}",
        "greeting": "Hola, {name}:",
        "greeting_anonymous": "Hola:",
        "waiting": "su paquete {shipment} le espera en el casillero de {place} desde el {since}.",
        "late": "El plazo de recogida venció el {due}; por favor, recójalo lo antes posible.",
        "due": "Por favor, recójalo antes del {due}.",
        "address": "Dirección: {address}",
        "hours": "Horario: {hours}",
        "no_hours": "Horario: consulte en el mostrador.",
        "code": ("Necesita su código de recogida para abrir el compartimento. Lok se lo envió cuando se "
                 "entregó el paquete; si ya no lo tiene, acuda al mostrador en horario de atención y le "
                 "ayudaremos."),
        "closing": "Gracias,",
        "closed": "cerrado",
        "range": "de {first} a {last}",
    },
}


def address_text(location: models.LocationDetail | None) -> str:
    if location is None or location.address is None:
        return ""
    a = location.address
    street = " ".join(part for part in (a.street, a.number) if part)
    return ", ".join(part for part in (street, a.town, a.zip_code, a.city, a.state) if part)


def hours_text(location: models.LocationDetail | None, language: Language) -> str:
    """Opening hours, days with the same hours grouped ("Monday to Friday 09:00–18:00")."""
    if location is None or not location.service_days:
        return ""
    words, days = _TEXT[language], _DAYS[language]
    by_day: dict[str, str] = {}
    for day in location.service_days:
        name = str(day.string_weekday or "").lower()
        if name in days:
            by_day[name] = f"{day.opening_time}–{day.closing_time}"
    if not by_day:
        return ""
    groups: list[tuple[list[str], str]] = []
    for name in _ORDER:
        hours = by_day.get(name, words["closed"])
        if groups and groups[-1][1] == hours:
            groups[-1][0].append(name)
        else:
            groups.append(([name], hours))
    parts = []
    for names, hours in groups:
        label = days[names[0]] if len(names) == 1 else words["range"].format(
            first=days[names[0]], last=days[names[-1]])
        parts.append(f"{label} {hours}")
    return "; ".join(parts)


def _local(when: datetime | None, location: models.LocationDetail | None) -> str:
    if when is None:
        return ""
    instant = when if when.tzinfo is not None else when.replace(tzinfo=UTC)
    zone = location.zone if location is not None else UTC
    return instant.astimezone(zone).strftime("%Y-%m-%d %H:%M")


def reminder(reservation: models.Reservation, location: models.LocationDetail | None, language: Language,
             now: datetime, *, signature: str = "") -> Reminder:
    """The message for the recipient of `reservation` (never a code: it reads no tokens)."""
    words = _TEXT[language]
    contact = contact_of(reservation)
    shipment = reservation.shipment_id or reservation.id or ""
    place = (location.internal_name if location is not None else None) or reservation.location_id or ""
    lines = [words["greeting"].format(name=contact.name) if contact.name else words["greeting_anonymous"], ""]
    since = reservation.status_date("delivered")
    lines.append(words["waiting"].format(shipment=shipment, place=place, since=_local(since, location)))
    due = reservation.pickup_due_date
    if due is not None:
        aware_due = due if due.tzinfo is not None else due.replace(tzinfo=UTC)
        key = "late" if aware_due < now else "due"
        lines.append(words[key].format(due=_local(due, location)))
    lines.append("")
    address = address_text(location)
    if address:
        lines.append(words["address"].format(address=address))
    hours = hours_text(location, language)
    lines.append(words["hours"].format(hours=hours) if hours else words["no_hours"])
    if location is not None and location.phone:
        lines.append(f"☎ {location.phone}")
    lines += ["", words["code"], "", words["closing"]]
    if signature:
        lines.append(signature)
    return Reminder(words["subject"].format(shipment=shipment, place=place), "\n".join(lines))


def mailto(contact: Contact, message: Reminder) -> str:
    """A `mailto:` URL that opens the mail client with the message filled in."""
    return (f"mailto:{quote(contact.email, safe='@')}?subject={quote(message.subject, safe='')}"
            f"&body={quote(message.body, safe='')}")


def contains_code(text: str, codes: Iterable[str | None]) -> bool:
    """Whether any known box-opening code appears in `text` (the desk refuses to copy it then)."""
    folded = text.casefold()
    return any(code and len(code) >= 4 and code.casefold() in folded for code in codes)
