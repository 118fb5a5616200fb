"""Benchmark: the Lok sandbox with 10,000 reservations — first and deep pages, creates, 1 and 8 clients.

Run: python tests/benchmarks/bench_sandbox.py [--requests N]
 or: pytest -m benchmark tests/benchmarks/bench_sandbox.py -s
The server runs in a child process and the httpx load generator in this one, so the figures do not
share one GIL. Prints requests/s and p50/p99 latency, and the deep-page/first-page ratio of each
sort; it asserts nothing about speed (figures, not limits).
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from multiprocessing.connection import Connection
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from lok_desk.sandbox import DEMO_CLIENTS  # noqa: E402

TARGET = 10_000
PAGE_SIZE = 100
LOCATIONS = ("loc-cdmx-antara", "loc-tij-plaza-rio", "loc-cun-malecon", "loc-bog-andino", "loc-mty-fundidora")
SORTS = ("-created_at", "created_at", "-updated_at", "delivery_due_date", "pickup_due_date")

Case = Callable[[httpx.AsyncClient, int], Awaitable[float]]


def serve(db: str, pipe: Connection) -> None:
    """The child process: fill the store to TARGET reservations, serve, stop when told."""
    from lok_desk.sandbox import SandboxServer
    from lok_desk.sandbox.seed import add_bulk_reservations

    server = SandboxServer(db_path=Path(db))
    state = server.state
    count = "SELECT COUNT(*) FROM reservations WHERE company_id = 'cmp-demo'"
    stored = int(state.store.conn.execute(count).fetchone()[0])
    if stored < TARGET:
        add_bulk_reservations(state.store, state.clock.now_ms(), TARGET - stored)
    server.start()
    pipe.send(server.api_url)
    pipe.recv()  # any message: stop
    server.close()


async def token(client: httpx.AsyncClient) -> str:
    client_id, secret = DEMO_CLIENTS["owner"]
    response = await client.post(
        "/oauth/token",
        data={"grant_type": "client_credentials", "client_id": client_id, "client_secret": secret},
    )
    return str(response.json()["access_token"])


async def measure(api_url: str, clients: int, total: int, one: Case) -> tuple[float, list[float]]:
    latencies: list[float] = []
    counter = iter(range(total))

    async def worker() -> None:
        async with httpx.AsyncClient(base_url=api_url, timeout=60) as client:
            client.headers["Authorization"] = "Bearer " + await token(client)
            for index in counter:
                latencies.append(await one(client, index))

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(clients)))
    return time.perf_counter() - started, latencies


def report(name: str, clients: int, elapsed: float, latencies: list[float]) -> dict[str, float]:
    cuts = statistics.quantiles(latencies, n=100)
    figures = {"rps": len(latencies) / elapsed, "p50_ms": cuts[49] * 1000, "p99_ms": cuts[98] * 1000}
    print(
        f"{name:<58} x{clients}  {figures['rps']:7.1f} req/s  p50 {figures['p50_ms']:7.2f} ms  "
        f"p99 {figures['p99_ms']:7.2f} ms  (n={len(latencies)})",
        flush=True,
    )
    return figures


def lister(params: dict[str, str]) -> Case:
    async def one(client: httpx.AsyncClient, index: int) -> float:
        started = time.perf_counter()
        response = await client.get("/company/reservations", params=params)
        elapsed = time.perf_counter() - started
        assert response.status_code == 200, response.text
        assert response.json()["reservations"], params
        return elapsed

    return one


async def create(client: httpx.AsyncClient, index: int) -> float:
    location = LOCATIONS[index % len(LOCATIONS)]
    started = time.perf_counter()
    response = await client.post(f"/locations/{location}/reservations", json={"size": "s"})
    elapsed = time.perf_counter() - started
    assert response.status_code == 201, response.text
    # Untimed: give the box back so capacity never runs out.
    await client.delete(f"/reservations/{response.json()['reservation']['id']}")
    return elapsed


async def run(requests: int, sorts: tuple[str, ...] = SORTS) -> dict[str, dict[str, float]]:
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}", flush=True)
    results: dict[str, dict[str, float]] = {}
    context = multiprocessing.get_context("spawn")
    with tempfile.TemporaryDirectory() as tmp:
        ours, theirs = context.Pipe()
        child = context.Process(target=serve, args=(str(Path(tmp) / "bench.sqlite3"), theirs), daemon=True)
        child.start()
        try:
            api_url = str(ours.recv())
            async with httpx.AsyncClient(base_url=api_url) as probe:
                probe.headers["Authorization"] = "Bearer " + await token(probe)
                every = {"only_active": "false", "page_size": str(PAGE_SIZE)}
                total = (await probe.get("/company/reservations", params=every)).json()["total"]
            deep = total // PAGE_SIZE  # the last full page: page 100 of 10,000 at 100 a page
            print(f"reservations stored for the company: {total}; deep page = {deep}", flush=True)

            cases: list[tuple[str, Case, tuple[int, ...]]] = []
            for sort in sorts:
                for page in (1, deep):
                    params = {**every, "sort": sort, "page": str(page)}
                    name = f"GET /company/reservations sort={sort} page={page}"
                    cases.append((name, lister(params), (1, 8)))
            cases.append(("GET /company/reservations (active, default)", lister({"page_size": "100"}), (1,)))
            cases.append(("POST /locations/{id}/reservations (5 QR codes)", create, (1, 8)))
            for name, one, client_counts in cases:
                for clients in client_counts:
                    await measure(api_url, clients, 10, one)  # warm-up
                    elapsed, latencies = await measure(api_url, clients, requests, one)
                    results[f"{name} x{clients}"] = report(name, clients, elapsed, latencies)
            for sort in sorts:
                for clients in (1, 8):
                    first = results[f"GET /company/reservations sort={sort} page=1 x{clients}"]["p50_ms"]
                    last = results[f"GET /company/reservations sort={sort} page={deep} x{clients}"]["p50_ms"]
                    print(f"deep/first page p50, sort={sort:<18} x{clients}: {last / first:.2f}x", flush=True)
        finally:
            ours.send("stop")
            child.join(timeout=30)
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}", flush=True)
    return results


@pytest.mark.benchmark
def test_bench_sandbox() -> None:
    results = asyncio.run(run(200))
    assert all(r["rps"] > 0 for r in results.values())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--requests", type=int, default=300, help="timed requests per case (default 300)")
    parser.add_argument("--sorts", default=",".join(SORTS), help="comma-separated sorts to page through")
    args = parser.parse_args()
    asyncio.run(run(args.requests, tuple(args.sorts.split(","))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
