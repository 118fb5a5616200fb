"""Notification settings flows (no Qt): the company's webhook (#9 read, #10 save, #34 on/off) and the
notification e-mails (#5 read, #6 save), as form state a view binds to.

`Webhook` is the one copy of what Lok has for the webhook, shared by the settings pane and the
workbench. `NotificationsForm` holds what the person typed beside what was saved: dirty tracking, the
desk's own checks (a message under each field, nothing sent), the before/after list shown before saving,
and the saves; Lok's refusals come back as a `Problem` naming the form's field ("url", "events",
"operator", "administrator") with Lok's facts about it (lok_desk/core/problems.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from lok_desk.api import LokError, models
from lok_desk.api.transport import is_loopback_host
from lok_desk.core.owner._flow import Call, Listeners, Outcome, direct, problem_of, refused
from lok_desk.core.problems import QT_TRANSLATE_NOOP, Problem
from lok_desk.core.reservations.fields import email_problem
from lok_desk.core.service import DeskService
from lok_desk.core.text import Text

__all__ = ["ALL_EVENTS", "EVENT_TEXT", "Change", "NotificationsForm", "Webhook", "normalise_events",
           "webhook_url_problem"]

ALL_EVENTS: tuple[str, ...] = tuple(event.value for event in models.WebhookEvent)
# Lok's limit on the webhook address (the sandbox's schema).
URL_LIMIT = 2048

LOADING = QT_TRANSLATE_NOOP("explain_error", "loading the notification settings")
SAVING_WEBHOOK = QT_TRANSLATE_NOOP("explain_error", "saving the webhook")
SWITCHING = QT_TRANSLATE_NOOP("explain_error", "turning the webhook on or off")
SAVING_EMAILS = QT_TRANSLATE_NOOP("explain_error", "saving the e-mails")

URL_EMPTY = QT_TRANSLATE_NOOP("webhook_url", "Enter the address where Lok should send notifications.")
URL_INVALID = QT_TRANSLATE_NOOP(
    "webhook_url", "This is not a valid web address (like https://example.com/lok-webhook).")
URL_NOT_WEB = QT_TRANSLATE_NOOP("webhook_url", "This is not a web address: it must start with https:// "
                                               "(like https://example.com/lok-webhook).")
URL_PLAIN_HTTP = QT_TRANSLATE_NOOP("webhook_url", "Use https:// — plain http:// is allowed only for this "
                                                  "computer (localhost or 127.0.0.1), because notifications "
                                                  "carry your customers' data.")
URL_TOO_LONG = QT_TRANSLATE_NOOP("webhook_url", "Lok takes addresses of at most {limit} characters; this one "
                                                "has {length}.")
NO_EVENT = QT_TRANSLATE_NOOP("NotificationSettingsPane", "Tick at least one event, or choose “All events”.")
ADDRESS = QT_TRANSLATE_NOOP("NotificationSettingsPane", "Address")
EVENTS = QT_TRANSLATE_NOOP("NotificationSettingsPane", "Events")
OPERATOR = QT_TRANSLATE_NOOP("NotificationSettingsPane", "Operator")
ADMINISTRATOR = QT_TRANSLATE_NOOP("NotificationSettingsPane", "Administrator")
# Lok's request keys -> the form's fields.
FORM_FIELDS = {"url": "url", "events": "events", "operator_email": "operator",
                 "administrator_email": "administrator", "operator": "operator",
                 "administrator": "administrator"}


def webhook_url_problem(text: str) -> Text | None:
    """Why `text` cannot be a webhook address, or None when it can (Lok checks again)."""
    url = text.strip()
    if not url:
        return Text.of("webhook_url", URL_EMPTY)
    if len(url) > URL_LIMIT:
        return Text.of("webhook_url", URL_TOO_LONG, limit=URL_LIMIT, length=len(url))
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        _ = parts.port   # raises ValueError for a port that is not a number 0–65535
    except ValueError:
        return Text.of("webhook_url", URL_INVALID)
    if parts.scheme not in ("http", "https") or not host:
        return Text.of("webhook_url", URL_NOT_WEB)
    if parts.scheme == "http" and not is_loopback_host(host):
        return Text.of("webhook_url", URL_PLAIN_HTTP)
    return None


def normalise_events(events: Sequence[str] | None) -> tuple[str, ...] | None:
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


class Webhook:
    """What Lok has for the company's webhook: one copy, loaded and changed through the service."""

    def __init__(self, service: DeskService, call: Call | None = None) -> None:
        self._service = service
        self._call: Call = call or direct
        self.settings: models.WebhookSettings | None = None
        self.changed = Listeners()

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

    def _keep(self, settings: models.WebhookSettings) -> models.WebhookSettings:
        self.settings = settings
        self.changed()
        return settings

    async def load(self) -> models.WebhookSettings:
        """#9; raises LokError."""
        return self._keep(await self._call(self._service.get_webhook()))

    async def save(self, url: str, events: tuple[str, ...] | None) -> models.WebhookSettings:
        """#10 (None = all events: `events` is left out of the request); raises LokError."""
        return self._keep(await self._call(
            self._service.update_webhook(url, list(events) if events is not None else None)))

    async def set_enabled(self, enabled: bool) -> str:
        """#34, then #9 again so everyone sees what Lok now has; returns Lok's message; raises LokError."""
        reply = await self._call(self._service.set_webhook_enabled(enabled))
        await self.load()
        return reply.message or ""


