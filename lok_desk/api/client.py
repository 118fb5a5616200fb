"""`LokClient`: one async method per Lok endpoint over one pooled `httpx.AsyncClient`."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
import urllib.parse
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, datetime
from types import TracebackType
from typing import Any, Self, TypeVar

import httpx
from pydantic import BaseModel, ValidationError

from . import models, tolerance
from .auth import Credentials, TokenCache
from .endpoints import CompanyEndpoints, LocationEndpoints
from .errors import (
    CredentialsRequiredError,
    InvalidGrantError,
    InvalidTokenError,
    LokError,
    LokProtocolError,
    LokRedirectError,
    LokTransportError,
    RequestTimeoutError,
)
from .replies import error_for_response
from .transport import (
    IDEMPOTENT_METHODS,
    MAX_REDIRECTS,
    PRODUCTION_BASE_URL,
    REDIRECT_STATUSES,
    RETRY_STATUSES,
    THROTTLE_STATUSES,
    RequestEvent,
    RequestHook,
    RetryPolicy,
    Timeouts,
    check_transport_safety,
    is_loopback_host,
    lok_http,
    normalize_base_url,
    origin_of,
    proxy_for,
    retry_after_seconds,
    transport_error,
)

log = logging.getLogger("lok_desk.api")

M = TypeVar("M", bound=BaseModel)


class LokClient(LocationEndpoints, CompanyEndpoints):
    """Async client of the Lok API. Use as `async with LokClient(...) as client:`.

    Signs in on first use (cached token if it has more than 60 s left, else client credentials),
    re-authenticates once on 401 INVALID_TOKEN, retries idempotent calls on transient failures, and
    turns every failure into a `LokError`.
    """

    def __init__(
        self,
        base_url: str = PRODUCTION_BASE_URL,
        *,
        credentials: Credentials | None = None,
        token_cache: TokenCache | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        retry: RetryPolicy | None = None,
        timeouts: Timeouts | None = None,
        on_request: RequestHook | None = None,
        clock: Callable[[], datetime] | None = None,
        oddities: tolerance.OddityLog | None = None,
    ) -> None:
        self._base_url = normalize_base_url(base_url)
        check_transport_safety(self._base_url)
        parts = urllib.parse.urlsplit(self._base_url)
        self._host = parts.hostname or ""
        self._proxy = proxy_for(self._base_url)
        self._server_label = parts.netloc
        self._credentials = credentials
        self._token_cache = token_cache
        self._transport = transport
        self._retry = retry or RetryPolicy()
        self._timeouts = timeouts or Timeouts()
        self._on_request = on_request
        self._clock = clock or (lambda: datetime.now(UTC))
        self._http: httpx.AsyncClient | None = None
        self._token: models.AccessToken | None = None
        self._auth_lock = asyncio.Lock()
        # Set by sign_out: a read still under way (sync, token fill, a pane) then gets an error
        # instead of signing in again with the secret it holds and caching a new token.
        self._signed_out = False
        # Where the deviations this client tolerates are collected (lok-desk-check); None = only logged.
        self._oddities = oddities

    # --- life cycle ---------------------------------------------------------------------------

    async def __aenter__(self) -> Self:
        await self.open()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    def _new_http(self) -> httpx.AsyncClient:
        return lok_http(self._base_url, self._timeouts, proxy=self._proxy, transport=self._transport)

    async def open(self) -> None:
        if self._http is not None:
            return
        if self._transport is not None:
            self._http = self._new_http()
            return
        # The default transport builds a TLS context from the CA bundle on disk (tens of ms): on a
        # worker thread, so the caller's event loop (the desk's Qt thread) keeps answering.
        http = await asyncio.to_thread(self._new_http)
        if self._http is None:
            self._http = http
        else:  # opened concurrently meanwhile: keep that one
            await http.aclose()

    async def aclose(self) -> None:
        http, self._http = self._http, None
        if http is not None:
            await http.aclose()

    def __repr__(self) -> str:
        client_id = self._credentials.client_id if self._credentials else None
        return (
            f"LokClient(base_url={self._base_url!r}, client_id={client_id!r}, "
            f"signed_in={self._token is not None})"
        )

    @property
    def base_url(self) -> str:
        return self._base_url

    @property
    def is_loopback(self) -> bool:
        return is_loopback_host(self._host)

    @property
    def server_label(self) -> str:
        """host[:port], as shown to people in messages."""
        return self._server_label

    @property
    def client_id(self) -> str | None:
        return self._credentials.client_id if self._credentials else None

    @property
    def token_expires_at(self) -> datetime | None:
        return self._token.expires_at if self._token else None

    @property
    def oddities(self) -> tolerance.OddityLog | None:
        """The deviations from the contract this client tolerated, when it was given a log to keep."""
        return self._oddities

    @property
    def scope(self) -> models.Scope | str | None:
        """Scope of the current token (None before sign-in)."""
        return self._token.scope if self._token else None

    # --- HTTP core ----------------------------------------------------------------------------

    def _emit(self, event: RequestEvent) -> None:
        if self._on_request is None:
            return
        try:
            self._on_request(event)
        except Exception:  # a broken activity indicator must never break a Lok call
            log.exception("on_request hook failed")

    async def _exchange(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str | int] | None,
        json: Any,
        data: Mapping[str, str] | None,
        headers: Mapping[str, str],
    ) -> httpx.Response:
        if self._http is None:
            raise self._not_open()
        self._emit(RequestEvent(method, path, "start"))
        started = time.monotonic()
        try:
            response = await self._http.request(
                method, path.lstrip("/"), params=params, json=json, data=data, headers=headers
            )
        except (httpx.HTTPError, httpx.InvalidURL) as exc:
            elapsed = time.monotonic() - started
            error = transport_error(exc, self._server_label, self._proxy)
            log.info("%s %s failed after %.2f s: %s", method, path, elapsed, error.message)
            self._emit(RequestEvent(method, path, "end", None, elapsed, error.type))
            raise error from exc
        elapsed = time.monotonic() - started
        log.debug("%s %s -> %s in %.2f s", method, path, response.status_code, elapsed)
        self._emit(RequestEvent(method, path, "end", response.status_code, elapsed))
        return response

    @contextlib.contextmanager
    def _collecting(self) -> Iterator[None]:
        """Reading a reply: notes made meanwhile are logged, and go to `oddities` too (when kept)."""
        with tolerance.reading_reply():
            if self._oddities is None:
                yield
            else:
                with tolerance.collecting(self._oddities):
                    yield

    @staticmethod
    def _not_open() -> RuntimeError:
        # A programming error, not a Lok failure: the desk must open the client with `async with`.
        return RuntimeError("LokClient is not open: use `async with LokClient(...) as client:`")

    async def _follow_redirects(
        self,
        response: httpx.Response,
        method: str,
        *,
        json: Any,
        data: Mapping[str, str] | None,
        headers: dict[str, str],
    ) -> httpx.Response:
        """Follow same-origin redirects (307/308 any method; 301/302/303 for GET/HEAD) with the token.

        A redirect to another origin is never followed: the token must not travel there. It is
        reported as `LokRedirectError` naming the other server.
        """
        hops = 0
        while response.status_code in REDIRECT_STATUSES and "location" in response.headers:
            if response.status_code not in (307, 308) and method not in ("GET", "HEAD"):
                return response  # 301/302/303 would turn the write into a GET: report it, don't guess
            target = response.url.join(response.headers["location"])
            if origin_of(target) != origin_of(self._base_url):
                tolerance.note(tolerance.REDIRECT, f"HTTP {response.status_code}",
                               "redirect to another server; not followed, no token sent", blocking=True)
                raise LokRedirectError(
                    f"HTTP {response.status_code} redirect to another origin ({target.host})",
                    status_code=response.status_code,
                    user_message=(
                        f"The server at {self._server_label} sent Lok Desk on to another server "
                        f"({target.host}). Lok Desk did not follow, so your sign-in was not sent there. "
                        "Check the server address; if Lok has moved, sign in with the new address."
                    ),
                )
            hops += 1
            if hops > MAX_REDIRECTS:
                raise self._protocol_error(f"more than {MAX_REDIRECTS} redirects")
            detail = "same-origin redirect followed"
            tolerance.note(tolerance.REDIRECT, f"HTTP {response.status_code}", detail)
            response = await self._exchange(
                method, str(target), params=None, json=json, data=data, headers=headers
            )
        return response

    async def _send(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str | int] | None = None,
        json: Any = None,
        data: Mapping[str, str] | None = None,
        headers: Mapping[str, str] | None = None,
        auth: bool = True,
        reauth: bool = True,
        bearer: models.AccessToken | None = None,
        retry: bool | None = None,
        lost: list[LokError] | None = None,
    ) -> httpx.Response:
        """One logical call: sign-in, retries of safe calls, one replay after a refused token.

        Safe calls (idempotent methods, or `retry=True`) are repeated after transport failures,
        502/503/504 and 429 — waiting what `Retry-After` says when it says something, up to
        `RetryPolicy.max_retry_after`; a longer wait is raised at once with `retry_after_s`.
        A refused token (401 INVALID_TOKEN, 401 INVALID_GRANT, a bare 401) is renewed once and the
        call replayed; a second refusal is raised ("sign in again", with Lok's reason).
        `lost` collects the failures after which the call was repeated, whose outcome is unknown.
        """
        if self._http is None:
            raise self._not_open()
        with self._collecting():
            return await self._send_collected(
                method, path, params=params, json=json, data=data, headers=headers, auth=auth,
                reauth=reauth, bearer=bearer, retry=retry, lost=lost,
            )

    async def _send_collected(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str | int] | None,
        json: Any,
        data: Mapping[str, str] | None,
        headers: Mapping[str, str] | None,
        auth: bool,
        reauth: bool,
        bearer: models.AccessToken | None,
        retry: bool | None,
        lost: list[LokError] | None,
    ) -> httpx.Response:
        retryable = (method in IDEMPOTENT_METHODS) if retry is None else retry
        attempts = self._retry.attempts if retryable else 1
        attempt = 0
        replayed = False
        while True:
            attempt += 1
            request_headers = dict(headers or {})
            used: models.AccessToken | None = None
            if auth:
                used = bearer or await self._ensure_token()
                request_headers["Authorization"] = f"Bearer {used.access_token}"
            try:
                response = await self._exchange(
                    method, path, params=params, json=json, data=data, headers=request_headers
                )
                response = await self._follow_redirects(
                    response, method, json=json, data=data, headers=request_headers
                )
            except LokTransportError as failure:
                if attempt < attempts:
                    if lost is not None:
                        lost.append(failure)
                    await self._retry.wait(attempt)
                    continue
                raise
            if response.is_success:
                return response
            error = error_for_response(response, self._server_label)
            status = response.status_code
            if status in THROTTLE_STATUSES:
                error.retry_after_s = retry_after_seconds(response.headers.get("retry-after"), self._clock())
                if error.retry_after_s is not None:
                    tolerance.note(tolerance.RATE_LIMIT, f"HTTP {status}", "Retry-After honoured")
            refused = isinstance(error, InvalidTokenError) or (
                status == 401 and isinstance(error, InvalidGrantError)
            )
            if (
                refused
                and used is not None
                and reauth
                and bearer is None
                and not replayed
                and self._credentials is not None
            ):
                # The token expired or was revoked since we checked: one fresh sign-in, one replay.
                replayed = True
                attempt -= 1
                await self._reauthenticate(used)
                continue
            transient = status in RETRY_STATUSES or status == 429 or isinstance(
                error, RequestTimeoutError
            )
            if transient and attempt < attempts:
                wait = error.retry_after_s
                if wait is not None and wait > self._retry.max_retry_after:
                    raise error  # too long to hold the call: the person is told how long to wait
                if status != 429 and lost is not None:
                    lost.append(error)
                if wait is None:
                    await self._retry.wait(attempt)
                else:
                    await self._retry.sleep(wait)
                continue
            raise error

    def _protocol_error(self, what: str) -> LokProtocolError:
        return LokProtocolError(
            what,
            user_message=(
                f"The server at {self._server_label} sent a reply Lok Desk could not understand. "
                "Check the server address; if it is right, try again or contact Lok support."
            ),
        )

    def _json_object(self, response: httpx.Response, model: type[BaseModel] | None = None) -> Any:
        """The reply's JSON object (or, for a model with an `envelope_key`, a bare list of its items)."""
        if not response.content.strip():
            raise self._protocol_error(f"HTTP {response.status_code} with an empty body")
        try:
            body = response.json()
        except ValueError:
            raise self._protocol_error(f"HTTP {response.status_code} with a body that is not JSON") from None
        bare_list_ok = model is not None and getattr(model, "envelope_key", None) is not None
        if not isinstance(body, dict) and not (isinstance(body, list) and bare_list_ok):
            raise self._protocol_error(f"HTTP {response.status_code} with JSON {type(body).__name__}")
        return body

    def _parse(self, model: type[M], body: Any) -> M:
        try:
            with self._collecting():
                return model.model_validate(body)
        except ValidationError as exc:
            # Only field paths: the error's own text quotes input values, which may hold tokens.
            fields = sorted({".".join(str(part) for part in err["loc"]) or "(body)" for err in exc.errors()})
            raise self._protocol_error(
                f"reply does not match {model.__name__}: {', '.join(fields)}"
            ) from None

    async def _call(self, model: type[M], method: str, path: str, **kwargs: Any) -> M:
        response = await self._send(method, path, **kwargs)
        return self._parse(model, self._json_object(response, model))

    async def _write(
        self, model: type[M], method: str, path: str, *, what: str, **kwargs: Any
    ) -> M | None:
        """A write whose success may come as an empty 200/204: then None (the caller reads back)."""
        response = await self._send(method, path, **kwargs)
        if response.status_code in (200, 201, 202, 204) and not response.content.strip():
            detail = f"empty {response.status_code} reply to a write; counted as done"
            with self._collecting():
                tolerance.note(tolerance.STATUS, f"{what} {method}", detail)
            return None
        return self._parse(model, self._json_object(response, model))

    # --- auth (#11–#14) -----------------------------------------------------------------------

    async def _remember(self, token: models.AccessToken) -> None:
        self._token = token
        if self._token_cache is not None and self._credentials is not None:
            # The cache's disk work runs on a worker thread: the desk's event loop is never blocked.
            await self._token_cache.asave(self._base_url, self._credentials.client_id, token)

    def _usable(self, token: models.AccessToken | None) -> bool:
        return token is not None and token.is_valid(self._clock())

    async def _ensure_token(self) -> models.AccessToken:
        token = self._token
        # A fresh token whose expiry Lok wrote in an unreadable way is used until Lok refuses it.
        if token is not None and (token.expires_at is None or self._usable(token)):
            return token
        return await self._usable_token()

    def _refuse_after_sign_out(self) -> None:
        if self._signed_out:
            raise CredentialsRequiredError(
                "signed out",
                user_message="You signed out of Lok on this desk. Sign in again to go on.",
            )

    async def sign_in(self) -> models.AccessToken:
        """A usable token: in memory or cached with more than 60 s left, else a new one (#12).

        Called by the desk, it also ends a sign-out: the client may sign itself in again."""
        self._signed_out = False
        return await self._usable_token()

    async def _usable_token(self) -> models.AccessToken:
        async with self._auth_lock:
            self._refuse_after_sign_out()
            if self._token is not None and self._usable(self._token):
                return self._token
            if self._token_cache is not None and self._credentials is not None:
                cached = await self._token_cache.aload(self._base_url, self._credentials.client_id)
                if cached is not None and self._usable(cached):
                    log.debug("Reusing the cached access token for %s", self._credentials.client_id)
                    self._token = cached
                    return cached
            return await self._authenticate_locked()

    async def authenticate(self) -> models.AccessToken:
        """#12 POST /oauth/token (client credentials), always asking Lok for a new token."""
        self._signed_out = False
        async with self._auth_lock:
            return await self._authenticate_locked()

    async def _authenticate_locked(self) -> models.AccessToken:
        if self._credentials is None or not self._credentials.client_secret:   # a cached token only
            raise CredentialsRequiredError(
                "no client credentials",
                user_message="Sign in with your Lok client id and secret first.",
            )
        form = models.TokenRequest(
            client_id=self._credentials.client_id, client_secret=self._credentials.client_secret
        )
        # Asking twice for a token creates nothing a person would see twice, so this POST may retry.
        token = await self._call(
            models.AccessToken, "POST", "/oauth/token", data=form.to_body(), auth=False, retry=True
        )
        with self._collecting():
            token = token.with_expiry_from(self._clock())
        log.info("Signed in to %s as client %s", self._server_label, self._credentials.client_id)
        await self._remember(token)
        return token

    async def _reauthenticate(self, rejected: models.AccessToken) -> None:
        async with self._auth_lock:
            self._refuse_after_sign_out()
            current = self._token
            if current is not None and current.access_token != rejected.access_token:
                return  # another call already signed in again while we waited
            self._token = None
            await self._authenticate_locked()

    async def validate_token(self) -> models.AccessToken:
        """#11 GET /oauth/token: what Lok says about the current token (no automatic re-sign-in)."""
        token = await self._ensure_token()
        response = await self._send("GET", "/oauth/token", bearer=token, reauth=False)
        body = self._json_object(response)
        body.setdefault("access_token", token.access_token)
        return self._parse(models.AccessToken, body)

    async def sign_out(self) -> None:
        """#13 DELETE /oauth/token, then forget the token here and in the cache, whatever happened.

        A token Lok already considers invalid counts as signed out; other failures are raised after
        the local sign-out so the desk can say the server was not told.
        """
        self._signed_out = True
        token = self._token
        if token is None and self._token_cache is not None and self._credentials is not None:
            token = await self._token_cache.aload(self._base_url, self._credentials.client_id)
        try:
            if token is not None:
                await self._send("DELETE", "/oauth/token", bearer=token, reauth=False)
        except InvalidTokenError:
            log.info("The token was already invalid on the server")
        finally:
            # Under the lock: a sign-in already under way (a background read's) finishes and caches
            # its token first, and this removes it; none starts afterwards (_signed_out).
            async with self._auth_lock:
                self._token = None
                if self._token_cache is not None and self._credentials is not None:
                    await self._token_cache.aremove(self._base_url, self._credentials.client_id)

    async def get_user(self) -> models.User:
        """#14 GET /oauth/user."""
        return (await self._call(models.UserResponse, "GET", "/oauth/user")).user
