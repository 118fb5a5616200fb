"""Models of the directories section: directories and their contacts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from pydantic import Field

from .auth import CompanyRef
from .base import LokModel
from .fields import GenderValue, LokDateTime
from .locations import LocationSummary, ZipCode
from .pages import Page


class ContactAddress(LokModel):
    delivery_info: str | None = None
    city: str | None = None
    state: str | None = None
    country: str | None = None
    street: str | None = None
    number: str | None = None
    town: str | None = None
    zip_code: ZipCode = None
    references: str | None = None
    cross_streets: str | None = None


class DirectoryContact(LokModel):
    name: str
    last_name: str
    email: str | None = None
    gender: GenderValue
    age: int
    phones: list[str] | None = None
    address: ContactAddress | None = None
    directory: str | None = None


class StoredDirectoryContact(DirectoryContact):
    """A contact as Lok stores it; one saved without `gender` or `age` still reads (they stay None)."""

    gender: GenderValue | None = None  # type: ignore[assignment]
    age: int | None = None  # type: ignore[assignment]
    created_at: LokDateTime = None
    updated_at: LokDateTime = None


class DirectorySummary(LokModel):
    id: str
    company: CompanyRef | None = None
    author: CompanyRef | None = None
    # Wire name `isActive` (camel case, unlike the request's `is_active`).
    is_active: bool = Field(default=True, alias="isActive")
    name: str | None = None
    created_at: LokDateTime = None
    updated_at: LokDateTime = None


class DirectoryDetail(DirectorySummary):
    contacts: list[StoredDirectoryContact] = Field(default_factory=list)
    locations: list[LocationSummary] = Field(default_factory=list)


class DirectoryResponse(LokModel):
    """#3, #20, #21 reply."""

    status_code: int | None = None
    directory: DirectoryDetail


class DirectoryPage(Page):
    envelope_key: ClassVar[str | None] = "directories"
    directories: list[DirectorySummary] = Field(default_factory=list)

    @property
    def items(self) -> Sequence[DirectorySummary]:
        return self.directories


class DirectoryName(LokModel):
    name: str


class DirectoryCreate(LokModel):
    """#3 body."""

    directory: DirectoryName


class DirectoryChanges(LokModel):
    name: str
    is_active: bool | None = None
    locations: list[str] | None = None


class DirectoryUpdate(LokModel):
    """#21 body."""

    directory: DirectoryChanges


class ContactsReplace(LokModel):
    """#35 body."""

    contacts: list[DirectoryContact]


class ContactsResponse(LokModel):
    """#35 reply."""

    envelope_key: ClassVar[str | None] = "contacts"

    contacts: list[StoredDirectoryContact] = Field(default_factory=list)


class DirectoryCsvImport(LokModel):
    """#29 body (wire key `directoriesIds`)."""

    directories_ids: list[str] | None = Field(default=None, alias="directoriesIds")
    csv: str | None = None


