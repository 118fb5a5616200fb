"""Where the sandbox strayed from the contract: unterminated CSV quotes, `events: []`, directory authors."""

from __future__ import annotations

from .conftest import Session, assert_error


def _contacts(owner: Session, directory_id: str) -> list[tuple[str, str]]:
    directory = owner.get(f"/company/directories/{directory_id}").json()["directory"]
    return [(c["name"], c["last_name"]) for c in directory["contacts"]]


def test_an_unterminated_quoted_field_is_refused_naming_its_line_and_nothing_changes(owner: Session) -> None:
    before = _contacts(owner, "dir-demo-frecuentes")
    text = 'name,last_name\nLuis,Pérez\n"Eva,Gil\nAna,Ruiz\nBeto,Sol\n'
    response = owner.post(
        "/company/directories/csv", json={"csv": text, "directoriesIds": ["dir-demo-frecuentes"]}
    )
    body = assert_error(response, 400, "INVALID_REQUEST")
    assert body["data"]["keys"] == ["csv.3"]
    assert "Line 3" in body["message"] and "quote" in body["message"]
    assert _contacts(owner, "dir-demo-frecuentes") == before


def test_an_explicit_empty_event_list_means_none(owner: Session) -> None:
    put = owner.put("/company/webhook", json={"url": "https://hooks.example.com/lok", "events": []})
    assert put.status_code == 200 and put.json()["webhook"]["events"] == []
    assert owner.get("/company/webhook").json()["webhook"]["events"] == []
    omitted = owner.put("/company/webhook", json={"url": "https://hooks.example.com/lok"})
    assert len(omitted.json()["webhook"]["events"]) > 1  # omitted still means every event


def test_a_directory_names_its_author_as_oauth_user_names_the_user(owner: Session) -> None:
    user = owner.get("/oauth/user").json()["user"]
    assert user["name"] != owner.client_id
    seeded = owner.get("/company/directories/dir-demo-frecuentes").json()["directory"]
    assert seeded["author"] == {"id": user["id"], "name": user["name"]}
    created = owner.post("/company/directories", json={"directory": {"name": "Autoría"}})
    assert created.status_code in (200, 201), created.text
    assert created.json()["directory"]["author"] == {"id": user["id"], "name": user["name"]}
