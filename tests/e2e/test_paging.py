"""Paging over the seeded data: every reservation exactly once, totals that agree, early stops."""

from __future__ import annotations

import math

from lok_desk.api import models

from .conftest import FIRST_LOCATION, Clients

EVERYTHING = models.ReservationFilters(only_active=False)


async def test_iter_reservations_yields_every_seeded_reservation_once(lok: Clients) -> None:
    client = await lok("reporter")
    total = (await client.list_reservations(EVERYTHING, page_size=1)).total
    assert total is not None and total > 200  # several pages of 100

    ids = [r.id async for r in client.iter_reservations(EVERYTHING, page_size=100)]
    assert len(ids) == total
    assert len(set(ids)) == total
    walked = lok.log(client).starts("GET", "/company/reservations")
    assert len(walked) == 1 + math.ceil(total / 100)  # the count above, then exactly the pages needed


async def test_active_and_finished_partition_the_company(lok: Clients) -> None:
    client = await lok("owner")
    active = [r async for r in client.iter_reservations(page_size=100)]
    finished = [
        r async for r in client.iter_reservations(models.ReservationFilters(status="finished"), page_size=100)
    ]
    total = (await client.list_reservations(EVERYTHING, page_size=1)).total
    assert active and finished
    assert all(r.is_active for r in active)
    assert all(r.is_finished for r in finished)
    assert len(active) + len(finished) == total
    assert not {r.id for r in active} & {r.id for r in finished}


async def test_iter_pages_over_a_location_and_stopping_early(lok: Clients) -> None:
    client = await lok("employee")
    pages = [
        page
        async for page in client.iter_pages(
            client.list_location_reservations, FIRST_LOCATION, EVERYTHING, page_size=25
        )
    ]
    total = pages[0].total
    assert total is not None and total > 25
    assert [page.page for page in pages] == list(range(1, math.ceil(total / 25) + 1))
    ids = [r.id for page in pages for r in page.reservations]
    assert len(ids) == len(set(ids)) == total
    assert all(r.location_id == FIRST_LOCATION for page in pages for r in page.reservations)

    before = len(lok.log(client).starts("GET", f"/locations/{FIRST_LOCATION}/reservations"))
    seen = 0
    async for page in client.iter_pages(
        client.list_location_reservations, FIRST_LOCATION, EVERYTHING, page_size=10
    ):
        seen += len(page.reservations)
        if seen >= 10:
            break
    assert seen == 10
    after = len(lok.log(client).starts("GET", f"/locations/{FIRST_LOCATION}/reservations"))
    assert after - before == 1  # breaking out asked for no further page


async def test_iter_pages_over_locations_and_directories(lok: Clients) -> None:
    client = await lok("owner")
    locations = [
        loc.id
        async for page in client.iter_pages(client.list_locations, page_size=2)
        for loc in page.locations
    ]
    assert len(locations) == len(set(locations)) == (await client.list_locations(page_size=100)).total
    directories = [
        d.id
        async for page in client.iter_pages(client.list_directories, page_size=1)
        for d in page.directories
    ]
    assert directories and len(directories) == (await client.list_directories()).total
