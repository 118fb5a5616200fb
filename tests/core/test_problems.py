"""One error path: every failure — a Lok error of any documented type, a transport failure, a validation
error from building a request, a bug — becomes a typed Problem with its kind, sentences and fields."""

from __future__ import annotations

import json
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from lok_desk.api import errors as api_errors
from lok_desk.api.errors import error_from_response
from lok_desk.core.problem_facts import reason_in
from lok_desk.core.problems import SENTENCES, Fact, Kind, Problem, Reason, invalid, kind_of, problem_from
from lok_desk.core.service import OfflineWriteRefused


def test_every_documented_lok_error_type_has_its_own_kind() -> None:
    for error_type, cls in api_errors.ERROR_TYPES.items():
        problem = problem_from(cls("server words", status_code=400, type=error_type))
        assert problem.kind not in (Kind.REFUSED, Kind.INTERNAL), error_type
        assert problem.detail == "server words"
        # What the server said is kept for the log, never put in the sentence a person reads.
        assert "server words" not in " ".join(problem.english())


def test_transport_failures_are_transient_and_say_where() -> None:
    offline = problem_from(api_errors.LokConnectionError("refused"), doing="loading reservations",
                           server="sandbox")
    assert offline.kind is Kind.OFFLINE and offline.transient
    what, next_step = offline.english()
    assert what == "Lok Desk cannot reach the Lok server at sandbox while loading reservations."
    assert "keeps trying" in next_step
    assert problem_from(api_errors.LokTimeoutError("slow")).kind is Kind.TIMEOUT
    assert not problem_from(api_errors.NoCapacityError("full")).transient


def test_the_fields_at_fault_come_from_the_server_or_the_kind() -> None:
    refused = error_from_response(400, {"type": "INVALID_REQUEST", "message": "bad",
                                        "data": {"keys": ["body.recipient.email", "package_info.weight"]}})
    problem = problem_from(refused)
    assert problem.kind is Kind.INVALID_INPUT
    assert problem.fields == ("recipient.email", "package_info.weight")
    assert problem.field == "recipient.email"
    assert problem.concerns("recipient") and problem.concerns("package_info.weight")
    assert not problem.concerns("contact")
    assert problem_from(api_errors.UniqueShipmentError("taken")).field == "shipment_id"


def test_validation_errors_from_building_a_request_name_their_fields() -> None:
    class Package(BaseModel):
        weight: float

    with pytest.raises(ValidationError) as caught:
        Package(weight="heavy")  # type: ignore[arg-type]
    problem = problem_from(caught.value)
    assert problem.kind is Kind.INVALID and problem.fields == ("weight",)
    assert invalid("recipient.phone").field == "recipient.phone"


def test_unknown_refusals_and_bugs_still_read_as_plain_words() -> None:
    assert kind_of(api_errors.LokError("odd", status_code=418, type="TEAPOT")) is Kind.REFUSED
    assert kind_of(api_errors.LokError("boom", status_code=503)) is Kind.SERVER
    bug = problem_from(KeyError("x"), doing="showing a reservation")
    assert bug.kind is Kind.INTERNAL
    assert bug.english()[0] == "Something went wrong inside Lok Desk while showing a reservation."
    assert "KeyError" in bug.detail


def test_every_kind_has_sentences_and_problems_compare_by_meaning() -> None:
    assert set(SENTENCES) == set(Kind)
    assert Problem(Kind.OFFLINE, detail="a") == Problem(Kind.OFFLINE, detail="b")


# ---- Lok's own facts, read from its answers (a real sandbox), kept as data -----------------------------


async def test_a_webhook_address_over_the_limit_carries_the_limit(lok: Any) -> None:
    owner = await lok("owner")
    with pytest.raises((api_errors.LokError, ValidationError)) as caught:
        await owner.update_webhook("https://hooks.example/" + "a" * 2100)
    problem = problem_from(caught.value, doing="saving the webhook")
    assert problem.kind in (Kind.INVALID_INPUT, Kind.INVALID)
    assert problem.fields == ("url",)
    assert problem.facts == (Fact("url", Reason.TOO_LONG, 2048),)


