"""What Lok said about each field it refused, as data (`Fact`): the field, the line of a CSV file, the
reason, a limit ("at most 2048 characters"), a value — read from its answer, worded by the desk.

Lok writes its reasons in English, so they never reach the screen: this module reads them (the sandbox's
sentences, pydantic's, and pydantic's structured errors when the desk builds a request) into a `Reason`
and its numbers, and `REASONS` holds one template per reason, marked for the catalogue, that the desk
translates (lok_desk/desk/kit/problems.py). Part of the one failure → Problem mapping of
lok_desk/core/problems.py.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from lok_desk.api import errors as api_errors

__all__ = ["AT_LINE", "AT_LINE_COLUMN", "FIELD_REFUSED", "PLURAL_REASONS", "REASONS", "Fact", "Reason",
           "facts_of", "int_or_none", "reason_in"]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark `text` for the catalogue without translating it (Qt's macro of the same name)."""
    del context
    return text


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """Mark a plural template ("%n") for the catalogue: pyside6-lupdate takes a call by this name with a
    count as a plural message. Nothing is translated here; the desk translates it with the real count."""
    del context, disambiguation, n
    return text


class Reason(StrEnum):
    """Why Lok (or the desk's own check) refused one field, as read from its answer."""

    TOO_LONG = "too_long"                 # limit: characters
    TOO_SHORT = "too_short"               # limit: characters
    TOO_MANY_ITEMS = "too_many_items"     # limit: entries (a list, the `additional` keys)
    TOO_LARGE = "too_large"               # limit: the largest number allowed
    TOO_SMALL = "too_small"               # limit: the smallest number allowed
    REQUIRED = "required"
    NOT_A_NUMBER = "not_a_number"
    NOT_AN_EMAIL = "not_an_email"
    NOT_A_CHOICE = "not_a_choice"         # value: the values allowed
    BAD_FORMAT = "bad_format"
    TAKEN = "taken"                       # the name or e-mail is already used
    NUL = "nul"                           # CSV: a NUL character on the line
    BARE_CR = "bare_cr"                   # CSV: a carriage return alone ends the line
    NOT_UTF8 = "not_utf8"
    NOT_CSV = "not_csv"
    CELL_TOO_LONG = "cell_too_long"       # limit: characters in one cell
    TOO_MANY_CONTACTS = "too_many_contacts"   # limit: contacts in one file
    NOT_A_CONTACT = "not_a_contact"
    NO_HEADER = "no_header"
    UNKNOWN = "unknown"                   # Lok named the field but gave no reason the desk can read


# Reason -> sentence. Placeholders: {limit}, {value}; "%n" is the limit, for the plural forms.
REASONS: dict[Reason, str] = {
    Reason.TOO_LONG: translate("explain_error", "At most %n characters are allowed.", None, 0),
    Reason.TOO_SHORT: translate("explain_error", "At least %n characters are needed.", None, 0),
    Reason.TOO_MANY_ITEMS: translate("explain_error", "At most %n entries are allowed.", None, 0),
    Reason.TOO_LARGE: QT_TRANSLATE_NOOP("explain_error", "The largest value allowed is {limit}."),
    Reason.TOO_SMALL: QT_TRANSLATE_NOOP("explain_error", "The smallest value allowed is {limit}."),
    Reason.REQUIRED: QT_TRANSLATE_NOOP("explain_error", "This cannot be left empty."),
    Reason.NOT_A_NUMBER: QT_TRANSLATE_NOOP("explain_error", "This must be a number."),
    Reason.NOT_AN_EMAIL: QT_TRANSLATE_NOOP("explain_error", "This is not a valid e-mail address."),
    Reason.NOT_A_CHOICE: QT_TRANSLATE_NOOP("explain_error", "Use one of: {value}."),
    Reason.BAD_FORMAT: QT_TRANSLATE_NOOP("explain_error", "This is not written the way Lok expects."),
    Reason.TAKEN: QT_TRANSLATE_NOOP("explain_error", "This is already in use."),
    Reason.NUL: QT_TRANSLATE_NOOP("explain_error", "There is a NUL character (an invisible control "
                                                   "character) in it."),
    Reason.BARE_CR: QT_TRANSLATE_NOOP("explain_error", "It ends with a lone carriage return; save the file "
                                                       "with ordinary line ends."),
    Reason.NOT_UTF8: QT_TRANSLATE_NOOP("explain_error", "It holds bytes that are not UTF-8 text; save the "
                                                        "file as UTF-8."),
    Reason.NOT_CSV: QT_TRANSLATE_NOOP("explain_error", "It cannot be read as CSV (check the quotes)."),
    Reason.CELL_TOO_LONG: translate("explain_error", "A cell is longer than %n characters.", None, 0),
    Reason.TOO_MANY_CONTACTS: translate("explain_error", "A file may hold at most %n contacts.", None, 0),
    Reason.NOT_A_CONTACT: QT_TRANSLATE_NOOP("explain_error", "It is not a valid contact."),
    Reason.NO_HEADER: QT_TRANSLATE_NOOP("explain_error", "The file needs a first row naming the columns, "
                                                         "with at least name and last_name."),
    Reason.UNKNOWN: QT_TRANSLATE_NOOP("explain_error", "Lok did not accept this value; check it and try "
                                                       "again."),
}
# The reasons whose sentence has "%n" (translated with the limit as the count).
PLURAL_REASONS = frozenset({Reason.TOO_LONG, Reason.TOO_SHORT, Reason.TOO_MANY_ITEMS, Reason.CELL_TOO_LONG,
                            Reason.TOO_MANY_CONTACTS})
