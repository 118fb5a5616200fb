"""How the client talks HTTP: base URL rules, timeouts, retry policy, User-Agent, activity events."""

from __future__ import annotations

import argparse
import asyncio
import email.utils
import ipaddress
import math
import os
import random
import ssl
import urllib.parse
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Literal

import httpx

import lok_desk

from .errors import (
    InsecureTransportError,
    LokConnectionError,
    LokError,
    LokProtocolError,
    LokProxyError,
    LokTimeoutError,
    LokTLSError,
)

PRODUCTION_BASE_URL = "https://api.clicknbox.com/api/v2"
API_PREFIX = "/api/v2"
USER_AGENT = f"LokDesk/{lok_desk.__version__} (+https://api.clicknbox.com; desktop console for Lok lockers)"

#: Methods the client may repeat after a failure: repeating them cannot create anything twice.
IDEMPOTENT_METHODS: frozenset[str] = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
#: Statuses meaning "a gateway or the server was briefly unavailable".
RETRY_STATUSES: frozenset[int] = frozenset({502, 503, 504})
#: Statuses that may carry `Retry-After` meaning "come back later" (RFC 9110 §10.2.3).
THROTTLE_STATUSES: frozenset[int] = frozenset({429, 503})
#: Redirects the client may follow, on the same origin only: 307/308 keep method and body; the
#: older 301/302/303 are followed for GET and HEAD alone.
REDIRECT_STATUSES: frozenset[int] = frozenset({301, 302, 303, 307, 308})
MAX_REDIRECTS = 5


def retry_after_seconds(value: str | None, now: datetime) -> float | None:
    """`Retry-After` as seconds from `now`: delay-seconds or an HTTP date; None when absent or unreadable."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    try:
        seconds = float(text)
    except ValueError:
        pass
    else:
        return max(0.0, seconds) if math.isfinite(seconds) else None
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - now).total_seconds())


def origin_of(url: str | httpx.URL) -> tuple[str, str, int | None]:
    """(scheme, host, port) with default ports filled in: two URLs on one origin may share a token."""
    parsed = httpx.URL(str(url))
    port = parsed.port or {"http": 80, "https": 443}.get(parsed.scheme)
    return parsed.scheme, (parsed.host or "").lower(), port


@dataclass(frozen=True)
class Timeouts:
    """Seconds to wait to connect and to wait for each read of the answer."""

    connect: float = 5.0
    read: float = 20.0
    write: float = 20.0
    pool: float = 5.0

    def to_httpx(self) -> httpx.Timeout:
        return httpx.Timeout(connect=self.connect, read=self.read, write=self.write, pool=self.pool)


@dataclass(frozen=True)
class RetryPolicy:
    """Capped exponential backoff with full jitter; `attempts` counts the first try.

    `sleep` and `rng` are injectable so tests never really wait and can see the delays asked for.
    """

    attempts: int = 3
    base_delay: float = 0.25
    max_delay: float = 4.0
    #: Longest `Retry-After` (429/503) the client waits out by itself; a longer one is handed to the
    #: person ("Lok asked us to wait N s") instead of freezing the call.
    max_retry_after: float = 30.0
    sleep: Callable[[float], Awaitable[None]] = field(default=asyncio.sleep, repr=False, compare=False)
    rng: Callable[[], float] = field(default=random.random, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.attempts < 1:
            raise ValueError("RetryPolicy.attempts must be at least 1")

    def delay(self, retry_number: int) -> float:
        """Seconds to wait before retry `retry_number` (1 = the first retry)."""
        ceiling = min(self.max_delay, self.base_delay * 2.0 ** (retry_number - 1))
        # Jitter keeps many desks that lost the network together from coming back in lockstep.
        jitter: float = self.rng()
        return ceiling * (0.5 + 0.5 * jitter)

    async def wait(self, retry_number: int) -> None:
        await self.sleep(self.delay(retry_number))


@dataclass(frozen=True)
class RequestEvent:
    """One HTTP exchange, for the desk's network-activity indicator (no bodies, no headers)."""

    method: str
    path: str
    phase: Literal["start", "end"]
    status: int | None = None
    elapsed_s: float | None = None
    error: str | None = None


RequestHook = Callable[[RequestEvent], None]


