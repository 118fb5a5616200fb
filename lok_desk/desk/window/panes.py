"""What the main window asks of the panes in its tabs, as typed protocols instead of getattr and Any."""

from __future__ import annotations

from typing import Protocol, runtime_checkable


@runtime_checkable
class Pane(Protocol):
    """A tab that loads when first shown (so signing in costs no extra calls) and reloads on F5."""

    def start(self) -> None: ...

    async def refresh(self) -> None: ...


@runtime_checkable
class HoldsResources(Protocol):
    """A pane with something open beyond its widgets (the workbench's local webhook receiver), closed
    before the window goes."""

    async def shutdown(self) -> None: ...
