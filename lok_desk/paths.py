"""Where Lok Desk keeps its files: one `AppPaths`, built once from platformdirs and passed around."""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import platformdirs

APP_NAME = "lok-desk"


def make_private_dir(path: Path) -> None:
    """Create one of Lok Desk's own directories readable by its user only (0700): the config
    directory holds the token cache, the data directory the sandbox with its practice tokens.
    An existing one is tightened too (older versions made it 0755)."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "posix":
        os.chmod(path, 0o700)


def set_aside(path: Path) -> Path | None:
    """Move a damaged file (or a directory squatting on a file's name) out of the way, owner-only,
    beside where it was: `<name>.damaged-<UTC time>`. Returns where it went, or None when it could not
    be moved (then the caller carries on without it all the same)."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    try:
        os.replace(path, target)
    except OSError:
        return None
    with contextlib.suppress(OSError):  # it may hold recipients' data: nobody else reads it
        os.chmod(target, 0o700 if target.is_dir() else 0o600)
    return target


@dataclass(frozen=True)
class AppPaths:
    """The per-user directories of Lok Desk (config holds the token cache, data holds the sandbox)."""

    config_dir: Path
    data_dir: Path
    cache_dir: Path

    @classmethod
    def default(cls) -> AppPaths:
        # LOK_DESK_HOME lets tests and the packaged-app smoke test run in a throwaway directory.
        home = os.environ.get("LOK_DESK_HOME")
        if home:
            root = Path(home)
            return cls(root / "config", root / "data", root / "cache")
        return cls(
            Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
            Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
            Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
        )

    @property
    def token_cache_file(self) -> Path:
        return self.config_dir / "tokens.json"

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"

    @property
    def sandbox_db(self) -> Path:
        return self.data_dir / "sandbox.sqlite3"
