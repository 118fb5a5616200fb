"""A desktop for the screen-reader test: Xvfb, a D-Bus session, the AT-SPI bus and a window manager,
the real `lok-desk --sandbox` on it with accessibility on, an AT-SPI reader outside the app (probe.py under
the system Python) and a keyboard through the X server (xdotool).

Everything runs in a throwaway HOME and display; the test skips with the reason when a piece is missing
(`.ci/run` installs them on Debian: xvfb at-spi2-core python3-gi gir1.2-atspi-2.0 dbus-x11 openbox xdotool).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import pytest

T = TypeVar("T")
HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SYSTEM_PYTHON = "/usr/bin/python3"
BUS_LAUNCHER_PLACES = ("/usr/libexec/at-spi-bus-launcher", "/usr/lib/at-spi2-core/at-spi-bus-launcher")
APP_NAME = "Lok Desk"
# Seeding the sandbox and the first window take a while on a loaded CI machine.
START_TIMEOUT = 120.0
STEP_TIMEOUT = 30.0


def _missing() -> str | None:
    for tool in ("Xvfb", "dbus-daemon", "xdotool"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed"
    if not any(Path(p).exists() for p in BUS_LAUNCHER_PLACES):
        return "at-spi2-core (at-spi-bus-launcher) is not installed"
    if not Path(SYSTEM_PYTHON).exists():
        return f"{SYSTEM_PYTHON} is missing"
    check = subprocess.run([SYSTEM_PYTHON, "-c", "import gi; gi.require_version('Atspi', '2.0')"],
                           capture_output=True, text=True, check=False)
    if check.returncode != 0:
        return "the system python3 has no gi.repository.Atspi (python3-gi, gir1.2-atspi-2.0)"
    return None


def wait_until(condition: Callable[[], T | None], timeout: float, what: str) -> T:
    """Ask `condition` again until it returns something true; each question is a round trip to the bus
    or the X server, so this waits on the application, not on a clock."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(0.05)  # let the application run between questions (a poll interval, not a wait for time)


@dataclass
class Desktop:
    """The running display and buses, and what the test started on them."""

    env: dict[str, str]
    home: Path
    processes: list[subprocess.Popen[Any]] = field(default_factory=list)

    def start(self, args: list[str], **kwargs: Any) -> subprocess.Popen[Any]:
        process = subprocess.Popen(args, env=kwargs.pop("env", self.env), **kwargs)
        self.processes.append(process)
        return process

    def stop(self) -> None:
        for process in reversed(self.processes):
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()

    def key(self, *keys: str) -> None:
        """Press keys as a person would, e.g. key("Tab"), key("shift+Tab"), key("ctrl+n")."""
        subprocess.run(["xdotool", "key", "--delay", "30", *keys], env=self.env, check=True)

    def type(self, text: str) -> None:
        subprocess.run(["xdotool", "type", "--delay", "20", text], env=self.env, check=True)


class Probe:
    """The AT-SPI reader: one JSON request per line to probe.py, one answer back."""

    def __init__(self, desktop: Desktop) -> None:
        self.process = desktop.start([SYSTEM_PYTHON, str(HERE / "probe.py")], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True)

    def ask(self, op: str, **arguments: Any) -> Any:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(json.dumps({"op": op, "app": APP_NAME, **arguments}) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        assert line, "the AT-SPI reader stopped"
        reply = json.loads(line)
        if "error" in reply:
            raise AssertionError(f"AT-SPI reader: {reply['error']}")
        return reply["ok"]

    def tree(self) -> list[dict[str, Any]]:
        return self.ask("tree") or []

    def focus(self) -> dict[str, Any] | None:
        return self.ask("focus")


@pytest.fixture(scope="module")
def desktop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desktop]:
    reason = _missing()
    if reason:
        pytest.skip(f"no AT-SPI desktop: {reason}")
    home = tmp_path_factory.mktemp("atspi-home")
    runtime = home / "run"
    runtime.mkdir(mode=0o700)
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("QT_", "DBUS_", "AT_SPI", "DISPLAY", "WAYLAND", "XDG_", "LANG", "LC_"))}
    env.update(HOME=str(home), XDG_RUNTIME_DIR=str(runtime), LANG="C.UTF-8", LANGUAGE="en",
               LOK_DESK_HOME=str(home / "lok-desk"))
    desk = Desktop(env, home)
    try:
        # -displayfd: the server picks a free display and tells us which.
        read_end, write_end = os.pipe()
        desk.start(["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
                   pass_fds=(write_end,), stderr=subprocess.DEVNULL)
        os.close(write_end)
        with os.fdopen(read_end) as display_pipe:
            display = display_pipe.readline().strip()
        if not display:
            pytest.skip("no AT-SPI desktop: Xvfb did not start")
        env["DISPLAY"] = f":{display}"
        bus = desk.start(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                         stdout=subprocess.PIPE, text=True)
        assert bus.stdout is not None
        address = bus.stdout.readline().strip()
        if not address:
            pytest.skip("no AT-SPI desktop: the D-Bus session bus did not start")
        env["DBUS_SESSION_BUS_ADDRESS"] = address
        launcher = next(p for p in BUS_LAUNCHER_PLACES if Path(p).exists())
        desk.start([launcher, "--launch-immediately"], stderr=subprocess.DEVNULL)
        if shutil.which("openbox"):
            # A window manager gives the new window keyboard focus, as on a real desktop.
            desk.start(["openbox"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        probe = Probe(desk)
        try:
            wait_until(lambda: probe.ask("ping") == "pong" and probe.ask("apps") is not None, 20,
                       "the AT-SPI bus")
        except AssertionError as error:
            pytest.skip(f"no AT-SPI desktop: the accessibility bus did not answer ({error})")
        desk.probe = probe  # type: ignore[attr-defined]
        yield desk
    finally:
        desk.stop()


@pytest.fixture(scope="module")
def probe(desktop: Desktop) -> Probe:
    return desktop.probe  # type: ignore[attr-defined, no-any-return]


@pytest.fixture(scope="module")
def desk_app(desktop: Desktop, probe: Probe) -> Iterator[subprocess.Popen[Any]]:
    """`lok-desk --sandbox` on the test desktop, read through AT-SPI; its sign-in window is showing."""
    env = dict(desktop.env, QT_QPA_PLATFORM="xcb", QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
               QT_ACCESSIBILITY="1", QT_API="pyside6")
    log = (desktop.home / "lok-desk.log").open("w")
    app = desktop.start([sys.executable, "-m", "lok_desk", "--sandbox"], env=env, cwd=ROOT,
                        stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_until(lambda: app.poll() is not None or APP_NAME in (probe.ask("apps") or []), START_TIMEOUT,
                   "Lok Desk on the accessibility bus")
        assert app.poll() is None, (desktop.home / "lok-desk.log").read_text()
        yield app
    finally:
        with contextlib.suppress(Exception):
            app.terminate()
            app.wait(timeout=20)
        log.close()
