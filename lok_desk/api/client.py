"""`LokClient`: one async method per Lok endpoint over one pooled `httpx.AsyncClient`."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import time
import urllib.parse
import uuid
from collections.abc import Awaitable, Callable, Mapping
from datetime import UTC, datetime
from types import TracebackType
from typing import Any, Self, TypeVar

import httpx
from pydantic import BaseModel, ValidationError

from . import models, tolerance
from .auth import Credentials, TokenCache
from .errors import (
    CredentialsRequiredError,
    ForbiddenLocationError,
    InsufficientScopeError,
    InvalidClientError,
    InvalidGrantError,
    InvalidReservationError,
    InvalidTokenError,
    LokError,
    LokProtocolError,
    LokRateLimitedError,
    LokRedirectError,
    LokTransportError,
    RequestTimeoutError,
    UniqueShipmentError,
    error_from_response,
    message_text,
)
from .paging import PageT, PageWalk, RecordWalk, iter_pages
from .transport import (
    IDEMPOTENT_METHODS,
    MAX_REDIRECTS,
    PRODUCTION_BASE_URL,
    REDIRECT_STATUSES,
    RETRY_STATUSES,
    THROTTLE_STATUSES,
    USER_AGENT,
    RequestEvent,
    RequestHook,
    RetryPolicy,
    Timeouts,
    check_transport_safety,
    is_loopback_host,
    normalize_base_url,
    origin_of,
    retry_after_seconds,
    transport_error,
)

log = logging.getLogger("lok_desk.api")

M = TypeVar("M", bound=BaseModel)
TimeArg = datetime | int | str | None


def _seg(value: str) -> str:
    """A resource id as one path segment (an id with `/` or `?` must not change the route)."""
    return urllib.parse.quote(str(value), safe="")


def new_shipment_id() -> str:
    """A fresh company-side shipment id, so a lost create can be found again (issue point 5)."""
    return f"lokdesk-{uuid.uuid4().hex}"


_AUTH_PARAM = re.compile(r'(error|error_description)\s*=\s*"([^"]{0,300})"', re.IGNORECASE)


def _www_authenticate_reason(header: str | None) -> str | None:
    """The `error_description` (else `error`) of a `WWW-Authenticate` challenge; nothing else is kept."""
    if not header:
        return None
    params = {name.lower(): value.strip() for name, value in _AUTH_PARAM.findall(header)}
    return params.get("error_description") or params.get("error") or None


def _outcome_unknown(error: LokError) -> bool:
    """Whether a failed POST may still have been carried out by the server.

    429 counts too: it should mean "not done", but a create is checked by its shipment id before
    it is sent again rather than trusting that (issue 11 point 3).
    """
    if isinstance(error, LokRedirectError):
        return False  # sent elsewhere and not followed: nothing reached Lok
    if isinstance(error, LokTransportError | LokProtocolError | RequestTimeoutError):
        return True
    return error.status_code is not None and (error.status_code >= 500 or error.status_code == 429)


def _epoch_ms(value: TimeArg) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        aware = value.replace(tzinfo=UTC) if value.tzinfo is None else value
        return str(int(aware.timestamp() * 1000))
    return str(value)


class LokClient:
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
        return httpx.AsyncClient(
            base_url=self._base_url,
            transport=self._transport,
            timeout=self._timeouts.to_httpx(),
            verify=True,  # never configurable: a desk must not talk to an impostor Lok
            follow_redirects=False,
            headers={"User-Agent": USER_AGENT, "Accept": "application/json"},
        )

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

    # --- properties ---------------------------------------------------------------------------

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
            error = transport_error(exc, self._server_label)
            log.info("%s %s failed after %.2f s: %s", method, path, elapsed, type(exc).__name__)
            self._emit(RequestEvent(method, path, "end", None, elapsed, error.type))
            raise error from exc
        elapsed = time.monotonic() - started
        log.debug("%s %s -> %s in %.2f s", method, path, response.status_code, elapsed)
        self._emit(RequestEvent(method, path, "end", response.status_code, elapsed))
        return response

    def _collecting(self) -> contextlib.AbstractContextManager[object]:
        """Notes made meanwhile go to this client's `oddities` too (when it keeps them)."""
        if self._oddities is None:
            return contextlib.nullcontext()
        return tolerance.collecting(self._oddities)

    @staticmethod
    def _not_open() -> RuntimeError:
        # A programming error, not a Lok failure: the desk must open the client with `async with`.
        return RuntimeError("LokClient is not open: use `async with LokClient(...) as client:`")

    def _error_for(self, response: httpx.Response) -> LokError:
        status = response.status_code
        try:
            body = response.json()
        except ValueError:
            body = None
        if status == 401 and not (isinstance(body, dict) and (body.get("type") or body.get("error"))):
            # A 401 without a Lok error (only `WWW-Authenticate`, or an empty/HTML body): the token
            # was refused. Read as INVALID_TOKEN so it is renewed once, with the server's reason.
            tolerance.note(tolerance.AUTH, "401", "401 without a Lok error body; read as INVALID_TOKEN")
            reason = _www_authenticate_reason(response.headers.get("www-authenticate"))
            if reason is None and isinstance(body, dict):
                reason = message_text(body.get("message"))
            if response.request.method == "POST" and response.request.url.path.endswith("/oauth/token"):
                # On sign-in itself a bare 401 refuses the client id or secret, not a token.
                reason = reason or "the client id or secret was refused (HTTP 401)"
                return InvalidClientError(reason, status_code=401)
            reason = reason or "the server refused the access token (HTTP 401)"
            return InvalidTokenError(reason, status_code=401)
        if isinstance(body, dict):
            return error_from_response(status, body)
        if status == 429:
            return LokRateLimitedError(f"HTTP {status}", status_code=status)
        text = response.text.lstrip()[:200].lower()
        if text.startswith("<") or "html" in response.headers.get("content-type", ""):
            what = "a web page"
        elif not text:
            what = "an empty reply"
        else:
            what = "a reply that is not Lok data"
        return LokProtocolError(
            f"HTTP {status} with {what} instead of a Lok error",
            status_code=status,
            user_message=(
                f"The server at {self._server_label} answered with {what} (HTTP {status}) instead of a "
                "Lok reply. Check the server address; if it is right, Lok may be down for "
                "maintenance — try again in a few minutes."
            ),
        )

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
            error = self._error_for(response)
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
        if self._credentials is None:
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

    # --- locations ----------------------------------------------------------------------------

    async def list_locations(
        self, *, internal_name: str | None = None, page: int = 1, page_size: int = 15
    ) -> models.LocationPage:
        """#4 GET /company/locations."""
        params: dict[str, str | int] = {"page": page, "page_size": page_size}
        if internal_name is not None:
            params["internal_name"] = internal_name
        return await self._call(models.LocationPage, "GET", "/company/locations", params=params)

    async def get_location(self, location_id: str) -> models.LocationDetail:
        """#22 GET /company/locations/{location_id}."""
        path = f"/company/locations/{_seg(location_id)}"
        return (await self._call(models.LocationResponse, "GET", path)).location

    async def search_available_locations(
        self, search: models.AvailabilitySearch
    ) -> models.AvailabilityResult:
        """#28 POST /locations/available (the reply's `grant` authorises #30)."""
        return await self._call(
            models.AvailabilityResult, "POST", "/locations/available", json=search.to_body()
        )

    # --- reservation lists --------------------------------------------------------------------

    async def _reservation_page(
        self, path: str, filters: models.ReservationFilters | None, page: int, page_size: int
    ) -> models.ReservationPage:
        params: dict[str, str | int] = dict(filters.to_params()) if filters else {}
        params.update(page=page, page_size=page_size)
        return await self._call(models.ReservationPage, "GET", path, params=params)

    async def list_reservations(
        self, filters: models.ReservationFilters | None = None, *, page: int = 1, page_size: int = 15
    ) -> models.ReservationPage:
        """#8 GET /company/reservations."""
        return await self._reservation_page("/company/reservations", filters, page, page_size)

    async def list_pre_reservations(
        self, filters: models.ReservationFilters | None = None, *, page: int = 1, page_size: int = 15
    ) -> models.ReservationPage:
        """#7 GET /company/pre_reservations."""
        return await self._reservation_page("/company/pre_reservations", filters, page, page_size)

    async def list_shipping_reservations(
        self, filters: models.ReservationFilters | None = None, *, page: int = 1, page_size: int = 15
    ) -> models.ReservationPage:
        """#18 GET /shipping/reservations."""
        return await self._reservation_page("/shipping/reservations", filters, page, page_size)

    async def list_location_reservations(
        self,
        location_id: str,
        filters: models.ReservationFilters | None = None,
        *,
        page: int = 1,
        page_size: int = 15,
    ) -> models.ReservationPage:
        """#24 GET /locations/{location_id}/reservations."""
        path = f"/locations/{_seg(location_id)}/reservations"
        return await self._reservation_page(path, filters, page, page_size)

    def iter_pages(
        self, method: Callable[..., Awaitable[PageT]], *args: Any, page_size: int = 100, **kwargs: Any
    ) -> PageWalk[PageT]:
        """Every page of a paginated method of this client, in order; break out to stop early."""
        walk = iter_pages(method, *args, page_size=page_size, **kwargs)
        walk.oddities = self._oddities
        return walk

    def iter_reservations(
        self, filters: models.ReservationFilters | None = None, *, page_size: int = 100
    ) -> RecordWalk[models.Reservation]:
        """Every reservation of #8 matching `filters`, page after page (outcome: see `PageWalk`)."""
        return RecordWalk(self.iter_pages(self.list_reservations, filters, page_size=page_size))

    # --- reservations -------------------------------------------------------------------------

    async def get_reservation(
        self, reservation_id: str, *, include_tokens: bool = True
    ) -> models.ReservationWithTokens:
        """#15 GET /reservations/{reservation_id}."""
        params: dict[str, str | int] = {"include_tokens": "true" if include_tokens else "false"}
        path = f"/reservations/{_seg(reservation_id)}"
        return await self._call(models.ReservationWithTokens, "GET", path, params=params)

    async def create_reservation(
        self, location_id: str, request: models.ReservationRequest
    ) -> models.ReservationCreated:
        """#25 POST /locations/{location_id}/reservations, never creating the reservation twice.

        A `shipment_id` is always sent (generated when the request has none). When the reply is
        lost (connection dropped, gateway error, garbled body) the client looks the shipment id up
        (#8, or #24 when the scope only covers the location) and returns what Lok created; if
        nothing was created it posts again with the same shipment id, and a `UNIQUE_SHIPMENT` answer
        to that second post means the first one did land.
        """
        if not request.shipment_id:
            request = request.model_copy(update={"shipment_id": new_shipment_id()})
        assert request.shipment_id is not None
        path = f"/locations/{_seg(location_id)}/reservations"

        async def lookup() -> models.ReservationCreated | None:
            return await self._find_created(location_id, request.shipment_id or "", pre=False)

        return await self._create_without_duplicates(path, request.to_body(), {}, request.shipment_id, lookup)

    async def _create_without_duplicates(
        self,
        path: str,
        body: dict[str, Any],
        headers: Mapping[str, str],
        shipment_id: str,
        lookup: Callable[[], Awaitable[models.ReservationCreated | None]],
    ) -> models.ReservationCreated:
        try:
            return await self._call(models.ReservationCreated, "POST", path, json=body, headers=headers)
        except LokError as error:
            if not _outcome_unknown(error):
                raise
            lost: LokError = error
        log.warning("The reply to creating shipment %s was lost (%s); checking with Lok",
                    shipment_id, lost.type)
        for round_number in range(1, self._retry.attempts + 1):
            if lost.retry_after_s is not None:
                # Lok asked for a pause (429/503): honour it before looking up or posting again.
                if lost.retry_after_s > self._retry.max_retry_after:
                    raise lost
                await self._retry.sleep(lost.retry_after_s)
            try:
                found = await lookup()
                if found is not None:
                    log.info("Shipment %s had been created; not creating it again", shipment_id)
                    return found
                try:
                    return await self._call(
                        models.ReservationCreated, "POST", path, json=body, headers=headers
                    )
                except UniqueShipmentError:
                    found = await lookup()
                    if found is not None:
                        return found
                    raise
            except LokError as error:
                if not _outcome_unknown(error):
                    raise
                lost = error
            if round_number < self._retry.attempts and lost.retry_after_s is None:
                await self._retry.wait(round_number)
        raise lost

    async def _find_created(
        self, location_id: str, shipment_id: str, *, pre: bool
    ) -> models.ReservationCreated | None:
        filters = models.ReservationFilters(shipment_id=shipment_id, only_active=False)
        lister = self.list_pre_reservations if pre else self.list_reservations
        try:
            page = await lister(filters, page_size=100)
        except (InsufficientScopeError, ForbiddenLocationError):
            page = await self.list_location_reservations(location_id, filters, page_size=100)
        for reservation in page.reservations:
            if reservation.shipment_id == shipment_id and reservation.id:
                full = await self.get_reservation(reservation.id)
                return models.ReservationCreated(
                    status_code=full.status_code,
                    reservation=full.reservation,
                    tokens=full.tokens,
                    confirmation_code=full.confirmation_code,
                )
        return None

    async def update_pre_reservation(
        self, reservation_id: str, update: models.PreReservationUpdate
    ) -> models.ReservationCreated:
        """#16 PUT /reservations/{reservation_id} (only while the pre-reservation is unconfirmed)."""
        path = f"/reservations/{_seg(reservation_id)}"
        reply = await self._write(models.ReservationCreated, "PUT", path, what="#16", json=update.to_body())
        if reply is not None:
            return reply
        full = await self.get_reservation(reservation_id)
        return models.ReservationCreated(
            status_code=full.status_code, reservation=full.reservation, tokens=full.tokens,
            confirmation_code=full.confirmation_code,
        )

    async def cancel_reservation(self, reservation_id: str) -> models.Reservation:
        """#17 DELETE /reservations/{reservation_id}, reporting what really happened.

        When a reply was lost and the repeated DELETE meets 409 (the first one did cancel), or when
        Lok answers an empty 200/204, the reservation is read back (#15): cancelled means done.
        """
        path = f"/reservations/{_seg(reservation_id)}"
        lost: list[LokError] = []
        try:
            reply = await self._write(models.ReservationCancelled, "DELETE", path, what="#17", lost=lost)
        except InvalidReservationError:
            if not lost:
                raise
            current = await self.get_reservation(reservation_id, include_tokens=False)
            if current.reservation.current_status != models.EventStatus.CANCELLED:
                raise
            log.info("The lost cancel of %s had been carried out", reservation_id)
            return current.reservation
        if reply is None:
            return (await self.get_reservation(reservation_id, include_tokens=False)).reservation
        return reply.reservation

    async def create_pre_reservation(
        self, location_id: str, grant: str, request: models.PreReservationRequest
    ) -> models.ReservationCreated:
        """#30 POST /locations/{location_id}/pre_reservation with header `lok-grant-token`.

        Same no-duplicate rule as `create_reservation`, looking the shipment id up in #7.
        """
        if not request.shipment_id:
            request = request.model_copy(update={"shipment_id": new_shipment_id()})
        shipment_id = request.shipment_id or ""
        path = f"/locations/{_seg(location_id)}/pre_reservation"

        async def lookup() -> models.ReservationCreated | None:
            return await self._find_created(location_id, shipment_id, pre=True)

        return await self._create_without_duplicates(
            path, request.to_body(), {"lok-grant-token": grant}, shipment_id, lookup
        )

    async def get_label(self, reservation_id: str) -> models.Label:
        """#26 GET /reservations/{reservation_id}/label."""
        return await self._call(models.Label, "GET", f"/reservations/{_seg(reservation_id)}/label")

    async def quote_shipment(
        self, reservation_id: str, shipment: models.ShipmentRequest
    ) -> models.ShippingQuote:
        """#33 POST /reservations/{reservation_id}/shipping/quotation."""
        path = f"/reservations/{_seg(reservation_id)}/shipping/quotation"
        return (await self._call(models.QuoteResponse, "POST", path, json=shipment.to_body())).quoting

    async def request_shipment(
        self, reservation_id: str, shipment: models.ShipmentRequest
    ) -> models.ShipmentRequested:
        """#32 POST /reservations/{reservation_id}/shipping (confirms the pre-reservation)."""
        path = f"/reservations/{_seg(reservation_id)}/shipping"
        return await self._call(models.ShipmentRequested, "POST", path, json=shipment.to_body())

    async def create_location_shipping(
        self, location_id: str, request: models.LocationShippingRequest
    ) -> models.LocationShippingResult:
        """#31 POST /locations/{location_id}/shipping."""
        path = f"/locations/{_seg(location_id)}/shipping"
        return await self._call(models.LocationShippingResult, "POST", path, json=request.to_body())

    async def create_shipping_order(self, request: models.ShippingOrderRequest) -> models.Label:
        """#27 POST /shipping_order."""
        return await self._call(models.Label, "POST", "/shipping_order", json=request.to_body())

    # --- company ------------------------------------------------------------------------------

    async def get_action_logs(self) -> list[models.ActionLogEntry]:
        """#1 GET /company/action_logs (newest 1000)."""
        return (await self._call(models.ActionLogsResponse, "GET", "/company/action_logs")).action_logs

    async def request_action_log_report(
        self, *, from_: TimeArg = None, until: TimeArg = None
    ) -> models.SimpleMessage:
        """#19 GET /company/action_logs/csv (datetimes are sent as epoch milliseconds)."""
        params: dict[str, str | int] = {}
        for key, value in (("from", _epoch_ms(from_)), ("until", _epoch_ms(until))):
            if value is not None:
                params[key] = value
        return await self._call(models.SimpleMessage, "GET", "/company/action_logs/csv", params=params)

    async def get_recent_activity_csv(self) -> str:
        """#23 GET /company/reports/recent_activity (text/csv); parse with models.parse_recent_activity."""
        response = await self._send(
            "GET", "/company/reports/recent_activity", headers={"Accept": "text/csv, application/json"}
        )
        return response.text

    async def get_notification_emails(self) -> models.NotificationEmails:
        """#5 GET /company/notification_emails."""
        reply = await self._call(models.NotificationEmailsResponse, "GET", "/company/notification_emails")
        return reply.management_emails

    async def update_notification_emails(
        self, *, operator: str | None = None, administrator: str | None = None
    ) -> models.NotificationEmails:
        """#6 PUT /company/notification_emails (sent as operator_email/administrator_email)."""
        body = models.NotificationEmailsUpdate(operator_email=operator, administrator_email=administrator)
        path = "/company/notification_emails"
        reply = await self._write(
            models.NotificationEmailsResponse, "PUT", path, what="#6", json=body.to_body()
        )
        return reply.management_emails if reply is not None else await self.get_notification_emails()

    async def get_webhook(self) -> models.WebhookSettings:
        """#9 GET /company/webhook."""
        return (await self._call(models.WebhookResponse, "GET", "/company/webhook")).webhook

    async def update_webhook(
        self, url: str, events: list[models.WebhookEvent | str] | None = None
    ) -> models.WebhookSettings:
        """#10 PUT /company/webhook (omitted events = every event)."""
        body = models.WebhookUpdate(url=url, events=events)
        path = "/company/webhook"
        reply = await self._write(models.WebhookResponse, "PUT", path, what="#10", json=body.to_body())
        return reply.webhook if reply is not None else await self.get_webhook()

    async def set_webhook_enabled(self, enabled: bool) -> models.SimpleMessage:
        """#34 PUT /company/webhook/status."""
        body = models.WebhookStatusUpdate(enabled=enabled)
        path = "/company/webhook/status"
        reply = await self._write(models.SimpleMessage, "PUT", path, what="#34", json=body.to_body())
        return reply if reply is not None else models.SimpleMessage(status_code=204)

    async def list_directories(self, *, page: int = 1, page_size: int = 15) -> models.DirectoryPage:
        """#2 GET /company/directories."""
        params: dict[str, str | int] = {"page": page, "page_size": page_size}
        return await self._call(models.DirectoryPage, "GET", "/company/directories", params=params)

    async def create_directory(self, name: str) -> models.DirectoryDetail:
        """#3 POST /company/directories."""
        body = models.DirectoryCreate(directory=models.DirectoryName(name=name))
        path = "/company/directories"
        return (await self._call(models.DirectoryResponse, "POST", path, json=body.to_body())).directory

    async def get_directory(self, directory_id: str) -> models.DirectoryDetail:
        """#20 GET /company/directories/{directory_id}."""
        path = f"/company/directories/{_seg(directory_id)}"
        return (await self._call(models.DirectoryResponse, "GET", path)).directory

    async def update_directory(
        self,
        directory_id: str,
        *,
        name: str,
        is_active: bool | None = None,
        locations: list[str] | None = None,
    ) -> models.DirectoryDetail:
        """#21 PUT /company/directories/{directory_id}."""
        body = models.DirectoryUpdate(
            directory=models.DirectoryChanges(name=name, is_active=is_active, locations=locations)
        )
        path = f"/company/directories/{_seg(directory_id)}"
        reply = await self._write(models.DirectoryResponse, "PUT", path, what="#21", json=body.to_body())
        return reply.directory if reply is not None else await self.get_directory(directory_id)

    async def replace_directory_contacts(
        self, directory_id: str, contacts: list[models.DirectoryContact]
    ) -> list[models.StoredDirectoryContact]:
        """#35 PUT /company/directories/{directory_id}/contacts."""
        body = models.ContactsReplace(contacts=contacts)
        path = f"/company/directories/{_seg(directory_id)}/contacts"
        reply = await self._write(models.ContactsResponse, "PUT", path, what="#35", json=body.to_body())
        return reply.contacts if reply is not None else (await self.get_directory(directory_id)).contacts

    async def import_directory_csv(
        self, csv_text: str, directory_ids: list[str] | None = None
    ) -> models.SimpleMessage | None:
        """#29 POST /company/directories/csv; None for the documented 204 No Content."""
        body = models.DirectoryCsvImport(directories_ids=directory_ids, csv=csv_text)
        response = await self._send("POST", "/company/directories/csv", json=body.to_body())
        if response.status_code == 204 or not response.content.strip():
            return None
        return self._parse(models.SimpleMessage, self._json_object(response))
