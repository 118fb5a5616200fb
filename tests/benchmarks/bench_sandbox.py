"""Benchmark: the Lok sandbox with 10,000 stored reservations — list and create, 1 and 8 clients.

Run: python tests/benchmarks/bench_sandbox.py [--requests N]
 or: pytest -m benchmark tests/benchmarks/bench_sandbox.py -s
Prints requests/s and p50/p99 latency; it asserts nothing about speed (figures, not limits).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from lok_desk.sandbox import DEMO_CLIENTS, SandboxServer  # noqa: E402
from lok_desk.sandbox.seed import add_bulk_reservations  # noqa: E402

TARGET = 10_000
LOCATIONS = ("loc-cdmx-antara", "loc-tij-plaza-rio", "loc-cun-malecon", "loc-bog-andino", "loc-mty-fundidora")


def prepare(db: Path) -> SandboxServer:
    server = SandboxServer(db_path=db)
    state = server.state
    stored = int(
        state.store.conn.execute(
            "SELECT COUNT(*) FROM reservations WHERE company_id = 'cmp-demo'"
        ).fetchone()[0]
    )
    if stored < TARGET:
        add_bulk_reservations(state.store, state.clock.now_ms(), TARGET - stored)
    server.start()
    return server


async def token(client: httpx.AsyncClient) -> str:
    client_id, secret = DEMO_CLIENTS["owner"]
    response = await client.post(
        "/oauth/token",
        data={"grant_type": "client_credentials", "client_id": client_id, "client_secret": secret},
    )
    return str(response.json()["access_token"])


async def measure(
    server: SandboxServer, clients: int, total: int, one: Callable[[httpx.AsyncClient, int], Awaitable[float]]
) -> tuple[float, list[float]]:
    latencies: list[float] = []
    counter = iter(range(total))

    async def worker() -> None:
        async with httpx.AsyncClient(base_url=server.api_url, timeout=30) as client:
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
        f"{name:<46} clients={clients}  {figures['rps']:7.1f} req/s  p50 {figures['p50_ms']:6.2f} ms  "
        f"p99 {figures['p99_ms']:6.2f} ms  (n={len(latencies)})"
    )
    return figures


async def run(requests: int) -> dict[str, dict[str, float]]:
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        server = prepare(Path(tmp) / "bench.sqlite3")
        try:
            total = httpx.get(
                server.api_url + "/company/reservations",
                params={"only_active": "false"},
                headers={
                    "Authorization": "Bearer " + await token(httpx.AsyncClient(base_url=server.api_url))
                },
            ).json()["total"]
            print(f"reservations stored for the company: {total}")

            def lister(params: dict[str, str]) -> Callable[[httpx.AsyncClient, int], Awaitable[float]]:
                async def one(client: httpx.AsyncClient, index: int) -> float:
                    started = time.perf_counter()
                    response = await client.get("/company/reservations", params=params)
                    elapsed = time.perf_counter() - started
                    assert response.status_code == 200, response.text
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

            cases = [
                ("GET /company/reservations?page_size=100", lister({"page_size": "100"})),
                (
                    "GET ...?page_size=100&only_active=false",
                    lister({"page_size": "100", "only_active": "false"}),
                ),
                ("POST /locations/{id}/reservations", create),
            ]
            for name, one in cases:
                for clients in (1, 8):
                    await measure(server, clients, 20, one)  # warm-up
                    elapsed, latencies = await measure(server, clients, requests, one)
                    results[f"{name} x{clients}"] = report(name, clients, elapsed, latencies)
        finally:
            server.close()
    return results


@pytest.mark.benchmark
def test_bench_sandbox() -> None:
    results = asyncio.run(run(300))
    assert all(r["rps"] > 0 for r in results.values())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--requests", type=int, default=500, help="timed requests per case (default 500)")
    args = parser.parse_args()
    asyncio.run(run(args.requests))
    return 0


if __name__ == "__main__":
    sys.exit(main())
