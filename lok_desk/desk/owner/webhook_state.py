"""The company's webhook settings as the owner panes share them: one copy, one `changed` signal."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from lok_desk.api import models
from lok_desk.desk.session import Session

ALL_EVENTS: tuple[str, ...] = tuple(event.value for event in models.WebhookEvent)


def normalise_events(events: list[str] | None) -> tuple[str, ...] | None:
    """None means "all events" (what Lok does when `events` is omitted); otherwise the chosen events in
    the contract's order. A list naming every event reads as "all" too, since that is what Lok stores."""
    if not events:
        return None
    chosen = {str(event) for event in events}
    if chosen >= set(ALL_EVENTS):
        return None
    known = tuple(event for event in ALL_EVENTS if event in chosen)
    unknown = tuple(sorted(chosen - set(ALL_EVENTS)))   # newer Lok events survive a round trip
    return known + unknown


class WebhookState(QObject):
    """Loads and changes the webhook through the session; the settings and workbench panes listen."""

    changed = Signal()

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.settings: models.WebhookSettings | None = None

    @property
    def loaded(self) -> bool:
        return self.settings is not None

    @property
    def configured(self) -> bool:
        """Lok has a webhook for the company (a URL was saved once, so a secret exists)."""
        return bool(self.settings and self.settings.url)

    @property
    def url(self) -> str:
        return (self.settings.url or "") if self.settings else ""

    @property
    def secret(self) -> str:
        return (self.settings.secret or "") if self.settings else ""

    @property
    def enabled(self) -> bool:
        return bool(self.settings and self.settings.enabled)

    @property
    def events(self) -> tuple[str, ...] | None:
        return normalise_events([str(e) for e in self.settings.events or []] if self.settings else None)

    def _set(self, settings: models.WebhookSettings) -> None:
        self.settings = settings
        self.changed.emit()

    async def load(self) -> models.WebhookSettings:
        """#9; raises LokError."""
        settings = await self._session.call(self._session.service.get_webhook())
        self._set(settings)
        return settings

    async def save(self, url: str, events: tuple[str, ...] | None) -> models.WebhookSettings:
        """#10 (None = all events: `events` is left out of the request); raises LokError."""
        settings = await self._session.call(
            self._session.service.update_webhook(url, list(events) if events is not None else None)
        )
        self._set(settings)
        return settings

    async def set_enabled(self, enabled: bool) -> str:
        """#34, then #9 again so everyone sees what Lok now has; returns the server's message."""
        reply = await self._session.call(self._session.service.set_webhook_enabled(enabled))
        await self.load()
        return reply.message or ""
