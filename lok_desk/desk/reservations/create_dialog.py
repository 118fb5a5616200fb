"""Create a reservation (#25): the form, the size-fit assistant, field-level errors, then the tokens."""

from __future__ import annotations

import asyncio
import itertools
import secrets
from datetime import UTC, datetime
from typing import Any, ClassVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lok_desk.api import LokError, models
from lok_desk.api import errors as api_errors
from lok_desk.desk.kit.asyncqt import spawn
from lok_desk.desk.kit.contacts import DirectoryContactCompleter
from lok_desk.desk.kit.forms import (
    ERROR_TEXT_STYLE,
    FieldError,
    add_row,
    close_unless_kept,
    email_problem,
    mute,
    parse_number,
    phone_problem,
    typed_anything,
    with_error,
)
from lok_desk.desk.kit.i18n import translate
from lok_desk.desk.kit.problems import announce, field_refused, problem_from, sentence, what_happened
from lok_desk.desk.kit.tokens_view import PrinterChooser, TokensView, ask_printer
from lok_desk.desk.kit.widgets import fit_to_screen
from lok_desk.desk.session import Session

MAX_ADDITIONAL_KEYS = 30
SIZES: tuple[models.BoxSize, ...] = tuple(models.BOX_SIZES)


def generate_shipment_id(now: datetime | None = None) -> str:
    """A shipment id a person can read out: date and 6 random hex digits (unique enough per company)."""
    when = now or datetime.now(UTC)
    return f"LOK-{when:%y%m%d}-{secrets.token_hex(3).upper()}"


def _dims(size: models.BoxSize) -> str:
    box = models.BOX_SIZES[size]
    return f"{box.width:g} × {box.height:g} × {box.length:g} cm"


def free_boxes(location: models.LocationDetail | None, size: str) -> int | None:
    """How many boxes of `size` are free (None when the locker does not say how many)."""
    if location is None:
        return None
    box = location.box(size)
    if box is None:
        return 0
    if box.free is not None:
        return box.free
    if box.available is not None:
        return 1 if box.available else 0
    return None


def fit_advice(
    location: models.LocationDetail | None, width: float, height: float, length: float, weight: float
) -> tuple[models.BoxSize | None, str]:
    """The smallest size that takes the package AND is free here, with a sentence saying why."""
    fitting = models.smallest_fitting_size(width, height, length, weight)
    name = ((location.internal_name or location.id) if location is not None
            else translate("CreateReservationDialog", "this location"))
    if fitting is None:
        heaviest = max(box.max_weight for box in models.BOX_SIZES.values())
        if weight > heaviest:
            return None, translate(
                "CreateReservationDialog",
                "No box takes this package: boxes hold up to {max} kg and it weighs {weight} kg.",
            ).format(max=f"{heaviest:g}", weight=f"{weight:g}")
        largest = SIZES[-1]
        return None, translate(
            "CreateReservationDialog", "No box takes this package: the largest box ({size}) measures {dims}."
        ).format(size=largest.value.upper(), dims=_dims(largest))
    candidates = SIZES[SIZES.index(fitting) :]
    for size in candidates:
        free = free_boxes(location, size)
        if free is None or free > 0:
            if size == fitting:
                return size, translate(
                    "CreateReservationDialog", "{size} ({dims}) is the smallest box that fits."
                ).format(size=size.value.upper(), dims=_dims(size))
            return size, translate(
                "CreateReservationDialog",
                "{size} is the smallest free box that fits: {fitting} would fit, but none is free "
                "at {name}.",
            ).format(size=size.value.upper(), fitting=fitting.value.upper(), name=name)
    return None, translate(
        "CreateReservationDialog",
        "A {fitting} box would fit, but no box of that size or larger is free at {name} right now. "
        "Try another location.",
    ).format(fitting=fitting.value.upper(), name=name)


