"""Directories flows without Qt against a real sandbox: the list through the one page loop, create, rename,
contacts, and the CSV import — strict decoding, Lok's limits in the preview, every bad line by its number,
Lok's refusal with its line."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from lok_desk.api import models
from lok_desk.core.owner import contacts_csv
from lok_desk.core.owner.contacts_csv import decode, preview
from lok_desk.core.owner.directories import (
    ContactRows,
    ContactsImport,
    DirectoriesPresenter,
    company_contacts,
)
from lok_desk.core.problems import Kind
from lok_desk.core.rules import Role
from lok_desk.core.service import DeskService
from lok_desk.sandbox import schemas
from tests.e2e.conftest import Clients

GOOD_CSV = """name,last_name,email,gender,age,phones,street,number,town,zip_code
Ana,Torres,ana.torres@example.com,female,34,+52 55 1111 2222;+52 55 3333 4444,Av. Reforma,10,Juárez,06600
Luis,Pérez,luis@example.com,male,51,+52 81 5555 6666,,,,
"Ruth","Gómez, Jr",,unspecified,,,,,,
"""


def problems_of(view: contacts_csv.CsvPreview) -> dict[int, list[str]]:
    return {row.line: [p.english() for p in row.problems] for row in view.bad_rows}


async def owner_presenter(lok: Clients) -> DirectoriesPresenter:
    presenter = DirectoriesPresenter(DeskService(await lok("owner"), role=Role.OWNER))
    assert await presenter.load_list() is None
    return presenter


# ---- decoding ---------------------------------------------------------------------------------------
def test_a_latin1_line_is_named_and_the_chosen_encoding_reads_it_right() -> None:
    raw = "name,last_name\nAna,Torres\nMaría,Núñez\nLuis,Pérez\n".encode("latin-1")
    imported = ContactsImport(raw, "clientes.csv")
    assert not imported.preview.ok and not imported.preview.rows       # nothing garbled is shown as ✓
    assert imported.preview.undecodable_lines == (3, 4)
    assert "lines are not UTF-8 text: 3, 4" in imported.preview.file_problems[0].english()
    again = imported.choose_encoding("cp1252")
    assert again.ok and again.encoding == "cp1252"
    assert [(r.values["name"], r.values["last_name"]) for r in again.rows][1] == ("María", "Núñez")
    assert "cp1252" in again.notes[0].english()
    # UTF-8 with or without a byte-order mark reads alike.
    text = "name,last_name\nMaría,Núñez\n"
    for encoded in (text.encode("utf-8"), text.encode("utf-8-sig")):
        view = preview(decode(encoded))
        assert view.ok and view.rows[0].values["name"] == "María" and view.columns == ("name", "last_name")
    # An encoding that cannot read a byte says so by line, too.
    assert decode(b"name,last_name\nA,\x81\n", "cp1252").bad_lines == (2,)


# ---- Lok's limits and bad lines ---------------------------------------------------------------------
def test_the_preview_limits_are_the_sandboxs() -> None:
    def refused(**fields: object) -> bool:
        body = {"name": "A", "last_name": "B", "gender": "male", "age": 1, **fields}
        try:
            schemas.DirectoryContact.model_validate(body, strict=False)
        except ValidationError:
            return True
        return False

    for column in ("name", "last_name", "email"):
        limit = contacts_csv.LIMITS[column]
        assert not refused(**{column: "x" * limit}) and refused(**{column: "x" * (limit + 1)})
    address = {"street": "s", "number": "1", "town": "t", "zip_code": "0"}
    for column in ("street", "references", "delivery_info"):
        limit = contacts_csv.LIMITS[column]
        assert not refused(address={**address, column: "x" * limit})
        assert refused(address={**address, column: "x" * (limit + 1)})
    assert not refused(phones=["1"] * contacts_csv.MAX_PHONES)
    assert refused(phones=["1"] * (contacts_csv.MAX_PHONES + 1))
    assert refused(age=contacts_csv.MAX_AGE + 1) and refused(gender="Male")
    from lok_desk.sandbox import routes_directories
    assert routes_directories.MAX_CSV_CONTACTS == contacts_csv.MAX_CONTACTS


def test_every_bad_line_is_flagged_by_its_number() -> None:
    text = ("name,last_name,email,gender\n"
            f"{'N' * 5000},Torres,,female\n"                       # line 2: longer than Lok takes
            "Luis,Pé\x00rez,,male\n"                              # line 3: a NUL character
            "Eva,Ruiz,eva@example.com,Male\n"                     # line 4: Lok wants 'male'
            "Jo,Gómez, Jr,,\n"                                    # line 5: the comma shifts the cells
            "Iris,Luna,eva@example.com,\n"                        # line 6: same e-mail as line 4
            "Ana,\"Torres,ana@example.com,female\n"               # line 7: a quote never closed …
            "Rosa,Díaz,rosa@example.com,female\n")                # … swallows line 8
    view = preview(decode(text.encode()))
    found = problems_of(view)
    assert not view.ok and sorted(found) == [2, 3, 4, 5, 6, 7]
    assert found[2] == ["name has 5000 characters; Lok takes at most 256"]
    assert found[3] == ["line 3 holds a NUL character (an invisible control character)"]
    assert found[4] == ["gender must be male, female or unspecified"]
    assert "more cells than the header has columns" in found[5][0]
    assert found[6] == ["same e-mail as line 4"]
    assert "never closed" in found[7][0] and "(line 8)" in found[7][0]
    assert view.row_at(8) is view.row_at(7)                  # line 8 is inside line 7's cell, not a contact
    quote_closed_late = "name,last_name,email\nAna,\"Torres\nLuis,Pérez\",l@example.com\nEva,Ruiz,\n"
    late = problems_of(preview(decode(quote_closed_late.encode())))
    assert list(late) == [2]
    assert "closed only on the next line, so line 3 is read into last_name" in late[2][0]


# ---- the flows against the sandbox -------------------------------------------------------------------
async def test_a_file_the_preview_passes_is_imported_whole(lok: Clients) -> None:
    presenter = await owner_presenter(lok)
    before = len(presenter.directories)
    imported = ContactsImport(GOOD_CSV.encode(), "clientes.csv")
    assert imported.preview.ok and len(imported.preview.rows) == 3
    outcome = await presenter.import_contacts(imported, None)
    assert outcome.ok and outcome.imported == 3 and len(presenter.directories) == before + 1
    assert presenter.current is not None and presenter.current.id == outcome.directory_id
    assert (presenter.current.name or "").startswith("Importado")
    assert {(r["name"], r["last_name"]) for r in presenter.contacts.rows} == {
        ("Ana", "Torres"), ("Luis", "Pérez"), ("Ruth", "Gómez, Jr")}


async def test_loks_refusal_names_its_line(lok: Clients) -> None:
    presenter = await owner_presenter(lok)
    bad = ContactsImport(b"name,last_name\nAna,Torres\nLuis,P\x00rez\n", "bad.csv")
    assert not bad.preview.ok and list(problems_of(bad.preview)) == [3]
    # Sent anyway (as a file the preview could not catch would be): Lok's answer keeps the line.
    outcome = await presenter.import_contacts(bad, None)
    assert outcome.problem is not None and outcome.problem.kind is Kind.INVALID_INPUT
    assert outcome.refused_line == 3 and bad.preview.row_at(3) is not None
    assert outcome.problem.doing == "importing the contacts"


async def test_create_rename_and_edit_contacts(lok: Clients) -> None:
    presenter = await owner_presenter(lok)
    empty = await presenter.create("  ")
    assert empty.problem is not None and empty.problem.fields == ("name",)
    assert empty.message("name") is not None
    made = await presenter.create("Mensajeros")
    assert made.ok and presenter.current is not None and presenter.current.name == "Mensajeros"
    again = await presenter.create("mensajeros")                  # Lok: the name is taken
    assert again.problem is not None and again.problem.fields == ("name",) and not again.messages

    row = presenter.contacts.add()
    presenter.contacts.set(row, "name", "Iris")
    assert presenter.contacts_refusal().problem is not None        # last name still empty
    assert presenter.contacts.problems()[0].english() == "Row 1, Last name: Required."
    presenter.contacts.set(row, "last_name", "Luna")
    presenter.contacts.set(row, "email", "iris@example.com")
    renamed = await presenter.save("Mensajeros de confianza", active=False)
    assert renamed.ok and presenter.contacts.dirty                # unsaved edits survive the rename
    saved = await presenter.save_contacts()
    assert saved.ok and not presenter.contacts.dirty
    fresh = await (await lok("owner")).get_directory(made.value.id if made.value else "")
    assert fresh.name == "Mensajeros de confianza" and fresh.is_active is False
    assert [(c.name, c.last_name, c.email) for c in fresh.contacts] == [("Iris", "Luna", "iris@example.com")]


def test_a_stored_contact_without_gender_or_age_reads_and_saves() -> None:
    table = ContactRows()
    table.set_contacts([models.StoredDirectoryContact.model_validate({"name": "Ana", "last_name": "Ruiz"})])
    assert table.rows[0]["gender"] == "unspecified" and table.rows[0]["age"] == ""
    assert table.problems() == [] and table.contacts()[0].age == 0


async def test_company_contacts_walk_every_page(lok: Clients) -> None:
    owner = await lok("owner")
    contacts = await company_contacts(DeskService(owner))
    assert contacts and all(isinstance(c, models.DirectoryContact) for c in contacts)


@pytest.mark.parametrize("paging", ["capped", "silent_cap"])
async def test_the_list_loses_nothing_when_the_server_caps_pages(paging: str) -> None:
    from lok_desk.api import Credentials, LokClient
    from tests.production.conftest import use
    from tests.production.server import CLIENTS, ProductionLok, ProductionServer

    server = ProductionServer(ProductionLok()).start()
    try:
        base = server.lok.directories[0]
        server.lok.directories = [{**base, "id": f"D{n}", "name": f"Dir {n}"} for n in range(1, 61)]
        use(server, paging=paging, page_cap=25)
        secret = CLIENTS["prod-owner"][0]
        async with LokClient(server.api_url, credentials=Credentials("prod-owner", secret),
                             token_cache=None) as client:
            presenter = DirectoriesPresenter(DeskService(client))
            assert await presenter.load_list() is None
        assert sorted(d.id for d in presenter.directories) == sorted(f"D{n}" for n in range(1, 61))
        assert presenter.incomplete is None
    finally:
        server.close()


async def test_a_list_lok_sends_short_is_said_incomplete() -> None:
    from lok_desk.api import Credentials, LokClient
    from tests.production.conftest import use
    from tests.production.server import CLIENTS, ProductionLok, ProductionServer

    server = ProductionServer(ProductionLok()).start()
    try:
        base = server.lok.directories[0]
        server.lok.directories = [{**base, "id": f"D{n}", "name": f"Dir {n}"} for n in range(1, 31)]
        use(server, paging="short", page_cap=20)
        async with LokClient(server.api_url, credentials=Credentials("prod-owner", CLIENTS["prod-owner"][0]),
                             token_cache=None) as client:
            presenter = DirectoriesPresenter(DeskService(client))
            assert await presenter.load_list() is None
        assert presenter.directories and presenter.incomplete is not None
    finally:
        server.close()
