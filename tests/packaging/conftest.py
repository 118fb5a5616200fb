"""Paths and helpers shared by the packaging tests (resources, desktop files, bundle, wheel)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APP_ID = "com.lokdesk.LokDesk"
SMOKE_ARGS = ("--sandbox", "--demo-role", "owner", "--exit-when-ready")


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
