"""A sentence the core hands to the desk untranslated: an English template marked for the catalogue
(QT_TRANSLATE_NOOP, as lok_desk/core/problems.py does), its catalogue context and its values."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["Text"]


@dataclass(frozen=True)
class Text:
    """`render(translate)` gives the person's language; `english()` the log's. A value that is itself a
    `Text` is rendered in the same language."""

    context: str
    template: str
    args: tuple[object, ...] = ()
    values: tuple[tuple[str, object], ...] = ()

    @classmethod
    def of(cls, context: str, template: str, *args: object, **values: object) -> Text:
        return cls(context, template, args, tuple(values.items()))

    def render(self, translate: Callable[[str, str], str]) -> str:
        args = [a.render(translate) if isinstance(a, Text) else a for a in self.args]
        values = {k: v.render(translate) if isinstance(v, Text) else v for k, v in self.values}
        return translate(self.context, self.template).format(*args, **values)

    def english(self) -> str:
        return self.render(lambda _context, template: template)

    def __str__(self) -> str:
        return self.english()
