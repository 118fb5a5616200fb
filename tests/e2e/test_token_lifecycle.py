"""The access token's life for real: cached on disk (0600) and reused, renewed after the sandbox clock
outran it, revoked and forgotten on sign-out."""

from __future__ import annotations

import os
import stat

import httpx
import pytest

from lok_desk.api import CredentialsRequiredError, InvalidTokenError, TokenCache

from .conftest import Clients, SandboxControl


@pytest.mark.skipif(os.name == "nt", reason="POSIX permission bits")
async def test_sign_in_writes_a_private_cache_and_a_second_client_reuses_it(
    lok: Clients, token_cache: TokenCache
) -> None:
    first = await lok("owner", token_cache=token_cache)
    token = await first.sign_in()
    assert lok.log(first).token_requests() == 1

    assert stat.S_IMODE(token_cache.path.stat().st_mode) == 0o600
    stored = token_cache.path.read_text(encoding="utf-8")
    assert "demo-owner-secret" not in stored  # only tokens live there, never the client secret
    cached = token_cache.load(first.base_url, "demo-owner")
    assert cached is not None and cached.access_token == token.access_token

    second = await lok("owner", token_cache=token_cache)
    user = await second.get_user()
    assert user.email == "owner@demo.lok.test"
    assert lok.log(second).token_requests() == 0
    assert second.token_expires_at == token.expires_at

    # Another role on the same server gets its own entry, not the owner's token.
    reporter = await lok("reporter", token_cache=token_cache)
    assert (await reporter.get_user()).scope == "reporter"
    assert lok.log(reporter).token_requests() == 1


async def test_expired_token_is_renewed_silently(lok: Clients, control: SandboxControl) -> None:
    client = await lok("owner")
    before = await client.sign_in()
    assert before.expires_at is not None
    await control.advance(3600 + 120)  # past the sandbox's 3600 s token lifetime

    page = await client.list_locations()
    assert page.locations

    log = lok.log(client)
    assert log.token_requests() == 2
    answered = [(e.method, e.path, e.status) for e in log.ends()]
    assert answered[-3:] == [
        ("GET", "/company/locations", 401),
        ("POST", "/oauth/token", 200),
        ("GET", "/company/locations", 200),
    ]
    after = await client.sign_in()
    assert after.access_token != before.access_token
    assert after.expires_at is not None and after.expires_at > before.expires_at


async def test_validate_token_reports_expiry_without_signing_in_again(
    lok: Clients, control: SandboxControl
) -> None:
    client = await lok("owner")
    await client.sign_in()
    await control.advance(3600 + 1)
    with pytest.raises(InvalidTokenError) as caught:
        await client.validate_token()
    assert caught.value.status_code == 401
    assert lok.log(client).token_requests() == 1


async def test_sign_out_revokes_the_token_and_removes_the_cache_entry(
    lok: Clients, token_cache: TokenCache
) -> None:
    client = await lok("owner", token_cache=token_cache)
    old = await client.sign_in()
    keep = await lok("reporter", token_cache=token_cache)
    await keep.sign_in()

    await client.sign_out()
    assert token_cache.load(client.base_url, "demo-owner") is None
    assert token_cache.load(keep.base_url, "demo-reporter") is not None  # other entries untouched
    assert client.token_expires_at is None
    assert lok.log(client).starts("DELETE", "/oauth/token")

    async with httpx.AsyncClient(base_url=client.base_url) as raw:
        check = await raw.get("oauth/token", headers={"Authorization": f"Bearer {old.access_token}"})
    assert check.status_code == 401
    assert check.json()["type"] == "INVALID_TOKEN"

    # Signing out twice is harmless; a read after it does not sign in again by itself (a background
    # read would cache a new token behind the person's back); signing in again does, afresh.
    await client.sign_out()
    with pytest.raises(CredentialsRequiredError):
        await client.get_user()
    assert lok.log(client).token_requests() == 1
    await client.sign_in()
    assert (await client.get_user()).email == "owner@demo.lok.test"
    assert lok.log(client).token_requests() == 2


async def test_token_revoked_elsewhere_is_replaced_silently(lok: Clients, token_cache: TokenCache) -> None:
    """Two desks share one cache; one signs out, the other keeps working on a fresh token."""
    first = await lok("owner", token_cache=token_cache)
    await first.sign_in()
    second = await lok("owner", token_cache=token_cache)
    shared = await second.sign_in()
    assert lok.log(second).token_requests() == 0

    await first.sign_out()
    user = await second.get_user()
    assert user.email == "owner@demo.lok.test"
    answered = [(e.method, e.path, e.status) for e in lok.log(second).ends()]
    assert answered == [
        ("GET", "/oauth/user", 401),
        ("POST", "/oauth/token", 200),
        ("GET", "/oauth/user", 200),
    ]
    renewed = token_cache.load(second.base_url, "demo-owner")
    assert renewed is not None and renewed.access_token != shared.access_token
