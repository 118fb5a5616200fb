"""Form pieces shared by the reservation dialogs: fields with an error line under them, validation."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from lok_desk.desk.kit.i18n import translate
from lok_desk.desk.kit.problems import announce

# Deliberately simple: one @, something on both sides, a dot in the domain, no spaces. The server
# has the final word; this catches typing slips while the person is still at the desk.
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")
_PHONE_CHARS = re.compile(r"^\+?[\d\s().-]+$")

ERROR_STYLE = "border: 2px solid #D55E00; border-radius: 3px;"
# palette(bright-text) is the theme's error colour (lok_desk.desk.kit.theme sets it per theme, readable on
# that theme's window), so the same style sheet is legible in light, dark and high contrast.
ERROR_TEXT_STYLE = "color: palette(bright-text); font-weight: 600;"


def email_problem(text: str) -> str:
    if text and not _EMAIL.match(text):
        return translate("FieldError", "This is not an e-mail address (like name@example.com).")
    return ""


def phone_problem(text: str) -> str:
    if not text:
        return ""
    digits = sum(ch.isdigit() for ch in text)
    if not _PHONE_CHARS.match(text):
        return translate("FieldError", "Use digits only (spaces, dashes, brackets and a leading + are fine).")
    if not 7 <= digits <= 15:
        return translate("FieldError", "A phone number has 7 to 15 digits.")
    return ""


def parse_number(text: str) -> float | None:
    """ "1,234.5" or "12,5" → float; "" → None; raises ValueError for anything else."""
    cleaned = text.strip().replace(" ", "")
    if not cleaned:
        return None
    if "," in cleaned and "." not in cleaned and cleaned.count(",") == 1 and len(cleaned.split(",")[1]) != 3:
        cleaned = cleaned.replace(",", ".")  # decimal comma
    cleaned = cleaned.replace(",", "")
    return float(cleaned)


class FieldError(QLabel):
    """The red line under a field that says what is wrong with it."""

    def __init__(self, field: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.setWordWrap(True)
        self.setStyleSheet(ERROR_TEXT_STYLE)
        self.setAccessibleName(self.tr(
            "Problem with {0}").format(field.accessibleName() or self.tr("this field")))
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._field_style = field.styleSheet()
        self.hide()

    def show_error(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))
        self.field.setStyleSheet(ERROR_STYLE if text else self._field_style)
        # Screen readers announce the description of the focused field; say it now as well, in case focus
        # is elsewhere (the person pressed Create, not the field).
        self.field.setAccessibleDescription(text)
        if text:
            announce(self.field, text, assertive=True)

    def clear_error(self) -> None:
        self.show_error("")

    @property
    def has_error(self) -> bool:
        return bool(self.text()) and not self.isHidden()


def with_error(field: QWidget, parent: QWidget) -> tuple[QWidget, FieldError]:
    """A field and its error line stacked, for a QFormLayout row."""
    box = QWidget(parent)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(field)
    error = FieldError(field, box)
    layout.addWidget(error)
    if isinstance(field, QLineEdit):
        field.textEdited.connect(lambda _text: error.clear_error())
    return box, error


def add_row(form: QFormLayout, caption: str, box: QWidget, field: QWidget) -> None:
    """Add a `with_error` box under its caption, the caption naming the field itself: a screen reader
    says "Location: Andino Bogotá" (labelled-by), and the caption's mnemonic focuses the field."""
    form.addRow(caption, box)
    label = form.labelForField(box)
    if isinstance(label, QLabel):
        label.setBuddy(field)


def muted_colour(palette: QPalette) -> QColor:
    """The softer text colour of hints: the text colour 72 % of the way from the window's (4.5:1 or more
    in every theme; tests/desk/test_theme.py measures it)."""
    text = palette.color(QPalette.ColorRole.WindowText)
    window = palette.color(QPalette.ColorRole.Window)
    return QColor(
        round(text.red() * 0.72 + window.red() * 0.28),
        round(text.green() * 0.72 + window.green() * 0.28),
        round(text.blue() * 0.72 + window.blue() * 0.28),
    )


def mute(label: QLabel) -> None:
    """Secondary text: the palette's text colour softened toward the background (readable in light and
    dark themes, unlike the `mid` role which is often too faint on white)."""
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, muted_colour(palette))
    label.setPalette(palette)


def typed_anything(root: QWidget) -> bool:
    """Whether a person typed into any line edit under `root` (what Esc would throw away)."""
    return any(edit.isModified() and edit.text().strip() for edit in root.findChildren(QLineEdit))


async def close_unless_kept(dialog: QDialog, filled: bool) -> bool:
    """Close `dialog` (reject); when the form holds typed text, ask first — Esc is easy to press by
    mistake, and a half-typed reservation is a minute of someone's work. True when it closed."""
    from lok_desk.desk.kit.asyncqt import confirm

    if filled and not await confirm(
        dialog,
        translate("FieldError", "Discard what you typed?"),
        translate("FieldError", "This form holds text you typed. Close it and lose that text?"),
        ok_text=translate("FieldError", "Discard and close"),
        keep_text=translate("FieldError", "Keep editing"),
        destructive=True,
    ):
        return False
    dialog.reject()
    return True

