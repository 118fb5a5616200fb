"""Company directories (contact address books): #2, #3, #20, #21, #35 and the CSV import #29."""

from __future__ import annotations

import csv
import io
import math
import re
import secrets
import sqlite3
from typing import Any

from fastapi import APIRouter
from pydantic import ValidationError
from starlette.responses import Response

from lok_desk.sandbox.auth import Capability, User, needs
from lok_desk.sandbox.deps import PageDep, StateDep, UserDep, json_response
from lok_desk.sandbox.errors import LokHTTPError, invalid, not_found
from lok_desk.sandbox.schemas import (
    ContactsReplace,
    DirectoryContact,
    DirectoryCreate,
    DirectoryCsvImport,
    DirectoryUpdate,
)
from lok_desk.sandbox.state import SandboxState
from lok_desk.sandbox.store import dumps, loads

router = APIRouter(tags=["company"])


# -- directories ----------------------------------------------------------------------------------
def _directory_row(state: SandboxState, user: User, directory_id: str) -> sqlite3.Row:
    """Another company's directory answers 404, like an unknown one."""
    row: sqlite3.Row | None = state.store.conn.execute(
        "SELECT * FROM directories WHERE id = ? AND company_id = ?", (directory_id, user.company_id)
    ).fetchone()
    if row is None:
        raise not_found("Directory", directory_id)
    return row


def _summary(doc: dict[str, Any], company: dict[str, str]) -> dict[str, Any]:
    return {
        "id": doc["id"],
        "company": company,
        "author": doc["author"],
        "isActive": doc["isActive"],
        "name": doc["name"],
        "created_at": doc["created_at"],
        "updated_at": doc.get("updated_at"),
    }


def _detail(conn: sqlite3.Connection, doc: dict[str, Any], company: dict[str, str]) -> dict[str, Any]:
    out = _summary(doc, company)
    out["contacts"] = doc["contacts"]
    locations = []
    for location_id in doc.get("locations", []):
        row = conn.execute("SELECT doc FROM locations WHERE id = ?", (location_id,)).fetchone()
        if row is not None:
            loc = loads(row[0])
            locations.append(
                {
                    "id": loc["id"],
                    "uuid": loc["uuid"],
                    "internal_name": loc["internal_name"],
                    "address": loc["address"],
                }
            )
    out["locations"] = locations
    return out


def _company(user: User) -> dict[str, str]:
    return {"id": user.company_id, "name": user.company_name}


def _check_name_free(conn: sqlite3.Connection, user: User, name: str, own_id: str | None = None) -> None:
    row = conn.execute(
        "SELECT id FROM directories WHERE company_id = ? AND lower(name) = lower(?)", (user.company_id, name)
    ).fetchone()
    if row is not None and row[0] != own_id:
        raise LokHTTPError(
            409,
            "INVALID_REQUEST",
            f"A directory named {name!r} already exists",
            {"keys": ["directory.name"], "id": row[0]},
        )


@router.get("/company/directories", summary="#2 List directories")
async def list_directories(state: StateDep, user: UserDep, paging: PageDep) -> Response:
    page, page_size = paging
    conn = state.store.conn
    total = int(
        conn.execute("SELECT COUNT(*) FROM directories WHERE company_id = ?", (user.company_id,)).fetchone()[
            0
        ]
    )
    rows = conn.execute(
        "SELECT doc FROM directories WHERE company_id = ? ORDER BY created_at, id LIMIT ? OFFSET ?",
        (user.company_id, page_size, (page - 1) * page_size),
    ).fetchall()
    return json_response(
        {
            "status_code": 200,
            "directories": [_summary(loads(r[0]), _company(user)) for r in rows],
            "total": total,
            "page": page,
            "page_size": page_size,
            "total_pages": math.ceil(total / page_size) if total else 0,
        }
    )


@router.post("/company/directories", summary="#3 Create directory")
@needs(Capability.DIRECTORY_WRITE)
async def create_directory(body: DirectoryCreate, state: StateDep, user: UserDep) -> Response:
    Capability.DIRECTORY_WRITE.check(user)
    name = body.directory.name.strip()
    if not name:
        raise invalid("The directory needs a name", ["directory.name"])
    now = state.clock.now_iso()
    with state.store.transaction() as conn:
        _check_name_free(conn, user, name)
        doc = _new_directory(conn, user, name, now)
        out = {"status_code": 200, "directory": _detail(conn, doc, _company(user))}
    return json_response(out)


def _new_directory(conn: sqlite3.Connection, user: User, name: str, now: str) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "id": "dir-" + secrets.token_hex(6),
        "name": name,
        "isActive": True,
        "created_at": now,
        "updated_at": now,
        "author": {"id": user.id, "name": user.name},
        "contacts": [],
        "locations": [],
    }
    conn.execute(
        "INSERT INTO directories (id, company_id, name, created_at, doc) VALUES (?, ?, ?, ?, ?)",
        (doc["id"], user.company_id, name, now, dumps(doc)),
    )
    return doc


