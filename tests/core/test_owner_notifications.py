"""Notification settings flows without Qt against a real sandbox: what was typed against what Lok has,
the desk's own checks by field (nothing sent), before/after, saves, Lok's refusals naming the field."""

from __future__ import annotations

from lok_desk.api import LokClient, LokError
from lok_desk.core.owner._flow import problem_of
from lok_desk.core.owner.notifications import FORM_FIELDS, NotificationsForm, Webhook, webhook_url_problem
from lok_desk.core.problems import Kind, Reason
from lok_desk.core.rules import Role
from lok_desk.core.service import DeskService
from tests.e2e.conftest import Clients


async def form_for(client: LokClient, role: Role = Role.OWNER) -> NotificationsForm:
    service = DeskService(client, role=role)
    form = NotificationsForm(service, Webhook(service))
    assert await form.load() is None
    return form


def test_plain_http_webhook_only_to_this_computer_and_lok_s_length() -> None:
    assert webhook_url_problem("http://127.0.0.1:8799/hook") is None
    assert webhook_url_problem("http://localhost:8799/hook") is None
    assert webhook_url_problem("http://[::1]:8799/hook") is None
    for bad in ("http://desk.localhost:8799/hook", "http://192.168.1.5/hook", "ftp://x", "", "https://x:99999"):
        assert webhook_url_problem(bad) is not None
    too_long = webhook_url_problem("https://hooks.example.com/" + "a" * 2100)
    assert too_long is not None and "at most 2048 characters" in too_long.english()


async def test_the_webhook_form_from_typing_to_lok(lok: Clients) -> None:
    owner = await lok("owner")
    form = await form_for(owner)
    heard: list[bool] = []
    form.changed.add(lambda: heard.append(form.webhook_dirty))
    assert not form.webhook.configured and not form.webhook_dirty

    form.url = "http://hooks.example.com/lok"
    refused = await form.save_webhook()
    assert refused.problem is not None and refused.problem.kind is Kind.INVALID
    assert refused.problem.fields == ("url",) and "https://" in str(refused.message("url"))
    assert form.url == "http://hooks.example.com/lok"               # the typing stays
    assert lok.log(owner).starts("PUT") == []                       # nothing was sent

    form.url = "https://hooks.example.com/lok"
    for event in ("reopened", "reopened2", "undelivered", "unpicked"):
        form.set_event(event, False)
    assert form.webhook_dirty
    assert [str(c.setting) for c in form.webhook_changes()] == ["Address", "Events"]
    assert str(form.webhook_changes()[1].after) == "Reserved, Delivered, Picked up, Cancelled"
    saved = await form.save_webhook()
    assert saved.ok and not form.webhook_dirty and form.webhook.enabled and heard[-1] is False
    assert form.webhook.secret.startswith("whsec_")
    stored = await owner.get_webhook()
    assert sorted(stored.events) == ["cancelled", "delivered", "picked_up", "reserved"]

    for event in form.events or ():
        form.set_event(event, False)
    assert form.webhook_problems().keys() == {"events"}
    form.events = None                                                # "All events": `events` left out
    assert (await form.save_webhook()).ok and len((await owner.get_webhook()).events) == 8

    # Lok's own limit, if a URL past it were sent anyway: its reason stays data, on the form's field.
    try:
        await form.webhook.save("https://hooks.example.com/" + "a" * 2100, None)
    except LokError as error:
        problem = problem_of(error, "saving the webhook", FORM_FIELDS)
    assert problem.fields == ("url",)
    assert [(f.reason, f.limit) for f in problem.facts_for("url")] == [(Reason.TOO_LONG, 2048)]

    switched = await form.set_enabled(False)
    assert switched.ok and not form.webhook.enabled
    assert (await owner.get_webhook()).url == "https://hooks.example.com/lok"


async def test_emails_save_only_what_changed_and_lok_s_refusal_names_the_field(lok: Clients) -> None:
    owner = await lok("owner")
    form = await form_for(owner)
    form.operator = "front desk at example"
    refused = await form.save_emails()
    assert refused.problem is not None and refused.problem.fields == ("operator",)
    assert refused.message("operator") is not None

    form.operator = "a" * 290 + "@example.com"                       # an address only Lok refuses
    by_lok = await form.save_emails()
    assert by_lok.problem is not None and by_lok.problem.kind is Kind.INVALID_INPUT
    assert by_lok.problem.fields == ("operator",) and not by_lok.messages
    [fact] = by_lok.problem.facts_for("operator")                    # Lok's reason, as data, kept
    assert (fact.reason, fact.limit) == (Reason.TOO_LONG, 256)
    assert form.operator.startswith("aaa") and form.emails_dirty     # the typing stays

    form.operator, form.administrator = "ops@example.com", "boss@example.com"
    assert [str(c.setting) for c in form.email_changes()] == ["Operator", "Administrator"]
    assert (await form.save_emails()).ok and not form.emails_dirty
    stored = await owner.get_notification_emails()
    assert (stored.operator, stored.administrator) == ("ops@example.com", "boss@example.com")


async def test_a_reload_keeps_what_is_being_typed(lok: Clients) -> None:
    form = await form_for(await lok("owner"))
    form.url = "https://typed.example.com/hook"
    form.administrator = "new@example.com"
    assert await form.load() is None
    assert form.url == "https://typed.example.com/hook" and form.administrator == "new@example.com"
    form.revert_webhook()
    form.revert_emails()
    assert not form.webhook_dirty and not form.emails_dirty


async def test_a_reporter_reads_and_the_service_refuses_its_writes(lok: Clients) -> None:
    form = await form_for(await lok("reporter"), Role.REPORTER)
    form.url = "https://hooks.example.com/lok"
    outcome = await form.save_webhook()
    assert outcome.problem is not None and outcome.problem.kind is Kind.NOT_ALLOWED
