"""`lok-desk-sandbox`: runs the Lok sandbox headless on loopback."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lok_desk.paths import AppPaths
from lok_desk.sandbox.webhooks import is_loopback_host


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="lok-desk-sandbox", description="Run the Lok sandbox (a local Lok API v2) headless."
    )
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to bind (loopback unless --allow-remote)"
    )
    parser.add_argument("--port", type=int, default=8765, help="port (0 = any free port)")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--db", type=Path, help="SQLite file (default: the user data dir)")
    where.add_argument("--memory", action="store_true", help="keep everything in memory (tests)")
    parser.add_argument(
        "--webhook-retry-base",
        type=float,
        default=10.0,
        metavar="SECONDS",
        help="first webhook retry interval, doubling up to 1 h (default 10)",
    )
    parser.add_argument(
        "--token-lifetime",
        type=int,
        default=3600,
        metavar="SECONDS",
        help="access token lifetime (default 3600)",
    )
    parser.add_argument("--reset", action="store_true", help="wipe the database and seed it again")
    parser.add_argument(
        "--allow-remote",
        action="store_true",
        help="allow binding to a non-loopback address (exposes demo credentials!)",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not is_loopback_host(args.host) and not args.allow_remote:
        print(
            f"lok-desk-sandbox: refusing to bind to {args.host}: it is not a loopback address. "
            "Pass --allow-remote if you really mean it.",
            file=sys.stderr,
        )
        return 2
    if not 0 <= args.port <= 65535:
        print("lok-desk-sandbox: --port must be 0..65535", file=sys.stderr)
        return 2
    if args.webhook_retry_base <= 0:
        print("lok-desk-sandbox: --webhook-retry-base must be positive", file=sys.stderr)
        return 2

    import threading

    from lok_desk.sandbox.demo import DEMO_CLIENTS, OTHER_CLIENTS
    from lok_desk.sandbox.server import SandboxServer

    db_path = None if args.memory else (args.db or AppPaths.default().sandbox_db)
    server = SandboxServer(
        db_path=db_path,
        host=args.host,
        port=args.port,
        webhook_retry_base=args.webhook_retry_base,
        token_lifetime=args.token_lifetime,
        reset=args.reset,
    )
    try:
        server.start()
    except OSError as exc:
        print(f"lok-desk-sandbox: cannot listen on {args.host}:{args.port}: {exc.strerror}", file=sys.stderr)
        return 1
    print(f"Lok sandbox listening on {server.base_url}", flush=True)
    print(f"  API root:  {server.api_url}")
    print(f"  OpenAPI:   {server.base_url}/openapi.json")
    print(f"  Database:  {db_path if db_path else 'in memory'}")
    print("  Demo clients (client_id / client_secret):")
    for role, (client_id, secret) in {**DEMO_CLIENTS, "other company owner": OTHER_CLIENTS["owner"]}.items():
        print(f"    {role:<20} {client_id} / {secret}")
    print("Press Ctrl+C to stop.", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
