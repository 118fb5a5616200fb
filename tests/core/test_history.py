"""The desk's local history file and CSV rules: no token ever written, values read back unchanged."""

from __future__ import annotations

import stat
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from lok_desk.api import models
from lok_desk.api.errors import error_from_response
from lok_desk.core.csv_export import csv_text, read_csv, write_csv
from lok_desk.core.history import (
    HISTORY_COLUMNS,
    Action,
    DeskEvent,
    DeskLog,
    Outcome,
    Source,
    TokenInLogError,
    from_desk,
    history_records,
    matches,
    merged,
)
from lok_desk.core.problems import Kind, Problem, problem_from

WHEN = datetime(2026, 3, 2, 15, 4, 5, tzinfo=timezone(timedelta(hours=-6)))


def test_the_log_appends_reads_back_and_is_private(tmp_path: Path) -> None:
    log = DeskLog(tmp_path / "data" / "desk-history.jsonl")
    event = DeskEvent(WHEN, "employee@demo", Action.CANCELLED, Outcome.REFUSED, "rsv-1", "000042", "loc-1",
                      "INVALID_RESERVATION: already delivered")
    log.append(event)
    log.append(DeskEvent(WHEN, "employee@demo", Action.PRINTED_SLIP, Outcome.DONE, "rsv-1", detail="courier"))
    with log.path.open("a", encoding="utf-8") as handle:
        handle.write('{"half a line')          # a crash mid-write loses that line only
    events = log.read()
    assert events[0] == event and events[1].action is Action.PRINTED_SLIP and len(events) == 2
    assert stat.S_IMODE(log.path.stat().st_mode) == 0o600
    with pytest.raises(TokenInLogError):
        log.append(DeskEvent(WHEN, "x", Action.UPDATED, Outcome.DONE, detail="typed 7kq2m9px"),
                   forbidden=["7KQ2M9PX"])
    assert "7kq2m9px" not in log.path.read_text(encoding="utf-8").casefold()


def test_csv_survives_a_spreadsheet_and_reads_back(tmp_path: Path) -> None:
    rows = [["000042", WHEN, None, 3, True, "Ciudad de México, “Antara”"], ["0", None, "", 0, False, "a\nb"]]
    path = tmp_path / "out.csv"
    write_csv(path, ["id", "at", "empty", "days", "flag", "text"], rows, bom=True)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf\"id\"")
    back = read_csv(path)
    assert back[1] == ["000042", "2026-03-02T15:04:05-06:00", "", "3", "true", "Ciudad de México, “Antara”"]
    assert back[2] == ["0", "", "", "0", "false", "a\nb"]
    assert "—" not in path.read_text(encoding="utf-8")
    assert not csv_text(["a"], [[1]]).startswith("\ufeff")


def test_merged_with_loks_action_log_newest_first_and_filtered() -> None:
    desk = [DeskEvent(WHEN, "me@desk", Action.CREATED, Outcome.DONE, "rsv-9", "0009", "loc-1")]
    lok = [models.ActionLogEntry(resource="POST /api/v2/locations/loc-1/reservations", status=200,
                                 user_email="owner@demo", timestamp=WHEN + timedelta(minutes=1)),
           models.ActionLogEntry(resource="GET /api/v2/company/reservations", status=200,
                                 user_email="reporter@demo", timestamp=WHEN - timedelta(days=1))]
    rows = merged(desk, lok)
    assert [row.source for row in rows] == [Source.LOK, Source.DESK, Source.LOK]
    assert [row.who for row in rows if matches(row, "0009")] == ["me@desk"]
    assert [row.who for row in rows if matches(row, source=Source.LOK)] == ["owner@demo", "reporter@demo"]
    assert [row.who for row in rows if matches(row, what="created")] == ["me@desk"]
    assert [row.who for row in rows if matches(row, "2026-03-01")] == ["reporter@demo"]
    records = history_records(rows)
    assert len(records[0]) == len(HISTORY_COLUMNS)
    assert records[1][0] == WHEN and records[1][1] == "desk"
    assert rows[0].at is not None
    assert rows[0].at.astimezone(UTC) == (WHEN + timedelta(minutes=1)).astimezone(UTC)


def test_a_refusal_is_kept_as_a_problem_and_old_lines_lose_their_codes(tmp_path: Path) -> None:
    log = DeskLog(tmp_path / "desk-history.jsonl")
    taken = problem_from(error_from_response(409, {"type": "UNIQUE_SHIPMENT", "message": "already used"}))
    log.append(DeskEvent(WHEN, "me@desk", Action.CREATED, Outcome.REFUSED, problem=taken.record()))
    with log.path.open("a", encoding="utf-8") as handle:   # a line from before: Lok's code and English
        handle.write('{"action": "cancelled", "at": "2026-03-01T10:00:00+00:00", "outcome": "failed", '
                     '"detail": "OFFLINE_WRITE_REFUSED: Not sent: the Lok server cannot be reached", '
                     '"who": "me@desk"}\n')
    text = log.path.read_text(encoding="utf-8")
    assert "UNIQUE_SHIPMENT" not in text and "already used" not in text
    rows = [from_desk(event) for event in log.read()]
    assert rows[0].problem == taken and rows[0].problem.field == "shipment_id"
    assert rows[1].problem == Problem(Kind.NOT_SENT_OFFLINE) and rows[1].detail == ""
    assert history_records(rows[:1])[0][-1] == "duplicate_shipment"