@dataclass(frozen=True)
class Change:
    """One line of the before/after list shown before saving (`before`/`after` empty when there is none)."""

    setting: Text
    before: str | Text
    after: str | Text


class NotificationsForm:
    """The notification settings as typed: `url`, `events` (None = all), `operator`, `administrator`."""

    def __init__(self, service: DeskService, webhook: Webhook, call: Call | None = None) -> None:
        self._service = service
        self._call: Call = call or direct
        self.webhook = webhook
        self.changed = Listeners()
        self.url = ""
        self.events: tuple[str, ...] | None = None
        self.saved_emails = models.NotificationEmails()
        self.emails_loaded = False
        self.operator = ""
        self.administrator = ""
        self.busy = False
        # What Lok had when the form last looked: a change made elsewhere (the workbench) replaces the
        # form's values only when the person had not typed over them.
        self._seen: tuple[str, tuple[str, ...] | None] = (webhook.url, webhook.events)
        webhook.changed.add(self._webhook_changed)

    # ---- state ------------------------------------------------------------------------------------
    @property
    def webhook_dirty(self) -> bool:
        return self.url.strip() != self.webhook.url or self.events != self.webhook.events

    @property
    def emails_dirty(self) -> bool:
        saved = self.saved_emails
        return self.emails_loaded and (self.operator.strip() != (saved.operator or "")
                                       or self.administrator.strip() != (saved.administrator or ""))

    def _webhook_changed(self) -> None:
        typed = (self.url.strip(), self.events) != self._seen
        self._seen = (self.webhook.url, self.webhook.events)
        if not typed:
            self.url, self.events = self._seen
        self.changed()

    def revert_webhook(self) -> None:
        self.url, self.events = self.webhook.url, self.webhook.events
        self.changed()

    def revert_emails(self) -> None:
        self.operator = self.saved_emails.operator or ""
        self.administrator = self.saved_emails.administrator or ""
        self.changed()

    def set_event(self, event: str, on: bool) -> None:
        chosen = set(self.events if self.events is not None else ALL_EVENTS)
        (chosen.add if on else chosen.discard)(event)
        self.events = tuple(e for e in ALL_EVENTS if e in chosen) + tuple(sorted(chosen - set(ALL_EVENTS)))

    async def load(self) -> Problem | None:
        """The webhook and the e-mails; what the person is typing stays (a field counts as typed while it
        differs from what was saved)."""
        kept_emails = self.emails_dirty
        try:
            await self.webhook.load()
            emails = await self._call(self._service.get_notification_emails())
        except LokError as error:
            return problem_of(error, LOADING)
        self.saved_emails, self.emails_loaded = emails, True
        if not kept_emails:
            self.operator, self.administrator = emails.operator or "", emails.administrator or ""
        self.changed()
        return None

    # ---- the webhook ------------------------------------------------------------------------------
    def webhook_problems(self) -> dict[str, Text]:
        """The desk's own checks of the webhook form, by field."""
        problems: dict[str, Text] = {}
        if (url := webhook_url_problem(self.url)) is not None:
            problems["url"] = url
        if self.events is not None and not self.events:
            problems["events"] = Text.of("NotificationSettingsPane", NO_EVENT)
        return problems

    def webhook_changes(self) -> list[Change]:
        changes: list[Change] = []
        if self.url.strip() != self.webhook.url:
            changes.append(Change(Text.of("NotificationSettingsPane", ADDRESS), self.webhook.url,
                                  self.url.strip()))
        if self.events != self.webhook.events:
            changes.append(Change(Text.of("NotificationSettingsPane", EVENTS),
                                  describe_events(self.webhook.events), describe_events(self.events)))
        return changes

    async def save_webhook(self) -> Outcome[models.WebhookSettings]:
        """#10 with what was typed (checked first); on failure what was typed stays."""
        if (problems := self.webhook_problems()):
            return refused(problems)
        self.busy = True
        try:
            saved = await self.webhook.save(self.url.strip(), self.events)
        except LokError as error:
            return Outcome(problem=problem_of(error, SAVING_WEBHOOK, FORM_FIELDS))
        finally:
            self.busy = False
        self.url, self.events = self.webhook.url, self.webhook.events
        self.changed()
        return Outcome(value=saved)

    async def set_enabled(self, enabled: bool) -> Outcome[str]:
        """#34: the switch then shows what Lok has, not what was clicked."""
        try:
            message = await self.webhook.set_enabled(enabled)
        except LokError as error:
            self.changed()
            return Outcome(problem=problem_of(error, SWITCHING))
        return Outcome(value=message)

    # ---- the e-mails ------------------------------------------------------------------------------
    def email_problems(self) -> dict[str, Text]:
        return {field: problem
                for field, text in (("operator", self.operator), ("administrator", self.administrator))
                if (problem := email_problem(text.strip())) is not None}

    def email_changes(self) -> list[Change]:
        before = self.saved_emails
        changes = []
        for field, label, now in (("operator", OPERATOR, before.operator), ("administrator", ADMINISTRATOR,
                                                                             before.administrator)):
            typed = getattr(self, field).strip()
            if typed != (now or ""):
                changes.append(Change(Text.of("NotificationSettingsPane", label), now or "", typed))
        return changes

    async def save_emails(self) -> Outcome[models.NotificationEmails]:
        """#6 with only the addresses that changed (empty = stop those e-mails)."""
        if (problems := self.email_problems()):
            return refused(problems)
        send = {field: getattr(self, field).strip() for field in ("operator", "administrator")
                if getattr(self, field).strip() != (getattr(self.saved_emails, field) or "")}
        if not send:
            return Outcome(value=self.saved_emails)
        self.busy = True
        try:
            saved = await self._call(self._service.update_notification_emails(**send))
        except LokError as error:
            return Outcome(problem=problem_of(error, SAVING_EMAILS, FORM_FIELDS))
        finally:
            self.busy = False
        self.saved_emails = saved
        self.operator, self.administrator = saved.operator or "", saved.administrator or ""
        self.changed()
        return Outcome(value=saved)


