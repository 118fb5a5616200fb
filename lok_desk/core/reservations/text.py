"""A sentence the core hands to the desk untranslated: an English template marked for the catalogue
(QT_TRANSLATE_NOOP, as lok_desk/core/problems.py does), its catalogue context and its values."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Text:
    """`render(translate)` gives the person's language; `english()` the log's."""

    context: str
    template: str
    args: tuple[object, ...] = ()
    values: tuple[tuple[str, object], ...] = ()

    @classmethod
    def of(cls, context: str, template: str, *args: object, **values: object) -> Text:
        return cls(context, template, args, tuple(values.items()))

    def render(self, translate: Callable[[str, str], str]) -> str:
        """In the person's language: `translate(context, template)` is the desk's catalogue look-up."""
        def word(value: object) -> object:
            return value.render(translate) if isinstance(value, Text) else value

        args = [word(value) for value in self.args]
        values = {key: word(value) for key, value in self.values}
        return translate(self.context, self.template).format(*args, **values)

    def english(self) -> str:
        return self.render(lambda _context, template: template)
