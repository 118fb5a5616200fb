"""What the owner presenters share: how a call to Lok is awaited, listeners, a failure as a `Problem`."""

from __future__ import annotations

import dataclasses
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from lok_desk.core.problems import Problem, invalid, problem_from
from lok_desk.core.text import Text

T = TypeVar("T")
V = TypeVar("V", covariant=True)

__all__ = ["Call", "Listeners", "Outcome", "direct", "problem_of", "refused"]


class Call(Protocol):
    """Awaits one API call for the desk (the session's `call`: busy count, offline state)."""

    def __call__(self, coro: Awaitable[T], /) -> Awaitable[T]: ...


async def direct(coro: Awaitable[T]) -> T:
    """The `Call` used when none is given (tests, command-line tools)."""
    return await coro


class Listeners:
    """Plain callbacks run after the presenter's state changed (the view redraws from the presenter)."""

    def __init__(self) -> None:
        self._callbacks: list[Callable[[], None]] = []

    def add(self, callback: Callable[[], None]) -> Callable[[], None]:
        """Listen; returns the function that stops listening."""
        self._callbacks.append(callback)
        return lambda: self._callbacks.remove(callback) if callback in self._callbacks else None

    def __call__(self) -> None:
        for callback in list(self._callbacks):
            callback()


def problem_of(error: BaseException, doing: str,
               rename: Mapping[str, str] | Callable[[str], str] | None = None,
               fields: tuple[str, ...] = ()) -> Problem:
    """The `Problem` of a failed call; `doing` is a phrase marked for the "explain_error" catalogue.

    `rename` maps Lok's request keys to the form's field names ("operator_email" → "operator",
    "directory.name" → "name": any part of the dotted key; or a function of the key); the fields and Lok's
    facts about them are renamed alike, so the reason lands beside the field. `fields` names the fields
    when Lok named none."""
    problem = problem_from(error, doing=doing)
    if rename:
        def form_name(path: str) -> str:
            if callable(rename):
                return rename(path)
            return next((rename[part] for part in path.split(".") if part in rename), path)

        problem = dataclasses.replace(
            problem, fields=tuple(dict.fromkeys(form_name(f) for f in problem.fields)),
            facts=tuple(dataclasses.replace(fact, field=form_name(fact.field)) for fact in problem.facts))
    if fields and not problem.fields:
        problem = dataclasses.replace(problem, fields=fields)
    return problem


@dataclass(frozen=True)
class Outcome(Generic[V]):
    """What a flow came to: its value, or the `Problem` and (for the desk's own checks) the message to show
    under each field it names. `messages` is empty when Lok refused: the Problem carries Lok's facts."""

    value: V | None = None
    problem: Problem | None = None
    messages: tuple[tuple[str, Text], ...] = ()

    @property
    def ok(self) -> bool:
        return self.problem is None

    def message(self, field: str) -> Text | None:
        return dict(self.messages).get(field)


def refused(messages: Mapping[str, Text]) -> Outcome[V]:
    """The desk's own check refused these fields (in form order); nothing was sent."""
    return Outcome(problem=invalid(*messages), messages=tuple(messages.items()))
