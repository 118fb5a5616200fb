"""Paging by what the server says: caps, missing envelopes, bare lists, short pages lose nothing silently."""

from __future__ import annotations

import pytest

from lok_desk.api import models

from .conftest import Clients, use
from .server import ProductionServer

EVERYTHING = models.ReservationFilters(only_active=False)


def _asked_pages(server: ProductionServer) -> int:
    return sum(1 for s in server.lok.seen if s.path == "/company/reservations")


@pytest.mark.parametrize(
    ("paging", "cap"),
    [
        ("contract", 100),
        ("capped", 25),
        ("silent_cap", 25),
        ("bare_list", 100),
        ("bare_list", 20),
        ("refuse_large", 50),
    ],
)
async def test_every_record_arrives_however_the_server_pages(
    paging: str, cap: int, production: ProductionServer, connect: Clients
) -> None:
    use(production, paging=paging, page_cap=cap)
    client = await connect()
    walk = client.iter_reservations(EVERYTHING, page_size=100)
    ids = [r.id async for r in walk]
    assert sorted(ids) == sorted(r["id"] for r in production.lok.reservations)
    assert len(ids) == len(set(ids))
    assert walk.complete is True and walk.problem is None
    assert client.oddities is not None and not client.oddities.blocking


async def test_silent_cap_costs_one_probe_and_no_more(production: ProductionServer, connect: Clients) -> None:
    use(production, paging="silent_cap", page_cap=25)
    client = await connect()
    ids = [r.id async for r in client.iter_reservations(EVERYTHING, page_size=100)]
    assert len(ids) == 57
    # 25 + 25 + 7: the short third page ends it, as it is shorter than the pages before it.
    assert _asked_pages(production) == 3


async def test_a_short_page_is_reported_incomplete(production: ProductionServer, connect: Clients) -> None:
    use(production, paging="short")
    client = await connect()
    walk = client.iter_reservations(EVERYTHING, page_size=20)
    ids = [r.id async for r in walk]
    assert len(ids) == 57 - 3
    assert walk.complete is False
    assert walk.problem == "the server announced 57 records but sent 54"
    assert client.oddities is not None
    assert [o.kind for o in client.oddities.blocking] == ["paging"]


async def test_the_desks_page_by_page_loop_reads_the_servers_page_size(
    production: ProductionServer, connect: Clients
) -> None:
    # The desk panes call list_* with page numbers and ask `is_last`; a capped server says its size.
    use(production, paging="capped", page_cap=25)
    client = await connect()
    ids: list[str | None] = []
    number = 1
    while True:
        page = await client.list_reservations(EVERYTHING, page=number, page_size=100)
        ids += [r.id for r in page.reservations]
        if page.is_last(number, 100):
            break
        number += 1
    assert len(ids) == 57 and number == 3


async def test_shipping_walk_against_a_cap_the_envelope_does_not_admit(
    production: ProductionServer, connect: Clients
) -> None:
    # 148 shipping reservations; the server sends 50 a page but its envelope echoes the asked 100
    # (total_pages 2). Only `total` is true: the walk goes on until every announced record is in.
    production.lok.seed(888)
    use(production, paging="echo_cap", page_cap=50)
    shipping = sorted(r["id"] for r in production.lok.reservations if r["shipping"] is not None)
    assert len(shipping) == 148
    client = await connect()
    walk = client.iter_pages(client.list_shipping_reservations, page_size=100)
    ids = [r.id async for page in walk for r in page.items]
    assert sorted(ids) == shipping
    assert walk.complete is True and walk.problem is None
    assert client.oddities is not None and not client.oddities.blocking
