"""Walking every page of a paginated Lok list (#2, #4, #7, #8, #18, #24) without losing records.

The walk follows what the server says (`total` first, then `total_pages`, its own `page_size`), not what was
asked: a server may cap the page size, leave the envelope out, or send fewer rows than it
announced. What the walk could not account for is never silent: `PageWalk.complete` is False with a
`problem` sentence, and `unreadable` counts the records that were sent but could not be read.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Awaitable, Callable
from typing import Any, Generic, TypeVar

from . import tolerance
from .errors import InvalidRequestError
from .models import Page

PageT = TypeVar("PageT", bound=Page)
ItemT = TypeVar("ItemT")

log = logging.getLogger(__name__)

MAX_PAGE_SIZE = 100
#: A walk never asks for more pages than this (a server that ignores `page` would go on forever).
MAX_PAGES = 10_000
#: Page sizes tried, largest first, when the server refuses the asked one as too large.
_SMALLER_SIZES = (50, 25, 10)


class PageWalk(Generic[PageT]):
    """`async for page in walk`: page 1, 2, … until the server's last; then read the outcome.

    After the walk: `pages` fetched, `records` read, `unreadable` skipped, `repeated` records dropped
    because an earlier page already brought them, `total` as announced (or None), `complete` (True when
    every announced record arrived, False with `problem` otherwise, None while walking or when the
    caller stopped early), `page_size` the size actually used.

    No record is yielded twice: a page that repeats records already walked loses them (a list that
    shifted between two requests), and a page made only of them is asked once more (a stale answer).
    When it comes again the server ignores `page`: the walk starts over once with the largest page
    size, which brings a list of up to 100 whole; past that it ends incomplete and says so.
    """

    def __init__(
        self,
        method: Callable[..., Awaitable[PageT]],
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        page_size: int,
    ) -> None:
        self._method = method
        self._args = args
        self._kwargs = kwargs
        self.page_size = page_size
        self.pages = 0
        self.records = 0
        self.unreadable = 0
        self.total: int | None = None
        self.complete: bool | None = None
        self.problem: str | None = None
        self._number = 1
        self._largest = 0
        self.repeated = 0
        self._seen: set[Any] = set()
        self._widened = False
        self._done = False
        #: Where the walk's own notes (envelope, caps, incomplete lists) are collected, if anywhere.
        self.oddities: tolerance.OddityLog | None = None

    def __aiter__(self) -> PageWalk[PageT]:
        return self

    async def _fetch(self) -> PageT:
        while True:
            try:
                return await self._method(
                    *self._args, page=self._number, page_size=self.page_size, **self._kwargs
                )
            except InvalidRequestError as error:
                # A server with a lower page-size limit than the contract's 100 refuses the size; the
                # first page tells, and a smaller size is tried (never below 10).
                smaller = [size for size in _SMALLER_SIZES if size < self.page_size]
                about_size = "page_size" in " ".join([*error.keys, error.message])
                if self._number != 1 or not about_size or not smaller:
                    raise
                detail = f"page size {self.page_size} refused; using a smaller one"
                tolerance.note(tolerance.PAGING, "page_size", detail)
                self.page_size = smaller[0]

    async def __anext__(self) -> PageT:
        if self._done:
            raise StopAsyncIteration
        with tolerance.reading_reply():
            if self.oddities is None:
                return await self._next_page()
            with tolerance.collecting(self.oddities):
                return await self._next_page()

    def _fresh(self, page: PageT) -> list[Any]:
        """The records of `page` no earlier page brought (a record without an id always counts)."""
        seen = self._seen
        return [item for item in page.items if getattr(item, "id", None) is None or item.id not in seen]

    async def _next_page(self) -> PageT:
        page = await self._fetch()
        fresh = self._fresh(page)
        if page.items and not fresh:
            # Only records already walked: a stale answer repeats once, so ask the same page again.
            page = await self._fetch()
            fresh = self._fresh(page)
            if page.items and not fresh:
                return await self._page_ignored()
        sent, as_sent = page.received, page
        key = type(page).envelope_key
        if len(fresh) < len(page.items) and key is not None:
            self.repeated += len(page.items) - len(fresh)
            detail = "a page repeated records of an earlier one"
            tolerance.note(tolerance.PAGING, type(page).__name__, detail)
            page = page.model_copy(update={key: fresh})
        items = page.items
        self._seen.update(item.id for item in items if getattr(item, "id", None) is not None)
        self.pages += 1
        self.records += len(items)
        self.unreadable += page.unreadable
        if page.total is not None:
            self.total = page.total
        if page.total is None and page.total_pages is None and page.page_size is None:
            if self.pages == 1 and sent:
                detail = "no paging envelope (total, page_size, total_pages)"
                tolerance.note(tolerance.ENVELOPE, type(page).__name__, detail)
            last = sent == 0 or (self.pages > 1 and sent < self._largest)
            if self.pages == 1 and 0 < sent < self.page_size:
                last = False  # short first page: the end, or a silent page-size cap; the next page tells
        elif self.total is not None:
            # `total` is the one envelope figure a cap cannot bend: a server that sends fewer rows a
            # page than its `page_size`/`total_pages` work out (they echo the asked size) would end
            # the walk early. So go on until every announced record is in, or a page comes empty.
            last = sent == 0 or self.records + self.unreadable >= self.total
            said = page.page_size is not None and page.page_size < self.page_size
            short = 0 < sent < min(self.total, page.page_size or self.page_size)
            if self.pages == 1 and (said or short):
                tolerance.note(tolerance.PAGING, type(page).__name__, "the server capped the page size")
        else:
            last = as_sent.is_last(self._number, self.page_size)
            if page.page_size is not None and page.page_size < self.page_size and self.pages == 1:
                tolerance.note(tolerance.PAGING, type(page).__name__, "the server capped the page size")
        self._largest = max(self._largest, sent)
        if not last and self.pages >= MAX_PAGES:
            self._finish(False, f"stopped after {MAX_PAGES} pages")
        elif last:
            self._finish_at_end()
        self._number += 1
        return page

    async def _page_ignored(self) -> PageT:
        """The server answers every page number with records already walked: it ignores `page`."""
        if not self._widened and self.page_size < MAX_PAGE_SIZE:
            # One page of the largest size may hold the whole list; what was walked is not repeated.
            self._widened = True
            detail = "the server ignores the page number; asking one large page"
            tolerance.note(tolerance.PAGING, "page", detail)
            self.page_size = MAX_PAGE_SIZE
            self._number = 1
            return await self._next_page()
        received = self.records + self.unreadable
        if self.total is not None and received >= self.total:
            self._finish(True, None)
        else:
            self._finish(False, "the server sent the same page twice (it seems to ignore the page number)")
        raise StopAsyncIteration

    def _finish_at_end(self) -> None:
        received = self.records + self.unreadable
        if self.total is not None and received < self.total:
            self._finish(False, f"the server announced {self.total} records but sent {received}")
        else:
            self._finish(True, None)

    def _finish(self, complete: bool, problem: str | None) -> None:
        self._done = True
        self.complete = complete
        self.problem = problem
        if problem is not None:
            tolerance.note(tolerance.PAGING, "list", "a list the server did not send in full", blocking=True)
            log.warning("Incomplete list after %d pages: %s", self.pages, problem)
        if self.unreadable:
            log.warning("%d records of the list could not be read and were skipped", self.unreadable)


class RecordWalk(Generic[ItemT]):
    """`async for record in walk`: the records of every page; the outcome as on `PageWalk`."""

    def __init__(self, pages: PageWalk[Any]) -> None:
        self.pages = pages
        self._buffer: deque[ItemT] = deque()

    def __aiter__(self) -> RecordWalk[ItemT]:
        return self

    async def __anext__(self) -> ItemT:
        while not self._buffer:
            page = await self.pages.__anext__()
            self._buffer.extend(page.items)
        return self._buffer.popleft()

    @property
    def records(self) -> int:
        return self.pages.records

    @property
    def unreadable(self) -> int:
        return self.pages.unreadable

    @property
    def total(self) -> int | None:
        return self.pages.total

    @property
    def complete(self) -> bool | None:
        return self.pages.complete

    @property
    def problem(self) -> str | None:
        return self.pages.problem


def iter_pages(
    method: Callable[..., Awaitable[PageT]], *args: Any, page_size: int = MAX_PAGE_SIZE, **kwargs: Any
) -> PageWalk[PageT]:
    """Yield page 1, 2, … of `method(*args, page=n, page_size=page_size, **kwargs)` until the last.

    The caller may `break` at any time; no further request is made then. See `PageWalk`.
    """
    if not 1 <= page_size <= MAX_PAGE_SIZE:
        raise ValueError(f"page_size must be between 1 and {MAX_PAGE_SIZE}")
    return PageWalk(method, args, kwargs, page_size)
