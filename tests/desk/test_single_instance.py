"""The one-instance socket: what a knock may send is bounded, and a runtime folder another user planted
never stops the desk (no Qt: the module runs before Qt is imported)."""

from __future__ import annotations

import asyncio
import os
import stat
from pathlib import Path

import pytest

from lok_desk.desk import single_instance


async def test_a_knock_of_64_kib_without_a_newline_is_dropped_and_the_next_one_answered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    failures: list[dict[str, object]] = []
    asyncio.get_running_loop().set_exception_handler(lambda _loop, context: failures.append(context))
    instance = single_instance.claim(tmp_path / "run")
    assert isinstance(instance, single_instance.PrimaryInstance)
    shown: list[int] = []
    await instance.serve(lambda: shown.append(1))
    try:
        reader, writer = await asyncio.open_unix_connection(os.fspath(instance.path))
        writer.write(b"x" * (64 * 1024 + 10))  # more than asyncio's line limit, no newline
        await writer.drain()
        writer.write_eof()
        assert await asyncio.wait_for(reader.read(), 10) == b""  # hung up on, nothing shown
        writer.close()
        assert shown == []
        ok = await asyncio.to_thread(single_instance.ask_running_desk_to_show, instance.path, timeout_s=10)
        assert ok and shown == [1]
        await asyncio.sleep(0)
        assert failures == []  # no crash report: nothing reached the loop's exception handler
    finally:
        instance.close()


def _hostile_runtime(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No XDG_RUNTIME_DIR; `$TMPDIR/runtime-<uid>` made by someone else (or open to everyone)."""
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    monkeypatch.delenv("LOK_DESK_HOME", raising=False)
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home" / ".cache"))
    (tmp_path / "tmp").mkdir()
    planted = tmp_path / "tmp" / f"runtime-{os.getuid()}"
    planted.mkdir()
    os.chmod(planted, 0o777)
    if os.geteuid() == 0:
        os.chown(planted, 65534, 65534)  # another user's, as root can make it
    return planted


def test_a_runtime_folder_planted_by_another_user_never_stops_the_desk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)  # re-read TMPDIR
    planted = _hostile_runtime(tmp_path, monkeypatch)
    instance = single_instance.claim()
    try:
        assert instance is not None
        assert list(planted.iterdir()) == []  # nothing of ours in their folder
        if isinstance(instance, single_instance.PrimaryInstance):
            folder = Path(os.fsdecode(instance.lock_file.name)).parent
            assert planted not in instance.path.parents and planted not in folder.parents
            info = folder.stat()
            assert info.st_uid == os.getuid() and stat.S_IMODE(info.st_mode) == 0o700
        # A second start finds the first one (single-instance still works) and does not raise either.
        assert single_instance.claim() is None
    finally:
        if instance is not None:
            instance.close()


def test_a_folder_that_is_not_ours_or_open_to_others_is_never_used(tmp_path: Path) -> None:
    folder = tmp_path / "run"
    folder.mkdir()
    os.chmod(folder, 0o777)
    instance = single_instance.claim(folder)
    assert isinstance(instance, single_instance.LoneInstance)  # runs, alone, with a log line
    assert list(folder.iterdir()) == []
    instance.close()
