"""The desk's remembered choices (last server, client ids, sandbox port, language, theme) as JSON.

Never a secret or a token here: the client secret goes to the system keyring (SecretStore) and tokens
to the 0600 token cache.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from lok_desk.paths import make_private_dir

SANDBOX_KEY = "sandbox"  # the embedded sandbox's port may change between runs; remember it by name


@dataclass
class DeskSettings:
    """What the sign-in remembers between runs."""

    last_server: str = ""                                     # "" = production; else a custom API URL
    client_ids: dict[str, str] = field(default_factory=dict)  # server key -> last client id
    resume: dict[str, bool] = field(default_factory=dict)     # server key -> signed in when last closed
    sandbox_port: int = 0                                     # reused so cached sandbox tokens stay valid
    language: str = "system"                                  # "system" | "en" | "es" (next start)
    theme: str = "system"                                     # "system" | "light" | "dark" | "high_contrast"
    window_geometry: str = ""                                 # base64 of the main window's saveGeometry

    @classmethod
    def load(cls, path: Path) -> DeskSettings:
        """Read the file; a missing or damaged file gives the defaults (settings are a convenience)."""
        try:
            raw: Any = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        if not isinstance(raw, dict):
            return cls()
        settings = cls()
        if isinstance(raw.get("last_server"), str):
            settings.last_server = raw["last_server"]
        for name in ("client_ids", "resume"):
            value = raw.get(name)
            if isinstance(value, dict):
                setattr(settings, name, {str(k): v for k, v in value.items()})
        if isinstance(raw.get("sandbox_port"), int):
            settings.sandbox_port = raw["sandbox_port"]
        for name in ("language", "theme", "window_geometry"):
            if isinstance(raw.get(name), str):
                setattr(settings, name, raw[name])
        return settings

    def save(self, path: Path) -> None:
        """Write atomically (a crash mid-write must not lose the previous file)."""
        make_private_dir(path.parent)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(self), indent=2, sort_keys=True), encoding="utf-8")
        os.replace(tmp, path)

    def save_quietly(self, path: Path) -> None:
        """Save, ignoring a read-only or full disk: losing a remembered server is not worth an error."""
        with contextlib.suppress(OSError):
            self.save(path)
