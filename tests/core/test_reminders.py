"""Reminders for recipients who have not come, from a real sandbox reservation: both languages, no code."""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

from lok_desk.core import today
from lok_desk.core.reminders import Language, contact_of, contains_code, hours_text, mailto, reminder
from tests.e2e.conftest import FIRST_LOCATION, Clients, SandboxControl, reservation_request


async def test_a_reminder_names_the_place_hours_and_deadline_in_both_languages_and_never_a_code(
        lok: Clients, control: SandboxControl) -> None:
    client = await lok("employee")
    created = await client.create_reservation(FIRST_LOCATION, reservation_request(
        "s", recipient_info={"name": "Luis Pérez", "email": "luis@example.test", "phone": "+52 55 1234 5678"},
    ))
    tokens = created.tokens
    assert (await control.kiosk(tokens.delivery_token or "")).status_code == 200
    await control.advance(8 * 24 * 3600)               # past the pick-up deadline
    full = await client.get_reservation(created.reservation.id or "")
    location = await client.get_location(FIRST_LOCATION)
    now = await control.now()
    waiting = today.attention_bucket(full.reservation, now, location.zone)
    assert waiting is not None and waiting.bucket is today.Bucket.WAITING_PAST_PICKUP
    contact = contact_of(full.reservation)
    assert (contact.name, contact.email) == ("Luis Pérez", "luis@example.test")
    assert contact.phone == "+52 55 1234 5678"
    english = reminder(full.reservation, location, Language.EN, now, signature="Antara front desk")
    spanish = reminder(full.reservation, location, Language.ES, now)
    shipment = full.reservation.shipment_id or ""
    assert shipment in english.subject and shipment in spanish.subject
    assert english.body.startswith("Hello Luis Pérez,") and spanish.body.startswith("Hola, Luis Pérez:")
    assert "Antara Polanco" in english.body and "Av. Ejército Nacional 843-B" in english.body
    assert "Monday to Saturday 09:00–" in english.body and "Sunday 09:00–14:00" in english.body
    assert "de lunes a sábado 09:00–" in spanish.body and "domingo 09:00–14:00" in spanish.body
    assert "pick-up deadline was" in english.body and "plazo de recogida venció" in spanish.body
    assert "Lok sent it to you" in english.body and "Lok se lo envió" in spanish.body
    assert english.body.rstrip().endswith("Antara front desk")
    codes = [full.tokens.token(name) for name in ("delivery", "pickup", "reopen_1", "reopen_2", "cancel")]
    codes.append(full.confirmation_code)
    assert any(codes)
    for message in (english, spanish):
        assert not contains_code(message.subject + message.body, codes)
    assert contains_code(f"code {full.tokens.pickup_token}", codes)
    # The mail client opens with the same text.
    url = mailto(contact, spanish)
    parts = urlsplit(url)
    assert parts.scheme == "mailto" and unquote(parts.path) == "luis@example.test"
    query = parse_qs(parts.query)
    assert query["subject"] == [spanish.subject] and query["body"] == [spanish.body]


async def test_before_the_deadline_it_asks_to_collect_by_the_date(
        lok: Clients, control: SandboxControl) -> None:
    client = await lok("employee")
    created = await client.create_reservation(FIRST_LOCATION, reservation_request("s", recipient_info={}))
    assert (await control.kiosk(created.tokens.delivery_token or "")).status_code == 200
    full = await client.get_reservation(created.reservation.id or "")
    message = reminder(full.reservation, None, Language.ES, await control.now())
    assert message.body.startswith("Hola:") and "recójalo antes del" in message.body
    assert "consulte en el mostrador" in message.body
    assert not contact_of(full.reservation).reachable
    assert hours_text(None, Language.EN) == ""