# Where in a file the fact is ({line}; {column} is a column's own name, e.g. "email").
AT_LINE = QT_TRANSLATE_NOOP("explain_error", "Line {line}: {reason}")
AT_LINE_COLUMN = QT_TRANSLATE_NOOP("explain_error", "Line {line}, column {column}: {reason}")
# Back-compatible name of the sentence under a field Lok refused without a readable reason.
FIELD_REFUSED = REASONS[Reason.UNKNOWN]


@dataclass(frozen=True)
class Fact:
    """One thing Lok (or the desk's check) said about one field, as data: worded by the desk."""

    field: str                  # the form's name for it: "url", "recipient.email", "csv"
    reason: Reason = Reason.UNKNOWN
    limit: int | None = None    # for the reasons with a number
    line: int | None = None     # the line of a CSV file
    column: str = ""            # the CSV column, by its header name
    value: str = ""             # e.g. the values allowed

    def record(self) -> dict[str, Any]:
        """Plain JSON data (the desk history keeps it and words it when it is read)."""
        record = {key: value for key, value in dataclasses.asdict(self).items() if value not in (None, "")}
        record["reason"] = self.reason.value
        return record

    @classmethod
    def from_record(cls, raw: Mapping[str, Any]) -> Fact:
        reason = str(raw.get("reason", ""))
        return cls(field=str(raw.get("field", "")),
                   reason=Reason(reason) if reason in set(Reason) else Reason.UNKNOWN,
                   limit=int_or_none(raw.get("limit")), line=int_or_none(raw.get("line")),
                   column=str(raw.get("column", "")), value=str(raw.get("value", "")))


def int_or_none(raw: object) -> int | None:
    """A whole number from stored or sent data, or None (never a bool)."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        return raw
    if isinstance(raw, str) and raw.strip().isdigit():
        return int(raw.strip())
    return None


# ---- reading Lok's answer into facts ------------------------------------------------------------

_CSV_KEY = re.compile(r"^csv\.(\d+)(?:\.(.+))?$")
_NUMBER = r"(\d[\d,]*)"
# (pattern in Lok's English, reason, whether group 1 is the limit). The first that matches wins; the
# sandbox's messages and pydantic's ("String should have at most 2048 characters") are both read.
_MESSAGE_REASONS: tuple[tuple[re.Pattern[str], Reason], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), reason) for pattern, reason in (
        (r"NUL character", Reason.NUL),
        (r"bare carriage return", Reason.BARE_CR),
        (r"not UTF-8", Reason.NOT_UTF8),
        (r"field longer than " + _NUMBER, Reason.CELL_TOO_LONG),
        (r"limit of " + _NUMBER + " contacts", Reason.TOO_MANY_CONTACTS),
        (r"is not CSV", Reason.NOT_CSV),
        (r"not a valid contact", Reason.NOT_A_CONTACT),
        (r"header row", Reason.NO_HEADER),
        (r"at most " + _NUMBER + r" characters?", Reason.TOO_LONG),
        (r"at least " + _NUMBER + r" characters?", Reason.TOO_SHORT),
        (r"at most " + _NUMBER + r" (?:items?|keys?|entries)", Reason.TOO_MANY_ITEMS),
        (r"less than or equal to " + _NUMBER, Reason.TOO_LARGE),
        (r"greater than or equal to " + _NUMBER, Reason.TOO_SMALL),
        (r"field required|is required|missing", Reason.REQUIRED),
        (r"valid (?:integer|number|float|decimal)", Reason.NOT_A_NUMBER),
        (r"e-?mail", Reason.NOT_AN_EMAIL),
        (r"already (?:used|exists|taken|in use)|duplicated?", Reason.TAKEN),
        (r"should be (?:'[^']*'(?:, | or )?)+", Reason.NOT_A_CHOICE),
        (r"pattern|format", Reason.BAD_FORMAT),
    ))
# pydantic's error `type` (a request the desk builds) -> reason, and the context key holding the limit.
_PYDANTIC_REASONS: dict[str, tuple[Reason, str]] = {
    "string_too_long": (Reason.TOO_LONG, "max_length"),
    "string_too_short": (Reason.TOO_SHORT, "min_length"),
    "too_long": (Reason.TOO_MANY_ITEMS, "max_length"),
    "less_than_equal": (Reason.TOO_LARGE, "le"),
    "less_than": (Reason.TOO_LARGE, "lt"),
    "greater_than_equal": (Reason.TOO_SMALL, "ge"),
    "greater_than": (Reason.TOO_SMALL, "gt"),
    "missing": (Reason.REQUIRED, ""),
    "int_parsing": (Reason.NOT_A_NUMBER, ""),
    "float_parsing": (Reason.NOT_A_NUMBER, ""),
    "decimal_parsing": (Reason.NOT_A_NUMBER, ""),
    "int_type": (Reason.NOT_A_NUMBER, ""),
    "float_type": (Reason.NOT_A_NUMBER, ""),
    "literal_error": (Reason.NOT_A_CHOICE, "expected"),
    "enum": (Reason.NOT_A_CHOICE, "expected"),
    "string_pattern_mismatch": (Reason.BAD_FORMAT, ""),
}


def reason_in(message: str) -> tuple[Reason, int | None, str]:
    """(reason, limit, value) read from one English sentence of Lok's; UNKNOWN when none can be read."""
    for pattern, reason in _MESSAGE_REASONS:
        found = pattern.search(message)
        if found is None:
            continue
        if reason is Reason.NOT_A_CHOICE:
            return reason, None, ", ".join(re.findall(r"'([^']*)'", found.group(0)))
        limit = int(found.group(1).replace(",", "")) if found.groups() and found.group(1) else None
        return reason, limit, ""
    return Reason.UNKNOWN, None, ""


