"""The desk's remembered choices (last server, client ids, sandbox port, language, theme) as JSON.

Never a secret or a token here: the client secret goes to the system keyring (SecretStore) and tokens
to the 0600 token cache.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from lok_desk.api.errors import LokError
from lok_desk.api.transport import check_transport_safety, normalize_base_url
from lok_desk.paths import make_private_dir, set_aside

log = logging.getLogger(__name__)

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
        """Read the file; settings are a convenience, so nothing in it may stop a start.

        A file that is not JSON is set aside (owner-only, beside it) and the defaults are used; each
        value of the wrong type, and a last server the desk would refuse, is ignored with a log line
        naming it (never its value).
        """
        try:
            raw: Any = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError) as error:
            kept = set_aside(path) if not isinstance(error, PermissionError) else None
            where = f"set aside as {kept.name}" if kept is not None else "left where it is"
            log.warning("The settings file %s could not be read (%s); %s, starting with the defaults",
                        path, type(error).__name__, where)
            return cls()
        if not isinstance(raw, dict):
            log.warning("The settings file %s holds no settings object; starting with the defaults", path)
            return cls()
        settings = cls()
        for name in ("client_ids", "resume"):
            value = raw.get(name)
            if value is None:
                continue
            if not isinstance(value, dict):
                _ignored(name)
                continue
            wanted = str if name == "client_ids" else bool
            kept_values: dict[str, Any] = {}
            for key, item in value.items():
                if isinstance(item, wanted):
                    kept_values[str(key)] = item
                else:
                    _ignored(f"{name}.{key}")
            setattr(settings, name, kept_values)
        port = raw.get("sandbox_port")
        if isinstance(port, int) and not isinstance(port, bool) and 0 <= port <= 65535:
            settings.sandbox_port = port
        elif port is not None:
            _ignored("sandbox_port")
        for name in ("last_server", "language", "theme", "window_geometry"):
            value = raw.get(name)
            if isinstance(value, str):
                setattr(settings, name, value)
            elif value is not None:
                _ignored(name)
        if settings.last_server and not _usable_server(settings.last_server):
            _ignored("last_server", "not a server address Lok Desk connects to")
            settings.last_server = ""
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


def _ignored(name: str, why: str = "not of the type Lok Desk writes there") -> None:
    log.warning("Ignoring the setting %s: %s", name, why)


def _usable_server(url: str) -> bool:
    """Whether the desk would connect to this remembered server (the --server rules)."""
    try:
        check_transport_safety(normalize_base_url(url))
    except LokError:
        return False
    return True
