"""The offline snapshot: rows and records round-trip, no tokens or secrets on disk, 0600, one file per
server and client id, removed on sign-out (no Qt)."""

from __future__ import annotations

import stat
from pathlib import Path

from lok_desk.api import models
from lok_desk.core.snapshot import Snapshot
from tests.core.factories import reservation


def _location() -> models.LocationDetail:
    return models.LocationDetail.model_validate(
        {"id": "loc-1", "internal_name": "Centro", "boxes": [{"size": "s", "total": 4, "occupied": 1}]})


def test_rows_and_records_come_back_as_saved(tmp_path: Path) -> None:
    snapshot = Snapshot(tmp_path, "https://api.example.test/api/v2", "client-1")
    kept = [reservation("r1", recipient_info={"name": "Ana"}, locker={"size": "m"}),
            reservation("r2", shipment_id="LOK-2", statuses=("reserved", "delivered"))]
    assert snapshot.save(kept, [_location()]) == 2
    rows = {row.id: row for row in snapshot.read_rows()}
    assert rows["r1"].recipient == "Ana" and rows["r1"].size == "m" and rows["r2"].status == "delivered"
    assert rows["r1"].created == kept[0].created_at.timestamp()  # type: ignore[union-attr]
    back = {r.id: r for r in snapshot.read_reservations()}
    assert back["r2"].current_status == "delivered" and back["r1"].shipment_id == "LOK-1"
    assert snapshot.read_locations()[0].boxes[0].free == 3
    assert snapshot.saved_at() is not None


def test_no_token_or_secret_reaches_the_file_and_it_is_private(tmp_path: Path) -> None:
    snapshot = Snapshot(tmp_path, "https://api.example.test/api/v2", "client-1")
    sneaky = reservation("r1", additional={"pickup_token": "PK-SECRET-1"},
                         extra_tokens={"delivery_token": "DL-SECRET-2", "confirmation_code": "123987"})
    snapshot.save([sneaky], [])
    data = snapshot.path.read_bytes()
    assert b"PK-SECRET-1" not in data and b"DL-SECRET-2" not in data and b"123987" not in data
    assert stat.S_IMODE(snapshot.path.stat().st_mode) == 0o600


def test_one_file_per_server_and_client_and_sign_out_removes_it(tmp_path: Path) -> None:
    one = Snapshot(tmp_path, "https://a.example.test", "client-1")
    other_client = Snapshot(tmp_path, "https://a.example.test", "client-2")
    other_server = Snapshot(tmp_path, "https://b.example.test", "client-1")
    assert len({one.path, other_client.path, other_server.path}) == 3
    one.save([reservation("r1")], [])
    assert other_client.read_rows() == [] and other_server.saved_at() is None
    one.delete()
    assert not one.path.exists() and one.read_rows() == []


def test_a_damaged_file_reads_as_no_snapshot(tmp_path: Path) -> None:
    snapshot = Snapshot(tmp_path, "https://a.example.test", "client-1")
    snapshot.path.parent.mkdir(parents=True)
    snapshot.path.write_bytes(b"not a database")
    assert snapshot.read_rows() == [] and snapshot.saved_at() is None
