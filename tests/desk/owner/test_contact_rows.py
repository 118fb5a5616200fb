"""Directory contacts as table rows: what a production Lok may store without gender or age still reads."""

from __future__ import annotations

from lok_desk.api import models
from lok_desk.desk.kit.records import webhook_url_problem
from lok_desk.desk.owner.directories import contact_to_row, row_problem


def test_a_contact_without_gender_or_age_shows_no_none() -> None:
    stored = models.StoredDirectoryContact.model_validate({"name": "Ana", "last_name": "Ruiz"})
    row = contact_to_row(stored)
    assert row["gender"] == "unspecified" and row["age"] == ""
    assert row_problem(row, "gender") == "" and row_problem(row, "age") == ""


def test_a_contact_with_gender_and_age_keeps_them() -> None:
    stored = models.StoredDirectoryContact.model_validate(
        {"name": "Ana", "last_name": "Ruiz", "gender": "female", "age": 34})
    row = contact_to_row(stored)
    assert row["gender"] == "female" and row["age"] == "34"


def test_plain_http_webhook_only_to_localhost_itself_or_a_loopback_address() -> None:
    assert webhook_url_problem("http://127.0.0.1:8799/hook") == ""
    assert webhook_url_problem("http://localhost:8799/hook") == ""
    assert webhook_url_problem("http://[::1]:8799/hook") == ""
    assert webhook_url_problem("http://desk.localhost:8799/hook") != ""
    assert webhook_url_problem("http://192.168.1.5/hook") != ""
