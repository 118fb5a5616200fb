"""Directories flows (no Qt): the list (#2, every page through the one page loop), one directory (#20),
create (#3), rename and (de)activate (#21), its contacts as an editable table (#35) and the CSV import
(#29) from preview to Lok's answer.

`DirectoriesPresenter` holds the list, the open directory and its `ContactRows`; the view shows them and
redraws when `changed` runs. Every flow answers with an `Outcome`: the desk's own checks name the field
and say what is wrong under it; Lok's refusals come as a `Problem` (lok_desk/core/problems.py) — for an
import, with the line of the file Lok refused (`ImportOutcome.refused_line`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from lok_desk.api import LokError, models
from lok_desk.api.paging import iter_pages
from lok_desk.core.owner import contacts_csv
from lok_desk.core.owner._flow import Call, Listeners, Outcome, direct, problem_of, refused
from lok_desk.core.owner.contacts_csv import CsvPreview
from lok_desk.core.problems import QT_TRANSLATE_NOOP, Problem
from lok_desk.core.reservations.fields import email_problem, phone_problem
from lok_desk.core.service import DeskService
from lok_desk.core.text import Text

__all__ = ["EDIT_COLUMNS", "ContactRows", "ContactsImport", "DirectoriesPresenter", "ImportOutcome",
           "company_contacts"]

LOADING = QT_TRANSLATE_NOOP("explain_error", "loading the directories")
OPENING = QT_TRANSLATE_NOOP("explain_error", "opening the directory")
CREATING = QT_TRANSLATE_NOOP("explain_error", "creating the directory")
SAVING = QT_TRANSLATE_NOOP("explain_error", "saving the directory")
SAVING_CONTACTS = QT_TRANSLATE_NOOP("explain_error", "saving the contacts")
IMPORTING = QT_TRANSLATE_NOOP("explain_error", "importing the contacts")

NAME_NEEDED = QT_TRANSLATE_NOOP("DirectoriesPane", "Type a name for the new directory.")
NAME_MISSING = QT_TRANSLATE_NOOP("DirectoriesPane", "A directory needs a name.")
NAME_TOO_LONG = QT_TRANSLATE_NOOP("DirectoriesPane", "At most {limit} characters (this has {length}).")
REQUIRED = QT_TRANSLATE_NOOP("ContactsModel", "Required.")
GENDER_CHOICE = QT_TRANSLATE_NOOP("ContactsModel", "male, female or unspecified")
CELL_PROBLEM = QT_TRANSLATE_NOOP("ContactsModel", "Row {number}, {label}: {problem}")

EDIT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("name", QT_TRANSLATE_NOOP("ContactsModel", "First name")),
    ("last_name", QT_TRANSLATE_NOOP("ContactsModel", "Last name")),
    ("email", QT_TRANSLATE_NOOP("ContactsModel", "E-mail")),
    ("phones", QT_TRANSLATE_NOOP("ContactsModel", "Phones")),
    ("gender", QT_TRANSLATE_NOOP("ContactsModel", "Gender")),
    ("age", QT_TRANSLATE_NOOP("ContactsModel", "Age")),
    ("street", QT_TRANSLATE_NOOP("ContactsModel", "Street")),
    ("number", QT_TRANSLATE_NOOP("ContactsModel", "Number")),
    ("town", QT_TRANSLATE_NOOP("ContactsModel", "Town")),
    ("zip_code", QT_TRANSLATE_NOOP("ContactsModel", "Zip code")),
)
_CSV_KEY = re.compile(r"^(?:body\.)?csv\.(\d+)(?:\.([^.]+))?")


def _name_problem(name: str, empty: str) -> Text | None:
    if not name:
        return Text.of("DirectoriesPane", empty)
    if len(name) > contacts_csv.SHORT:
        return Text.of("DirectoriesPane", NAME_TOO_LONG, limit=contacts_csv.SHORT, length=len(name))
    return None


# ---- the contacts table ---------------------------------------------------------------------------
class ContactRows:
    """A directory's contacts as editable text cells (the columns of `EDIT_COLUMNS`), with the problem of
    each cell and whether anything changed since the directory was opened."""

    def __init__(self) -> None:
        self.rows: list[dict[str, str]] = []
        self._sources: list[models.DirectoryContact | None] = []
        self.dirty = False

    def set_contacts(self, contacts: Iterable[models.DirectoryContact]) -> None:
        listed = list(contacts)
        self.rows = [self.cells_of(c) for c in listed]
        self._sources = list(listed)
        self.dirty = False

    @staticmethod
    def cells_of(contact: models.DirectoryContact) -> dict[str, str]:
        """A contact as text cells. One stored without gender or age (a production Lok may keep them) reads
        "unspecified" and an empty age, never "None"."""
        address = contact.address or models.ContactAddress()
        return {
            "name": contact.name, "last_name": contact.last_name, "email": contact.email or "",
            "phones": "; ".join(contact.phones or []), "gender": str(contact.gender or "unspecified"),
            "age": "" if contact.age is None else str(contact.age),
            "street": address.street or "", "number": address.number or "",
            "town": address.town or "", "zip_code": address.zip_code or "",
        }

    def __len__(self) -> int:
        return len(self.rows)

    def set(self, row: int, column: str, text: str) -> bool:
        """Change one cell; False when it already holds that text."""
        value = text.strip()
        if self.rows[row].get(column, "") == value:
            return False
        self.rows[row][column] = value
        self.dirty = True
        return True

    def add(self) -> int:
        self.rows.append({"name": "", "last_name": "", "email": "", "phones": "", "gender": "unspecified",
                          "age": "0", "street": "", "number": "", "town": "", "zip_code": ""})
        self._sources.append(None)
        self.dirty = True
        return len(self.rows) - 1

    def remove(self, positions: Iterable[int]) -> list[int]:
        """Remove rows; returns the positions removed, last first (the order a view removes them in)."""
        gone = sorted(set(positions), reverse=True)
        for position in gone:
            del self.rows[position]
            del self._sources[position]
        if gone:
            self.dirty = True
        return gone

    def problem(self, row: int, column: str) -> Text | None:
        """What is wrong with one cell for Lok, or None."""
        value = self.rows[row].get(column, "").strip()
        if column in contacts_csv.REQUIRED_COLUMNS and not value:
            return Text.of("ContactsModel", REQUIRED)
        limit = contacts_csv.LIMITS.get(column)
        if column != "phones" and limit is not None and len(value) > limit:
            return Text.of(contacts_csv.CONTEXT, contacts_csv.TOO_LONG, column=column, length=len(value),
                           limit=limit)
        if column == "email" and (problem := email_problem(value)) is not None:
            return problem
        if column == "age" and value:
            try:
                if not 0 <= int(value) <= contacts_csv.MAX_AGE:
                    return Text.of(contacts_csv.CONTEXT, contacts_csv.AGE_RANGE)
            except ValueError:
                return Text.of(contacts_csv.CONTEXT, contacts_csv.AGE_NOT_NUMBER)
        if column == "gender" and value not in contacts_csv.GENDERS:
            return Text.of("ContactsModel", GENDER_CHOICE)
        if column == "phones":
            return next((p for p in map(phone_problem, _phones(value)) if p is not None), None)
        return None

    def problems(self) -> list[Text]:
        """Every cell problem, as "Row 2, E-mail: …", in reading order."""
        return [Text.of("ContactsModel", CELL_PROBLEM, number=number + 1,
                        label=Text.of("ContactsModel", label), problem=problem)
                for number in range(len(self.rows)) for key, label in EDIT_COLUMNS
                if (problem := self.problem(number, key)) is not None]

    def contacts(self) -> list[models.DirectoryContact]:
        """The rows as contacts; what the table does not show (city, references …) is kept."""
        return [_contact(row, source) for row, source in zip(self.rows, self._sources, strict=True)]


def _phones(text: str) -> list[str]:
    return [p.strip() for p in text.split(";") if p.strip()]


def _contact(row: dict[str, str], source: models.DirectoryContact | None) -> models.DirectoryContact:
    address = source.address.model_copy() if source is not None and source.address else None
    parts = {k: row.get(k, "").strip() for k in ("street", "number", "town", "zip_code")}
    if any(parts.values()) or address is not None:
        address = (address or models.ContactAddress()).model_copy(update=parts)
    return models.DirectoryContact(
        name=row["name"].strip(), last_name=row["last_name"].strip(),
        email=row.get("email", "").strip() or None,
        gender=row.get("gender") or "unspecified", age=int(row.get("age") or "0"),
        phones=_phones(row.get("phones", "")) or None, address=address)


# ---- the CSV import -------------------------------------------------------------------------------
class ContactsImport:
    """One file on its way in: its bytes, the encoding chosen, the preview drawn from them."""

    def __init__(self, raw: bytes, file_name: str) -> None:
        self.raw = raw
        self.file_name = file_name
        self.preview: CsvPreview = contacts_csv.preview(contacts_csv.decode(raw))

    @property
    def encoding(self) -> str:
        return self.preview.encoding

    def choose_encoding(self, encoding: str) -> CsvPreview:
        """Read the same bytes in another encoding; the preview is drawn again."""
        self.preview = contacts_csv.preview(contacts_csv.decode(self.raw, encoding))
        return self.preview


@dataclass(frozen=True)
class ImportOutcome:
    """What an import came to: how many contacts went in and where, or Lok's refusal with its line."""

    problem: Problem | None = None
    imported: int = 0
    directory_id: str | None = None
    refused_line: int | None = None
    refused_column: str = ""

    @property
    def ok(self) -> bool:
        return self.problem is None


