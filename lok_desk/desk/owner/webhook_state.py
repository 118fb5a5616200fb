"""The company's webhook as the owner panes share it: the core's one copy (lok_desk/core/owner/notifications
`Webhook`) with a Qt `changed` signal for the settings pane and the workbench."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from lok_desk.api import models
from lok_desk.core.owner.notifications import ALL_EVENTS, Webhook
from lok_desk.desk.qt_session import QtSession

__all__ = ["ALL_EVENTS", "WebhookState"]


class WebhookState(QObject):
    """`core` is the shared `Webhook`; its changes come out as `changed`."""

    changed = Signal()

    def __init__(self, session: QtSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.core = Webhook(session.service, session.call)
        self.core.changed.add(self.changed.emit)

    @property
    def settings(self) -> models.WebhookSettings | None:
        return self.core.settings

    @property
    def loaded(self) -> bool:
        return self.core.loaded

    @property
    def configured(self) -> bool:
        return self.core.configured

    @property
    def url(self) -> str:
        return self.core.url

    @property
    def secret(self) -> str:
        return self.core.secret

    @property
    def enabled(self) -> bool:
        return self.core.enabled

    @property
    def events(self) -> tuple[str, ...] | None:
        return self.core.events

    async def load(self) -> models.WebhookSettings:
        """#9; raises LokError."""
        return await self.core.load()

    async def save(self, url: str, events: tuple[str, ...] | None) -> models.WebhookSettings:
        """#10; raises LokError."""
        return await self.core.save(url, events)

    async def set_enabled(self, enabled: bool) -> str:
        """#34 then #9; raises LokError."""
        return await self.core.set_enabled(enabled)
