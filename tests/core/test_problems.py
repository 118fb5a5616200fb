"""One error path: every failure — a Lok error of any documented type, a transport failure, a validation
error from building a request, a bug — becomes a typed Problem with its kind, sentences and fields."""

from __future__ import annotations

import pytest
from pydantic import BaseModel, ValidationError

from lok_desk.api import errors as api_errors
from lok_desk.api.errors import error_from_response
from lok_desk.core.problems import SENTENCES, Kind, Problem, invalid, kind_of, problem_from


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
