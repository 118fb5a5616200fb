"""The New reservation form's widgets: where and which box (with the size assistant), the package, the
contact and the recipient, additional keys. Built onto the dialog (create_dialog.py), which binds them
to the create presenter; every field is registered with the dialog's FormBinder by its form name."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from lok_desk.core.reservations.create import SIZES, dims
from lok_desk.desk.kit.forms import FieldError, add_row, mute, with_error
from lok_desk.desk.kit.i18n import translate

if TYPE_CHECKING:
    from lok_desk.desk.reservations.create_dialog import CreateReservationDialog


def line(parent: QWidget, accessible: str, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setAccessibleName(accessible)
    if placeholder:
        edit.setPlaceholderText(placeholder)
    return edit


def field_row(
    dialog: CreateReservationDialog, form: QFormLayout, key: str, label: str, field: QWidget, parent: QWidget
) -> None:
    """A field with its error line under it, registered by its form name."""
    box, error = with_error(field, parent)
    dialog.errors[key] = error
    dialog.binder.add(key, field, error)
    add_row(form, label, box, field)


def build_where(
    dialog: CreateReservationDialog,
    body: QWidget,
    locations: list[tuple[str, str]],
    location_id: str | None,
    fixed_location: bool,
) -> QGroupBox:
    where = QGroupBox(translate("CreateReservationDialog", "Where and which box"), body)
    form = QFormLayout(where)
    dialog.location_combo = QComboBox(where)
    dialog.location_combo.setAccessibleName(translate("CreateReservationDialog", "Location"))
    for name, lid in locations:
        dialog.location_combo.addItem(name, lid)
    if location_id is not None and (found := dialog.location_combo.findData(location_id)) >= 0:
        dialog.location_combo.setCurrentIndex(found)
    if fixed_location:
        dialog.location_combo.setEnabled(False)
        dialog.location_combo.setToolTip(
            translate("CreateReservationDialog", "You can only work with reservations at your own location.")
        )
    field_row(
        dialog,
        form,
        "location",
        translate("CreateReservationDialog", "Location"),
        dialog.location_combo,
        where,
    )

    dialog.size_combo = QComboBox(where)
    dialog.size_combo.setAccessibleName(translate("CreateReservationDialog", "Box size"))
    for size in SIZES:
        dialog.size_combo.addItem(f"{size.value.upper()} — {dims(size)}", size.value)
    dialog.size_combo.setCurrentIndex(-1)
    dialog.size_combo.setPlaceholderText(translate("CreateReservationDialog", "Choose a box size"))
    dialog.size_combo.currentIndexChanged.connect(lambda _i: dialog.binder.clear_field("size"))
    field_row(
        dialog, form, "size", translate("CreateReservationDialog", "Box size"), dialog.size_combo, where
    )

    build_fit(dialog, where, form)

    dialog.shipment_edit = line(where, translate("CreateReservationDialog", "Shipment id"))
    generated = dialog.presenter.generated_shipment_id
    dialog.shipment_edit.setPlaceholderText(generated)
    dialog.shipment_edit.setToolTip(
        translate("CreateReservationDialog", "Your own id for this package; leave empty to use {0}").format(
            generated
        )
    )
    field_row(
        dialog,
        form,
        "shipment_id",
        translate("CreateReservationDialog", "Shipment id"),
        dialog.shipment_edit,
        where,
    )
    return where


def build_fit(dialog: CreateReservationDialog, where: QWidget, form: QFormLayout) -> None:
    """The size assistant: the measures, its button and answer, and the free boxes now."""
    fit = QWidget(where)
    fit_layout = QHBoxLayout(fit)
    fit_layout.setContentsMargins(0, 0, 0, 0)
    dialog.width_edit = line(
        where,
        translate("CreateReservationDialog", "Package width in cm"),
        translate("CreateReservationDialog", "width"),
    )
    dialog.height_edit = line(
        where,
        translate("CreateReservationDialog", "Package height in cm"),
        translate("CreateReservationDialog", "height"),
    )
    dialog.length_edit = line(
        where,
        translate("CreateReservationDialog", "Package length in cm"),
        translate("CreateReservationDialog", "length"),
    )
    for edit in (dialog.width_edit, dialog.height_edit, dialog.length_edit):
        edit.setMaximumWidth(70)
        fit_layout.addWidget(edit)
        if edit is not dialog.length_edit:
            fit_layout.addWidget(QLabel("×", fit))
    fit_layout.addWidget(QLabel(translate("CreateReservationDialog", "cm"), fit))
    fit_layout.addStretch(1)
    # On its own line under the measures: beside them, its Spanish label pushed the form sideways.
    dialog.fit_button = QPushButton(translate("CreateReservationDialog", "Find the smallest free box"), where)
    dialog.fit_button.setAccessibleName(translate("CreateReservationDialog", "Find the smallest free box"))
    dialog.fit_button.setToolTip(
        translate("CreateReservationDialog", "Uses the measures here and the weight under Package")
    )
    dialog.fit_button.clicked.connect(dialog.suggest_size)
    form.addRow(translate("CreateReservationDialog", "Package measures"), fit)
    form.addRow("", dialog.fit_button)
    dialog.fit_result = QLabel(where)
    dialog.fit_result.setWordWrap(True)
    dialog.fit_result.setAccessibleDescription(translate("CreateReservationDialog", "Size suggestion"))
    form.addRow("", dialog.fit_result)
    dialog.availability_label = QLabel(where)
    dialog.availability_label.setWordWrap(True)
    mute(dialog.availability_label)
    dialog.availability_label.setAccessibleDescription(translate("CreateReservationDialog", "Free boxes"))
    form.addRow(translate("CreateReservationDialog", "Free now"), dialog.availability_label)


def build_package(dialog: CreateReservationDialog, body: QWidget) -> QGroupBox:
    package = QGroupBox(translate("CreateReservationDialog", "Package"), body)
    form = QFormLayout(package)
    dialog.value_edit = line(
        package,
        translate("CreateReservationDialog", "Package value in MXN"),
        translate("CreateReservationDialog", "e.g. 1500"),
    )
    field_row(
        dialog, form, "value", translate("CreateReservationDialog", "Value (MXN)"), dialog.value_edit, package
    )
    dialog.weight_edit = line(
        package,
        translate("CreateReservationDialog", "Package weight in kg"),
        translate("CreateReservationDialog", "e.g. 2.5"),
    )
    field_row(
        dialog,
        form,
        "weight",
        translate("CreateReservationDialog", "Weight (kg)"),
        dialog.weight_edit,
        package,
    )
    dialog.description_edit = line(
        package,
        translate("CreateReservationDialog", "Package description"),
        translate("CreateReservationDialog", "What is inside (commas separate several items)"),
    )
    field_row(
        dialog,
        form,
        "description",
        translate("CreateReservationDialog", "Description"),
        dialog.description_edit,
        package,
    )
    return package


def build_people(dialog: CreateReservationDialog, body: QWidget) -> QVBoxLayout:
    # Contact above recipient, each the form's full width: side by side, a 1024×600 screen squeezed their
    # fields to "nam…".
    people = QVBoxLayout()
    contact = QGroupBox(translate("CreateReservationDialog", "Contact (about problems)"), body)
    form = QFormLayout(contact)
    dialog.contact_name = line(contact, translate("CreateReservationDialog", "Contact name"))
    field_row(
        dialog,
        form,
        "contact_name",
        translate("CreateReservationDialog", "Name"),
        dialog.contact_name,
        contact,
    )
    dialog.contact_email = line(
        contact, translate("CreateReservationDialog", "Contact e-mail"), "name@example.com"
    )
    field_row(
        dialog,
        form,
        "contact_email",
        translate("CreateReservationDialog", "E-mail"),
        dialog.contact_email,
        contact,
    )
    dialog.contact_phone = line(
        contact, translate("CreateReservationDialog", "Contact phone"), "+52 55 1234 5678"
    )
    field_row(
        dialog,
        form,
        "contact_phone",
        translate("CreateReservationDialog", "Phone"),
        dialog.contact_phone,
        contact,
    )
    people.addWidget(contact)
    recipient = QGroupBox(translate("CreateReservationDialog", "Recipient (picks the package up)"), body)
    form = QFormLayout(recipient)
    dialog.recipient_name = line(recipient, translate("CreateReservationDialog", "Recipient name"))
    field_row(
        dialog,
        form,
        "recipient_name",
        translate("CreateReservationDialog", "Name"),
        dialog.recipient_name,
        recipient,
    )
    dialog.recipient_email = line(
        recipient, translate("CreateReservationDialog", "Recipient e-mail"), "name@example.com"
    )
    field_row(
        dialog,
        form,
        "recipient_email",
        translate("CreateReservationDialog", "E-mail"),
        dialog.recipient_email,
        recipient,
    )
    dialog.recipient_phone = line(
        recipient, translate("CreateReservationDialog", "Recipient phone"), "+52 55 1234 5678"
    )
    field_row(
        dialog,
        form,
        "recipient_phone",
        translate("CreateReservationDialog", "Phone"),
        dialog.recipient_phone,
        recipient,
    )
    dialog.notify_check = QCheckBox(
        translate("CreateReservationDialog", "E-mail the pick-up token to the recipient"), recipient
    )
    dialog.notify_check.setAccessibleDescription(translate("CreateReservationDialog", "Notify the recipient"))
    field_row(dialog, form, "notifications", "", dialog.notify_check, recipient)
    dialog.notify_check.toggled.connect(lambda _c: dialog.binder.clear_field("notifications"))
    people.addWidget(recipient)
    return people


def build_additional(dialog: CreateReservationDialog, body: QWidget) -> QGroupBox:
    extra = QGroupBox(translate("CreateReservationDialog", "Additional data (your own keys, up to 30)"), body)
    extra_layout = QVBoxLayout(extra)
    table = dialog.additional_table = QTableWidget(0, 2, extra)
    # Tab moves on to Add key; arrows move between cells, typing or F2 edits one.
    table.setTabKeyNavigation(False)
    table.setAccessibleName(translate("CreateReservationDialog", "Additional data"))
    table.setHorizontalHeaderLabels(
        [translate("CreateReservationDialog", "Key"), translate("CreateReservationDialog", "Value")]
    )
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    table.verticalHeader().hide()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setMinimumHeight(90)
    table.setMaximumHeight(150)
    table.itemChanged.connect(lambda _i: dialog.binder.clear_field("additional"))
    extra_layout.addWidget(table)
    error = FieldError(table, extra)
    dialog.errors["additional"] = error
    dialog.binder.add("additional", table, error)
    extra_layout.addWidget(error)
    rows = QHBoxLayout()
    dialog.add_row_button = QPushButton(translate("CreateReservationDialog", "Add key"), extra)
    dialog.add_row_button.setAccessibleDescription(translate("CreateReservationDialog", "Add additional key"))
    dialog.add_row_button.clicked.connect(lambda: dialog.add_additional("", ""))
    dialog.remove_row_button = QPushButton(translate("CreateReservationDialog", "Remove key"), extra)
    dialog.remove_row_button.setAccessibleDescription(
        translate("CreateReservationDialog", "Remove additional key")
    )
    dialog.remove_row_button.clicked.connect(dialog.remove_additional)
    rows.addWidget(dialog.add_row_button)
    rows.addWidget(dialog.remove_row_button)
    rows.addStretch(1)
    extra_layout.addLayout(rows)
    return extra


def size_item_text(size_value: str, free: int | None) -> str:
    """ "M — 20 × 35 × 60 cm · 3 free" (or "· free" when the locker does not say how many)."""
    size = next(s for s in SIZES if s.value == size_value)
    count = (
        translate("CreateReservationDialog", "free")
        if free is None
        else translate("CreateReservationDialog", "{0} free").format(free)
    )
    return f"{size.value.upper()} — {dims(size)} · {count}"


def tab_order(dialog: CreateReservationDialog) -> list[QWidget]:
    return [
        dialog.location_combo,
        dialog.size_combo,
        dialog.width_edit,
        dialog.height_edit,
        dialog.length_edit,
        dialog.fit_button,
        dialog.shipment_edit,
        dialog.value_edit,
        dialog.weight_edit,
        dialog.description_edit,
        dialog.contact_name,
        dialog.contact_email,
        dialog.contact_phone,
        dialog.recipient_name,
        dialog.recipient_email,
        dialog.recipient_phone,
        dialog.notify_check,
        dialog.additional_table,
        dialog.add_row_button,
        dialog.remove_row_button,
    ]
