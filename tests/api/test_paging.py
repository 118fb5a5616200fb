"""Walking paginated lists: every page in order, and stopping early makes no further request."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest

from lok_desk.api import LokClient, iter_pages, models

from .conftest import ScriptedLok


def reservations_server(lok: ScriptedLok, total: int, *, with_totals: bool = True) -> None:
    def page(request: httpx.Request) -> httpx.Response:
        number = int(request.url.params["page"])
        size = int(request.url.params["page_size"])
        ids = list(range(total))[(number - 1) * size : number * size]
        body: dict[str, object] = {"reservations": [{"id": f"R{i}"} for i in ids]}
        if with_totals:
            body.update(total=total, page=number, page_size=size, total_pages=-(-total // size))
        return httpx.Response(200, json=body)

    lok.on("GET", "/company/reservations", page)
    lok.on("GET", "/locations/L1/reservations", page)


@pytest.mark.parametrize("with_totals", [True, False])
async def test_iter_reservations_walks_every_page(
    with_totals: bool, lok: ScriptedLok, make_client: Callable[..., LokClient]
) -> None:
    reservations_server(lok, 250, with_totals=with_totals)
    filters = models.ReservationFilters(only_active=False)
    async with make_client() as client:
        seen = [r.id async for r in client.iter_reservations(filters)]
    assert seen == [f"R{i}" for i in range(250)]
    calls = lok.calls("GET", "/company/reservations")
    assert [c.url.params["page"] for c in calls] == ["1", "2", "3"]
    assert {c.url.params["page_size"] for c in calls} == {"100"}
    assert {c.url.params["only_active"] for c in calls} == {"false"}


async def test_stopping_early_makes_no_more_requests(
    lok: ScriptedLok, make_client: Callable[..., LokClient]
) -> None:
    reservations_server(lok, 1000)
    async with make_client() as client:
        async for page in client.iter_pages(client.list_location_reservations, "L1", page_size=10):
            if page.page == 2:
                break
    assert len(lok.calls("GET", "/locations/L1/reservations")) == 2


async def test_empty_list_is_one_request(lok: ScriptedLok, make_client: Callable[..., LokClient]) -> None:
    lok.on("GET", "/company/directories", lambda r: httpx.Response(200, json={"directories": [], "total": 0}))
    async with make_client() as client:
        pages = [p async for p in iter_pages(client.list_directories)]
    assert len(pages) == 1 and pages[0].items == []


async def test_page_size_is_bounded(make_client: Callable[..., LokClient]) -> None:
    async with make_client() as client:
        with pytest.raises(ValueError):
            async for _ in iter_pages(client.list_directories, page_size=101):
                pass
