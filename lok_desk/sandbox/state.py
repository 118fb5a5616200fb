"""What one running sandbox holds: its store, clock, settings and fault rules."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

from lok_desk.sandbox.clock import SandboxClock
from lok_desk.sandbox.store import Store


@dataclass
class SandboxSettings:
    webhook_retry_base: float = 10.0
    token_lifetime: int = 3600
    webhook_max_attempts: int = 50
    webhook_max_interval: float = 3600.0
    # How often (real seconds) the background worker looks for daily events and expiries.
    housekeeping_interval: float = 30.0


@dataclass
class FaultRuleState:
    """One active fault rule; `remaining` None = until the rules are deleted."""

    method: str | None
    pattern: Any  # re.Pattern[str]
    status: int | None
    delay_ms: int
    remaining: int | None
    drop: bool
    malformed: bool


@dataclass
class SandboxState:
    store: Store
    clock: SandboxClock
    settings: SandboxSettings
    faults: list[FaultRuleState] = field(default_factory=list)
    # Set (from the server loop) to wake the webhook worker when something is due sooner.
    wake: asyncio.Event | None = None

    def poke_worker(self) -> None:
        if self.wake is not None:
            self.wake.set()

    def save_clock(self) -> None:
        self.store.set_meta("clock_offset_ms", str(self.clock.offset_ms))
