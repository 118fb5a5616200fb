"""The Insights pane's sentences with a count, marked for the catalogue as plural messages.

lupdate records a plural message only when the count in the call is a literal, so the sources are
marked here with a no-op `translate(..., None, 0)` (as lok_desk/core/problem_facts.py does) and the
pane translates them with the real count through lok_desk.desk.kit.i18n.translate.
"""

from __future__ import annotations


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """Marks `text` for the catalogue; returns it untranslated."""
    del context, disambiguation, n
    return text


LAST_DAYS = translate("Insights", "Last %n days", None, 0)
OPEN_BEHIND = translate("Insights", "Enter or double-click: open the %n reservations", None, 0)
