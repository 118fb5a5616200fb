"""File modes as the README promises: the directories the desk creates for its data and cache are 0700,
whatever the umask (a shared machine's other users never list them)."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from lok_desk.core.history import Action, DeskEvent, DeskLog, Outcome
from lok_desk.core.snapshot import Snapshot
from tests.core.factories import reservation


@pytest.fixture(autouse=True)
def open_umask() -> Iterator[None]:
    before = os.umask(0o022)  # the usual desktop umask: new directories 0755 unless asked otherwise
    try:
        yield
    finally:
        os.umask(before)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_desk_history_creates_its_data_directory_owner_only(tmp_path: Path) -> None:
    data = tmp_path / "home" / "data"
    DeskLog(data / "desk-history.jsonl").append(
        DeskEvent(datetime(2026, 12, 1, tzinfo=UTC), "me@desk", Action.CREATED, Outcome.DONE))
    assert _mode(data) == 0o700
    assert _mode(data / "desk-history.jsonl") == 0o600


def test_the_saved_list_creates_the_cache_and_snapshots_directories_owner_only(tmp_path: Path) -> None:
    cache = tmp_path / "home" / "cache"
    snapshot = Snapshot(cache, "https://a.example.test/api/v2", "client-1")
    snapshot.save([reservation("r1", recipient_info={"name": "Ana"})], [])
    assert _mode(cache) == 0o700 and _mode(cache / "snapshots") == 0o700
    assert _mode(snapshot.path) == 0o600
