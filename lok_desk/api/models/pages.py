"""The page envelope every Lok list reply comes in."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from pydantic import Field

from .base import LokModel
from .locations import LocationDetail


class Page(LokModel):
    """The paging envelope shared by #2, #4, #7, #8, #18, #24.

    Every envelope field may be missing (a server may even send a bare list, read as the items).
    `unreadable` counts the records of this page that could not be read and were skipped.
    """

    status_code: int | None = None
    total: int | None = None
    page: int | None = None
    page_size: int | None = None
    total_pages: int | None = None

    @property
    def items(self) -> Sequence[Any]:
        return []

    @property
    def unreadable(self) -> int:
        """Records on this page Lok Desk could not read (skipped, never silently: count them in)."""
        return self.unreadable_records

    @property
    def received(self) -> int:
        """Records the server sent on this page, read or not."""
        return len(self.items) + self.unreadable

    def is_last(self, requested_page: int, requested_size: int) -> bool:
        """Whether no page follows this one, by what the server says rather than what was asked.

        `total_pages` when given; else `total` with the page size the server used (its `page_size`,
        else the asked one); else a page shorter than the server's own `page_size`, else shorter than
        the asked size. That last guess cannot tell the end of a list from a server that caps its
        page size without saying so: `iter_pages` can (it probes once), so prefer it.
        """
        if self.received == 0:
            return True
        number = self.page or requested_page
        if self.total_pages is not None:
            return number >= self.total_pages
        size = self.page_size or requested_size
        if self.total is not None:
            return number * size >= self.total
        if self.page_size is not None:
            return self.received < self.page_size
        return self.received < requested_size


class LocationPage(Page):
    envelope_key: ClassVar[str | None] = "locations"
    locations: list[LocationDetail] = Field(default_factory=list)

    @property
    def items(self) -> Sequence[LocationDetail]:
        return self.locations