def _refused_where(error: LokError) -> tuple[int | None, str]:
    for key in error.keys:
        found = _CSV_KEY.match(key)
        if found is not None:
            return int(found.group(1)), found.group(2) or ""
    return None, ""


# ---- the presenter --------------------------------------------------------------------------------
class DirectoriesPresenter:
    """The directories pane's state and flows. `can_write` is the role's permission (reads work always)."""

    def __init__(self, service: DeskService, call: Call | None = None, *, can_write: bool = True) -> None:
        self._service = service
        self._call: Call = call or direct
        self.can_write = can_write
        self.changed = Listeners()
        self.directories: list[models.DirectorySummary] = []
        self.current: models.DirectoryDetail | None = None
        self.contacts = ContactRows()
        self.loaded = False
        #: Set when Lok's list could not be read in full (the walk's own words, for the log and a note).
        self.incomplete: str | None = None

    async def _list_page(self, **kwargs: Any) -> models.DirectoryPage:
        return await self._call(self._service.list_directories(**kwargs))

    async def load_list(self) -> Problem | None:
        """Every directory, page by page through the one page loop (a capped or repeated page loses
        nothing)."""
        walk = iter_pages(self._list_page)
        found: list[models.DirectorySummary] = []
        try:
            async for page in walk:
                found.extend(page.directories)
        except LokError as error:
            return problem_of(error, LOADING)
        self.directories = found
        self.incomplete = walk.problem if walk.complete is False else None
        self.loaded = True
        self.changed()
        return None

    def summary(self, directory_id: str) -> models.DirectorySummary | None:
        return next((d for d in self.directories if d.id == directory_id), None)

    async def open(self, directory_id: str) -> Problem | None:
        """#20; the contacts table starts clean with its contacts."""
        try:
            detail = await self._call(self._service.get_directory(directory_id))
        except LokError as error:
            return problem_of(error, OPENING)
        self.show(detail)
        return None

    def show(self, detail: models.DirectoryDetail | None) -> None:
        self.current = detail
        self.contacts.set_contacts(detail.contacts if detail is not None else [])
        self.changed()

    async def create(self, name: str) -> Outcome[models.DirectoryDetail]:
        """#3, then the list again with the new one open. Lok's refusal of the name names field "name"."""
        text = name.strip()
        if (problem := _name_problem(text, NAME_NEEDED)) is not None:
            return refused({"name": problem})
        try:
            created = await self._call(self._service.create_directory(text))
        except LokError as error:
            return Outcome(problem=problem_of(error, CREATING, NAME_FIELD, _name_fields(error)))
        await self.load_list()
        self.show(created)
        return Outcome(value=created)

    async def save(self, name: str, active: bool) -> Outcome[models.DirectoryDetail]:
        """#21: rename and/or (de)activate; the locations stay, and unsaved contact edits are kept."""
        current = self.current
        if current is None:
            return Outcome()
        text = name.strip()
        if (problem := _name_problem(text, NAME_MISSING)) is not None:
            return refused({"name": problem})
        try:
            saved = await self._call(self._service.update_directory(
                current.id, name=text, is_active=active, locations=[loc.id for loc in current.locations]))
        except LokError as error:
            return Outcome(problem=problem_of(error, SAVING, NAME_FIELD, _name_fields(error)))
        if self.contacts.dirty:
            self.current = saved                   # only the header changes; the edits stay
        else:
            self.show(saved)
        await self.load_list()
        return Outcome(value=saved)

    def contacts_refusal(self) -> Outcome[int]:
        """The contacts table's own problems, before anything is sent (the first row's is the field)."""
        problems = self.contacts.problems()
        if not problems:
            return Outcome(value=len(self.contacts))
        return refused({"contacts": problems[0]})

    async def save_contacts(self) -> Outcome[int]:
        """#35 overwrites the open directory's contacts with the table's rows; on failure the rows stay."""
        current = self.current
        checked = self.contacts_refusal()
        if current is None or not checked.ok:
            return checked
        try:
            await self._call(self._service.replace_directory_contacts(current.id, self.contacts.contacts()))
        except LokError as error:
            return Outcome(problem=problem_of(error, SAVING_CONTACTS))
        await self.open(current.id)
        return Outcome(value=len(self.contacts))

    async def import_contacts(self, imported: ContactsImport, targets: Sequence[str] | None) -> ImportOutcome:
        """#29 with the previewed text (`targets` None: Lok makes a new directory); then the list again with
        the new or first target directory open. A refusal names the line Lok named."""
        preview = imported.preview
        before = {d.id for d in self.directories}
        try:
            await self._call(self._service.import_directory_csv(
                preview.text, list(targets) if targets else None))
        except LokError as error:
            line, column = _refused_where(error)
            return ImportOutcome(problem=problem_of(error, IMPORTING), refused_line=line,
                                 refused_column=column)
        await self.load_list()
        new = [d.id for d in self.directories if d.id not in before]
        target = new[0] if new else (targets[0] if targets else None)
        if target is not None:
            await self.open(target)
        return ImportOutcome(imported=len(preview.rows), directory_id=target)


# "directory.name" is how the request names the form's name field.
NAME_FIELD = {"name": "name"}


def _name_fields(error: LokError) -> tuple[str, ...]:
    # A 409 names no key: it is the name already used by another directory.
    return ("name",) if error.status_code == 409 else ()


async def company_contacts(service: DeskService, call: Call | None = None) -> list[models.DirectoryContact]:
    """The contacts of every active directory of the company (#2 through the one page loop, then #20 each):
    what a reservation form suggests while a name is typed."""
    run: Call = call or direct

    async def page(**kwargs: Any) -> models.DirectoryPage:
        return await run(service.list_directories(**kwargs))

    contacts: list[models.DirectoryContact] = []
    async for listed in iter_pages(page):
        for directory in listed.directories:
            if directory.is_active:
                contacts.extend((await run(service.get_directory(directory.id))).contacts)
    return contacts