class CreateReservationDialog(QDialog):
    """Open with run_dialog(); `created` carries the ReservationCreated once Lok accepted it."""

    created = Signal(object)

    def __init__(
        self,
        session: Session,
        location_id: str | None = None,
        *,
        choose_printer: PrinterChooser = ask_printer,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New reservation"))
        self.setAccessibleName(self.tr("New reservation"))
        self._session = session
        self._choose_printer = choose_printer
        self._availability: dict[str, models.LocationDetail] = {}
        self._availability_task: Any = None
        self._submitting = False
        self.result_value: models.ReservationCreated | None = None
        self.errors: dict[str, FieldError] = {}
        self.resize(720, 760)

        outer = QVBoxLayout(self)
        self._stack = QStackedWidget(self)
        outer.addWidget(self._stack)
        self._build_form(location_id)
        self._build_result()
        # Contact and recipient names complete from the company's directories (issue: owner workspace).
        self.contact_completer = DirectoryContactCompleter(session, self)
        self.contact_completer.attach(self.contact_name, self.contact_email, self.contact_phone)
        self.contact_completer.attach(self.recipient_name, self.recipient_email, self.recipient_phone)
        self._contacts_task: asyncio.Task[int] | None = None
        self._stack.setCurrentIndex(0)

    # --- form ------------------------------------------------------------------------------

    def holds_typing(self) -> bool:
        """Text a person typed and would lose by closing (Esc or Cancel asks first then)."""
        # Once created, the form is behind the result page: closing loses nothing.
        return self._stack.currentIndex() == 0 and typed_anything(self)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.holds_typing():
            event.accept()
            spawn(close_unless_kept(self, True), owner=self)
            return
        super().keyPressEvent(event)
    def _line(self, accessible: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(self)
        edit.setAccessibleName(accessible)
        if placeholder:
            edit.setPlaceholderText(placeholder)
        return edit

    def _add(self, form: QFormLayout, key: str, label: str, field: QWidget, parent: QWidget) -> None:
        box, error = with_error(field, parent)
        self.errors[key] = error
        add_row(form, label, box, field)

    def _build_form(self, location_id: str | None) -> None:
        page = QWidget(self)
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(page)
        scroll.setAccessibleName(self.tr("Reservation form"))
        # The form's fields take focus (and the area scrolls to each); the area itself is no stop for Tab.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # The form fits its width (it scrolls only vertically, the buttons stay below it).
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidgetResizable(True)
        body = QWidget(scroll)
        scroll.setWidget(body)
        layout = QVBoxLayout(body)
        page_layout.addWidget(scroll, 1)

        where = QGroupBox(self.tr("Where and which box"), body)
        form = QFormLayout(where)
        self.location_combo = QComboBox(where)
        self.location_combo.setAccessibleName(self.tr("Location"))
        caps = self._session.capabilities
        for location in self._session.locations:
            if caps.can_write_reservations(location.id):
                self.location_combo.addItem(location.internal_name or location.id, location.id)
        if location_id is not None:
            found = self.location_combo.findData(location_id)
            if found >= 0:
                self.location_combo.setCurrentIndex(found)
        if not caps.sees_all_locations:
            self.location_combo.setEnabled(False)
            self.location_combo.setToolTip(
                self.tr("You can only work with reservations at your own location.")
            )
        self.location_combo.currentIndexChanged.connect(self._on_location_changed)
        self._add(form, "location", self.tr("Location"), self.location_combo, where)

        self.size_combo = QComboBox(where)
        self.size_combo.setAccessibleName(self.tr("Box size"))
        for size in SIZES:
            self.size_combo.addItem(f"{size.value.upper()} — {_dims(size)}", size.value)
        self.size_combo.setCurrentIndex(-1)
        self.size_combo.setPlaceholderText(self.tr("Choose a box size"))
        self.size_combo.currentIndexChanged.connect(lambda _i: self.errors["size"].clear_error())
        self._add(form, "size", self.tr("Box size"), self.size_combo, where)

        fit = QWidget(where)
        fit_layout = QHBoxLayout(fit)
        fit_layout.setContentsMargins(0, 0, 0, 0)
        self.width_edit = self._line(self.tr("Package width in cm"), self.tr("width"))
        self.height_edit = self._line(self.tr("Package height in cm"), self.tr("height"))
        self.length_edit = self._line(self.tr("Package length in cm"), self.tr("length"))
        for edit in (self.width_edit, self.height_edit, self.length_edit):
            edit.setMaximumWidth(70)
            fit_layout.addWidget(edit)
            if edit is not self.length_edit:
                fit_layout.addWidget(QLabel("×", fit))
        fit_layout.addWidget(QLabel(self.tr("cm"), fit))
        fit_layout.addStretch(1)
        # On its own line under the measures: beside them, its Spanish label pushed the form sideways.
        self.fit_button = QPushButton(self.tr("Find the smallest free box"), where)
        self.fit_button.setAccessibleName(self.tr("Find the smallest free box"))
        self.fit_button.setToolTip(self.tr("Uses the measures here and the weight under Package"))
        self.fit_button.clicked.connect(self.suggest_size)
        form.addRow(self.tr("Package measures"), fit)
        form.addRow("", self.fit_button)
        self.fit_result = QLabel(where)
        self.fit_result.setWordWrap(True)
        self.fit_result.setAccessibleDescription(self.tr("Size suggestion"))
        form.addRow("", self.fit_result)
        self.availability_label = QLabel(where)
        self.availability_label.setWordWrap(True)
        mute(self.availability_label)
        self.availability_label.setAccessibleDescription(self.tr("Free boxes"))
        form.addRow(self.tr("Free now"), self.availability_label)

        self.shipment_edit = self._line(self.tr("Shipment id"))
        self._generated_shipment_id = generate_shipment_id()
        self.shipment_edit.setPlaceholderText(self._generated_shipment_id)
        self.shipment_edit.setToolTip(
            self.tr("Your own id for this package; leave empty to use {0}").format(
                self._generated_shipment_id
            )
        )
        self._add(form, "shipment_id", self.tr("Shipment id"), self.shipment_edit, where)
        layout.addWidget(where)

        package = QGroupBox(self.tr("Package"), body)
        form = QFormLayout(package)
        self.value_edit = self._line(self.tr("Package value in MXN"), self.tr("e.g. 1500"))
        self._add(form, "value", self.tr("Value (MXN)"), self.value_edit, package)
        self.weight_edit = self._line(self.tr("Package weight in kg"), self.tr("e.g. 2.5"))
        self._add(form, "weight", self.tr("Weight (kg)"), self.weight_edit, package)
        self.description_edit = self._line(
            self.tr("Package description"), self.tr("What is inside (commas separate several items)")
        )
        self._add(form, "description", self.tr("Description"), self.description_edit, package)
        layout.addWidget(package)

        # Contact above recipient, each the form's full width: side by side, a 1024×600 screen squeezed
        # their fields to "nam…".
        people = QVBoxLayout()
        contact = QGroupBox(self.tr("Contact (about problems)"), body)
        form = QFormLayout(contact)
        self.contact_name = self._line(self.tr("Contact name"))
        self._add(form, "contact_name", self.tr("Name"), self.contact_name, contact)
        self.contact_email = self._line(self.tr("Contact e-mail"), "name@example.com")
        self._add(form, "contact_email", self.tr("E-mail"), self.contact_email, contact)
        self.contact_phone = self._line(self.tr("Contact phone"), "+52 55 1234 5678")
        self._add(form, "contact_phone", self.tr("Phone"), self.contact_phone, contact)
        people.addWidget(contact)
        recipient = QGroupBox(self.tr("Recipient (picks the package up)"), body)
        form = QFormLayout(recipient)
        self.recipient_name = self._line(self.tr("Recipient name"))
        self._add(form, "recipient_name", self.tr("Name"), self.recipient_name, recipient)
        self.recipient_email = self._line(self.tr("Recipient e-mail"), "name@example.com")
        self._add(form, "recipient_email", self.tr("E-mail"), self.recipient_email, recipient)
        self.recipient_phone = self._line(self.tr("Recipient phone"), "+52 55 1234 5678")
        self._add(form, "recipient_phone", self.tr("Phone"), self.recipient_phone, recipient)
        self.notify_check = QCheckBox(self.tr("E-mail the pick-up token to the recipient"), recipient)
        self.notify_check.setAccessibleDescription(self.tr("Notify the recipient"))
        self._add(form, "notifications", "", self.notify_check, recipient)
        self.notify_check.toggled.connect(lambda _c: self.errors["notifications"].clear_error())
        people.addWidget(recipient)
        layout.addLayout(people)

        extra = QGroupBox(self.tr("Additional data (your own keys, up to 30)"), body)
        extra_layout = QVBoxLayout(extra)
        self.additional_table = QTableWidget(0, 2, extra)
        # Tab moves on to Add key; arrows move between cells, typing or F2 edits one.
        self.additional_table.setTabKeyNavigation(False)
        self.additional_table.setAccessibleName(self.tr("Additional data"))
        self.additional_table.setHorizontalHeaderLabels([self.tr("Key"), self.tr("Value")])
        self.additional_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.additional_table.verticalHeader().hide()
        self.additional_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.additional_table.setMinimumHeight(90)
        self.additional_table.setMaximumHeight(150)
        self.additional_table.itemChanged.connect(lambda _i: self.errors["additional"].clear_error())
        extra_layout.addWidget(self.additional_table)
        self.errors["additional"] = FieldError(self.additional_table, extra)
        extra_layout.addWidget(self.errors["additional"])
        rows = QHBoxLayout()
        self.add_row_button = QPushButton(self.tr("Add key"), extra)
        self.add_row_button.setAccessibleDescription(self.tr("Add additional key"))
        self.add_row_button.clicked.connect(lambda: self.add_additional("", ""))
        self.remove_row_button = QPushButton(self.tr("Remove key"), extra)
        self.remove_row_button.setAccessibleDescription(self.tr("Remove additional key"))
        self.remove_row_button.clicked.connect(self._remove_additional)
        rows.addWidget(self.add_row_button)
        rows.addWidget(self.remove_row_button)
        rows.addStretch(1)
        extra_layout.addLayout(rows)
        layout.addWidget(extra)
        layout.addStretch(1)

        self.general_error = QLabel(page)
        self.general_error.setWordWrap(True)
        self.general_error.setStyleSheet(ERROR_TEXT_STYLE)
        self.general_error.setAccessibleDescription(self.tr("Problem"))
        self.general_error.hide()
        page_layout.addWidget(self.general_error)
        self.buttons = QDialogButtonBox(page)
        self.create_button = self.buttons.addButton(
            self.tr("Create reservation"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.create_button.setAccessibleName(self.tr("Create reservation"))
        self.create_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAccessibleDescription(self.tr("Close without creating"))
        self.buttons.accepted.connect(lambda: spawn(self.submit(), owner=self))
        self.buttons.rejected.connect(lambda: spawn(close_unless_kept(self, self.holds_typing()), owner=self))
        page_layout.addWidget(self.buttons)
        self._stack.addWidget(page)

        order = [
            self.location_combo,
            self.size_combo,
            self.width_edit,
            self.height_edit,
            self.length_edit,
            self.fit_button,
            self.shipment_edit,
            self.value_edit,
            self.weight_edit,
            self.description_edit,
            self.contact_name,
            self.contact_email,
            self.contact_phone,
            self.recipient_name,
            self.recipient_email,
            self.recipient_phone,
            self.notify_check,
            self.additional_table,
            self.add_row_button,
            self.remove_row_button,
        ]
        # The button box orders its own buttons; chaining them here as well closed Tab into a loop
        # between Create and Close, so the keyboard never got back to the form.
        for first, second in itertools.pairwise(order):
            self.setTabOrder(first, second)
        self._show_availability()

    def _build_result(self) -> None:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.result_title = QLabel(page)
        font = QFont(self.result_title.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.result_title.setFont(font)
        self.result_title.setWordWrap(True)
        layout.addWidget(self.result_title)
        self.result_subtitle = QLabel(page)
        self.result_subtitle.setWordWrap(True)
        self.result_subtitle.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.result_subtitle)
        scroll = QScrollArea(page)
        scroll.setAccessibleName(self.tr("Created reservation"))
        scroll.setWidgetResizable(True)
        self.result_tokens = TokensView(self._choose_printer, scroll)
        self.result_tokens.columns = 2
        scroll.setWidget(self.result_tokens)
        layout.addWidget(scroll, 1)
        buttons = QDialogButtonBox(page)
        self.print_button = buttons.addButton(
            self.tr("Print courier slip…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.print_button.setAccessibleName(self.tr("Print courier slip"))
        self.print_button.clicked.connect(lambda: spawn(self.result_tokens.print_sheet(), owner=self))
        self.done_button = buttons.addButton(self.tr("Done"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.done_button.setAccessibleName(self.tr("Done"))
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self._stack.addWidget(page)

    # --- availability and the size-fit assistant --------------------------------------------
    @property
    def location_id(self) -> str | None:
        data = self.location_combo.currentData()
        return str(data) if data is not None else None

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._availability_task is None:
            # The dialog opens on its first field a person can change (the location, or the box size
            # for someone bound to one location).
            first = self.location_combo if self.location_combo.isEnabled() else self.size_combo
            first.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
            fit_to_screen(self)
            self._on_location_changed()
        if self._contacts_task is None:
            self._contacts_task = spawn(self.contact_completer.load(), owner=self)

    def _on_location_changed(self, *_: object) -> None:
        self.errors["location"].clear_error()
        location_id = self.location_id
        if location_id is None:
            return
        if self._availability_task is not None and not self._availability_task.done():
            self._availability_task.cancel()
        self._availability_task = spawn(self.load_availability(location_id), owner=self)

    async def load_availability(self, location_id: str) -> None:
        """Fresh box counts for the location (#22): the assistant only suggests what is free now."""
        self.availability_label.setText(self.tr("Checking free boxes…"))
        try:
            fresh = await self._session.refresh_location(location_id)
        except LokError as error:
            self.availability_label.setText(self.tr("Free boxes unknown ({0}).").format(
                what_happened(error, self.tr("checking free boxes"))))
            return
        self._availability[location_id] = fresh
        self._show_availability()

    def _current_location(self) -> models.LocationDetail | None:
        location_id = self.location_id
        if location_id is None:
            return None
        return self._availability.get(location_id) or self._session.location(location_id)

    def _show_availability(self) -> None:
        location = self._current_location()
        if location is None:
            self.availability_label.setText(self.tr("Choose a location."))
            return
        parts = []
        for position, size in enumerate(SIZES):
            free = free_boxes(location, size)
            label = size.value.upper()
            text = f"{label}: " + (self.tr("?") if free is None else f"{free}")
            parts.append(text)
            self.size_combo.setItemText(
                position,
                f"{label} — {_dims(size)} · "
                + (self.tr("free") if free is None else self.tr("{0} free").format(free)),
            )
        self.availability_label.setText("   ".join(parts))

    def suggest_size(self) -> models.BoxSize | None:
        """The assistant: measures + weight → the smallest free size, chosen in the size field."""
        values: list[float] = []
        missing: list[QLineEdit] = []
        for edit in (self.width_edit, self.height_edit, self.length_edit, self.weight_edit):
            try:
                value = parse_number(edit.text())
            except ValueError:
                value = None
            if value is None or value <= 0:
                missing.append(edit)
            else:
                values.append(value)
        if missing:
            if missing == [self.weight_edit]:
                # The weight sits under Package, out of sight of this button: say where, and go there.
                text = self.tr("Enter the package's weight in kg (under Package, now selected), then press "
                               "“Find the smallest free box” again.")
            else:
                text = self.tr("Enter the package's width, height and length (cm) and its weight (kg, under "
                               "Package); the cursor is on the first one missing.")
            self.fit_result.setText(text)
            missing[0].setFocus(Qt.FocusReason.OtherFocusReason)
            return None
        width, height, length, weight = values
        size, sentence = fit_advice(self._current_location(), width, height, length, weight)
        self.fit_result.setText(sentence)
        if size is not None:
            self.size_combo.setCurrentIndex(self.size_combo.findData(size.value))
        return size

    # --- additional keys -------------------------------------------------------------------
    def add_additional(self, key: str, value: str) -> None:
        row = self.additional_table.rowCount()
        self.additional_table.insertRow(row)
        self.additional_table.setItem(row, 0, QTableWidgetItem(key))
        self.additional_table.setItem(row, 1, QTableWidgetItem(value))
        if not key:
            self.additional_table.setCurrentCell(row, 0)
            item = self.additional_table.item(row, 0)
            if item is not None:
                self.additional_table.editItem(item)

    def _remove_additional(self) -> None:
        row = self.additional_table.currentRow()
        if row >= 0:
            self.additional_table.removeRow(row)

    def _additional(self) -> tuple[dict[str, str], str]:
        data: dict[str, str] = {}
        for row in range(self.additional_table.rowCount()):
            key_item = self.additional_table.item(row, 0)
            value_item = self.additional_table.item(row, 1)
            key = key_item.text().strip() if key_item is not None else ""
            value = value_item.text() if value_item is not None else ""
            if not key and not value:
                continue
            if not key:
                return data, self.tr("Row {0} has a value but no key.").format(row + 1)
            if key.lower().startswith("lok"):
                return data, self.tr(
                    "The key “{0}” starts with “lok”: those keys are reserved for Lok and "
                    "would be ignored. Rename it."
                ).format(key)
            if key in data:
                return data, self.tr("The key “{0}” appears twice.").format(key)
            data[key] = value
        if len(data) > MAX_ADDITIONAL_KEYS:
            return data, self.tr("Lok keeps at most {0} keys; there are {1}. Remove some.").format(
                MAX_ADDITIONAL_KEYS, len(data)
            )
        return data, ""

    # --- submit ----------------------------------------------------------------------------
    def clear_errors(self) -> None:
        for error in self.errors.values():
            error.clear_error()
        self.general_error.hide()

    def show_general_error(self, text: str) -> None:
        self.general_error.setText(text)
        self.general_error.setVisible(bool(text))
        announce(self.general_error, text, assertive=True)

    def _validate(self) -> tuple[models.ReservationRequest | None, str | None]:
        """The request to send, or None after showing every problem next to its field."""
        problems: dict[str, str] = {}
        location_id = self.location_id
        if location_id is None:
            problems["location"] = self.tr("Choose the location of the locker.")
        size = self.size_combo.currentData()
        if size is None:
            problems["size"] = self.tr("Choose a box size (the assistant below can pick one).")
        numbers: dict[str, float | None] = {}
        for key, edit in (("value", self.value_edit), ("weight", self.weight_edit)):
            try:
                numbers[key] = parse_number(edit.text())
            except ValueError:
                problems[key] = self.tr("Enter a number, like 12.5.")
                continue
            if numbers[key] is not None and numbers[key] < 0:  # type: ignore[operator]
                problems[key] = self.tr("Must not be negative.")
        for key, edit in (("contact_email", self.contact_email), ("recipient_email", self.recipient_email)):
            problem = email_problem(edit.text().strip())
            if problem:
                problems[key] = self.tr(problem)
        for key, edit in (("contact_phone", self.contact_phone), ("recipient_phone", self.recipient_phone)):
            problem = phone_problem(edit.text().strip())
            if problem:
                problems[key] = self.tr(problem)
        if not self.contact_name.text().strip() and not self.contact_email.text().strip():
            problems["contact_name"] = self.tr("Give the contact's name or e-mail (Lok needs one of them).")
        if self.notify_check.isChecked() and not self.recipient_email.text().strip():
            problems["notifications"] = self.tr("To e-mail the pick-up token, enter the recipient's e-mail.")
        additional, additional_problem = self._additional()
        if additional_problem:
            problems["additional"] = additional_problem
        for key, text in problems.items():
            self.errors[key].show_error(text)
        if problems:
            first = next(iter(problems))
            self.errors[first].field.setFocus()
            return None, None

        def person(name: QLineEdit, email: QLineEdit, phone: QLineEdit) -> dict[str, str]:
            fields = {
                "name": name.text().strip(),
                "email": email.text().strip(),
                "phone": phone.text().strip(),
            }
            return {k: v for k, v in fields.items() if v}

        package: dict[str, Any] = {k: v for k, v in numbers.items() if v is not None}
        if self.description_edit.text().strip():
            package["description"] = self.description_edit.text().strip()
        recipient = person(self.recipient_name, self.recipient_email, self.recipient_phone)
        request = models.ReservationRequest(
            size=str(size),
            shipment_id=self.shipment_edit.text().strip() or self._generated_shipment_id,
            package_info=models.ReservationPackageInfo(**package) if package else None,
            contact_info=models.ContactInfo(
                **person(self.contact_name, self.contact_email, self.contact_phone)
            ),
            recipient_info=models.RecipientInfo(**recipient) if recipient else None,
            recipient_notifications_enabled=self.notify_check.isChecked(),
            additional=additional or None,
        )
        return request, location_id

    async def submit(self) -> bool:
        """Validate, send #25, and either show the tokens or put each error next to its field."""
        if self._submitting:
            return False
        self.clear_errors()
        request, location_id = self._validate()
        if request is None or location_id is None:
            return False
        self._submitting = True
        self.create_button.setEnabled(False)
        self.create_button.setText(self.tr("Creating…"))
        try:
            result = await self._session.call(self._session.service.create_reservation(location_id, request))
        except LokError as error:
            self._show_api_error(error, request)
            return False
        finally:
            self._submitting = False
            self.create_button.setEnabled(True)
            self.create_button.setText(self.tr("Create reservation"))
        self.result_value = result
        self._show_result(result)
        self.created.emit(result)
        return True

    _KEY_FIELDS: ClassVar[dict[str, str]] = {
        "size": "size",
        "shipment_id": "shipment_id",
        "location": "location",
        "location_id": "location",
        "package_info.value": "value",
        "package_info.weight": "weight",
        "package_info.description": "description",
        "package_info": "weight",
        "contact_info": "contact_name",
        "contact_info.name": "contact_name",
        "contact_info.email": "contact_email",
        "contact_info.phone": "contact_phone",
        "recipient_info": "recipient_name",
        "recipient_info.name": "recipient_name",
        "recipient_info.email": "recipient_email",
        "recipient_info.phone": "recipient_phone",
        "recipient_notifications_enabled": "notifications",
        "additional": "additional",
    }

    def _field_for_key(self, key: str) -> str | None:
        key = key.replace("[", ".").replace("]", "").removeprefix("body.").removeprefix("payload.")
        while key:
            if key in self._KEY_FIELDS:
                return self._KEY_FIELDS[key]
            if key.startswith("additional."):
                return "additional"
            key = key.rpartition(".")[0]
        return None

    def _show_api_error(self, error: LokError, request: models.ReservationRequest) -> None:
        location = self.location_combo.currentText()
        size = str(request.size).upper()
        if isinstance(error, api_errors.UniqueShipmentError):
            self.errors["shipment_id"].show_error(
                self.tr(
                    "The shipment id “{0}” is already used by another reservation of your company. "
                    "Choose another, or leave it empty to get a new one."
                ).format(request.shipment_id)
            )
            self.shipment_edit.setFocus()
            return
        if isinstance(error, api_errors.NoCapacityError):
            self.errors["size"].show_error(
                self.tr("No {0} box is free at {1} right now. Choose another size or location.").format(
                    size, location
                )
            )
            self.size_combo.setFocus()
            if self.location_id is not None:
                self._on_location_changed()
            return
        if isinstance(error, api_errors.BoxIncompatibleError):
            self.errors["size"].show_error(
                self.tr(
                    "No box can hold this package (boxes take up to {0:g} kg and {1} at most). "
                    "Check its weight and measures."
                ).format(models.BOX_SIZES[SIZES[-1]].max_weight, _dims(SIZES[-1]))
            )
            self.size_combo.setFocus()
            return
        if isinstance(error, api_errors.LocationLockedError):
            self.errors["location"].show_error(
                self.tr(
                    "{0} is temporarily locked and takes no new reservations. Try again later or choose "
                    "another location."
                ).format(location)
            )
            self.location_combo.setFocus()
            return
        if isinstance(error, api_errors.InvalidDueDateError):
            self.show_general_error(sentence(problem_from(error, doing=self.tr("creating a reservation"))))
            return
        placed: list[str] = []
        for key in error.keys:
            field = self._field_for_key(key)
            if field is not None:
                self.errors[field].show_error(field_refused())
                placed.append(field)
        if placed:
            # Focus lands on the first field at fault; the screen reader reads it with its problem.
            self.errors[placed[0]].field.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.show_general_error(
            self.tr("Not created: {0} What you typed is kept; try again.").format(
                what_happened(error, self.tr("creating a reservation")))
        )
        if not isinstance(error, api_errors.InvalidRequestError):
            self._session.notify_error(error, doing=self.tr("creating a reservation"), parent=self)

    def _show_result(self, result: models.ReservationCreated) -> None:
        reservation = result.reservation
        shipment = reservation.shipment_id or reservation.id or ""
        location = self._session.location_name(reservation.location_id or self.location_id)
        self.result_title.setText(self.tr("Reservation {0} created at {1}").format(shipment, location))
        lines = [self.tr("Reservation id {0}").format(reservation.id)]
        if result.confirmation_code:
            lines.append(self.tr("Confirmation code {0}").format(result.confirmation_code))
        box = reservation.locker
        if box is not None and box.size:
            lines.append(self.tr("Box {0}").format(str(box.size).upper()))
        self.result_subtitle.setText(
            " · ".join(lines)
            + "\n"
            + self.tr("Give the delivery token to the courier and the pick-up token to the recipient.")
        )
        # With the reservation, "Print…" makes the courier slip (it waits for delivery), not every token.
        self.result_tokens.set_reservation(
            result, self._session.location(reservation.location_id or self.location_id), location)
        self._stack.setCurrentIndex(1)
        self.setWindowTitle(self.tr("Reservation {0} created").format(shipment))
        self.done_button.setFocus()
