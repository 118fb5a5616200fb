"""The one CSV writer and every export that uses it: opened with Python's csv module, a shipment id
`=HYPERLINK("y")` arrives as text, ids keep their leading zeros, dates carry their offset, empty is
empty, every field is quoted."""

from __future__ import annotations

import csv
import io
import stat
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

from lok_desk.core.csv_export import cell, csv_text, ident, read_csv, unmark, write_csv
from lok_desk.core.history import HISTORY_COLUMNS, Action, DeskEvent, Outcome, history_records, merged
from lok_desk.core.owner.reports import (
    ACTIVITY_COLUMNS,
    LOG_COLUMNS,
    ReportsPresenter,
    action_log_records,
    activity_records,
)
from lok_desk.core.service import DeskService
from lok_desk.core.today import EXPORT_COLUMNS, BoardRow, Bucket, export_records
from tests.e2e.conftest import FIRST_LOCATION, Clients, reservation_request

HOSTILE = '=HYPERLINK("y")'
WHEN = datetime(2026, 3, 2, 15, 4, 5, tzinfo=timezone(timedelta(hours=-6)))


def opened(path: Path) -> list[list[str]]:
    """The file as a spreadsheet-minded reader sees it: Python's csv module on the raw text, plus the
    checks every export must pass."""
    raw = path.read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(raw, newline="")))
    again = io.StringIO(newline="")
    csv.writer(again, quoting=csv.QUOTE_ALL, lineterminator="\r\n").writerows(rows)
    assert again.getvalue() == raw, "every field is quoted, rows end with CR LF"
    for row in rows:
        for field in row:
            assert field[:1] not in ("=", "+", "@", "\t", "\r"), field
            assert not field.startswith("-") or field.lstrip("-").replace(".", "").isdigit(), field
            assert field != "—"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    return rows


def test_cells_neutralise_formulas_and_keep_ids_as_text() -> None:
    assert cell(HOSTILE) == "'" + HOSTILE
    for start in ("+1", "-1+2", "@SUM(A1)", "\tx", "\rx", "  =1+1", "＝1+1"):
        assert cell(start) == "'" + start
    assert cell("'quoted") == "''quoted"           # so reading back drops exactly one
    assert cell(ident("00010001015")) == "'00010001015"
    assert cell(ident("")) == "" and ident(None) is None
    assert cell(None) == "" and cell("") == ""
    assert cell(-5) == "-5" and cell(2.5) == "2.5" and cell(True) == "true"
    assert cell(WHEN) == "2026-03-02T15:04:05-06:00"
    assert cell(datetime(2026, 3, 2, 21, 4, 5)) == "2026-03-02T21:04:05+00:00"   # naive is UTC
    assert cell(date(2026, 3, 2)) == "2026-03-02"
    assert cell("Ciudad de México") == "Ciudad de México"
    for text in (HOSTILE, "'quoted", "00010001015", "plain"):
        assert unmark(cell(text)) == text


def test_the_file_reads_back_unchanged_and_is_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o644)
    rows = [[ident("000042"), HOSTILE, WHEN, None, 3, "a\nb, “c”"]]
    write_csv(path, ["id", "text", "at", "empty", "n", "multi"], rows, bom=True)
    assert path.read_bytes().startswith(b'\xef\xbb\xbf"id"')
    assert opened(path)[1] == ["'000042", "'" + HOSTILE, "2026-03-02T15:04:05-06:00", "", "3", "a\nb, “c”"]
    assert read_csv(path)[1] == ["000042", HOSTILE, "2026-03-02T15:04:05-06:00", "", "3", "a\nb, “c”"]
    assert not csv_text(["a"], [[1]]).startswith("\ufeff")
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]     # no temporary file left behind


async def test_every_export_keeps_a_hostile_shipment_id_as_text(lok: Clients, tmp_path: Path) -> None:
    owner = await lok("owner")
    service = DeskService(owner)
    hostile = (await owner.create_reservation(
        FIRST_LOCATION, reservation_request(shipment_id=HOSTILE))).reservation
    zeros = (await owner.create_reservation(
        FIRST_LOCATION, reservation_request(shipment_id="00010001015"))).reservation

    # Reports: recent activity and the action log.
    reports = ReportsPresenter(service)
    assert await reports.load_activity() is None and await reports.load_logs() is None
    write_csv(tmp_path / "activity.csv", ACTIVITY_COLUMNS, activity_records(reports.activity))
    activity = opened(tmp_path / "activity.csv")
    assert activity[0] == list(ACTIVITY_COLUMNS)
    by_order = {row[0]: row for row in activity[1:]}
    line = by_order["'" + HOSTILE]
    reserved = datetime.fromisoformat(line[2])
    assert reserved.utcoffset() is not None and abs(reserved - datetime.now(UTC)) < timedelta(days=3)
    assert line[3] == line[4] == line[5] == ""                     # not delivered: empty, no dash
    assert "'00010001015" in by_order
    write_csv(tmp_path / "log.csv", LOG_COLUMNS, action_log_records(reports.logs))
    log = opened(tmp_path / "log.csv")
    assert any(HOSTILE.replace('"', '\\"') in row[5] or HOSTILE in row[5] for row in log[1:])
    assert all(row[0].endswith("+00:00") for row in log[1:])

    # The Today board.
    rows = [BoardRow(hostile, Bucket.ARRIVING_TODAY, hostile.delivery_due_date),
            BoardRow(zeros, Bucket.ARRIVING_TODAY, None, 2)]
    write_csv(tmp_path / "today.csv", EXPORT_COLUMNS, export_records(rows, lambda _lid: "Antara"), bom=True)
    today = opened(tmp_path / "today.csv")
    assert today[1][1] == "'" + HOSTILE and today[2][1] == "'00010001015"
    assert today[1][0] == "'" + str(hostile.id) and today[1][2] == "'" + FIRST_LOCATION
    assert today[2][5] == "" and today[2][6] == "2"

    # The desk history, merged with Lok's log.
    event = DeskEvent(WHEN, "owner@demo", Action.CREATED, Outcome.DONE, str(hostile.id), HOSTILE,
                      FIRST_LOCATION)
    write_csv(tmp_path / "history.csv", HISTORY_COLUMNS, history_records(merged([event], reports.logs[:3])))
    history = opened(tmp_path / "history.csv")
    mine = next(row for row in history[1:] if row[2] == "owner@demo" and row[1] == "desk")
    assert mine[0] == "2026-03-02T15:04:05-06:00" and mine[6] == "'" + HOSTILE
    assert read_csv(tmp_path / "history.csv")[1:] == [
        [cell(v) if not isinstance(v, str) else v for v in record]
        for record in history_records(merged([event], reports.logs[:3]))
    ]