def _save_directory(conn: sqlite3.Connection, doc: dict[str, Any]) -> None:
    conn.execute(
        "UPDATE directories SET name = ?, doc = ? WHERE id = ?", (doc["name"], dumps(doc), doc["id"])
    )


@router.get("/company/directories/{directory_id}", summary="#20 Get directory")
async def get_directory(directory_id: str, state: StateDep, user: UserDep) -> Response:
    row = _directory_row(state, user, directory_id)
    return json_response(
        {"status_code": 200, "directory": _detail(state.store.conn, loads(row["doc"]), _company(user))}
    )


@router.put("/company/directories/{directory_id}", summary="#21 Update directory")
@needs(Capability.DIRECTORY_WRITE)
async def update_directory(
    directory_id: str, body: DirectoryUpdate, state: StateDep, user: UserDep
) -> Response:
    Capability.DIRECTORY_WRITE.check(user)
    name = body.directory.name.strip()
    if not name:
        raise invalid("The directory needs a name", ["directory.name"])
    with state.store.transaction() as conn:
        doc = loads(_directory_row(state, user, directory_id)["doc"])
        _check_name_free(conn, user, name, own_id=directory_id)
        if body.directory.locations is not None:
            for index, location_id in enumerate(body.directory.locations):
                row = conn.execute("SELECT company_id FROM locations WHERE id = ?", (location_id,)).fetchone()
                if row is None or row["company_id"] != user.company_id:
                    raise invalid(f"Unknown location {location_id!r}", [f"directory.locations.{index}"])
            doc["locations"] = list(dict.fromkeys(body.directory.locations))
        doc["name"] = name
        doc["isActive"] = body.directory.is_active
        doc["updated_at"] = state.clock.now_iso()
        _save_directory(conn, doc)
        out = {"status_code": 200, "directory": _detail(conn, doc, _company(user))}
    return json_response(out)


def _stored_contacts(contacts: list[DirectoryContact], directory_id: str, now: str) -> list[dict[str, Any]]:
    emails = [c.email.lower() for c in contacts if c.email]
    duplicated = sorted({e for e in emails if emails.count(e) > 1})
    if duplicated:
        raise LokHTTPError(
            409,
            "INVALID_REQUEST",
            "Two contacts share the e-mail " + ", ".join(duplicated),
            {"keys": ["contacts"], "emails": duplicated},
        )
    stored = []
    for contact in contacts:
        item = contact.model_dump(exclude_none=True, mode="json")
        item.update({"directory": directory_id, "created_at": now, "updated_at": now})
        stored.append(item)
    return stored


@router.put("/company/directories/{directory_id}/contacts", summary="#35 Overwrite contacts")
@needs(Capability.DIRECTORY_WRITE)
async def replace_contacts(
    directory_id: str, body: ContactsReplace, state: StateDep, user: UserDep
) -> Response:
    Capability.DIRECTORY_WRITE.check(user)
    now = state.clock.now_iso()
    with state.store.transaction() as conn:
        doc = loads(_directory_row(state, user, directory_id)["doc"])
        doc["contacts"] = _stored_contacts(body.contacts, directory_id, now)
        doc["updated_at"] = now
        _save_directory(conn, doc)
    return json_response({"contacts": doc["contacts"]})


CSV_COLUMNS = (
    "name",
    "last_name",
    "email",
    "gender",
    "age",
    "phones",
    "street",
    "number",
    "town",
    "zip_code",
    "city",
    "state",
    "country",
    "references",
    "cross_streets",
    "delivery_info",
)


MAX_CSV_CONTACTS = 5000
_BARE_CR = re.compile(r"\r(?!\n)")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _line_of(text: str, position: int) -> int:
    return text.count("\n", 0, position) + 1


def _bad_csv(line: int, what: str) -> LokHTTPError:
    return invalid(f"Line {line} of the CSV {what}", [f"csv.{line}"])


def _check_csv_text(text: str) -> None:
    """What the csv module cannot read (or must not store) is refused up front, naming the line."""
    for pattern, what in (
        (re.compile("\x00"), "holds a NUL character"),
        (_SURROGATE, "holds bytes that are not UTF-8 text"),
        (_BARE_CR, "ends with a bare carriage return (use LF or CR LF line ends)"),
    ):
        found = pattern.search(text)
        if found is not None:
            raise _bad_csv(_line_of(text, found.start()), what)


