"""A damaged snapshot never stops a start and never vanishes silently: it is set aside owner-only, told
once, and the start is clean; a failed write leaves no temporary file with recipients' data behind."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest

from lok_desk.core.snapshot import Snapshot
from tests.core.factories import reservation

SERVER = "https://a.example.test/api/v2"


def _saved(tmp_path: Path) -> Snapshot:
    snapshot = Snapshot(tmp_path, SERVER, "client-1")
    snapshot.save([reservation("r1", recipient_info={"name": "Ana"}), reservation("r2")], [])
    return snapshot


def _damage(snapshot: Snapshot, sql: str) -> None:
    connection = sqlite3.connect(snapshot.path)
    with connection:
        connection.execute(sql)
    connection.close()


def _set_aside(snapshot: Snapshot) -> Path:
    (kept,) = snapshot.path.parent.glob(snapshot.path.name + ".damaged-*")
    return kept


@pytest.mark.parametrize("sql", [
    "UPDATE meta SET value = 'yesterday at noon' WHERE key = 'saved_at'",
    "UPDATE reservations SET status = NULL WHERE id = 'r1'",
    "UPDATE reservations SET created = 'soon' WHERE id = 'r2'",
    "UPDATE meta SET value = '99' WHERE key = 'schema'",
    "DROP TABLE reservations",
])
def test_a_damaged_snapshot_is_set_aside_told_once_and_the_start_is_clean(tmp_path: Path, sql: str) -> None:
    snapshot = _saved(tmp_path)
    _damage(snapshot, sql)
    # What the reservations pane does at start: read the time and the rows (neither may raise).
    snapshot.saved_at()
    assert snapshot.read_rows() == []
    assert snapshot.saved_at() is None and snapshot.read_documents() == ([], [])
    kept = _set_aside(snapshot)
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600 and not snapshot.path.exists()
    notice = snapshot.take_damage_notice()
    assert notice is not None and kept.name in notice
    assert snapshot.take_damage_notice() is None  # said once
    # A clean start: the next save writes a new snapshot that reads back whole.
    snapshot.save([reservation("r3")], [])
    assert [row.id for row in snapshot.read_rows()] == ["r3"]


def test_a_file_that_is_no_database_is_set_aside_too(tmp_path: Path) -> None:
    snapshot = Snapshot(tmp_path, SERVER, "client-1")
    snapshot.path.parent.mkdir(parents=True)
    snapshot.path.write_bytes(b"not a database" * 100)
    assert snapshot.read_rows() == [] and snapshot.saved_at() is None
    assert _set_aside(snapshot).read_bytes().startswith(b"not a database")
    assert snapshot.take_damage_notice() is not None


def test_a_directory_where_the_snapshot_goes_leaves_no_temporary_file(tmp_path: Path) -> None:
    snapshot = Snapshot(tmp_path, SERVER, "client-1")
    snapshot.path.mkdir(parents=True)
    (snapshot.path / "x").write_text("x")
    assert snapshot.save([reservation("r1", recipient_info={"name": "Ana"})], []) == 1
    assert list(snapshot.path.parent.glob("*.tmp")) == []
    assert snapshot.path.is_file() and [row.id for row in snapshot.read_rows()] == ["r1"]
    assert _set_aside(snapshot).is_dir()
    assert snapshot.take_damage_notice() is not None


def _start_and_save(home: Path) -> tuple[object, ...]:
    snapshot = Snapshot(home, SERVER, "client-1")
    seen = (snapshot.saved_at(), snapshot.read_rows(), snapshot.read_documents(),
            snapshot.take_damage_notice() is not None)
    snapshot.save([reservation("r1")], [])
    return (*seen, [row.id for row in snapshot.read_rows()])


def test_a_snapshots_folder_that_is_a_file_is_set_aside_and_the_start_is_clean(tmp_path: Path) -> None:
    (tmp_path / "snapshots").write_text("not a folder")
    assert _start_and_save(tmp_path) == (None, [], ([], []), True, ["r1"])
    (kept,) = tmp_path.glob("snapshots.damaged-*")
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads a 000 folder all the same")
def test_an_unreadable_snapshots_folder_is_set_aside_and_the_start_is_clean(tmp_path: Path) -> None:
    folder = tmp_path / "snapshots"
    folder.mkdir()
    os.chmod(folder, 0o000)
    try:
        assert _start_and_save(tmp_path) == (None, [], ([], []), True, ["r1"])
    finally:
        for path in tmp_path.glob("snapshots*"):
            os.chmod(path, 0o700)
