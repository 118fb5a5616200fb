"""The door-by-door audit against a real sandbox: rows, marks by key and scan, discrepancies, resume."""

from __future__ import annotations

import stat
from pathlib import Path

from lok_desk.api import LokClient
from lok_desk.core.audit import (
    CSV_COLUMNS,
    Advice,
    Audit,
    AuditJournal,
    Mark,
    ScanOutcome,
    csv_rows,
)
from lok_desk.core.csv_export import read_csv, write_csv
from lok_desk.core.service import DeskService
from tests.e2e.conftest import FIRST_LOCATION, Clients, SandboxControl, reservation_request


async def _delivered(client: LokClient, control: SandboxControl) -> tuple[str, str]:
    """A parcel put in a box at the first location: (reservation id, delivery token)."""
    created = await client.create_reservation(FIRST_LOCATION, reservation_request("s"))
    token = created.tokens.delivery_token or ""
    assert (await control.kiosk(token)).status_code == 200
    return created.reservation.id or "", token


async def _audit(client: LokClient, control: SandboxControl) -> Audit:
    return await Audit.load(DeskService(client), FIRST_LOCATION, await control.now())


async def test_the_audit_lists_every_box_lok_says_holds_a_parcel_in_walking_order(
        lok: Clients, control: SandboxControl) -> None:
    client = await lok("employee")
    mine, _token = await _delivered(client, control)
    audit = await _audit(client, control)
    in_locker = [r async for r in client.iter_reservations() if r.location_id == FIRST_LOCATION
                 and r.current_status in ("delivered", "reopened", "reopened2")]
    assert {row.reservation_id for row in audit.rows} == {r.id for r in in_locker}
    assert mine in {row.reservation_id for row in audit.rows}
    boxes = [row.box_id for row in audit.rows]
    assert boxes == sorted(boxes, key=lambda b: [int(p) if p.isdigit() else p for p in b.split("-")])
    assert all(row.box_id and row.size and row.since is not None for row in audit.rows)
    assert any(row.days_past_pickup > 0 for row in audit.rows)   # the seed has parcels waiting too long


async def test_marks_by_key_and_scan_give_the_discrepancies_with_what_to_do(
        lok: Clients, control: SandboxControl, tmp_path: Path) -> None:
    client = await lok("employee")
    _rid, token = await _delivered(client, control)
    audit = await _audit(client, control)
    first, second, third, fourth = audit.rows[:4]
    # The expected parcel's label marks its box present at once and moves on.
    result = audit.scan(first.shipment_id)
    assert (result.outcome, first.mark) == (ScanOutcome.PRESENT, Mark.PRESENT)
    assert audit.current is second
    audit.mark(second, Mark.EMPTY)
    # Another box's parcel, found here: the mismatch keeps both ids, and says where it belongs.
    assert audit.scan(fourth.shipment_id).outcome is ScanOutcome.MISMATCH
    assert (third.mark, third.found_shipment_id) == (Mark.DIFFERENT, fourth.shipment_id)
    # A parcel Lok does not know at all.
    assert audit.scan("STRAY-0001", row=fourth).outcome is ScanOutcome.MISMATCH
    # A box-opening code scanned by mistake is refused, not recorded.
    fifth = audit.current
    assert fifth is not None
    assert audit.scan(token, is_code=lambda text: text == token).outcome is ScanOutcome.IS_A_CODE
    assert fifth.mark is Mark.UNCHECKED and fifth.found_shipment_id == ""
    found = audit.discrepancies(include_unchecked=False)
    advice = {d.row.box_id: (d.advice, d.belongs_in) for d in found}
    assert advice[second.box_id] == (Advice.CHECK_PICKUP_HISTORY, "")
    assert advice[third.box_id] == (Advice.MOVE_TO_ITS_BOX, fourth.box_id)
    assert advice[fourth.box_id] == (Advice.FIND_ITS_SHIPMENT, "")
    assert first.box_id not in advice or advice[first.box_id][0] is Advice.REMIND_OR_RETURN
    assert len(audit.discrepancies()) == len(found) + (len(audit.rows) - audit.checked)
    # The CSV export reads back unchanged, with the advice words the desk gives.
    path = tmp_path / "audit.csv"
    write_csv(path, CSV_COLUMNS, csv_rows(found, lambda d: d.advice.value))
    rows = read_csv(path)
    assert [r[0] for r in rows[1:]] == [d.row.box_id for d in found]
    assert token not in path.read_text(encoding="utf-8")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


async def test_an_interrupted_audit_resumes_where_it_stopped(
        lok: Clients, control: SandboxControl, tmp_path: Path) -> None:
    client = await lok("employee")
    _rid, token = await _delivered(client, control)
    audit = await _audit(client, control)
    journal = AuditJournal(tmp_path, FIRST_LOCATION)
    audit.on_change.append(lambda _row: journal.save(audit))
    first, second, third = audit.rows[:3]
    audit.scan(first.shipment_id)
    audit.mark(second, Mark.EMPTY)
    audit.scan("STRAY-0002")
    assert stat.S_IMODE(journal.path.stat().st_mode) == 0o600
    assert token not in journal.path.read_text(encoding="utf-8")
    # The window closed; one parcel is picked up meanwhile. A fresh read resumes the marks.
    picked = audit.rows[5]
    full = await client.get_reservation(picked.reservation_id)
    assert (await control.kiosk(full.tokens.pickup_token or "")).status_code == 200
    saved = journal.load()
    assert saved is not None
    fresh = await _audit(client, control)
    assert fresh.resume(saved) == 3
    marks = {row.reservation_id: (row.mark, row.found_shipment_id) for row in fresh.rows}
    assert marks[first.reservation_id] == (Mark.PRESENT, "")
    assert marks[second.reservation_id] == (Mark.EMPTY, "")
    assert marks[third.reservation_id] == (Mark.DIFFERENT, "STRAY-0002")
    assert picked.reservation_id not in marks
    assert fresh.current is not None and fresh.current.reservation_id == audit.rows[3].reservation_id
    assert fresh.started_at == audit.started_at
    # Another location's journal is not this one's; a finished audit leaves nothing to resume.
    assert AuditJournal(tmp_path, "loc-elsewhere").load() is None
    journal.clear()
    assert journal.load() is None
