"""Walking every page of a paginated Lok list (#2, #4, #7, #8, #18, #24) as an async iterator."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any, TypeVar

from .models import Page

PageT = TypeVar("PageT", bound=Page)

MAX_PAGE_SIZE = 100


async def iter_pages(
    method: Callable[..., Awaitable[PageT]], *args: Any, page_size: int = MAX_PAGE_SIZE, **kwargs: Any
) -> AsyncIterator[PageT]:
    """Yield page 1, 2, … of `method(*args, page=n, page_size=page_size, **kwargs)` until the last.

    The last page is known from `total_pages` (or `total`), else from an empty or short page. The
    caller may `break` at any time; no further request is made then.
    """
    if not 1 <= page_size <= MAX_PAGE_SIZE:
        raise ValueError(f"page_size must be between 1 and {MAX_PAGE_SIZE}")
    number = 1
    while True:
        page = await method(*args, page=number, page_size=page_size, **kwargs)
        yield page
        if page.is_last(number, page_size):
            return
        number += 1
