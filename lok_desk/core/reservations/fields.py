"""Checks of what a person typed into a reservation form, shared by the create, update and shipment
presenters: numbers, e-mail addresses, phone numbers (no Qt; the messages are `Text`)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from lok_desk.api import LokError
from lok_desk.core.problems import QT_TRANSLATE_NOOP, Kind, Problem, problem_from
from lok_desk.core.text import Text

# Deliberately simple: one @, something on both sides, a dot in the domain, no spaces. The server
# has the final word; this catches typing slips while the person is still at the desk.
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")
_PHONE_CHARS = re.compile(r"^\+?[\d\s().-]+$")

CONTEXT = "FieldError"
NOT_AN_EMAIL = QT_TRANSLATE_NOOP("FieldError", "This is not an e-mail address (like name@example.com).")
PHONE_CHARACTERS = QT_TRANSLATE_NOOP(
    "FieldError", "Use digits only (spaces, dashes, brackets and a leading + are fine).")
PHONE_DIGITS = QT_TRANSLATE_NOOP("FieldError", "A phone number has 7 to 15 digits.")
NOT_A_NUMBER = QT_TRANSLATE_NOOP("FieldError", "Enter a number, like 12.5.")
NEGATIVE = QT_TRANSLATE_NOOP("FieldError", "Must not be negative.")
REQUIRED = QT_TRANSLATE_NOOP("FieldError", "Required.")
CONTACT_NEEDED = QT_TRANSLATE_NOOP("FieldError", "Give the contact's name or e-mail (Lok needs one of them).")


def email_problem(text: str) -> Text | None:
    if text and not _EMAIL.match(text):
        return Text.of(CONTEXT, NOT_AN_EMAIL)
    return None


def phone_problem(text: str) -> Text | None:
    if not text:
        return None
    digits = sum(ch.isdigit() for ch in text)
    if not _PHONE_CHARS.match(text):
        return Text.of(CONTEXT, PHONE_CHARACTERS)
    if not 7 <= digits <= 15:
        return Text.of(CONTEXT, PHONE_DIGITS)
    return None


def parse_number(text: str) -> float | None:
    """ "1,234.5" or "12,5" → float; "" → None; raises ValueError for anything else."""
    cleaned = text.strip().replace(" ", "")
    if not cleaned:
        return None
    if "," in cleaned and "." not in cleaned and cleaned.count(",") == 1 and len(cleaned.split(",")[1]) != 3:
        cleaned = cleaned.replace(",", ".")  # decimal comma
    cleaned = cleaned.replace(",", "")
    return float(cleaned)


def number_problem(text: str, numbers: dict[str, float | None], key: str) -> Text | None:
    """Parse `text` into `numbers[key]`; the message when it is not a number (or is negative)."""
    try:
        value = parse_number(text)
    except ValueError:
        return Text.of(CONTEXT, NOT_A_NUMBER)
    numbers[key] = value
    if value is not None and value < 0:
        return Text.of(CONTEXT, NEGATIVE)
    return None


def people_problems(values: dict[str, str]) -> dict[str, Text]:
    """The contact's and recipient's e-mail and phone, and a contact Lok can reach (name or e-mail)."""
    problems: dict[str, Text] = {}
    for key in ("contact_email", "recipient_email"):
        if (problem := email_problem(values.get(key, "").strip())) is not None:
            problems[key] = problem
    for key in ("contact_phone", "recipient_phone"):
        if (problem := phone_problem(values.get(key, "").strip())) is not None:
            problems[key] = problem
    if not values.get("contact_name", "").strip() and not values.get("contact_email", "").strip():
        problems["contact_name"] = Text.of(CONTEXT, CONTACT_NEEDED)
    return problems


@dataclass(frozen=True)
class FormCheck:
    """A form's answer: the message at each field at fault (in form order) and the `Problem` naming
    those fields; or, for a failure no field explains, no messages, the Problem, Lok's `error`, and a
    `general` sentence when the form knows better words than the problem path."""

    messages: dict[str, Text] = field(default_factory=dict)
    problem: Problem | None = None
    error: LokError | None = None
    general: Text | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None

    @property
    def first_field(self) -> str | None:
        return next(iter(self.messages), None)


def make_check(order: Sequence[str], messages: dict[str, Text], error: LokError | None = None,
               *, general: Text | None = None) -> FormCheck:
    """The FormCheck of `messages` (sorted in the form's `order`); its Problem is Lok's refusal when
    `error` is given, else the form's own check (Kind.INVALID)."""
    ordered = {key: messages[key] for key in order if key in messages}
    if error is not None:
        problem = problem_from(error, fields=tuple(ordered))
        if not ordered:   # no field of this form is concerned: the problem names none either
            problem = dataclasses.replace(problem, fields=())
    else:
        detail = "; ".join(f"{key}: {text.english()}" for key, text in ordered.items())
        problem = Problem(Kind.INVALID, fields=tuple(ordered), detail=detail)
    return FormCheck(ordered, problem, error, general)
