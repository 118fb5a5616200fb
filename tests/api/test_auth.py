"""Sign-in, the token cache on disk, re-authentication, sign-out and the keyring secret store."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import stat
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from lok_desk.api import (
    Credentials,
    CredentialsRequiredError,
    InvalidClientError,
    InvalidGrantError,
    InvalidTokenError,
    LokClient,
    LokConnectionError,
    LokError,
    SecretStore,
    TokenCache,
    UnauthorizedClientError,
    models,
)

from .conftest import BASE, SECRET, ScriptedLok, fails, lok_error, ok, raises

USER = {
    "user": {
        "id": "u1",
        "name": "Owner",
        "email": "o@example.com",
        "scope": "owner",
        "company": {"id": "c1", "name": "Co"},
        "created_at": "2024-01-01T00:00:00Z",
        "updated_at": "2024-01-01T00:00:00Z",
    }
}


def bearer(request: httpx.Request) -> str:
    return request.headers["Authorization"].removeprefix("Bearer ")


async def test_sign_in_uses_client_credentials_form(
    lok: ScriptedLok, make_client: Callable[..., LokClient]
) -> None:
    async with make_client() as client:
        token = await client.sign_in()
    (request,) = lok.calls("POST", "/oauth/token")
    assert request.headers["content-type"] == "application/x-www-form-urlencoded"
    form = dict(x.split("=", 1) for x in request.content.decode().split("&"))
    assert form == {"grant_type": "client_credentials", "client_id": "demo-owner", "client_secret": SECRET}
    assert "Authorization" not in request.headers
    assert token.access_token == "tok-1"
    assert token.scope == models.Scope.OWNER
    assert client.token_expires_at == datetime(2099, 1, 1, tzinfo=UTC)


async def test_calls_carry_the_bearer_token(lok: ScriptedLok, make_client: Callable[..., LokClient]) -> None:
    lok.on("GET", "/oauth/user", ok(USER))
    async with make_client() as client:
        user = await client.get_user()
        await client.get_user()
    assert user.company is not None and user.company.name == "Co"
    assert [bearer(r) for r in lok.calls("GET", "/oauth/user")] == ["tok-1", "tok-1"]
    assert lok.tokens_issued == 1  # signed in once, not per call


async def test_wrong_credentials_raise_invalid_client(
    lok: ScriptedLok, make_client: Callable[..., LokClient]
) -> None:
    lok.on("POST", "/oauth/token", fails(401, "INVALID_CLIENT", "Unknown client"))
    async with make_client() as client:
        with pytest.raises(InvalidClientError) as caught:
            await client.get_user()
    assert "client id or secret" in caught.value.user_message
    assert len(lok.calls("POST", "/oauth/token")) == 1  # a refused sign-in is not retried


async def test_no_credentials_means_a_clear_error(
    lok: ScriptedLok, make_client: Callable[..., LokClient]
) -> None:
    async with make_client(credentials=None) as client:
        with pytest.raises(CredentialsRequiredError):
            await client.get_user()
    assert lok.requests == []


# --- token cache -----------------------------------------------------------------------------


async def test_cache_file_is_private(
    lok: ScriptedLok, make_client: Callable[..., LokClient], token_cache: TokenCache, cache_path: Path
) -> None:
    async with make_client(token_cache=token_cache) as client:
        await client.sign_in()
    assert stat.S_IMODE(cache_path.stat().st_mode) == 0o600
    assert [p.name for p in cache_path.parent.iterdir()] == ["tokens.json"]  # no temp file left over
    document = json.loads(cache_path.read_text())
    (entry,) = document["tokens"].values()
    assert entry["access_token"] == "tok-1"
    assert SECRET not in cache_path.read_text()  # only tokens on disk, never the client secret


async def test_token_is_reused_across_launches(
    lok: ScriptedLok, make_client: Callable[..., LokClient], cache_path: Path
) -> None:
    lok.on("GET", "/oauth/user", ok(USER))
    async with make_client(token_cache=TokenCache(cache_path)) as first_launch:
        await first_launch.get_user()
    async with make_client(token_cache=TokenCache(cache_path)) as second_launch:
        await second_launch.get_user()
    assert lok.tokens_issued == 1
    assert [bearer(r) for r in lok.calls("GET", "/oauth/user")] == ["tok-1", "tok-1"]


async def test_cache_is_keyed_by_base_url_and_client_id(
    lok: ScriptedLok, make_client: Callable[..., LokClient], cache_path: Path
) -> None:
    async with make_client(token_cache=TokenCache(cache_path)) as client:
        await client.sign_in()
    other_client = Credentials(client_id="demo-employee", client_secret="x")
    async with make_client(token_cache=TokenCache(cache_path), credentials=other_client) as client:
        assert (await client.sign_in()).access_token == "tok-2"
    async with make_client(token_cache=TokenCache(cache_path), base_url="http://localhost:8765") as client:
        assert (await client.sign_in()).access_token == "tok-3"
    async with make_client(token_cache=TokenCache(cache_path)) as client:
        assert (await client.sign_in()).access_token == "tok-1"
    assert len(json.loads(cache_path.read_text())["tokens"]) == 3


async def test_token_cache_disk_work_stays_off_the_event_loop_thread(
    lok: ScriptedLok, make_client: Callable[..., LokClient], cache_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import threading

    lok.on("DELETE", "/oauth/token", ok({"status_code": 200, "message": "revoked"}))
    loop_thread = threading.get_ident()
    seen: dict[str, int] = {}
    cache = TokenCache(cache_path)
    for name in ("load", "save", "remove"):
        original = getattr(cache, name)

        def spy(*args: object, _name: str = name, _original: Callable[..., object] = original) -> object:
            seen[_name] = threading.get_ident()
            return _original(*args)

        monkeypatch.setattr(cache, name, spy)
    async with make_client(token_cache=cache) as client:
        await client.sign_in()
        await client.sign_out()
    assert set(seen) == {"load", "save", "remove"}
    assert loop_thread not in seen.values()
    assert TokenCache(cache_path).load(BASE, "demo-owner") is None  # the removal did happen


async def test_concurrent_cache_saves_keep_every_entry(cache_path: Path) -> None:
    import asyncio

    token = models.AccessToken(access_token="tok", access_token_expires_at="2099-01-01T00:00:00Z")
    caches = [TokenCache(cache_path) for _ in range(2)]
    results = await asyncio.gather(*(
        caches[i % 2].asave(BASE, f"client-{i}", token) for i in range(12)))
    assert all(results)
    assert len(json.loads(cache_path.read_text())["tokens"]) == 12


@pytest.mark.parametrize(("seconds_left", "reused"), [(61, True), (59, False), (-10, False)])
async def test_cached_token_is_reused_only_until_60_s_before_expiry(
    seconds_left: int, reused: bool, lok: ScriptedLok, make_client: Callable[..., LokClient], cache_path: Path
) -> None:
    now = datetime(2030, 6, 1, 12, 0, tzinfo=UTC)
    TokenCache(cache_path).save(
        BASE,
        "demo-owner",
        models.AccessToken(
            access_token="old", access_token_expires_at=(now + timedelta(seconds=seconds_left)).isoformat()
        ),
    )
    async with make_client(token_cache=TokenCache(cache_path), clock=lambda: now) as client:
        token = await client.sign_in()
    assert (token.access_token == "old") is reused
    assert lok.tokens_issued == (0 if reused else 1)
    if not reused:  # the fresh token replaced the stale one on disk
        cached = TokenCache(cache_path).load(BASE, "demo-owner")
        assert cached is not None and cached.access_token == token.access_token


async def test_token_near_expiry_in_memory_is_renewed_before_a_call(
    lok: ScriptedLok, make_client: Callable[..., LokClient]
) -> None:
    lok.on("GET", "/oauth/user", ok(USER))
    now = [datetime(2030, 6, 1, 12, 0, tzinfo=UTC)]
    lok.token_expires_at = "2030-06-01T13:00:00Z"
    async with make_client(clock=lambda: now[0]) as client:
        await client.get_user()
        now[0] += timedelta(minutes=59, seconds=30)  # 30 s left: too little to start a call with
        await client.get_user()
    assert [bearer(r) for r in lok.calls("GET", "/oauth/user")] == ["tok-1", "tok-2"]


@pytest.mark.parametrize(
    "garbage",
    [
        b"\x00\xffnot json at all",
        b'{"version": 1, "tokens": {"http://127.0.0.1',
        b"[1, 2, 3]",
        b'{"version": 1, "tokens": {"x": "not an object"}}',
    ],
    ids=["binary", "truncated", "array", "bad-entry"],
)
async def test_corrupt_cache_is_ignored_logged_and_rewritten(
    garbage: bytes,
    lok: ScriptedLok,
    make_client: Callable[..., LokClient],
    cache_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    cache_path.parent.mkdir(parents=True)
    cache_path.write_bytes(garbage)
    caplog.set_level(logging.INFO, logger="lok_desk")
    async with make_client(token_cache=TokenCache(cache_path)) as client:
        token = await client.sign_in()  # no crash
    assert token.access_token == "tok-1"
    if garbage.startswith(b'{"version": 1, "tokens": {"x"'):
        pass  # a well-formed file with one odd entry is not "corrupt"; the entry is just skipped
    else:
        assert any("token cache" in r.getMessage() and r.levelno == logging.WARNING for r in caplog.records)
    cached = TokenCache(cache_path).load(BASE, "demo-owner")  # rewritten, readable again
    assert cached is not None and cached.access_token == token.access_token
    assert stat.S_IMODE(cache_path.stat().st_mode) == 0o600


async def test_unreadable_cache_is_ignored(
    lok: ScriptedLok,
    make_client: Callable[..., LokClient],
    cache_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    cache_path.mkdir(parents=True)  # a directory where the file should be: reading fails with OSError
    async with make_client(token_cache=TokenCache(cache_path)) as client:
        assert (await client.sign_in()).access_token == "tok-1"
    assert any("token cache" in r.getMessage() for r in caplog.records)


async def test_crash_mid_write_leaves_the_old_cache_intact(
    lok: ScriptedLok, make_client: Callable[..., LokClient], cache_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = TokenCache(cache_path)
    assert cache.save(BASE, "demo-owner", models.AccessToken(access_token="old", access_token_expires_at="x"))
    before = cache_path.read_bytes()

    def replace_crashes(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", replace_crashes)
    async with make_client(token_cache=cache) as client:
        token = await client.sign_in()  # the sign-in itself still works
    assert token.access_token == "tok-1"
    assert cache_path.read_bytes() == before
    assert sorted(p.name for p in cache_path.parent.iterdir()) == ["tokens.json"]  # temp file removed


# --- re-authentication -----------------------------------------------------------------------


async def test_invalid_token_reauthenticates_once_and_replays(
    lok: ScriptedLok, make_client: Callable[..., LokClient], cache_path: Path
) -> None:
    lok.on("GET", "/oauth/user", fails(401, "INVALID_TOKEN", "Token revoked"), ok(USER))
    async with make_client(token_cache=TokenCache(cache_path)) as client:
        user = await client.get_user()
    assert user.id == "u1"
    assert [bearer(r) for r in lok.calls("GET", "/oauth/user")] == ["tok-1", "tok-2"]
    assert lok.tokens_issued == 2
    cached = TokenCache(cache_path).load(BASE, "demo-owner")
    assert cached is not None and cached.access_token == "tok-2"


async def test_invalid_token_twice_gives_up_after_one_replay(
    lok: ScriptedLok, make_client: Callable[..., LokClient]
) -> None:
    lok.on("GET", "/oauth/user", fails(401, "INVALID_TOKEN", "Token revoked"))
    async with make_client() as client:
        with pytest.raises(InvalidTokenError) as caught:
            await client.get_user()
    assert len(lok.calls("GET", "/oauth/user")) == 2
    assert lok.tokens_issued == 2
    assert "Sign in again" in caught.value.user_message


async def test_post_is_replayed_after_invalid_token(
    lok: ScriptedLok, make_client: Callable[..., LokClient]
) -> None:
    # A 401 means Lok did nothing, so replaying even a POST cannot duplicate anything.
    directory = {"directory": {"id": "d1", "name": "Vecinos", "isActive": True}}
    lok.on("POST", "/company/directories", fails(401, "INVALID_TOKEN", "expired"), ok(directory))
    async with make_client() as client:
        created = await client.create_directory("Vecinos")
    assert created.id == "d1"
    assert len(lok.calls("POST", "/company/directories")) == 2


async def test_invalid_grant_is_renewed_once_then_reported(
    lok: ScriptedLok, make_client: Callable[..., LokClient]
) -> None:
    # Issue 11: a production Lok may say INVALID_GRANT for an expired token; it is renewed once
    # like INVALID_TOKEN, and a second refusal ends in "sign in again" with Lok's reason.
    lok.on("GET", "/oauth/user", fails(401, "INVALID_GRANT", "Grant revoked"))
    async with make_client() as client:
        with pytest.raises(InvalidGrantError) as caught:
            await client.get_user()
    assert len(lok.calls("GET", "/oauth/user")) == 2 and lok.tokens_issued == 2
    assert "Grant revoked" in caught.value.user_message and "Sign in again" in caught.value.user_message


async def test_other_auth_errors_are_not_replayed(
    lok: ScriptedLok, make_client: Callable[..., LokClient]
) -> None:
    lok.on("GET", "/oauth/user", fails(401, "UNAUTHORIZED_CLIENT", "Not for this grant"))
    async with make_client() as client:
        with pytest.raises(UnauthorizedClientError):
            await client.get_user()
    assert len(lok.calls("GET", "/oauth/user")) == 1


async def test_validate_token(lok: ScriptedLok, make_client: Callable[..., LokClient]) -> None:
    lok.on(
        "GET",
        "/oauth/token",
        lambda request: httpx.Response(
            200,
            json={"access_token": bearer(request), "access_token_expires_at": FUTURE_Z, "scope": "reporter"},
        ),
    )
    async with make_client() as client:
        token = await client.validate_token()
    assert token.access_token == "tok-1"
    assert token.scope == models.Scope.REPORTER


FUTURE_Z = "2099-01-01T00:00:00Z"


# --- sign-out --------------------------------------------------------------------------------


async def test_sign_out_revokes_and_forgets_the_token(
    lok: ScriptedLok, make_client: Callable[..., LokClient], cache_path: Path
) -> None:
    lok.on("DELETE", "/oauth/token", ok({"status_code": 200, "message": "revoked"}))
    async with make_client(token_cache=TokenCache(cache_path)) as client:
        await client.sign_in()
        await client.sign_out()
        assert client.token_expires_at is None
    (revoke,) = lok.calls("DELETE", "/oauth/token")
    assert bearer(revoke) == "tok-1"
    assert TokenCache(cache_path).load(BASE, "demo-owner") is None


async def test_sign_out_forgets_the_token_even_when_the_server_is_unreachable(
    lok: ScriptedLok, make_client: Callable[..., LokClient], cache_path: Path
) -> None:
    lok.on("DELETE", "/oauth/token", raises(httpx.ConnectError))
    async with make_client(token_cache=TokenCache(cache_path)) as client:
        await client.sign_in()
        with pytest.raises(LokConnectionError):
            await client.sign_out()
    assert TokenCache(cache_path).load(BASE, "demo-owner") is None


async def test_sign_out_with_an_already_invalid_token_is_quiet(
    lok: ScriptedLok, make_client: Callable[..., LokClient], cache_path: Path
) -> None:
    lok.on("DELETE", "/oauth/token", lambda request: lok_error(401, "INVALID_TOKEN", "expired"))
    async with make_client(token_cache=TokenCache(cache_path)) as client:
        await client.sign_in()
        await client.sign_out()
    assert lok.tokens_issued == 1  # no sign-in just to sign out
    assert TokenCache(cache_path).load(BASE, "demo-owner") is None


async def test_sign_out_on_a_new_launch_revokes_the_cached_token(
    lok: ScriptedLok, make_client: Callable[..., LokClient], cache_path: Path
) -> None:
    async with make_client(token_cache=TokenCache(cache_path)) as client:
        await client.sign_in()
    lok.on("DELETE", "/oauth/token", ok({"message": "revoked"}))
    async with make_client(token_cache=TokenCache(cache_path)) as client:
        await client.sign_out()
    assert [bearer(r) for r in lok.calls("DELETE", "/oauth/token")] == ["tok-1"]


# --- secrets never leak ----------------------------------------------------------------------


async def test_tokens_and_secrets_stay_out_of_repr_and_logs(
    lok: ScriptedLok,
    make_client: Callable[..., LokClient],
    cache_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    lok.on("GET", "/oauth/user", fails(401, "INVALID_TOKEN", "expired"), ok(USER))
    lok.on(
        "GET",
        "/company/webhook",
        ok({"webhook": {"enabled": True, "secret": "whsec-XYZ", "url": "https://x"}}),
    )
    async with make_client(token_cache=TokenCache(cache_path)) as client:
        token = await client.sign_in()
        await client.get_user()
        settings = await client.get_webhook()
        texts = [
            repr(client),
            str(client),
            repr(token),
            str(token),
            repr(settings),
            repr(Credentials("id", SECRET)),
            repr(TokenCache(cache_path)),
        ]
    texts += [record.getMessage() for record in caplog.records]
    texts += [caplog.text]
    for text in texts:
        for secret in (SECRET, "tok-1", "tok-2", "whsec-XYZ"):
            assert secret not in text, (secret, text)


async def test_protocol_error_text_does_not_quote_the_token(
    lok: ScriptedLok, make_client: Callable[..., LokClient]
) -> None:
    # A token reply whose token cannot be read fails validation; pydantic's own text would echo it.
    # (A missing expiry no longer fails: issue 11 renews such a token on the first 401 instead.)
    lok.on("POST", "/oauth/token", ok({"access_token": ["tok-LEAKY"], "scope": ["not", "a", "string"]}))
    async with make_client() as client:
        with pytest.raises(Exception) as caught:
            await client.sign_in()
    assert type(caught.value).__name__ == "LokProtocolError"
    assert "tok-LEAKY" not in str(caught.value) and "tok-LEAKY" not in repr(caught.value)
    assert "access_token" in str(caught.value)


# --- SecretStore -----------------------------------------------------------------------------


class FakeKeyring:
    def __init__(self) -> None:
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        del self.passwords[(service, username)]


class BrokenKeyring(FakeKeyring):
    def set_password(self, service: str, username: str, password: str) -> None:
        raise RuntimeError("locked")

    def get_password(self, service: str, username: str) -> str | None:
        raise RuntimeError("locked")


def test_secret_store_round_trip_with_a_keyring() -> None:
    backend = FakeKeyring()
    store = SecretStore(backend)
    assert store.available
    assert store.save(BASE, "demo-owner", SECRET)
    assert store.load(BASE, "demo-owner") == SECRET
    assert store.load(BASE, "other") is None
    store.delete(BASE, "demo-owner")
    store.delete(BASE, "demo-owner")  # deleting twice is harmless
    assert store.load(BASE, "demo-owner") is None
    assert SECRET not in repr(store)


def test_secret_store_without_keyring_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import keyring
    from keyring.backends import fail

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))
    # What keyring picks on a machine with no secret service (as on this CI image).
    monkeypatch.setattr(keyring, "get_keyring", lambda: fail.Keyring())
    store = SecretStore()
    assert not store.available
    assert store.save(BASE, "demo-owner", SECRET) is False
    assert store.load(BASE, "demo-owner") is None
    store.delete(BASE, "demo-owner")
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert all(SECRET not in p.read_text(errors="ignore") for p in written)


async def test_secret_store_looks_up_the_keyring_lazily_and_off_the_loop(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import threading

    import keyring

    backend = FakeKeyring()
    lookups: list[int] = []

    def get_keyring() -> FakeKeyring:
        lookups.append(threading.get_ident())
        return backend

    monkeypatch.setattr(keyring, "get_keyring", get_keyring)
    store = SecretStore()
    assert lookups == []  # constructing the store costs nothing
    assert await store.probe()
    assert await store.asave(BASE, "demo-owner", SECRET)
    assert await store.aload(BASE, "demo-owner") == SECRET
    await store.adelete(BASE, "demo-owner")
    assert await store.aload(BASE, "demo-owner") is None
    assert len(lookups) == 1 and lookups[0] != threading.get_ident()


def test_secret_store_survives_a_broken_keyring(caplog: pytest.LogCaptureFixture) -> None:
    store = SecretStore(BrokenKeyring())
    assert store.available
    assert store.save(BASE, "demo-owner", SECRET) is False
    assert store.load(BASE, "demo-owner") is None
    assert SECRET not in caplog.text


# --- concurrency -----------------------------------------------------------------------------


async def test_concurrent_first_calls_sign_in_once(
    lok: ScriptedLok, make_client: Callable[..., LokClient]
) -> None:
    import asyncio

    lok.on("GET", "/oauth/user", ok(USER))
    async with make_client() as client:
        users = await asyncio.gather(*(client.get_user() for _ in range(5)))
    assert len(users) == 5
    assert lok.tokens_issued == 1


async def test_concurrent_invalid_tokens_reauthenticate_once(
    lok: ScriptedLok, make_client: Callable[..., LokClient]
) -> None:
    import asyncio

    def user_for_fresh_tokens(request: httpx.Request) -> httpx.Response:
        if bearer(request) == "tok-1":
            return lok_error(401, "INVALID_TOKEN", "revoked")
        return httpx.Response(200, json=USER)

    lok.on("GET", "/oauth/user", user_for_fresh_tokens)
    async with make_client() as client:
        await client.sign_in()
        await asyncio.gather(*(client.get_user() for _ in range(4)))
    assert lok.tokens_issued == 2  # the first refusal signs in again; the others reuse that token


async def test_after_sign_out_no_read_signs_in_again(
    lok: ScriptedLok, make_client: Callable[..., LokClient], cache_path: Path
) -> None:
    lok.on("DELETE", "/oauth/token", ok({"status_code": 200, "message": "revoked"}))
    lok.on("GET", "/oauth/user", ok({"user": {"email": "owner@demo.test"}}))
    async with make_client(token_cache=TokenCache(cache_path)) as client:
        await client.sign_in()
        await client.sign_out()
        # A background read still under way after the sign-out (sync, token fill) must not sign in
        # with the secret it still holds and cache a new token.
        with pytest.raises(CredentialsRequiredError):
            await client.get_user()
        assert lok.tokens_issued == 1
        assert TokenCache(cache_path).load(BASE, "demo-owner") is None
        await client.sign_in()   # the person signs in again: allowed
        assert lok.tokens_issued == 2


async def test_a_sign_in_under_way_when_signing_out_leaves_no_token_cached(
    make_client: Callable[..., LokClient], cache_path: Path
) -> None:
    token_asked = asyncio.Event()
    release = asyncio.Event()

    async def handler(request: httpx.Request) -> httpx.Response:
        path = request.url.path.removeprefix("/api/v2")
        if request.method == "POST" and path == "/oauth/token":
            token_asked.set()
            await release.wait()
            return httpx.Response(200, json={"access_token": "tok-late", "scope": "owner",
                                             "access_token_expires_at": "2099-01-01T00:00:00.000Z"})
        if path == "/oauth/user":
            return httpx.Response(200, json={"user": {"email": "owner@demo.test"}})
        return httpx.Response(200, json={"status_code": 200, "message": "revoked"})

    transport = httpx.MockTransport(handler)
    async with make_client(token_cache=TokenCache(cache_path), transport=transport) as client:
        read = asyncio.create_task(client.get_user())     # signs in first: its POST is held
        await token_asked.wait()
        signing_out = asyncio.create_task(client.sign_out())
        # Until the sign-out is done (it used to remove the entry at once) or queued behind the lock
        # the sign-in holds; only then does the held token reply arrive.
        while not (signing_out.done() or getattr(client._auth_lock, "_waiters", None)):
            await asyncio.sleep(0)
        release.set()
        await signing_out
        with contextlib.suppress(LokError):
            await read
    assert TokenCache(cache_path).load(BASE, "demo-owner") is None


def _backend_like(module: str, name: str, priority: float) -> FakeKeyring:
    """A keyring backend as keyring would hand it over, its class from `module` (e.g. keyrings.alt)."""
    cls = type(name, (FakeKeyring,), {"priority": priority, "__module__": module})
    made: FakeKeyring = cls()
    return made


@pytest.mark.parametrize(
    ("module", "name"),
    [
        ("keyrings.alt.file", "PlaintextKeyring"),  # priority 0.5: a file anyone with the disk can read
        ("keyrings.alt.file", "EncryptedKeyring"),  # asks for its password on the terminal
        ("keyring.backends.null", "Keyring"),
        ("keyring.backends.fail", "Keyring"),
    ],
)
def test_a_keyring_that_stores_in_clear_is_refused_and_named(
    module: str, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import keyring

    backend = _backend_like(module, name, 0.5)
    monkeypatch.setattr(keyring, "get_keyring", lambda: backend)
    store = SecretStore()
    assert not store.available
    # Named when it would have stored in clear; the ones that store nowhere are simply "no keyring".
    assert store.refused_backend == (name if module.startswith("keyrings.alt") else None)
    assert store.save(BASE, "demo-owner", SECRET) is False
    assert backend.passwords == {}  # nothing reached the file


def test_a_chain_uses_its_safe_keyring_and_never_falls_back_to_a_plain_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import keyring

    safe = _backend_like("keyring.backends.SecretService", "Keyring", 5)
    plain = _backend_like("keyrings.alt.file", "PlaintextKeyring", 0.5)
    chain = _backend_like("keyring.backends.chainer", "ChainerBackend", 10)
    chain.backends = [safe, plain]  # type: ignore[attr-defined]
    monkeypatch.setattr(keyring, "get_keyring", lambda: chain)
    store = SecretStore()
    assert store.available and store.refused_backend is None
    assert store.save(BASE, "demo-owner", SECRET)
    assert plain.passwords == {} and chain.passwords == {} and list(safe.passwords.values()) == [SECRET]