def _clean(key: str) -> str:
    # FastAPI names where a value came from ("body.recipient.email"); the form only knows the field.
    for prefix in ("body.", "query.", "path."):
        if key.startswith(prefix):
            return key[len(prefix):]
    return key


def _facts_of_lok(error: api_errors.LokError) -> tuple[Fact, ...]:
    keys = [_clean(key) for key in error.keys]
    message = error.message or ""
    # The sandbox says which key its sentence is about ("Invalid request — url: String should ...").
    said_about = ""
    if "—" in message and ":" in message.split("—", 1)[1]:
        said_about = _clean(message.split("—", 1)[1].split(":", 1)[0].strip())
    facts: list[Fact] = []
    for key in keys:
        about = len(keys) == 1 or key == said_about or (key.startswith("csv.") and "Line" in message)
        reason, limit, value = reason_in(message) if about else (Reason.UNKNOWN, None, "")
        csv_key = _CSV_KEY.match(key)
        if csv_key is not None:
            facts.append(Fact("csv", reason, limit, int(csv_key.group(1)), csv_key.group(2) or "", value))
        else:
            facts.append(Fact(key, reason, limit, value=value))
    return tuple(facts)


def _facts_of_validation(error: BaseException) -> tuple[Fact, ...]:
    errors = getattr(error, "errors", None)    # pydantic.ValidationError, without importing pydantic
    if not callable(errors) or type(error).__name__ != "ValidationError":
        return ()
    try:
        entries: Sequence[Any] = errors()
    except Exception:
        return ()
    facts: list[Fact] = []
    for entry in entries:
        if not isinstance(entry, dict):
            continue
        path = ".".join(str(part) for part in entry.get("loc", ()) if not isinstance(part, int))
        if not path:
            continue
        reason, context_key = _PYDANTIC_REASONS.get(str(entry.get("type", "")), (Reason.UNKNOWN, ""))
        context = entry.get("ctx") or {}
        raw = context.get(context_key) if context_key and isinstance(context, dict) else None
        if reason is Reason.UNKNOWN:
            reason, limit, value = reason_in(str(entry.get("msg", "")))
        else:
            limit = int_or_none(raw) if reason is not Reason.NOT_A_CHOICE else None
            value = str(raw).replace("'", "") if reason is Reason.NOT_A_CHOICE and raw else ""
        facts.append(Fact(path, reason, limit, value=value))
    return tuple(facts)




def facts_of(error: BaseException) -> tuple[Fact, ...]:
    """The facts a Lok error (data.keys and its message) or a pydantic validation error carries."""
    if isinstance(error, api_errors.LokError):
        return _facts_of_lok(error)
    return _facts_of_validation(error)
