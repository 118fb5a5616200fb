"""The saved list (lok_desk/core/snapshot.py) on screen at start: its rows at once, marked with their
time, while the load brings them up to date in place; the full records join the store afterwards."""

from __future__ import annotations

import asyncio
import logging
import sys
from typing import TYPE_CHECKING

from lok_desk.api import models
from lok_desk.core import rules
from lok_desk.core.reservations.listing import ListKind, ListState
from lok_desk.core.store import Origin
from lok_desk.desk.kit.asyncqt import spawn
from lok_desk.desk.kit.i18n import translate
from lok_desk.desk.reservations.table_model import ReservationRow

if TYPE_CHECKING:
    from lok_desk.desk.reservations.pane import ReservationsPane

log = logging.getLogger(__name__)

# Saved rows put into the table per event-loop turn at start (plain tuples: cheaper than a page).
SNAPSHOT_CHUNK_ROWS = 1000


async def show_snapshot(pane: ReservationsPane) -> int:
    """Put the saved list on screen (no pydantic on this path: it must be instant); the store gets
    the full records a chunk at a time afterwards. Returns the rows shown."""
    snapshot = pane._session.snapshot
    query = pane.query
    if snapshot is None or query.state is not ListState.ACTIVE or query.kind is not ListKind.RESERVATIONS:
        return 0
    saved_at, kept = await asyncio.to_thread(lambda: (snapshot.saved_at(), snapshot.read_rows()))
    damaged = snapshot.take_damage_notice()
    if damaged is not None:  # set aside by the core (owner-only); said once, here
        pane._session.notify(
            translate(
                "ReservationsPane",
                "The saved list on this computer was damaged; it was set aside as {0} and the list "
                "loads from Lok.",
            ).format(damaged),
            timeout_ms=15000,
        )
    if not kept or pane.model.rowCount() or pane.loading:
        return 0
    now = pane._session.server_now().timestamp()
    rows = [
        ReservationRow(
            r.id,
            r.shipment_id,
            sys.intern(r.status),
            sys.intern(r.location_id),
            sys.intern(r.size),
            r.recipient,
            r.created,
            r.delivery_due,
            r.pickup_due,
            int(rules.overdue_kind(r.status, r.delivery_due, r.pickup_due, now)),
        )
        for r in kept
        if query.location_id is None or r.location_id == query.location_id
    ]
    for start in range(0, len(rows), SNAPSHOT_CHUNK_ROWS):
        pane.model.append_rows(rows[start : start + SNAPSHOT_CHUNK_ROWS])
        await asyncio.sleep(0)
    pane.listing.adopt((row.id for row in rows), query)
    if saved_at is not None:
        pane.snapshot_as_of = saved_at
        pane.progress_label.setText(
            translate("ReservationsPane", "Saved list as of {0}; bringing it up to date…").format(
                saved_at.astimezone().strftime("%H:%M")
            )
        )
        pane.progress_label.setVisible(True)
    pane._update_counts()
    pane.first_page_loaded.emit(pane.model.rowCount())
    spawn(_into_store(pane), owner=pane)
    return len(rows)


async def _into_store(pane: ReservationsPane) -> None:
    snapshot = pane._session.snapshot
    if snapshot is None:
        return
    docs, _ = await asyncio.to_thread(snapshot.read_documents)
    for start in range(0, len(docs), SNAPSHOT_CHUNK_ROWS // 5):
        chunk = docs[start : start + SNAPSHOT_CHUNK_ROWS // 5]
        pane._session.store.merge(_readable(chunk), Origin.SNAPSHOT)
        await asyncio.sleep(0)


def _readable(docs: list[str]) -> list[models.Reservation]:
    """The saved records that still read; one that does not is left out (the load brings it back)."""
    records = []
    for doc in docs:
        try:
            records.append(models.Reservation.model_validate_json(doc))
        except ValueError:  # pydantic's ValidationError included
            log.warning("A record of the saved list could not be read; it is left out")
    return records
