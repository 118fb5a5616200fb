"""Signing in to servers that state token expiry differently, refuse tokens differently, or speak RFC 6749."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from lok_desk.api import InvalidClientError, InvalidGrantError, InvalidTokenError, LokError

from .conftest import Clients, use
from .server import ProductionServer, Seen


def _token_calls(server: ProductionServer) -> list[Seen]:
    return [s for s in server.lok.seen if s.method == "POST" and s.path == "/oauth/token"]


def _issued_expiry(server: ProductionServer) -> datetime:
    (expires,) = {expiry for _client, expiry in server.lok.tokens.values()}
    return expires


@pytest.mark.parametrize(
    "form", ["iso", "rfc1123", "epoch_s", "epoch_ms", "epoch_ms_text", "iso_naive", "expires_in"]
)
async def test_every_expiry_form_is_read(form: str, production: ProductionServer, connect: Clients) -> None:
    use(production, expiry=form)
    client = await connect()
    before = datetime.now(UTC)
    user = await client.get_user()
    assert user.id == "prod-owner"
    assert client.token_expires_at is not None
    # RFC 1123 and epoch seconds carry whole seconds; expires_in counts from when the reply arrived.
    slack = timedelta(seconds=2) if form == "expires_in" else timedelta(seconds=1)
    assert abs(client.token_expires_at - _issued_expiry(production)) <= slack
    assert client.token_expires_at > before
    # A readable expiry with time left is reused: one sign-in for several calls.
    await client.list_locations()
    assert len(_token_calls(production)) == 1
    noted = {o.where for o in client.oddities.oddities} if client.oddities else set()
    assert ("AccessToken.access_token_expires_at" in noted) == (form != "iso")


async def test_no_expiry_at_all_is_renewed_on_the_first_401(
    production: ProductionServer, connect: Clients
) -> None:
    use(production, expiry="none")
    client = await connect()
    await client.get_user()
    assert client.token_expires_at is None
    production.lok.revoke_all()  # the server's lifetime ran out; the client could not know when
    locations = await client.list_locations()
    assert [loc.id for loc in locations.locations] == [loc["id"] for loc in production.lok.locations]
    assert len(_token_calls(production)) == 2
    assert client.oddities is not None
    assert any(o.kind == "authentication" for o in client.oddities.oddities)


@pytest.mark.parametrize("style", ["INVALID_TOKEN", "INVALID_GRANT", "bare"])
async def test_a_refused_token_is_renewed_once_and_the_call_replayed(
    style: str, production: ProductionServer, connect: Clients
) -> None:
    use(production, unauthorized=style)
    client = await connect()
    await client.get_user()
    production.lok.revoke_all()
    user = await client.get_user()
    assert user.id == "prod-owner"
    assert len(_token_calls(production)) == 2
    user_calls = [s for s in production.lok.seen if s.path == "/oauth/user"]
    assert len(user_calls) == 3  # first, refused, replayed


@pytest.mark.parametrize("style", ["INVALID_TOKEN", "INVALID_GRANT", "bare"])
async def test_a_second_refusal_ends_in_sign_in_again_with_the_reason(
    style: str, production: ProductionServer, connect: Clients
) -> None:
    use(production, unauthorized=style)
    production.lok.refuse_tokens = True  # even a fresh token is refused
    client = await connect()
    with pytest.raises(LokError) as caught:
        await client.get_user()
    assert isinstance(caught.value, InvalidTokenError | InvalidGrantError)
    assert "Sign in again" in caught.value.user_message
    reason = "The access token expired" if style == "bare" else "The access token expired; request a new one"
    assert reason in caught.value.user_message
    assert len(_token_calls(production)) == 2  # renewed once, never in a loop
    assert "prod-" not in caught.value.user_message and "prod-" not in repr(caught.value)


@pytest.mark.parametrize("errors", ["lok", "rfc6749"])
async def test_wrong_credentials_keep_the_servers_text(
    errors: str, production: ProductionServer, connect: Clients
) -> None:
    use(production, token_errors=errors)
    client = await connect(secret="not-the-secret")
    with pytest.raises(InvalidClientError) as caught:
        await client.sign_in()
    text = "Client authentication failed: unknown client" if errors == "rfc6749" else "unknown client"
    assert text in caught.value.message and text in caught.value.user_message
    assert "not-the-secret" not in caught.value.user_message + caught.value.message
    assert len(_token_calls(production)) == 1  # a refused client is not asked again


async def test_a_list_message_is_joined_not_dropped(production: ProductionServer, connect: Clients) -> None:
    use(production, message_list=True)
    client = await connect()
    with pytest.raises(LokError) as caught:
        await client.cancel_reservation("1002")  # picked up: 409, its message sent as a list of two
    assert caught.value.type == "INVALID_RESERVATION"
    assert (
        caught.value.message == "the reservation is picked_up; only pending or reserved ones can be cancelled"
    )


async def test_a_bare_401_on_sign_in_is_a_refused_client_not_an_expired_session(
    production: ProductionServer, connect: Clients
) -> None:
    use(production, token_errors="bare")
    client = await connect(secret="not-the-secret")
    with pytest.raises(InvalidClientError) as caught:
        await client.sign_in()
    assert "client id or secret" in caught.value.user_message
    assert len(_token_calls(production)) == 1
