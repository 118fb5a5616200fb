"""The one CSV writer for every export the desk saves (Reports, Today board, desk history, audit, insights).

A file a person opens in a spreadsheet must not run anything and must not change a value. The rules
(docs/decisions.md, "Spreadsheet exports"):

* Every field is double-quoted, rows end with CR LF (RFC 4180), UTF-8 with an optional BOM (spreadsheets
  on Windows read accents only with it).
* A text cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return (or their
  full-width forms, or any of them after leading spaces) would be read as a formula: it is written with
  a leading apostrophe ``'`` (OWASP's CSV-injection rule). ``=HYPERLINK("y")`` arrives as the text
  ``'=HYPERLINK("y")``.
* Ids and codes (`Ident`) always start with that apostrophe, so ``00010001015`` stays those eleven
  characters instead of becoming the number 10001015 (or a date, or ``1E+15``).
* A text cell that itself begins with ``'`` gets a second one. So the rule for reading a file back is
  exact: a cell that starts with ``'`` loses that one character (`unmark`, `read_csv`).
* Dates and times are ISO 8601 with their offset (a naive time is UTC); nothing is an empty field,
  never a dash; numbers are plain digits (a negative number keeps its sign: it is a number, not text).

Use: ``write_csv(path, headers, rows)`` with rows of raw values (str, `Ident`, datetime, date, numbers,
bool, None, enums); wrap ids with ``ident(value)``. Written atomically and owner-only (0600).
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import Enum
from pathlib import Path

__all__ = ["BOM", "Ident", "cell", "csv_text", "ident", "read_csv", "unmark", "write_csv"]

BOM = "\ufeff"
MARK = "'"
# What a spreadsheet reads as the start of a formula: = + - @, tab, CR; also their full-width forms
# (some spreadsheets fold them), and after leading spaces (some trim before they look).
_FORMULA_START = re.compile(r"[ \u3000]*[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]")


class Ident(str):
    """An id or code (reservation id, shipment id, location id): text in any spreadsheet."""

    __slots__ = ()


def ident(value: object) -> Ident | None:
    """`value` as an `Ident` (None and "" stay empty)."""
    if value is None or value == "":
        return None
    return Ident(str(value))


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def _text(value: str) -> str:
    if value.startswith(MARK) or _FORMULA_START.match(value):
        return MARK + value
    return value


def cell(value: object) -> str:
    """One field as written (see the module docstring)."""
    if value is None:
        return ""
    if isinstance(value, Ident):
        return MARK + str(value) if value else ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float | Decimal):
        return str(value)
    if isinstance(value, datetime):
        return _aware(value).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return _text(str(value.value))
    return _text(str(value))


def unmark(text: str) -> str:
    """A field as read back: the one leading apostrophe the writer adds is dropped."""
    return text[1:] if text.startswith(MARK) else text


def csv_text(headers: Sequence[str], rows: Iterable[Sequence[object]], *, bom: bool = False) -> str:
    """The whole file as text."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow([cell(header) for header in headers])
    for row in rows:
        writer.writerow([cell(value) for value in row])
    return (BOM if bom else "") + buffer.getvalue()


def write_csv(path: Path | str, headers: Sequence[str], rows: Iterable[Sequence[object]], *,
              bom: bool = False) -> None:
    """Write the file atomically and owner-only; blocking (the desk calls it off the Qt thread)."""
    target = Path(path)
    data = csv_text(headers, rows, bom=bom).encode("utf-8")
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o600)   # an existing file kept its old mode through O_CREAT
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def read_csv(path: Path | str) -> list[list[str]]:
    """A file `write_csv` wrote, back as its values (BOM or not, marks dropped): tests and re-imports."""
    text = Path(path).read_text(encoding="utf-8-sig")
    return [[unmark(field) for field in row] for row in csv.reader(io.StringIO(text, newline=""))]
