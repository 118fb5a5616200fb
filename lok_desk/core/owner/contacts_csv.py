"""Reading a contacts CSV before it is imported (#29): strict decoding and a preview that applies Lok's own
limits, so no bad line is garbled, hidden or found out only when Lok refuses the whole file (no Qt).

Layout Lok Desk imports (what the Lok sandbox accepts; Lok's reference leaves it open): a header row naming
the columns, in any order, comma-separated, fields may be double-quoted::

    name,last_name,email,gender,age,phones,street,number,town,zip_code,city,state,country,references,
    cross_streets,delivery_info

`name` and `last_name` are required on every row. `gender` is male, female or unspecified, written so
(empty = unspecified); `age` a whole number 0–150 (empty = 0); `phones` several numbers separated by `;`.
When any of street/number/town/zip_code is given the contact gets an address. Unknown columns are ignored
(and the preview says so).

Decoding is strict: UTF-8, with or without a byte-order mark. A file that is not UTF-8 is not guessed at
(one Latin-1 line used to turn the whole file into cp1252 and "María" into "MarÃa", marked ✓): the preview
names the lines that are not UTF-8 and the person picks the encoding the file was saved in
(`ENCODINGS`); the preview is drawn again from the same bytes.

Every problem is tied to its line number in the file (the header is line 1; a quoted value spanning lines
belongs to the line it starts on): a value longer than Lok takes (`LIMITS`, the sandbox's, checked
against it by tests/core/test_owner_directories.py), a quote that is never closed or that swallows the
following lines, a NUL character, a lone carriage return, more cells than columns, a duplicate e-mail.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from lok_desk.core.problems import QT_TRANSLATE_NOOP
from lok_desk.core.reservations import fields
from lok_desk.core.text import Text

__all__ = [
    "ADDRESS_COLUMNS", "CSV_COLUMNS", "ENCODINGS", "GENDERS", "LIMITS", "MAX_CELL", "MAX_CONTACTS",
    "MAX_PHONES", "MAX_TEXT", "REQUIRED_COLUMNS", "CsvPreview", "Decoded", "PreviewRow", "decode",
    "email_problem", "preview",
]

CONTEXT = "CsvImportDialog"

CSV_COLUMNS: tuple[str, ...] = (
    "name", "last_name", "email", "gender", "age", "phones", "street", "number", "town", "zip_code",
    "city", "state", "country", "references", "cross_streets", "delivery_info",
)
REQUIRED_COLUMNS = ("name", "last_name")
ADDRESS_COLUMNS = CSV_COLUMNS[6:]
GENDERS = ("male", "female", "unspecified")
# Lok's limits, as the sandbox enforces them (lok_desk/sandbox/schemas.py and routes_directories.py).
SHORT = 256
LONG = 4096
LIMITS: Mapping[str, int] = {
    **{column: SHORT for column in CSV_COLUMNS if column not in ("age",)},
    "references": LONG, "cross_streets": LONG, "delivery_info": LONG,
}
MAX_PHONES = 20
MAX_AGE = 150
MAX_CONTACTS = 5000
MAX_TEXT = 2_000_000            # characters of the whole file
MAX_CELL = 131_072              # Python's csv module (Lok's reader) refuses a longer cell
# Columns where a value spanning lines is ordinary text; anywhere else it is a quote left open.
MULTILINE_COLUMNS = frozenset({"references", "cross_streets", "delivery_info"})

# The encodings a person may choose when the file is not UTF-8: (codec, how the person knows it).
ENCODINGS: tuple[tuple[str, str], ...] = (
    ("utf-8", QT_TRANSLATE_NOOP("CsvImportDialog", "UTF-8")),
    ("cp1252", QT_TRANSLATE_NOOP("CsvImportDialog", "Windows, Western European (cp1252)")),
    ("latin-1", QT_TRANSLATE_NOOP("CsvImportDialog", "Latin-1 (ISO 8859-1)")),
    ("mac_roman", QT_TRANSLATE_NOOP("CsvImportDialog", "Mac OS Roman")),
    ("utf-16", QT_TRANSLATE_NOOP("CsvImportDialog", "UTF-16")),
)

# Line problems (the first six keep the wording the preview had before, so their translations carry over).
EMPTY = QT_TRANSLATE_NOOP("CsvImportDialog", "{column} is empty")
AGE_NOT_NUMBER = QT_TRANSLATE_NOOP("CsvImportDialog", "age is not a whole number")
AGE_RANGE = QT_TRANSLATE_NOOP("CsvImportDialog", "age must be 0–150")
GENDER = QT_TRANSLATE_NOOP("CsvImportDialog", "gender must be male, female or unspecified")
NOT_EMAIL = QT_TRANSLATE_NOOP("CsvImportDialog", "e-mail is not an address")
SAME_EMAIL = QT_TRANSLATE_NOOP("CsvImportDialog", "same e-mail as line {line}")
TOO_LONG = QT_TRANSLATE_NOOP("CsvImportDialog", "{column} has {length} characters; Lok takes at most {limit}")
TOO_MANY_PHONES = QT_TRANSLATE_NOOP("CsvImportDialog", "{count} phone numbers; Lok takes at most {limit}")
PHONE_TOO_LONG = QT_TRANSLATE_NOOP("CsvImportDialog", "a phone number is longer than {limit} characters")
EXTRA_CELLS = QT_TRANSLATE_NOOP("CsvImportDialog", "more cells than the header has columns (a value with a "
                                                   "comma needs double quotes around it)")
SWALLOWS = QT_TRANSLATE_NOOP("CsvImportDialog", "a double quote opened in {column} is closed only on line "
                                                "{last}, so lines {next} to {last} are read into {column}")
SWALLOWS_ONE = QT_TRANSLATE_NOOP("CsvImportDialog", "a double quote opened in {column} is closed only on the "
                                                    "next line, so line {last} is read into {column}")
NEVER_CLOSED = QT_TRANSLATE_NOOP("CsvImportDialog", "a double quote opened here is never closed: every line "
                                                    "after it, to the end of the file (line {last}), would "
                                                    "be read into {column}")
NUL = QT_TRANSLATE_NOOP("CsvImportDialog", "line {line} holds a NUL character (an invisible control "
                                           "character)")
BARE_CR = QT_TRANSLATE_NOOP("CsvImportDialog", "line {line} ends with a lone carriage return; save the file "
                                               "with ordinary line ends")
CELL_TOO_LONG = QT_TRANSLATE_NOOP("CsvImportDialog", "a cell is longer than {limit} characters")
UNREADABLE = QT_TRANSLATE_NOOP("CsvImportDialog", "cannot be read as CSV (check the double quotes)")
PAST_LIMIT = QT_TRANSLATE_NOOP("CsvImportDialog", "past Lok's limit of {limit} contacts in one file")
# File problems.
MISSING_COLUMNS = QT_TRANSLATE_NOOP("CsvImportDialog", "The first row must name the columns; missing: "
                                                       "{missing}. Expected: {expected}")
NO_CONTACTS = QT_TRANSLATE_NOOP("CsvImportDialog", "The file has a header row but no contacts.")
EMPTY_FILE = QT_TRANSLATE_NOOP("CsvImportDialog", "The file is empty.")
NOT_UTF8 = QT_TRANSLATE_NOOP("CsvImportDialog", "These lines are not UTF-8 text: {lines}. Choose the "
                                                "encoding the file was saved in; the preview is drawn again.")
NOT_IN_ENCODING = QT_TRANSLATE_NOOP("CsvImportDialog", "These lines cannot be read as {encoding}: {lines}. "
                                                       "Choose another encoding.")
READ_AS = QT_TRANSLATE_NOOP("CsvImportDialog", "Read as {encoding}: check that names with accents look "
                                               "right before importing.")
FILE_TOO_LONG = QT_TRANSLATE_NOOP("CsvImportDialog", "The file has {count} characters; Lok takes at most "
                                                     "{limit} in one import.")
HEADER_LINE = QT_TRANSLATE_NOOP("CsvImportDialog", "The header row: {problem}.")

_BARE_CR = re.compile(r"\r(?!\n)")
_NUL = re.compile("\x00")


def _text(template: str, **values: object) -> Text:
    return Text.of(CONTEXT, template, **values)


def email_problem(text: str) -> bool:
    """Whether `text` is clearly not an e-mail address (the reservation forms' check)."""
    return fields.email_problem(text) is not None


def _line_list(numbers: Sequence[int]) -> str:
    shown = ", ".join(str(n) for n in numbers[:10])
    return shown + (", …" if len(numbers) > 10 else "")


# ---- decoding -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Decoded:
    """The file's text in `encoding`, or None with the lines that encoding cannot read."""

    encoding: str
    text: str | None
    bad_lines: tuple[int, ...] = ()


def _bad_lines(raw: bytes, encoding: str, first_error: UnicodeDecodeError) -> tuple[int, ...]:
    if encoding.startswith("utf-16"):
        return (raw[: first_error.start].count(b"\n\x00") + 1,)
    bad = []
    for number, line in enumerate(raw.split(b"\n"), start=1):
        try:
            line.decode(encoding)
        except UnicodeDecodeError:
            bad.append(number)
    return tuple(bad) or (raw[: first_error.start].count(b"\n") + 1,)


def decode(raw: bytes, encoding: str = "utf-8") -> Decoded:
    """Decode strictly; UTF-8 drops a leading byte-order mark (so does UTF-16, which needs one)."""
    codec = "utf-8-sig" if encoding == "utf-8" else encoding
    try:
        text = raw.decode(codec)
    except UnicodeDecodeError as error:
        return Decoded(encoding, None, _bad_lines(raw, codec, error))
    return Decoded(encoding, text.lstrip("\ufeff"))


# ---- the preview ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class PreviewRow:
    """One contact as it would be imported: the lines it spans in the file, its values, its problems."""

    line: int
    last_line: int
    values: Mapping[str, str]
    problems: tuple[Text, ...] = ()

    def covers(self, line: int) -> bool:
        return self.line <= line <= self.last_line


@dataclass(frozen=True)
class CsvPreview:
    """What a CSV would import, read locally before anything is sent."""

    encoding: str = "utf-8"
    columns: tuple[str, ...] = ()
    rows: tuple[PreviewRow, ...] = ()
    file_problems: tuple[Text, ...] = ()
    ignored_columns: tuple[str, ...] = ()
    # When the chosen encoding cannot read the file: its lines that are not text in it.
    undecodable_lines: tuple[int, ...] = ()
    notes: tuple[Text, ...] = ()
    text: str = field(default="", repr=False)

    @property
    def bad_rows(self) -> tuple[PreviewRow, ...]:
        return tuple(row for row in self.rows if row.problems)

    @property
    def ok(self) -> bool:
        return bool(self.rows) and not self.file_problems and not self.bad_rows

    def row_at(self, line: int) -> PreviewRow | None:
        return next((row for row in self.rows if row.covers(line)), None)


def _physical_lines(text: str) -> Iterator[str]:
    # Numbered as Lok numbers them (by "\n"), so a line in the preview is the line Lok would name.
    lines = text.split("\n")
    for line in lines[:-1]:
        yield line + "\n"
    if lines[-1]:
        yield lines[-1]


def _open_quote_at_end(text: str) -> int | None:
    """The line a double quote opens on that is still open at the end of the file (the csv module would
    read every following line into that cell without a word), or None."""
    line, opened, quoted, start, after_quote = 1, 0, False, True, False
    for char in text:
        if quoted:
            if char == '"':
                quoted, after_quote = False, True
        elif after_quote and char == '"':        # "" inside quotes: an escaped quote
            quoted, after_quote = True, False
        elif char == '"' and start:
            quoted, opened, start, after_quote = True, line, False, False
        else:
            after_quote = False
            if char in ",\n":
                start = True
            elif char != " ":
                start = False
        if char == "\n":
            line += 1
    return opened if quoted else None


def _line_marks(text: str) -> dict[int, list[Text]]:
    """Problems of physical lines, whatever record they fall in: NUL characters, lone carriage returns."""
    marks: dict[int, list[Text]] = {}
    for pattern, template in ((_NUL, NUL), (_BARE_CR, BARE_CR)):
        for found in pattern.finditer(text):
            number = text.count("\n", 0, found.start()) + 1
            if not any(mark.template == template for mark in marks.get(number, [])):
                marks.setdefault(number, []).append(_text(template, line=number))
    return marks


def _value_problems(row: Mapping[str, str]) -> list[Text]:
    problems = [_text(EMPTY, column=c) for c in REQUIRED_COLUMNS if not row.get(c)]
    for column, value in row.items():
        limit = LIMITS.get(column)
        if column != "phones" and limit is not None and len(value) > limit:
            problems.append(_text(TOO_LONG, column=column, length=len(value), limit=limit))
    if age := row.get("age", ""):
        try:
            if not 0 <= int(age) <= MAX_AGE:
                problems.append(_text(AGE_RANGE))
        except ValueError:
            problems.append(_text(AGE_NOT_NUMBER))
    if row.get("gender") and row["gender"] not in GENDERS:
        problems.append(_text(GENDER))
    phones = [p.strip() for p in row.get("phones", "").split(";") if p.strip()]
    if len(phones) > MAX_PHONES:
        problems.append(_text(TOO_MANY_PHONES, count=len(phones), limit=MAX_PHONES))
    if any(len(p) > SHORT for p in phones):
        problems.append(_text(PHONE_TOO_LONG, limit=SHORT))
    if email_problem(row.get("email", "")):
        problems.append(_text(NOT_EMAIL))
    return problems


def _spanning_problem(row: Mapping[str, str], first: int, last: int, open_at_end: int | None) -> Text | None:
    """A value that runs over several lines where none can: a double quote left open."""
    column = next((c for c, v in row.items() if "\n" in v and c not in MULTILINE_COLUMNS), None)
    if open_at_end is not None and first <= open_at_end <= last:
        opened_in = column or next((c for c, v in row.items() if "\n" in v), "")
        return _text(NEVER_CLOSED, column=opened_in, last=last)
    if column is None or last == first:
        return None
    return _text(SWALLOWS if last > first + 1 else SWALLOWS_ONE, column=column, next=first + 1, last=last)


class _Reader:
    """csv.reader over numbered lines, with each record's first and last line."""

    def __init__(self, text: str) -> None:
        # As Lok reads it: skipinitialspace, the csv module's default dialect otherwise.
        self.reader = csv.reader(_physical_lines(text), skipinitialspace=True)
        self.line = 0

    def __iter__(self) -> Iterator[tuple[int, int, list[str] | Text]]:
        """(first line, last line, cells), or the problem instead of cells when the csv module cannot
        read the record (it then carries on with the next line)."""
        while True:
            first = self.line + 1
            try:
                cells = next(self.reader)
            except StopIteration:
                return
            except csv.Error as error:
                self.line = max(self.reader.line_num, first)
                too_long = "field larger" in str(error)
                yield first, self.line, (_text(CELL_TOO_LONG, limit=MAX_CELL) if too_long
                                         else _text(UNREADABLE))
                continue
            self.line = self.reader.line_num
            yield first, self.line, cells


def _header(cells: list[str] | Text, marks: dict[int, list[Text]]) -> tuple[list[str], list[Text], bool]:
    """The header's column names, its problems, and whether the rows can be read under it."""
    header = [c.strip() for c in cells] if isinstance(cells, list) else []
    problems = [_text(HEADER_LINE, problem=mark) for mark in marks.get(1, [])]
    if isinstance(cells, Text):
        problems.append(_text(HEADER_LINE, problem=cells))
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        problems.append(_text(MISSING_COLUMNS, missing=", ".join(missing), expected=",".join(CSV_COLUMNS)))
    return header, problems, not missing


def preview(decoded: Decoded) -> CsvPreview:
    """Parse a decoded contacts CSV as Lok would and flag every line Lok would refuse, by its number."""
    if decoded.text is None:
        lines = _line_list(decoded.bad_lines)
        problem = (_text(NOT_UTF8, lines=lines) if decoded.encoding == "utf-8" else
                   _text(NOT_IN_ENCODING, encoding=_encoding_name(decoded.encoding), lines=lines))
        return CsvPreview(decoded.encoding, file_problems=(problem,), undecodable_lines=decoded.bad_lines)
    text = decoded.text
    notes = (() if decoded.encoding == "utf-8"
             else (_text(READ_AS, encoding=_encoding_name(decoded.encoding)),))
    if not text.strip():
        return CsvPreview(decoded.encoding, file_problems=(_text(EMPTY_FILE),), notes=notes, text=text)
    marks = _line_marks(text)
    records = iter(_Reader(text))
    header_cells: list[str] | Text = next(records, (1, 1, []))[2]
    header, file_problems, readable = _header(header_cells, marks)
    if len(text) > MAX_TEXT:
        file_problems.append(_text(FILE_TOO_LONG, count=len(text), limit=MAX_TEXT))
    if not readable:
        return CsvPreview(decoded.encoding, file_problems=tuple(file_problems), notes=notes, text=text)
    rows = _rows(records, header, marks, _open_quote_at_end(text))
    if not rows and not file_problems:
        file_problems.append(_text(NO_CONTACTS))
    return CsvPreview(
        decoded.encoding, columns=tuple(c for c in header if c in CSV_COLUMNS), rows=tuple(rows),
        file_problems=tuple(file_problems),
        ignored_columns=tuple(c for c in header if c and c not in CSV_COLUMNS), notes=notes, text=text)


def _rows(records: Iterator[tuple[int, int, list[str] | Text]], header: list[str],
          marks: dict[int, list[Text]], open_at_end: int | None) -> list[PreviewRow]:
    rows: list[PreviewRow] = []
    emails: dict[str, int] = {}
    for first, last, cells in records:
        if cells == [] and not any(marks.get(n) for n in range(first, last + 1)):
            continue                                   # a blank line: no contact, as Lok reads it
        problems = [mark for n in range(first, last + 1) for mark in marks.get(n, [])]
        values: dict[str, str] = {}
        if isinstance(cells, Text):
            problems.append(cells)
        else:
            values = {column: cell.strip() for column, cell in zip(header, cells, strict=False)
                      if column in CSV_COLUMNS}
            if len(cells) > len(header):
                problems.append(_text(EXTRA_CELLS))
            if (spanning := _spanning_problem(values, first, last, open_at_end)) is not None:
                problems.append(spanning)
            problems.extend(_value_problems(values))
            if (email := values.get("email", "").casefold()) and not email_problem(email):
                if email in emails:
                    problems.append(_text(SAME_EMAIL, line=emails[email]))
                else:
                    emails[email] = first
        if len(rows) >= MAX_CONTACTS:
            problems.append(_text(PAST_LIMIT, limit=MAX_CONTACTS))
        rows.append(PreviewRow(first, last, values, tuple(problems)))
    return rows


def _encoding_name(codec: str) -> Text:
    label = dict(ENCODINGS).get(codec, codec)
    return _text(label)