ALL = QT_TRANSLATE_NOOP("NotificationSettingsPane", "All events")
NONE = QT_TRANSLATE_NOOP("NotificationSettingsPane", "(none)")
# Each webhook event's name and what it means, in words a front-desk owner uses (Lok's "fired when").
EVENT_TEXT: dict[str, tuple[str, str]] = {
    "reserved": (
        QT_TRANSLATE_NOOP("NotificationSettingsPane", "Reserved"),
        QT_TRANSLATE_NOOP("NotificationSettingsPane",
                          "A reservation is made, or a pre-reservation is confirmed."),
    ),
    "delivered": (
        QT_TRANSLATE_NOOP("NotificationSettingsPane", "Delivered"),
        QT_TRANSLATE_NOOP("NotificationSettingsPane",
                          "The courier put the package in the locker."),
    ),
    "reopened": (
        QT_TRANSLATE_NOOP("NotificationSettingsPane", "Reopened"),
        QT_TRANSLATE_NOOP("NotificationSettingsPane",
                          "The package was taken out and put back once (first alteration)."),
    ),
    "reopened2": (
        QT_TRANSLATE_NOOP("NotificationSettingsPane", "Reopened twice"),
        QT_TRANSLATE_NOOP("NotificationSettingsPane",
                          "The package was altered in the locker a second time."),
    ),
    "picked_up": (
        QT_TRANSLATE_NOOP("NotificationSettingsPane", "Picked up"),
        QT_TRANSLATE_NOOP("NotificationSettingsPane",
                          "The recipient took the package out of the locker."),
    ),
    "cancelled": (
        QT_TRANSLATE_NOOP("NotificationSettingsPane", "Cancelled"),
        QT_TRANSLATE_NOOP("NotificationSettingsPane",
                          "The reservation was cancelled, in Lok Desk, the API or at the locker."),
    ),
    "undelivered": (
        QT_TRANSLATE_NOOP("NotificationSettingsPane", "Still not delivered"),
        QT_TRANSLATE_NOOP("NotificationSettingsPane",
                          "Sent every day while a package is late for delivery."),
    ),
    "unpicked": (
        QT_TRANSLATE_NOOP("NotificationSettingsPane", "Still not picked up"),
        QT_TRANSLATE_NOOP("NotificationSettingsPane",
                          "Sent every day while a package waits too long in the locker."),
    ),
}
LIST = QT_TRANSLATE_NOOP("NotificationSettingsPane", "{first}, {rest}")


def describe_events(events: tuple[str, ...] | None) -> Text:
    """The events in words ("All events", "(none)", "Reserved, Delivered")."""
    if events is None:
        return Text.of("NotificationSettingsPane", ALL)
    if not events:
        return Text.of("NotificationSettingsPane", NONE)
    names = [Text.of("NotificationSettingsPane", EVENT_TEXT[e][0]) if e in EVENT_TEXT
             else Text.of("", "{0}", e) for e in events]
    text = names[-1]
    for name in reversed(names[:-1]):
        text = Text.of("NotificationSettingsPane", LIST, first=name, rest=text)
    return text