def _unclosed_quote_line(text: str) -> int | None:
    """The line where a quoted field opens that never closes, or None.

    The csv module's lenient mode reads such a field to the end of the text, swallowing every line
    after it into one cell; its strict mode notices at the end, one record after the last good one.
    """
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    last = 0
    try:
        for _ in reader:
            last = reader.line_num
    except csv.Error as exc:
        return last + 1 if "unexpected end of data" in str(exc) else None
    return None


def parse_contacts_csv(text: str) -> list[DirectoryContact]:
    """Header row with the CSV_COLUMNS names (any order; name, last_name required); `phones`
    separated by `;`. Errors name the line: data.keys ["csv.<line>.<column>"], or ["csv.<line>"]
    when the line itself cannot be read (NUL, bare CR, undecodable text, a field over the csv
    module's 131,072 characters, more than MAX_CSV_CONTACTS contacts)."""
    text = text.lstrip("\ufeff")
    _check_csv_text(text)
    unclosed = _unclosed_quote_line(text)
    if unclosed is not None:
        raise _bad_csv(unclosed, 'opens a quoted field that is never closed (a missing ")')
    reader = csv.DictReader(io.StringIO(text, newline=""), skipinitialspace=True)
    try:
        return _read_contacts(reader)
    except csv.Error as exc:
        # The inner reader's line_num counts the physical lines read so far, the offending one
        # included (the DictReader's own copy is only updated after a row succeeds).
        too_long = "field larger" in str(exc)
        detail = "has a field longer than 131,072 characters" if too_long else f"is not CSV ({exc})"
        raise _bad_csv(max(reader.reader.line_num, 1), detail) from None


def _read_contacts(reader: csv.DictReader[str]) -> list[DirectoryContact]:
    header = [h.strip() for h in (reader.fieldnames or [])]
    if "name" not in header or "last_name" not in header:
        raise invalid("The CSV needs a header row with at least name and last_name", ["csv"])
    reader.fieldnames = header
    contacts: list[DirectoryContact] = []
    for raw in reader:
        line = reader.reader.line_num
        if len(contacts) >= MAX_CSV_CONTACTS:
            raise _bad_csv(line, f"is past the limit of {MAX_CSV_CONTACTS} contacts")
        row = {k: (v or "").strip() for k, v in raw.items() if k in CSV_COLUMNS and isinstance(v, str)}
        item: dict[str, Any] = {
            "name": row.get("name", ""),
            "last_name": row.get("last_name", ""),
            "gender": row.get("gender") or "unspecified",
            "age": row.get("age") or 0,
        }
        if row.get("email"):
            item["email"] = row["email"]
        if row.get("phones"):
            item["phones"] = [p.strip() for p in row["phones"].split(";") if p.strip()]
        if any(row.get(k) for k in ("street", "number", "town", "zip_code")):
            item["address"] = {
                k: row.get(k, "")
                for k in CSV_COLUMNS[6:]
                if row.get(k) or k in ("street", "number", "town", "zip_code")
            }
        try:
            # CSV cells are text: "34" is an age here (JSON bodies are strict, this is not JSON).
            contacts.append(DirectoryContact.model_validate(item, strict=False))
        except ValidationError as exc:
            keys = [f"csv.{line}." + ".".join(str(p) for p in e["loc"]) for e in exc.errors()]
            raise invalid(f"Line {line} of the CSV is not a valid contact", keys) from None
    return contacts


@router.post("/company/directories/csv", summary="#29 Import contacts CSV", status_code=204)
@needs(Capability.DIRECTORY_WRITE)
async def import_contacts_csv(body: DirectoryCsvImport, state: StateDep, user: UserDep) -> Response:
    Capability.DIRECTORY_WRITE.check(user)
    if not body.csv or not body.csv.strip():
        raise invalid("Send the contacts as csv text", ["csv"])
    contacts = parse_contacts_csv(body.csv)
    now = state.clock.now_iso()
    with state.store.transaction() as conn:
        if body.directoriesIds:
            docs = []
            for index, directory_id in enumerate(body.directoriesIds):
                row = conn.execute(
                    "SELECT doc FROM directories WHERE id = ? AND company_id = ?",
                    (directory_id, user.company_id),
                ).fetchone()
                if row is None:
                    raise invalid(f"Unknown directory {directory_id!r}", [f"directoriesIds.{index}"])
                docs.append(loads(row[0]))
        else:
            name = f"Importado {now[:16].replace('T', ' ')}"
            suffix = 1
            while conn.execute(
                "SELECT 1 FROM directories WHERE company_id = ? AND name = ?", (user.company_id, name)
            ).fetchone():
                suffix += 1
                name = f"Importado {now[:16].replace('T', ' ')} ({suffix})"
            docs = [_new_directory(conn, user, name, now)]
        for doc in docs:
            doc["contacts"] = _stored_contacts(contacts, doc["id"], now)
            doc["updated_at"] = now
            _save_directory(conn, doc)
    return Response(status_code=204)