def normalize_base_url(base_url: str) -> str:
    """`http://host:port` or `.../api/v2[/]` → `scheme://host[:port]/…/api/v2` without a trailing slash."""
    text = base_url.strip()
    try:
        parts = urllib.parse.urlsplit(text)
        usable = parts.scheme in ("http", "https") and bool(parts.hostname)
        usable = usable and parts.port != 0  # reading .port refuses a port that is not a number
    except ValueError:  # "http://[::1" (an unclosed IPv6 bracket), "https://x:port"
        usable = False
    if not usable:
        raise InsecureTransportError(
            f"not an http(s) URL: {text!r}",
            user_message=f"“{text}” is not a server address. Enter one like https://api.clicknbox.com.",
        )
    path = parts.path.rstrip("/")
    if not path.endswith(API_PREFIX):
        path += API_PREFIX
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def server_address_argument(text: str) -> str:
    """argparse `type=` of a server address: the normalized API URL, or a one-line refusal (exit 2)
    when it is no http(s) address at all (`lok-desk-check` reports plain http to another computer)."""
    return server_argument(text, transport_check=False)


def server_argument(text: str, *, transport_check: bool = True) -> str:
    """argparse `type=` of a server address: the normalized API URL, or a one-line refusal (exit 2).

    Every refusal the client would make later (not http(s), no host, plain http to another computer)
    is made here, so a bad `--server` never reaches the window, a traceback or a crash report.
    """
    try:
        url = normalize_base_url(text)
        if transport_check:
            check_transport_safety(url)
    except LokError as error:
        raise argparse.ArgumentTypeError(error.user_message or error.message) from None
    return url


def is_loopback_host(host: str) -> bool:
    """Literal loopback addresses (127.0.0.0/8, ::1) and the name `localhost` itself count as this computer.

    Other `*.localhost` names do not: RFC 6761 only asks resolvers to map them to loopback, and a
    resolver (or a hosts file, or a proxy) that does not would carry the token over the network.
    """
    name = host.strip("[]").lower().rstrip(".")
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def check_transport_safety(base_url: str) -> None:
    """Refuse plain http:// unless the server is on this computer: the token would travel in clear."""
    parts = urllib.parse.urlsplit(base_url)
    host = parts.hostname or ""
    if parts.scheme == "http" and not is_loopback_host(host):
        raise InsecureTransportError(
            f"plain http to non-loopback host {host}",
            user_message=(
                f"Lok Desk will not connect to {host} over plain http://, because your sign-in would "
                "travel unencrypted. Use an https:// address."
            ),
        )


#: Where an https proxy is read from, first found wins (lower case first, as curl and urllib do).
PROXY_VARIABLES = ("https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY")


@dataclass(frozen=True)
class ProxyRoute:
    """The proxy an https Lok is reached through, and the environment variable that named it."""

    url: str = field(repr=False)  # may carry the proxy's own user and password
    variable: str

    @property
    def label(self) -> str:
        """host:port of the proxy, without its user or password: what messages and logs show."""
        parts = urllib.parse.urlsplit(self.url)
        host = parts.hostname or "?"
        host = f"[{host}]" if ":" in host else host
        return f"{host}:{parts.port}" if parts.port else host


def _exempt(host: str, no_proxy: str) -> bool:
    """Whether NO_PROXY names `host`: `*`, the host itself, or a domain it lies in (`.corp` or `corp`)."""
    host = host.lower().rstrip(".")
    for entry in no_proxy.split(","):
        name = entry.strip().lower()
        if name.startswith("[") and "]" in name:  # [::1]:8080
            name = name[1 : name.index("]")]
        elif name.count(":") == 1:  # host:port
            name = name.split(":")[0]
        name = name.lstrip("*").lstrip(".").rstrip(".")
        if entry.strip() == "*" or (name and (host == name or host.endswith("." + name))):
            return True
    return False


def proxy_for(base_url: str) -> ProxyRoute | None:
    """The proxy to use for `base_url`: never for plain http (loopback only), else from the environment.

    An office behind a corporate proxy sets `HTTPS_PROXY` (or `ALL_PROXY`); `NO_PROXY` exempts hosts.
    The proxy only sees a `CONNECT host:443` tunnel: the secret and the token travel inside TLS, end
    to end with Lok, whose certificate is verified as always. `HTTP_PROXY` is never used: the only
    plain-http server the client talks to is on this computer, and a proxy would read the token.
    """
    parts = urllib.parse.urlsplit(base_url)
    if parts.scheme != "https" or not parts.hostname:
        return None
    if _exempt(parts.hostname, os.environ.get("no_proxy") or os.environ.get("NO_PROXY") or ""):
        return None
    for variable in PROXY_VARIABLES:
        value = os.environ.get(variable, "").strip()
        if not value:
            continue
        url = value if "://" in value else f"http://{value}"
        proxy = urllib.parse.urlsplit(url)
        try:
            usable = proxy.scheme in ("http", "https") and bool(proxy.hostname) and proxy.port != 0
        except ValueError:  # a port that is not a number
            usable = False
        if not usable:
            shown = f"{proxy.scheme}://…" if proxy.scheme else "…"
            raise LokProxyError(
                f"unusable proxy in {variable}",
                user_message=(
                    f"The proxy set in {variable} ({shown}) is not one Lok Desk can use: it needs an "
                    f"http:// or https:// proxy address. Correct {variable} or ask your IT contact."
                ),
            )
        return ProxyRoute(url, variable)
    return None


