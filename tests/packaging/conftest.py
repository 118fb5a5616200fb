"""Paths and helpers shared by the packaging tests (resources, desktop files, bundle, wheel, .deb).

The `bundle` fixture builds the PyInstaller bundle once per test session (test_bundle.py and
test_deb.py share it), or takes LOK_DESK_BUNDLE=dist/lok-desk built earlier.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APP_ID = "com.lokdesk.LokDesk"
SMOKE_ARGS = ("--sandbox", "--demo-role", "owner", "--exit-when-ready")
# Guards against hangs only (a build normally takes one to three minutes); never a speed assertion.
HANG_GUARD_S = 600


def load_packaging_module(name: str) -> object:
    """Import packaging/<name>.py or scripts/<name>.py (neither folder is a package)."""
    for folder in (ROOT / "packaging", ROOT / "resources" / "scripts"):
        if (folder / f"{name}.py").exists() and str(folder) not in sys.path:
            sys.path.insert(0, str(folder))
    return __import__(name)


def isolated_env(home: Path) -> dict[str, str]:
    """The environment of a person who never ran Lok Desk: fresh HOME and LOK_DESK_HOME, no display."""
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("VIRTUAL_ENV", "PYTHON", "LOK_DESK_"))}
    home.mkdir(parents=True, exist_ok=True)
    runtime = home / "run"
    runtime.mkdir(mode=0o700, exist_ok=True)
    env.update(HOME=str(home), LOK_DESK_HOME=str(home / "lok-desk"), QT_QPA_PLATFORM="offscreen",
               XDG_RUNTIME_DIR=str(runtime), XDG_CONFIG_HOME=str(home / ".config"),
               XDG_DATA_HOME=str(home / ".local" / "share"), XDG_CACHE_HOME=str(home / ".cache"))
    return env


@dataclass(frozen=True)
class Bundle:
    folder: Path
    archive: Path | None  # None when LOK_DESK_BUNDLE names a bundle built elsewhere


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Bundle:
    given = os.environ.get("LOK_DESK_BUNDLE")
    if given:
        folder = Path(given).resolve()
        return Bundle(folder.parent if folder.is_file() else folder, archive=None)
    pytest.importorskip("PyInstaller", reason="PyInstaller not installed: pip install -e '.[package]'")
    dist = tmp_path_factory.mktemp("dist")
    started = time.monotonic()
    build = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "build.py"),
         "--dist", str(dist), "--work", str(dist / "work")],
        capture_output=True, text=True, check=False, timeout=HANG_GUARD_S, cwd=ROOT,
    )
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    print(f"bundle built in {time.monotonic() - started:.0f} s: {build.stdout.strip()}")
    archives = sorted(dist.glob("lok-desk-*.tar.gz"))
    return Bundle(dist / "lok-desk", archives[0] if archives else None)


def run_until_ready(executable: Path, home: Path) -> dict[str, object]:
    """Run the smoke command as a first-time user would and return the JSON line it printed."""
    result = subprocess.run(
        [str(executable), *SMOKE_ARGS],
        capture_output=True, text=True, check=False, timeout=HANG_GUARD_S,
        env=isolated_env(home), cwd=home,  # not the repo: nothing may be imported from the source tree
    )
    assert result.returncode == 0, (
        f"exit {result.returncode}\nstdout: {result.stdout}\nstderr: {result.stderr}")
    lines = result.stdout.strip().splitlines()
    assert lines, f"no JSON line on stdout; stderr: {result.stderr}"
    ready = json.loads(lines[-1])
    assert isinstance(ready, dict)
    assert isinstance(ready["ready_s"], float | int) and ready["ready_s"] >= 0
    # The embedded sandbox kept its data under LOK_DESK_HOME, not in the person's real folders.
    assert (home / "lok-desk" / "data" / "sandbox.sqlite3").is_file()
    # ...in its own process, which ended with the desk, and both logged into the person's log folder.
    assert (home / "lok-desk" / "log" / "lok-desk.log").is_file()
    assert "Embedded sandbox stopping" in (home / "lok-desk" / "log" / "sandbox.log").read_text()
    return ready
