"""What an offline start opens on: the saved list of this server + client id, with the person and the
locations it was saved for (read off the event loop's thread; None when nothing usable was saved)."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from lok_desk.api import models
from lok_desk.core.snapshot import Snapshot

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SavedStart:
    """The saved list's file, who it was saved for, their locations, and when it was last saved."""

    snapshot: Snapshot
    user: models.User
    locations: list[models.LocationDetail]
    saved_at: datetime | None


async def read_saved_start(directory: Path, server: str, client_id: str) -> SavedStart | None:
    """The saved start for `server` + `client_id` under `directory` (the user cache directory)."""
    snapshot = Snapshot(directory, server, client_id)

    def read() -> SavedStart | None:
        user = snapshot.read_user()
        if user is None:   # nothing saved, damaged (set aside), or saved before the person was kept
            return None
        locations = sorted(snapshot.read_locations(),   # the order DeskSession.load_locations keeps
                           key=lambda place: (place.internal_name or place.id).casefold())
        return SavedStart(snapshot, user, locations, snapshot.saved_at())

    try:
        return await asyncio.to_thread(read)
    except (OSError, sqlite3.Error, ValueError) as error:
        log.warning("The saved list could not be read for an offline start: %s", type(error).__name__)
        return None