def lok_http(
    base_url: str,
    timeouts: Timeouts,
    *,
    proxy: ProxyRoute | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
) -> httpx.AsyncClient:
    """The pooled HTTP client of one Lok server (or of the sandbox's own routes, on loopback)."""
    return httpx.AsyncClient(
        base_url=base_url,
        transport=transport,
        timeout=timeouts.to_httpx(),
        # Verification is never switched off: a desk must not talk to an impostor Lok. The CA bundle
        # an office's IT may set (SSL_CERT_FILE/SSL_CERT_DIR) is honoured.
        verify=httpx.create_ssl_context(trust_env=True),
        follow_redirects=False,
        headers={"User-Agent": USER_AGENT, "Accept": "application/json"},
        # The environment's proxy variables are not handed to httpx: HTTP_PROXY/ALL_PROXY would send
        # plain-http (loopback) traffic, token and secret included, to a proxy in clear. The one proxy
        # used is chosen by `proxy_for`, for https only.
        trust_env=False,
        proxy=proxy.url if proxy is not None else None,
    )


def _ssl_cause(exc: BaseException) -> BaseException | None:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, ssl.SSLError | ssl.CertificateError):
            return current
        current = current.__cause__ or current.__context__
    text = str(exc).upper()
    if "CERTIFICATE_VERIFY_FAILED" in text or "SSL" in text or "TLS" in text:
        return exc
    return None


def transport_error(
    exc: httpx.HTTPError | httpx.InvalidURL, server: str, proxy: ProxyRoute | None = None
) -> LokError:
    """The `LokError` for an httpx failure, with a sentence the person can act on."""
    detail = type(exc).__name__
    if proxy is not None and isinstance(exc, httpx.ProxyError | httpx.ConnectError) and (
        isinstance(exc, httpx.ProxyError) or _ssl_cause(exc) is None
    ):
        # Through a proxy, "could not connect" is most often the proxy: name it and where it was set.
        return LokProxyError(
            f"{detail}: the proxy {proxy.label} (from {proxy.variable}) did not open the way",
            user_message=(
                f"Lok Desk could not reach the server at {server} through the proxy {proxy.label} "
                f"(set in {proxy.variable}). Check that the proxy is right and running, or ask your "
                "IT contact; to go without it, remove the variable before starting Lok Desk."
            ),
        )
    if isinstance(exc, httpx.TimeoutException):
        return LokTimeoutError(
            f"{detail}: no answer in time",
            user_message=(
                f"The Lok server at {server} did not answer in time. Check your network connection "
                "and try again in a moment."
            ),
        )
    if isinstance(exc, httpx.ConnectError) and _ssl_cause(exc) is not None:
        return LokTLSError(
            f"{detail}: secure connection failed",
            user_message=(
                f"Lok Desk could not set up a secure connection to {server}: its certificate is not "
                "trusted. Check the server address; if it is right, your network may be intercepting "
                "secure traffic — ask your IT contact."
            ),
        )
    if isinstance(exc, httpx.ConnectError):
        return LokConnectionError(
            f"{detail}: could not connect",
            user_message=(
                f"Lok Desk could not reach the server at {server}. Check your network connection "
                "and the server address, then try again."
            ),
        )
    if isinstance(exc, httpx.DecodingError):
        return LokProtocolError(
            f"{detail}: the reply could not be decoded",
            user_message=(
                f"The server at {server} sent a reply Lok Desk could not read. Try again; if it "
                "keeps happening, check the server address."
            ),
        )
    if isinstance(exc, httpx.UnsupportedProtocol | httpx.InvalidURL):
        return InsecureTransportError(
            f"{detail}: unusable address",
            user_message=f"“{server}” is not a usable server address. Check it in the sign-in form.",
        )
    # ReadError, WriteError, RemoteProtocolError, CloseError…: the connection broke mid-exchange.
    return LokConnectionError(
        f"{detail}: connection interrupted",
        user_message=(
            f"The connection to {server} was interrupted before Lok answered. Check your network "
            "connection, then try again."
        ),
    )
