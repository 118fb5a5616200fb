"""What a new member of staff stumbled on in a walk through the real app, each checked as they see it:
public-network location names, a moved sandbox clock, the detail after F5, package dimensions vs box
size, and the real print dialog."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import httpx
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QWidget

from lok_desk.api import LokClient
from lok_desk.desk.kit.asyncqt import spawn
from lok_desk.desk.kit.tokens_view import ask_printer
from lok_desk.desk.reservations import ReservationsPane
from lok_desk.desk.reservations.table_model import Column, Overdue
from lok_desk.sandbox import SandboxServer

from ._helpers import top_level, until
from .test_pane_flows import (
    direct_request,
    first_location_free,
    open_new_reservation,
    row_texts,
    shows_status,
    type_at_kiosk,
)

PaneFactory = Callable[[str], ReservationsPane]


def test_public_network_locations_show_their_name_not_their_id(
    run: Any, make_pane: PaneFactory, api: Callable[[str], LokClient]
) -> None:
    pane = make_pane("owner")
    client = api("owner")

    async def scenario() -> None:
        # The names the list itself carries (#8 variant A embeds a LocationSummary).
        page = await client.list_reservations(page_size=100)
        embedded = {
            r.location.id: r.location.internal_name
            for r in page.reservations
            if not isinstance(r.location, str) and r.location is not None and r.location.internal_name
        }
        known = {location.id for location in pane._session.locations}
        outside = {location_id: name for location_id, name in embedded.items() if location_id not in known}
        assert outside, "the seed has reservations at public-network lockers the owner does not list"
        await pane.refresh()
        for location_id, name in outside.items():
            assert pane._session.location_name(location_id) == name
            rows = [row for row in pane.model.rows if row.location_id == location_id and row.shipment_id]
            assert rows
            shown = row_texts(pane, rows[0].shipment_id) or {}
            assert shown.get(Column.LOCATION) == name
        # Unknown everywhere: the id is still better than nothing.
        assert pane._session.location_name("loc-nowhere") == "loc-nowhere"

    run(scenario())


def test_a_moved_sandbox_clock_moves_the_overdue_marks(
    run: Any, make_pane: PaneFactory, api: Callable[[str], LokClient], sandbox: SandboxServer
) -> None:
    pane = make_pane("owner")
    client = api("owner")

    async def scenario() -> None:
        antara = await first_location_free(client, "Antara Polanco")
        created = await client.create_reservation(antara.id, direct_request("SHP-CLOCK-1"))
        await pane.refresh()
        row = pane.model.row_at(pane.model.row_of(created.reservation.id or "") or 0)
        assert row.overdue == Overdue.NO
        async with httpx.AsyncClient() as http:
            moved = await http.post(f"{sandbox.base_url}/sandbox/clock", json={"advance_seconds": 5 * 86400})
        assert moved.status_code == 200, moved.text
        await pane.refresh()
        assert pane._session.clock_offset >= timedelta(days=5) - timedelta(minutes=1)
        row = pane.model.row_at(pane.model.row_of(created.reservation.id or "") or 0)
        assert row.overdue == Overdue.DELIVERY

    run(scenario())


def test_f5_brings_the_open_detail_up_to_date(
    qtbot: Any, run: Any, make_pane: PaneFactory, api: Callable[[str], LokClient], sandbox: SandboxServer
) -> None:
    pane = make_pane("employee")
    client = api("employee")

    async def scenario() -> None:
        created = await open_new_reservation(qtbot, pane, client, "SHP-F5-1")
        assert pane.detail.cancel_button.isEnabled()
        await type_at_kiosk(sandbox, created.tokens.delivery_token)
        await pane.refresh()
        await until(lambda: shows_status(pane, "SHP-F5-1", "delivered"), what="the row")
        await until(lambda: pane.detail.status_chip.status() == "delivered", what="the detail after F5")
        assert not pane.detail.cancel_button.isEnabled()

    run(scenario())


def test_detail_names_package_dimensions_apart_from_the_box_size(
    qtbot: Any, run: Any, make_pane: PaneFactory, api: Callable[[str], LokClient]
) -> None:
    pane = make_pane("owner")
    client = api("owner")

    async def scenario() -> None:
        await open_new_reservation(qtbot, pane, client, "SHP-DIMS-1")
        package_rows = set(pane.detail.package.values)
        # Lok sent no measures for this package: no empty "Size —" row beside a real box size.
        assert "Size" not in package_rows and "Dimensions" not in package_rows
        assert {"Value", "Weight", "Description"} <= package_rows
        assert pane.detail.box.values["Box size"].text() == "S (10 × 35 × 60 cm)"

    run(scenario())


def test_print_tokens_opens_the_real_print_dialog(qtbot: Any, run: Any) -> None:
    # PySide6 refused QPrintDialog.open() without arguments, so printing died with an internal error.
    host = QWidget()
    qtbot.addWidget(host)
    host.show()

    async def scenario() -> None:
        chosen = spawn(ask_printer(host), owner=host)
        await until(lambda: any(w.isVisible() for w in top_level(QPrintDialog)), what="the print dialog")
        dialog = next(w for w in top_level(QPrintDialog) if w.isVisible())
        assert isinstance(dialog, QPrintDialog)
        dialog.reject()
        assert await chosen is None

    run(scenario())