async def test_a_directory_import_refused_for_a_nul_keeps_the_line(lok: Any) -> None:
    owner = await lok("owner")
    text = "name,last_name,email\nAna,Ruiz,ana@example.com\nLuis,Paz\x00,luis@example.com\n"
    with pytest.raises(api_errors.InvalidRequestError) as caught:
        await owner.import_directory_csv(text)
    problem = problem_from(caught.value, doing="importing the contacts")
    assert problem.kind is Kind.INVALID_INPUT and problem.fields == ("csv",)
    assert problem.facts == (Fact("csv", Reason.NUL, line=3),)
    # Without a form marking the file, the sentence says nothing about highlighted fields.
    assert "highlighted" not in " ".join(problem.english())
    assert "highlighted" in problem.english(marked=True)[1]


def test_csv_lines_and_columns_limits_and_choices_are_read_from_loks_words() -> None:
    bad_cell = error_from_response(400, {"type": "INVALID_REQUEST", "message": "Line 7 of the CSV is not a "
                                         "valid contact", "data": {"keys": ["csv.7.email"]}})
    assert problem_from(bad_cell).facts == (Fact("csv", Reason.NOT_A_CONTACT, line=7, column="email"),)
    many = error_from_response(400, {"type": "INVALID_REQUEST", "message": "Line 5002 of the CSV is past the "
                                     "limit of 5000 contacts", "data": {"keys": ["csv.5002"]}})
    assert problem_from(many).facts == (Fact("csv", Reason.TOO_MANY_CONTACTS, 5000, line=5002),)
    two = error_from_response(400, {"type": "INVALID_REQUEST",
                                    "message": "Invalid request — size: Input should be 's', 'm' or 'l'",
                                    "data": {"keys": ["body.size", "body.weight"]}})
    assert problem_from(two).facts == (Fact("size", Reason.NOT_A_CHOICE, value="s, m, l"),
                                       Fact("weight", Reason.UNKNOWN))
    assert reason_in("Input should be less than or equal to 25") == (Reason.TOO_LARGE, 25, "")
    assert reason_in("something Lok never said before") == (Reason.UNKNOWN, None, "")


def test_the_desks_own_checks_say_why_in_the_same_terms() -> None:
    problem = invalid("recipient.name", reason=Reason.REQUIRED)
    assert problem.facts == (Fact("recipient.name", Reason.REQUIRED),)
    assert problem.facts_for("recipient") == problem.facts


def test_an_offline_write_and_a_rate_limit_have_their_own_words() -> None:
    refused = problem_from(OfflineWriteRefused("not sent"), doing="cancelling 000042")
    assert refused.kind is Kind.NOT_SENT_OFFLINE
    assert "kept" not in " ".join(refused.english())     # an offline cancel kept nothing typed
    busy = problem_from(api_errors.UnknownServerError("busy", status_code=503, retry_after_s=41.2),
                        doing="loading reservations")
    assert busy.kind is Kind.RATE_LIMITED and busy.wait_seconds == 42
    assert busy.english()[0] == "Lok asked us to wait 42 s while loading reservations."


def test_a_problem_is_stored_as_plain_data_and_read_back() -> None:
    refused = error_from_response(409, {"type": "UNIQUE_SHIPMENT", "message": "Shipment id 000042 is taken"})
    problem = problem_from(refused, doing="creating a reservation")
    record = problem.record()
    assert json.loads(json.dumps(record)) == record
    assert "UNIQUE_SHIPMENT" not in json.dumps(record) and "taken" not in json.dumps(record)
    back = Problem.from_record(record, doing="creating a reservation")
    assert back == problem and back.field == "shipment_id"
    assert Problem.from_record({"kind": "from a newer desk"}).kind is Kind.REFUSED
