"""Starting and ending the desk as its own process: the installed PySide6, --version, the embedded
sandbox's child process (port kept, no orphan even after SIGKILL), one instance per person."""

from __future__ import annotations

import platform
import re
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import psutil
import pytest

from lok_desk.desk.sandbox_process import CHILD_FLAG
from tests.packaging.conftest import isolated_env

# More empty QVariants than None has references: a leaking build dies with "none_dealloc".
LEAK = textwrap.dedent("""
    import os, sys
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QStandardItemModel

    model = QStandardItemModel(1, 1)
    index = model.index(0, 0)
    before = sys.getrefcount(None)
    for _ in range(before + 10_000):
        index.data(Qt.ItemDataRole.UserRole + 7)
    print(sys.getrefcount(None) - before)
""")


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_installed_pyside_keeps_references_to_none() -> None:
    # Run apart: if the build leaks, it aborts that process, not the test session.
    result = subprocess.run([sys.executable, "-c", LEAK], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, (
        "this PySide6 build drops references to None and aborts long sessions (none_dealloc); "
        "exclude it in pyproject.toml\n" + result.stderr[-2000:])
    assert abs(int(result.stdout.strip())) < 100   # a handful of temporaries, not one per call


# ---- the desk as a person starts it: its own process, its sandbox child, a second start --------------
DESK = [sys.executable, "-m", "lok_desk"]
SANDBOX_OWNER = ["--sandbox", "--demo-role", "owner"]
# Guards against hangs only (a start takes seconds; on a loaded CI machine, tens of seconds).
HANG_GUARD_S = 180.0


def wait_for(condition: Callable[[], object], what: str, timeout: float = HANG_GUARD_S) -> None:
    """Poll `condition` until it holds (the waitUntil of tests that watch another process)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def log_text(home: Path, name: str = "lok-desk.log") -> str:
    path = home / "lok-desk" / "log" / name
    return path.read_text(encoding="utf-8") if path.exists() else ""


@dataclass
class RunningDesk:
    process: subprocess.Popen[str]
    home: Path

    def log(self) -> str:
        return log_text(self.home)

    def sandbox_child(self) -> psutil.Process:
        children = [child for child in psutil.Process(self.process.pid).children()
                    if CHILD_FLAG in child.cmdline()]
        assert len(children) == 1, children
        return children[0]

    def wait_ready(self) -> None:
        wait_for(lambda: "Main window ready" in self.log() or self.process.poll() is not None,
                 "the main window to show its rows")
        assert self.process.poll() is None, self.process.communicate()


@pytest.fixture
def start_desk(tmp_path: Path) -> Iterator[Callable[..., RunningDesk]]:
    started: list[RunningDesk] = []

    def start(*args: str, home: Path | None = None) -> RunningDesk:
        home = home or tmp_path / "home"
        process = subprocess.Popen([*DESK, *args], env=isolated_env(home), cwd=home.parent, text=True,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        desk = RunningDesk(process, home)
        started.append(desk)
        return desk

    yield start
    for desk in started:
        if desk.process.poll() is None:
            desk.process.kill()
        desk.process.communicate(timeout=HANG_GUARD_S)


def run_desk(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*DESK, *args], env=isolated_env(home), cwd=home.parent, capture_output=True,
                          text=True, timeout=HANG_GUARD_S, check=False)


def test_version_names_lok_desk_qt_and_python(tmp_path: Path) -> None:
    from lok_desk import __version__

    done = run_desk(tmp_path / "home", "--version")

    assert done.returncode == 0, done.stderr
    line = done.stdout.strip()
    assert line.startswith(f"Lok Desk {__version__} (Qt 6."), line
    assert f"Python {platform.python_version()}" in line


@pytest.mark.slow
def test_sandbox_runs_in_a_child_a_second_start_raises_the_window_and_quit_leaves_no_process(
        start_desk: Callable[..., RunningDesk]) -> None:
    desk = start_desk(*SANDBOX_OWNER)
    desk.wait_ready()
    child = desk.sandbox_child()
    # The desk signed in to the child's port and loaded its rows over HTTP: the child serves the API.
    port = int(re.search(r"Embedded sandbox at http://127\.0\.0\.1:(\d+)", desk.log()).group(1))  # type: ignore[union-attr]
    assert any(conn.laddr.port == port and conn.status == psutil.CONN_LISTEN
               for conn in child.net_connections("tcp"))
    assert not [conn for conn in psutil.Process(desk.process.pid).net_connections("tcp")
                if conn.status == psutil.CONN_LISTEN], "the desk itself must not serve the sandbox"

    second = run_desk(desk.home)   # plain `lok-desk`, as the menu entry starts it

    assert second.returncode == 0, second.stderr
    assert "already running" in second.stderr
    wait_for(lambda: "bringing it to the front" in desk.log(), "the running desk to raise its window")
    assert desk.process.poll() is None
    assert desk.log().count(" starting (pid ") == 1   # the second start handed over before logging

    desk.process.terminate()   # a logout or `kill`: the desk quits as File ▸ Quit does
    assert desk.process.wait(HANG_GUARD_S) == 0, desk.process.communicate()
    assert not child.is_running() or child.status() == psutil.STATUS_ZOMBIE
    assert "Embedded sandbox stopping" in log_text(desk.home, "sandbox.log")


@pytest.mark.slow
def test_a_killed_desk_leaves_no_sandbox_behind(start_desk: Callable[..., RunningDesk]) -> None:
    desk = start_desk(*SANDBOX_OWNER)
    desk.wait_ready()
    child = desk.sandbox_child()

    desk.process.send_signal(signal.SIGKILL)   # no clean-up code of the desk runs

    gone, alive = psutil.wait_procs([child], timeout=HANG_GUARD_S)
    assert gone and not alive, "the sandbox child outlived the desk"
    assert "Embedded sandbox stopping" in log_text(desk.home, "sandbox.log")


@pytest.mark.slow
def test_the_sandbox_keeps_its_port_so_the_cached_token_is_reused(tmp_path: Path) -> None:
    home = tmp_path / "home"
    first = run_desk(home, *SANDBOX_OWNER, "--exit-when-ready")
    assert first.returncode == 0, first.stderr
    second = run_desk(home, *SANDBOX_OWNER, "--exit-when-ready", "--verbose")
    assert second.returncode == 0, second.stderr

    ports = re.findall(r"Embedded sandbox at (http://\S+)", log_text(home))
    assert len(ports) == 2 and ports[0] == ports[1], ports
    assert "Reusing the cached access token for demo-owner" in log_text(home)
    # Each run stopped its child before it ended: no sandbox process of this home is left.
    leftovers = [process for process in psutil.process_iter(["cmdline", "environ"])
                 if CHILD_FLAG in (process.info["cmdline"] or [])
                 and (process.info["environ"] or {}).get("LOK_DESK_HOME") == str(home / "lok-desk")]
    assert leftovers == []

    reset = run_desk(home, *SANDBOX_OWNER, "--exit-when-ready", "--sandbox-reset")
    assert reset.returncode == 0, reset.stderr


def test_the_sandbox_child_and_the_start_up_checks_load_no_qt() -> None:
    # The child must not pay for Qt, and a second start hands over before Qt would load.
    probe = ("import sys, lok_desk.app, lok_desk.diagnostics, lok_desk.desk.single_instance, "
             "lok_desk.desk.sandbox_process; "
             "print(sorted(m for m in sys.modules if m.split('.')[0] in {'PySide6', 'qasync'}))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


# Records, at the moment the keyring thread starts, whether shiboken6 was already imported.
KEYRING_THREAD_PROBE = textwrap.dedent("""
    import argparse, sys, threading
    started = []
    original = threading.Thread.start
    def start(self):
        started.append((self.name, "shiboken6" in sys.modules))
        original(self)
    threading.Thread.start = start
    from lok_desk.app import look_up_keyring_early
    look_up_keyring_early(argparse.Namespace(sandbox=False, demo_role=None))
    print(started)
""")


def test_shiboken_is_bound_before_the_keyring_thread_imports_anything() -> None:
    # Both at once aborted the desk at start: shiboken6's first import walks sys.modules while the
    # keyring thread added to it ("libshiboken/signature: could not initialize part 2").
    done = subprocess.run([sys.executable, "-c", KEYRING_THREAD_PROBE], capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert "('lok-keyring-lookup', True)" in done.stdout, done.stdout
