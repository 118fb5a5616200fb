"""`lok-desk-check SERVER`: can Lok Desk work with this server, and what did it have to tolerate?

For integrators and support. Signs in with the given client credentials, calls the read-only
endpoints the role allows, and prints a readable report: which calls worked, which the role may
not make, which failed, and every way the server's replies differed from the contract that the
client smoothed over (field types and names, date formats, envelopes, status codes, redirects,
unreadable records, incomplete lists). Nothing secret is printed: no token, no secret, no codes,
no record contents — only field names and kinds of deviation.

Exit status: 0 when the desk can work with the server (deviations tolerated, if any), 1 when it
cannot (sign-in refused, a call the role allows failed, records lost or a list incomplete),
2 for a usage error. The client secret is read from `$LOK_CLIENT_SECRET`, from standard input with
`--secret-stdin`, or asked for at the terminal — never from the command line, where other users of
the computer could read it.
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import json
import os
import sys
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, TextIO

from . import models, tolerance
from .auth import Credentials
from .client import LokClient
from .errors import (
    ForbiddenLocationError,
    InsufficientScopeError,
    LokError,
    UnauthorizedClientError,
)
from .paging import PageWalk
from .transport import RetryPolicy, server_address_argument

SECRET_ENV = "LOK_CLIENT_SECRET"  # noqa: S105 - the name of the variable, not a secret
#: Pages of each list walked by default: enough to meet most record shapes without reading a
#: production company's whole history; `--all-pages` walks to the end.
DEFAULT_MAX_PAGES = 5

OK, SKIPPED, FAILED = "ok", "not allowed", "FAILED"


@dataclass
class CallResult:
    number: int
    call: str
    outcome: str
    detail: str = ""


@dataclass
class Report:
    server: str
    client_id: str
    role: str | None = None
    signed_in: bool = False
    problem: str | None = None
    calls: list[CallResult] = field(default_factory=list)
    oddities: list[tuple[tolerance.Oddity, int]] = field(default_factory=list)

    @property
    def blocking(self) -> list[str]:
        """What keeps the desk from working with this server (empty: it can)."""
        reasons: list[str] = []
        if self.problem is not None:
            reasons.append(self.problem)
        reasons += [f"#{c.number} {c.call}: {c.detail}" for c in self.calls if c.outcome == FAILED]
        reasons += [f"{o.where}: {o.detail}" for o, _n in self.oddities if o.blocking]
        return reasons

    @property
    def desk_can_work(self) -> bool:
        return self.signed_in and not self.blocking

    def to_json(self) -> dict[str, Any]:
        return {
            "server": self.server,
            "client_id": self.client_id,
            "role": self.role,
            "signed_in": self.signed_in,
            "desk_can_work": self.desk_can_work,
            "blocking": self.blocking,
            "calls": [asdict(call) for call in self.calls],
            "tolerated": [{**asdict(oddity), "seen": count} for oddity, count in self.oddities],
        }


def _walk_detail(walk: PageWalk[Any], max_pages: int | None) -> tuple[str, str]:
    parts = [f"{walk.records} record{'s' if walk.records != 1 else ''} in {walk.pages} page(s)"]
    if walk.unreadable:
        parts.append(f"{walk.unreadable} unreadable, skipped")
    if walk.complete is False:
        return FAILED, "; ".join([*parts, f"incomplete: {walk.problem}"])
    if walk.complete is None and max_pages is not None:
        parts.append(f"stopped after {max_pages} pages (--all-pages walks on)")
    return (FAILED if walk.unreadable else OK), "; ".join(parts)


class ServerCheck:
    """Runs the calls of one check with one signed-in client and collects the `Report`."""

    def __init__(self, client: LokClient, report: Report, max_pages: int | None) -> None:
        self.client = client
        self.report = report
        self.max_pages = max_pages
        self.first_location: str | None = None
        self.first_reservation: str | None = None
        self.first_directory: str | None = None

    async def call(self, number: int, name: str, run: Callable[[], Awaitable[str]]) -> None:
        try:
            detail = await run()
        except (InsufficientScopeError, ForbiddenLocationError, UnauthorizedClientError) as error:
            self.report.calls.append(CallResult(number, name, SKIPPED, f"the role may not ({error.type})"))
        except LokError as error:
            self.report.calls.append(CallResult(number, name, FAILED, error.user_message))
        else:
            outcome = FAILED if detail.startswith(FAILED + ":") else OK
            self.report.calls.append(
                CallResult(number, name, outcome, detail.removeprefix(FAILED + ":").strip())
            )

    async def walk(self, method: Callable[..., Awaitable[models.Page]], *args: Any) -> tuple[str, list[Any]]:
        walk = self.client.iter_pages(method, *args, page_size=100)
        items: list[Any] = []
        async for page in walk:
            items += list(page.items)
            if self.max_pages is not None and walk.pages >= self.max_pages:
                break
        outcome, detail = _walk_detail(walk, self.max_pages)
        return (f"{FAILED}: {detail}" if outcome == FAILED else detail), items

    async def run(self) -> None:
        client = self.client
        everything = models.ReservationFilters(only_active=False)

        async def token() -> str:
            await client.validate_token()
            return "the token is valid"

        async def user() -> str:
            found = await client.get_user()
            self.report.role = str(found.scope) if found.scope is not None else self.report.role
            if found.location:
                self.first_location = found.location
            return f"role {found.scope}"

        async def locations() -> str:
            detail, items = await self.walk(client.list_locations)
            if items and self.first_location is None:
                self.first_location = items[0].id
            return detail

        async def location() -> str:
            if self.first_location is None:
                return "no location to read"
            found = await client.get_location(self.first_location)
            return f"time zone {found.timezone or 'not given'}"

        async def reservations() -> str:
            detail, items = await self.walk(client.list_reservations, everything)
            ids = [item.id for item in items if item.id]
            if ids:
                self.first_reservation = ids[0]
            return detail

        async def location_reservations() -> str:
            if self.first_location is None:
                return "no location to read"
            detail, items = await self.walk(
                client.list_location_reservations, self.first_location, everything
            )
            ids = [item.id for item in items if item.id]
            if ids and self.first_reservation is None:
                self.first_reservation = ids[0]
            return detail

        async def reservation() -> str:
            if self.first_reservation is None:
                return "no reservation to read"
            # Without tokens: the check has no business fetching box-opening codes.
            found = await client.get_reservation(self.first_reservation, include_tokens=False)
            return f"status {found.reservation.current_status or 'not given'}"

        async def pre_reservations() -> str:
            return (await self.walk(client.list_pre_reservations, everything))[0]

        async def shipping() -> str:
            return (await self.walk(client.list_shipping_reservations, everything))[0]

        async def directories() -> str:
            detail, items = await self.walk(client.list_directories)
            if items:
                self.first_directory = items[0].id
            return detail

        async def directory() -> str:
            if self.first_directory is None:
                return "no directory to read"
            found = await client.get_directory(self.first_directory)
            return f"{len(found.contacts)} contact(s)"

        async def emails() -> str:
            await client.get_notification_emails()
            return "read"

        async def webhook() -> str:
            found = await client.get_webhook()
            return "enabled" if found.enabled else "disabled"

        async def action_logs() -> str:
            return f"{len(await client.get_action_logs())} entries"

        async def recent_activity() -> str:
            return f"{len(models.parse_recent_activity(await client.get_recent_activity_csv()))} rows"

        await self.call(11, "GET /oauth/token", token)
        await self.call(14, "GET /oauth/user", user)
        await self.call(4, "GET /company/locations", locations)
        await self.call(22, "GET /company/locations/{id}", location)
        await self.call(8, "GET /company/reservations", reservations)
        await self.call(24, "GET /locations/{id}/reservations", location_reservations)
        await self.call(15, "GET /reservations/{id}", reservation)
        await self.call(7, "GET /company/pre_reservations", pre_reservations)
        await self.call(18, "GET /shipping/reservations", shipping)
        await self.call(2, "GET /company/directories", directories)
        await self.call(20, "GET /company/directories/{id}", directory)
        await self.call(5, "GET /company/notification_emails", emails)
        await self.call(9, "GET /company/webhook", webhook)
        await self.call(1, "GET /company/action_logs", action_logs)
        await self.call(23, "GET /company/reports/recent_activity", recent_activity)


async def check_server(
    server: str,
    credentials: Credentials,
    *,
    max_pages: int | None = DEFAULT_MAX_PAGES,
    retry: RetryPolicy | None = None,
) -> Report:
    """Sign in to `server`, make the read-only calls the role allows, and report (never raises LokError)."""
    report = Report(server=server, client_id=credentials.client_id)
    oddities = tolerance.OddityLog()
    try:
        client = LokClient(
            server, credentials=credentials, oddities=oddities, retry=retry or RetryPolicy(attempts=2)
        )
    except LokError as error:
        report.problem = error.user_message
        return report
    report.server = client.base_url
    async with client:
        try:
            token = await client.authenticate()
        except LokError as error:
            report.problem = f"sign-in failed: {error.user_message}"
        else:
            report.signed_in = True
            report.role = str(token.scope) if token.scope is not None else None
            await ServerCheck(client, report, max_pages).run()
    report.oddities = sorted(oddities.counts.items())
    return report


def render(report: Report, out: TextIO) -> None:
    """The report as plain text for a person."""
    write = out.write
    write(f"Lok server check: {report.server}\n")
    role = f", role {report.role}" if report.role else ""
    write(f"Client {report.client_id}{role}: {'signed in' if report.signed_in else 'NOT signed in'}\n")
    if report.problem:
        write(f"  {report.problem}\n")
    if report.calls:
        write("\nCalls:\n")
        for call in report.calls:
            write(f"  {call.outcome:<12} #{call.number:<3} {call.call}")
            write(f" — {call.detail}\n" if call.detail else "\n")
    write("\nWhat the server sent that differs from the contract, and what Lok Desk did:\n")
    if not report.oddities:
        write("  nothing to tolerate: every reply followed the contract.\n")
    for oddity, count in report.oddities:
        mark = "!" if oddity.blocking else "-"
        seen = f" (seen {count}×)" if count > 1 else ""
        write(f"  {mark} {oddity.kind}: {oddity.where}: {oddity.detail}{seen}\n")
    write("\n")
    if report.desk_can_work:
        tolerated = f", tolerating {len(report.oddities)} deviation(s)" if report.oddities else ""
        write(f"Result: Lok Desk can work with this server{tolerated}.\n")
    else:
        write("Result: Lok Desk CANNOT work with this server:\n")
        for reason in report.blocking:
            write(f"  - {reason}\n")


def _read_secret(args: argparse.Namespace, stdin: TextIO) -> str | None:
    if args.secret_stdin:
        return stdin.readline().rstrip("\r\n") or None
    secret = os.environ.get(SECRET_ENV)
    if secret:
        return secret
    if stdin.isatty():
        return getpass.getpass(f"Client secret for {args.client_id}: ") or None
    return None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lok-desk-check",
        description="Check that Lok Desk can work with a Lok server, and report what it had to tolerate.",
        epilog=f"The client secret is read from ${SECRET_ENV}, or standard input with --secret-stdin, "
        "or asked for at the terminal. Exit status: 0 the desk can work, 1 it cannot, 2 usage error.",
    )
    parser.add_argument(
        "server",
        type=server_address_argument,
        help="the server address, e.g. https://api.clicknbox.com (/api/v2 is added)",
    )
    parser.add_argument("--client-id", required=True, help="the Lok client id to sign in with")
    parser.add_argument(
        "--secret-stdin", action="store_true", help="read the client secret from standard input"
    )
    pages = parser.add_mutually_exclusive_group()
    pages.add_argument(
        "--max-pages",
        type=int,
        default=DEFAULT_MAX_PAGES,
        help=f"pages of each list to read (default {DEFAULT_MAX_PAGES})",
    )
    pages.add_argument("--all-pages", action="store_true", help="read every page of every list")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    return parser


def main(
    argv: Sequence[str] | None = None, *, stdin: TextIO | None = None, stdout: TextIO | None = None
) -> int:
    args = build_parser().parse_args(argv)
    out = stdout or sys.stdout
    secret = _read_secret(args, stdin or sys.stdin)
    if secret is None:
        sys.stderr.write(f"lok-desk-check: no client secret (set ${SECRET_ENV} or use --secret-stdin)\n")
        return 2
    if args.max_pages < 1:
        sys.stderr.write("lok-desk-check: --max-pages must be at least 1\n")
        return 2
    report = asyncio.run(
        check_server(
            args.server,
            Credentials(args.client_id, secret),
            max_pages=None if args.all_pages else args.max_pages,
        )
    )
    if args.json:
        json.dump(report.to_json(), out, indent=2, ensure_ascii=False)
        out.write("\n")
    else:
        render(report, out)
    return 0 if report.desk_can_work else 1


if __name__ == "__main__":  # pragma: no cover - `python -m lok_desk.api.check`
    raise SystemExit(main())
