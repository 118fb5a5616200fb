"""Directories pane (contact address books): list (#2), create (#3), rename and (de)activate (#21), edit
contacts (#35, overwrite), CSV import (#29) with a local preview.

CSV layout Lok Desk imports (it is what the Lok sandbox accepts; CONTRACT §9.16 leaves it open):
a header row naming the columns, in any order, UTF-8, comma-separated, fields may be double-quoted:

    name,last_name,email,gender,age,phones,street,number,town,zip_code,city,state,country,references,
    cross_streets,delivery_info

`name` and `last_name` are required on every row. `gender` is male, female or unspecified (empty =
unspecified); `age` a whole number 0–150 (empty = 0); `phones` several numbers separated by `;`.
The address columns are optional; when any of street/number/town/zip_code is given the contact gets an
address. Unknown columns are ignored (and the preview says so).
"""

from __future__ import annotations

import asyncio
import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelection,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lok_desk.api import LokError, models
from lok_desk.desk.kit import formatting
from lok_desk.desk.kit.asyncqt import confirm, run_dialog, spawn
from lok_desk.desk.kit.forms import ERROR_TEXT_STYLE, email_problem, phone_problem, with_error
from lok_desk.desk.kit.i18n import QT_TRANSLATE_NOOP, translate
from lok_desk.desk.kit.problems import announce, field_refused, what_happened
from lok_desk.desk.kit.records import (
    ROW_ROLE,
    SORT_ROLE,
    PathChooser,
    RowTableModel,
    apply_permission,
    ask_open_csv_path,
    error_field_for_keys,
    hint_label,
    record_list_view,
)
from lok_desk.desk.kit.theme import semantic_colour
from lok_desk.desk.session import Session

Index = QModelIndex | QPersistentModelIndex

CSV_COLUMNS: tuple[str, ...] = (
    "name", "last_name", "email", "gender", "age", "phones", "street", "number", "town", "zip_code",
    "city", "state", "country", "references", "cross_streets", "delivery_info",
)
REQUIRED_COLUMNS = ("name", "last_name")
ADDRESS_COLUMNS = CSV_COLUMNS[6:]
GENDERS = ("male", "female", "unspecified")
PROBLEM_BACKGROUND = QColor("#FBE3D6")   # pale vermillion; the problem is also written out in words
PROBLEM_FOREGROUND = QColor("#3A1400")


# ---- CSV preview ----------------------------------------------------------------------------------
@dataclass
class CsvPreview:
    """What a CSV would import, read locally before anything is sent."""

    columns: list[str] = field(default_factory=list)
    rows: list[dict[str, str]] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)                 # file line of each row
    problems: dict[int, list[str]] = field(default_factory=dict)    # row index → problems
    file_problem: str = ""
    ignored_columns: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.file_problem and not self.problems and bool(self.rows)


def _age_problem(text: str) -> str:
    if not text:
        return ""
    try:
        age = int(text)
    except ValueError:
        return translate("CsvImportDialog", "age is not a whole number")
    return "" if 0 <= age <= 150 else translate("CsvImportDialog", "age must be 0–150")


def preview_contacts_csv(text: str) -> CsvPreview:
    """Parse a contacts CSV with the csv module and flag every row Lok would refuse."""
    preview = CsvPreview()
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")), skipinitialspace=True)
    try:
        header = [h.strip() for h in (reader.fieldnames or [])]
    except csv.Error as error:
        preview.file_problem = translate(
            "CsvImportDialog", "The file is not a readable CSV: {error}.").format(error=error)
        return preview
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        preview.file_problem = translate(
            "CsvImportDialog",
            "The first row must name the columns; missing: {missing}. Expected: {expected}").format(
            missing=", ".join(missing), expected=",".join(CSV_COLUMNS))
        return preview
    reader.fieldnames = header
    preview.columns = [c for c in header if c in CSV_COLUMNS]
    preview.ignored_columns = [c for c in header if c and c not in CSV_COLUMNS]
    emails: dict[str, int] = {}
    try:
        for raw in reader:
            row = {k: (v or "").strip() for k, v in raw.items() if k in CSV_COLUMNS and isinstance(v, str)}
            if not any(row.values()):
                continue
            index = len(preview.rows)
            preview.rows.append(row)
            preview.lines.append(reader.line_num)
            problems = [translate("CsvImportDialog", "{column} is empty").format(column=c)
                        for c in REQUIRED_COLUMNS if not row.get(c)]
            if (age := _age_problem(row.get("age", ""))):
                problems.append(age)
            if row.get("gender") and row["gender"].lower() not in GENDERS:
                problems.append(translate("CsvImportDialog", "gender must be male, female or unspecified"))
            if (email := row.get("email", "")):
                if email_problem(email):
                    problems.append(translate("CsvImportDialog", "e-mail is not an address"))
                elif email.lower() in emails:
                    problems.append(translate("CsvImportDialog", "same e-mail as line {line}").format(
                        line=preview.lines[emails[email.lower()]]))
                else:
                    emails[email.lower()] = index
            if problems:
                preview.problems[index] = problems
    except csv.Error as error:
        preview.file_problem = translate("CsvImportDialog", "Line {line} cannot be read: {error}.").format(
            line=reader.line_num, error=error)
    if not preview.rows and not preview.file_problem:
        preview.file_problem = translate("CsvImportDialog", "The file has a header row but no contacts.")
    return preview


def _cell_reader(column: str) -> Callable[[Any], str]:
    return lambda row: str(row[1].get(column, ""))


class CsvImportDialog(QDialog):
    """Shows the rows and columns to import, flags rows that need fixing, and asks where they go."""

    def __init__(self, file_name: str, preview: CsvPreview, directories: list[models.DirectorySummary],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._opened = False
        self.preview = preview
        self.setWindowTitle(self.tr("Import contacts — {0}").format(file_name))
        self.setAccessibleName(self.tr("Import contacts"))
        layout = QVBoxLayout(self)
        good = len(preview.rows) - len(preview.problems)
        if preview.file_problem:
            summary = preview.file_problem
        elif preview.problems:
            summary = self.tr("{good} contacts are ready; {bad} rows need fixing (marked below). Fix them "
                              "in the file and import again — Lok refuses the whole file otherwise.").format(
                good=good, bad=len(preview.problems))
        else:
            summary = self.tr("{good} contacts ready to import.").format(good=good)
        self.summary = QLabel(summary, self)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleDescription(self.tr("Import summary"))
        if preview.problems or preview.file_problem:
            self.summary.setStyleSheet(ERROR_TEXT_STYLE)
        layout.addWidget(self.summary)
        if preview.ignored_columns:
            layout.addWidget(hint_label(self.tr("Ignored columns (Lok does not know them): {0}").format(
                ", ".join(preview.ignored_columns)), self))

        columns = [(self.tr("Line"), lambda r: str(r[0]), lambda r: r[0]),
                   (self.tr("Problem"), lambda r: "; ".join(r[2]) or "✓", lambda r: len(r[2]))]
        for column in preview.columns:
            columns.append((column, _cell_reader(column), _cell_reader(column)))
        self.model = RowTableModel(
            columns, self,
            foreground=lambda r, c: semantic_colour("bad", self.palette()) if r[2] and c == 1 else None)
        self.model.set_rows([(preview.lines[i], row, preview.problems.get(i, []))
                             for i, row in enumerate(preview.rows)])
        self.table = QTableView(self)
        self.table.setTabKeyNavigation(False)   # read-only preview: Tab moves on, arrows move inside
        self.table.setAccessibleName(self.tr("Contacts to import"))
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)

        target = QGroupBox(self.tr("Import into"), self)
        target_layout = QVBoxLayout(target)
        self.new_directory_radio = QRadioButton(self.tr("A new directory (Lok names it “Importado <date>”; "
                                                        "rename it afterwards)"), target)
        self.new_directory_radio.setAccessibleDescription(self.tr("Import into a new directory"))
        self.existing_radio = QRadioButton(
            self.tr("These directories — their contacts are REPLACED:"), target)
        self.existing_radio.setAccessibleDescription(self.tr("Replace the contacts of chosen directories"))
        self.new_directory_radio.setChecked(True)
        self.directory_list = QListWidget(target)
        self.directory_list.setAccessibleName(self.tr("Directories to replace"))
        self.directory_list.setMaximumHeight(110)
        for directory in directories:
            item = QListWidgetItem(directory.name or directory.id, self.directory_list)
            item.setData(Qt.ItemDataRole.UserRole, directory.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.directory_list.setEnabled(False)
        self.existing_radio.toggled.connect(self.directory_list.setEnabled)
        self.existing_radio.toggled.connect(self._update_button)
        self.directory_list.itemChanged.connect(self._update_button)
        target_layout.addWidget(self.new_directory_radio)
        target_layout.addWidget(self.existing_radio)
        target_layout.addWidget(self.directory_list)
        layout.addWidget(target)

        buttons = QDialogButtonBox(self)
        self.import_button = buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setAccessibleName(self.tr("Import"))
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(900, 560)
        self._update_button()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Opens on its first field, ready to type (not on whatever Qt picks, or nothing).
        if not self._opened:
            self._opened = True
            self.table.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def chosen_directory_ids(self) -> list[str] | None:
        """None = a new directory."""
        if self.new_directory_radio.isChecked():
            return None
        return [str(self.directory_list.item(i).data(Qt.ItemDataRole.UserRole))
                for i in range(self.directory_list.count())
                if self.directory_list.item(i).checkState() == Qt.CheckState.Checked]

    def _update_button(self, *_: object) -> None:
        chosen = self.chosen_directory_ids()
        ready = self.preview.ok and (chosen is None or bool(chosen))
        self.import_button.setEnabled(ready)
        self.import_button.setToolTip(
            "" if ready else self.tr("Fix the marked rows first.") if not self.preview.ok
            else self.tr("Tick at least one directory."))


# ---- contacts editor ------------------------------------------------------------------------------
EDIT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("name", QT_TRANSLATE_NOOP("ContactsModel", "First name")),
    ("last_name", QT_TRANSLATE_NOOP("ContactsModel", "Last name")),
    ("email", QT_TRANSLATE_NOOP("ContactsModel", "E-mail")),
    ("phones", QT_TRANSLATE_NOOP("ContactsModel", "Phones")),
    ("gender", QT_TRANSLATE_NOOP("ContactsModel", "Gender")),
    ("age", QT_TRANSLATE_NOOP("ContactsModel", "Age")),
    ("street", QT_TRANSLATE_NOOP("ContactsModel", "Street")),
    ("number", QT_TRANSLATE_NOOP("ContactsModel", "Number")),
    ("town", QT_TRANSLATE_NOOP("ContactsModel", "Town")),
    ("zip_code", QT_TRANSLATE_NOOP("ContactsModel", "Zip code")),
)


def contact_to_row(contact: models.DirectoryContact) -> dict[str, Any]:
    """A contact as editable text cells; `_source` keeps the fields the table does not show.

    A contact stored without gender or age (a production Lok may keep them) shows "unspecified" and
    an empty age cell, not the text "None"."""
    address = contact.address or models.ContactAddress()
    return {
        "name": contact.name, "last_name": contact.last_name, "email": contact.email or "",
        "phones": "; ".join(contact.phones or []), "gender": str(contact.gender or "unspecified"),
        "age": "" if contact.age is None else str(contact.age),
        "street": address.street or "", "number": address.number or "",
        "town": address.town or "", "zip_code": address.zip_code or "",
        "_source": contact,
    }


def row_problem(row: dict[str, Any], column: str) -> str:
    value = str(row.get(column, "")).strip()
    if column in REQUIRED_COLUMNS and not value:
        return translate("ContactsModel", "Required.")
    if column == "email":
        return email_problem(value)
    if column == "age":
        return _age_problem(value)
    if column == "gender" and value.lower() not in GENDERS:
        return translate("ContactsModel", "male, female or unspecified")
    if column == "phones":
        return next((phone_problem(p.strip()) for p in value.split(";") if phone_problem(p.strip())), "")
    return ""


def row_to_contact(row: dict[str, Any]) -> models.DirectoryContact:
    source: models.DirectoryContact | None = row.get("_source")
    address = source.address.model_copy() if source is not None and source.address else None
    parts = {k: str(row.get(k, "")).strip() for k in ("street", "number", "town", "zip_code")}
    if any(parts.values()):
        address = (address or models.ContactAddress()).model_copy(update=parts)
    elif address is not None:
        address = address.model_copy(update=parts)
    phones = [p.strip() for p in str(row.get("phones", "")).split(";") if p.strip()]
    return models.DirectoryContact(
        name=str(row["name"]).strip(), last_name=str(row["last_name"]).strip(),
        email=str(row.get("email", "")).strip() or None,
        gender=str(row.get("gender") or "unspecified").lower(),
        age=int(str(row.get("age") or "0")), phones=phones or None, address=address)


class ContactsModel(QAbstractTableModel):
    """An editable table of a directory's contacts; problems painted and written in the tooltip."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[dict[str, Any]] = []
        self.editable = True
        self.dirty = False

    def set_contacts(self, contacts: list[models.DirectoryContact]) -> None:
        self.beginResetModel()
        self.rows = [contact_to_row(c) for c in contacts]
        self.dirty = False
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(EDIT_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            key, label = EDIT_COLUMNS[section]
            return translate("ContactsModel", label) + (" *" if key in REQUIRED_COLUMNS else "")
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsEditable if self.editable else base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        key = EDIT_COLUMNS[index.column()][0]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, SORT_ROLE):
            return str(row.get(key, ""))
        problem = row_problem(row, key)
        if role == Qt.ItemDataRole.BackgroundRole and problem:
            return PROBLEM_BACKGROUND
        if role == Qt.ItemDataRole.ForegroundRole and problem:
            return PROBLEM_FOREGROUND   # the pale background needs dark text in dark themes too
        if role == Qt.ItemDataRole.ToolTipRole and problem:
            return problem
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        key = EDIT_COLUMNS[index.column()][0]
        text = str(value).strip()
        if self.rows[index.row()].get(key, "") == text:
            return False
        self.rows[index.row()][key] = text
        self.dirty = True
        self.dataChanged.emit(index, index)
        return True

    def add_row(self) -> int:
        position = len(self.rows)
        self.beginInsertRows(QModelIndex(), position, position)
        self.rows.append({"name": "", "last_name": "", "email": "", "phones": "", "gender": "unspecified",
                          "age": "0", "street": "", "number": "", "town": "", "zip_code": ""})
        self.endInsertRows()
        self.dirty = True
        return position

    def remove_rows(self, positions: list[int]) -> None:
        for position in sorted(set(positions), reverse=True):
            self.beginRemoveRows(QModelIndex(), position, position)
            del self.rows[position]
            self.endRemoveRows()
        if positions:
            self.dirty = True
            self.layoutChanged.emit()

    def problems(self) -> list[str]:
        found = []
        for number, row in enumerate(self.rows, start=1):
            for key, label in EDIT_COLUMNS:
                if (problem := row_problem(row, key)):
                    found.append(translate("ContactsModel", "Row {number}, {label}: {problem}").format(
                        number=number, label=translate("ContactsModel", label), problem=problem))
        return found


# ---- the pane -------------------------------------------------------------------------------------
class DirectoriesPane(QWidget):
    """Owner/seller edit; reporter/admin read (edit controls greyed out with the reason)."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Directories"))
        self._session = session
        self.permission = session.capabilities.can_write_directories()
        self.choose_open_path: PathChooser = ask_open_csv_path
        self.directories: list[models.DirectorySummary] = []
        self.current: models.DirectoryDetail | None = None
        self.import_dialog: CsvImportDialog | None = None
        self.loaded = False

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self._build_list())
        splitter.addWidget(self._build_detail())
        splitter.setSizes([360, 820])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(splitter)
        apply_permission(self.permission, [self.new_name_edit, self.create_button, self.import_button,
                                           self.name_edit, self.active_check, self.save_directory_button,
                                           self.add_contact_button, self.remove_contact_button,
                                           self.save_contacts_button])
        self.contacts_model.editable = bool(self.permission)
        self._show_detail(None)

    def _build_list(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("<b>Directories</b> — address books of people you send to")))
        self.list_model = RowTableModel(
            [
                (self.tr("Name"), lambda d: d.name or d.id, lambda d: (d.name or d.id).casefold()),
                (self.tr("State"), lambda d: self.tr("✓ Active") if d.is_active else self.tr("✕ Inactive"),
                 lambda d: int(d.is_active)),
                (self.tr("Updated"), lambda d: formatting.format_local(d.updated_at or d.created_at, None),
                 lambda d: (d.updated_at or d.created_at).timestamp() if (d.updated_at or d.created_at)
                 else 0.0),
            ],
            self,
        )
        self.list_table = record_list_view(self.list_model, box, name=self.tr("Directories"), sort_column=0)
        self.list_table.selectionModel().selectionChanged.connect(self._on_selection)
        layout.addWidget(self.list_table, 1)
        create_row = QHBoxLayout()
        self.new_name_edit = QLineEdit(box)
        self.new_name_edit.setAccessibleName(self.tr("New directory name"))
        self.new_name_edit.setPlaceholderText(self.tr("New directory name"))
        self.new_name_edit.returnPressed.connect(lambda: spawn(self.create_directory(), owner=self))
        new_box, self.new_name_error = with_error(self.new_name_edit, box)
        self.create_button = QPushButton(self.tr("Create"), box)
        self.create_button.setAccessibleName(self.tr("Create directory"))
        self.create_button.clicked.connect(lambda: spawn(self.create_directory(), owner=self))
        create_row.addWidget(new_box, 1)
        create_row.addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(create_row)
        self.import_button = QPushButton(self.tr("Import contacts from CSV…"), box)
        self.import_button.setAccessibleName(self.tr("Import contacts from CSV"))
        self.import_button.clicked.connect(lambda: spawn(self.import_csv(), owner=self))
        layout.addWidget(self.import_button)
        layout.addWidget(hint_label(self.tr(
            "CSV: a header row with name, last_name (required), email, gender, age, phones (separate "
            "several with ;), street, number, town, zip_code, city, state, country, references, "
            "cross_streets, delivery_info."), box))
        return box

    def _build_detail(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        self.name_edit = QLineEdit(box)
        self.name_edit.setAccessibleName(self.tr("Directory name"))
        name_box, self.name_error = with_error(self.name_edit, box)
        self.active_check = QCheckBox(self.tr("Active (offered when filling in reservations)"), box)
        self.active_check.setAccessibleDescription(self.tr("Directory active"))
        self.save_directory_button = QPushButton(self.tr("Save name and state"), box)
        self.save_directory_button.setAccessibleDescription(self.tr("Save directory"))
        self.save_directory_button.clicked.connect(lambda: spawn(self.save_directory(), owner=self))
        row = QHBoxLayout()
        row.addWidget(name_box, 1)
        row.addWidget(self.active_check, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.save_directory_button, 0, Qt.AlignmentFlag.AlignTop)
        form.addRow(self.tr("&Name:"), row)
        label = form.labelForField(row)
        if isinstance(label, QLabel):
            label.setBuddy(self.name_edit)
        layout.addLayout(form)
        self.detail_info = QLabel(box)
        self.detail_info.setWordWrap(True)
        self.detail_info.setAccessibleDescription(self.tr("Directory details"))
        layout.addWidget(self.detail_info)

        self.contacts_model = ContactsModel(self)
        self.contacts_model.dataChanged.connect(self._show_contacts_state)
        self.contacts_model.rowsInserted.connect(self._show_contacts_state)
        self.contacts_model.rowsRemoved.connect(self._show_contacts_state)
        self.contacts_table = QTableView(box)
        # Tab moves on to the buttons; arrows move between cells, typing or F2 edits one.
        self.contacts_table.setTabKeyNavigation(False)
        self.contacts_table.setAccessibleName(self.tr("Contacts"))
        self.contacts_table.setModel(self.contacts_model)
        self.contacts_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.contacts_table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                            | QAbstractItemView.EditTrigger.EditKeyPressed
                                            | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.contacts_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.contacts_table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.contacts_table, 1)
        buttons = QHBoxLayout()
        self.contacts_state = QLabel(box)
        self.contacts_state.setWordWrap(True)
        self.contacts_state.setAccessibleDescription(self.tr("Contacts state"))
        self.add_contact_button = QPushButton(self.tr("Add contact"), box)
        self.add_contact_button.setAccessibleName(self.tr("Add contact"))
        self.add_contact_button.clicked.connect(self.add_contact)
        self.remove_contact_button = QPushButton(self.tr("Remove selected"), box)
        self.remove_contact_button.setAccessibleName(self.tr("Remove selected contacts"))
        self.remove_contact_button.clicked.connect(self.remove_selected_contacts)
        self.save_contacts_button = QPushButton(self.tr("Save contacts…"), box)
        self.save_contacts_button.setAccessibleName(self.tr("Save contacts"))
        self.save_contacts_button.clicked.connect(lambda: spawn(self.save_contacts(), owner=self))
        buttons.addWidget(self.contacts_state, 1)
        buttons.addWidget(self.add_contact_button)
        buttons.addWidget(self.remove_contact_button)
        buttons.addWidget(self.save_contacts_button)
        layout.addLayout(buttons)
        return box

    # ---- loading ----------------------------------------------------------------------------------
    def start(self) -> None:
        spawn(self.refresh(), owner=self)

    async def refresh(self) -> None:
        keep = self.current.id if self.current is not None else None
        await self.load_list(select=keep)

    async def load_list(self, select: str | None = None) -> list[models.DirectorySummary]:
        found: list[models.DirectorySummary] = []
        try:
            page_number = 1
            while True:
                page = await self._session.call(
                    self._session.service.list_directories(page=page_number, page_size=100))
                found.extend(page.directories)
                if page.is_last(page_number, 100):
                    break
                page_number += 1
        except LokError as error:
            self._session.notify_error(error, doing=self.tr("loading the directories"), parent=self)
            return self.directories
        self.directories = found
        self.list_model.set_rows(found)
        self.loaded = True
        target = select or (found[0].id if found else None)
        if target is not None:
            self.select_directory(target)
        return found

    def select_directory(self, directory_id: str) -> bool:
        proxy = self.list_table.model()
        for row in range(proxy.rowCount()):
            item = proxy.index(row, 0).data(ROW_ROLE)
            if item is not None and item.id == directory_id:
                self.list_table.selectRow(row)
                if self.current is None or self.current.id != directory_id:
                    spawn(self.open_directory(directory_id), owner=self)
                return True
        return False

    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        item = indexes[0].data(ROW_ROLE)
        if item is not None and (self.current is None or self.current.id != item.id):
            spawn(self.open_directory(item.id), owner=self)

    async def open_directory(self, directory_id: str) -> models.DirectoryDetail | None:
        if self.contacts_model.dirty and self.current is not None and self.current.id != directory_id:
            keep = await confirm(self, self.tr("Unsaved contacts"),
                                 self.tr("The contacts of “{0}” have unsaved changes. Discard them?").format(
                                     self.current.name), ok_text=self.tr("Discard changes"),
                                 keep_text=self.tr("Keep editing"), destructive=True)
            if not keep:
                self.select_directory(self.current.id)
                return None
        try:
            detail = await self._session.call(self._session.service.get_directory(directory_id))
        except LokError as error:
            self._session.notify_error(error, doing=self.tr("opening the directory"), parent=self)
            return None
        self._show_detail(detail)
        return detail

    def _show_detail(self, detail: models.DirectoryDetail | None) -> None:
        self.current = detail
        self.name_error.clear_error()
        if detail is None:
            self.name_edit.clear()
            self.detail_info.setText(self.tr("Choose a directory on the left."))
            self.contacts_model.set_contacts([])
        else:
            self.name_edit.setText(detail.name or "")
            self.active_check.setChecked(detail.is_active)
            places = ", ".join(loc.internal_name or loc.id for loc in detail.locations) or self.tr("none")
            author = detail.author.name if detail.author and detail.author.name else self.tr("unknown")
            self.detail_info.setText(self.tr("{count} contacts · created by {author} · used at: {places}")
                                     .format(count=len(detail.contacts), author=author, places=places))
            self.contacts_model.set_contacts(list(detail.contacts))
            self.contacts_table.resizeColumnsToContents()
        has = detail is not None and bool(self.permission)
        for widget in (self.name_edit, self.active_check, self.save_directory_button,
                       self.add_contact_button, self.remove_contact_button, self.save_contacts_button):
            widget.setEnabled(has)
        self._show_contacts_state()

    def _show_contacts_state(self, *_: object) -> None:
        model = self.contacts_model
        problems = model.problems()
        if problems:
            text = self.tr("{count} problems — first: {first}").format(count=len(problems), first=problems[0])
            self.contacts_state.setStyleSheet(ERROR_TEXT_STYLE)
        elif model.dirty:
            text = self.tr("● Unsaved changes ({count} contacts)").format(count=model.rowCount())
            self.contacts_state.setStyleSheet(ERROR_TEXT_STYLE)
        else:
            text = self.tr("{count} contacts").format(count=model.rowCount())
            self.contacts_state.setStyleSheet("")
        self.contacts_state.setText(text)
        if self.permission and self.current is not None:
            self.save_contacts_button.setEnabled(model.dirty and not problems)

    # ---- editing ----------------------------------------------------------------------------------
    async def create_directory(self) -> models.DirectoryDetail | None:
        name = self.new_name_edit.text().strip()
        if not name:
            self.new_name_error.show_error(self.tr("Type a name for the new directory."))
            return None
        self.create_button.setEnabled(False)
        try:
            created = await self._session.call(self._session.service.create_directory(name))
        except LokError as error:
            self.new_name_error.show_error(what_happened(error, self.tr("creating the directory")))
            return None
        finally:
            self.create_button.setEnabled(bool(self.permission))
        self.new_name_edit.clear()
        await self.load_list(select=created.id)
        self._session.notify(self.tr("Directory “{0}” created.").format(created.name))
        return created

    async def save_directory(self) -> models.DirectoryDetail | None:
        """#21: rename and/or (de)activate; the locations it is linked to stay."""
        if self.current is None:
            return None
        name = self.name_edit.text().strip()
        if not name:
            self.name_error.show_error(self.tr("A directory needs a name."))
            return None
        try:
            saved = await self._session.call(self._session.service.update_directory(
                self.current.id, name=name, is_active=self.active_check.isChecked(),
                locations=[loc.id for loc in self.current.locations]))
        except LokError as error:
            if error_field_for_keys(error.keys, ("directory.name", "name")) or error.status_code == 409:
                self.name_error.show_error(field_refused())
                self.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            else:
                self._session.notify_error(error, doing=self.tr("saving the directory"), parent=self)
            return None
        contacts_dirty = self.contacts_model.dirty
        if contacts_dirty:
            # Keep the unsaved contact edits: only the header of the detail changes.
            self.current = saved
        await self.load_list(select=saved.id)
        if not contacts_dirty:
            self._show_detail(saved)
        self._session.notify(self.tr("Directory saved."))
        return saved

    def add_contact(self) -> None:
        row = self.contacts_model.add_row()
        index = self.contacts_model.index(row, 0)
        self.contacts_table.setCurrentIndex(index)
        self.contacts_table.edit(index)

    def remove_selected_contacts(self) -> None:
        rows = [index.row() for index in self.contacts_table.selectionModel().selectedRows()]
        self.contacts_model.remove_rows(rows)

    async def save_contacts(self) -> bool:
        """#35 overwrites the directory's contacts with what the table shows."""
        if self.current is None or not self.permission:
            return False
        problems = self.contacts_model.problems()
        if problems:
            self._show_contacts_state()
            return False
        contacts = [row_to_contact(row) for row in self.contacts_model.rows]
        sure = await confirm(self, self.tr("Save contacts"),
                             self.tr("Replace the contacts of “{0}” with these {1}?").format(
                                 self.current.name, len(contacts)), ok_text=self.tr("Save contacts"),
                             keep_text=self.tr("Do not save"))
        if not sure:
            return False
        try:
            await self._session.call(
                self._session.service.replace_directory_contacts(self.current.id, contacts))
        except LokError as error:
            self.contacts_state.setStyleSheet(ERROR_TEXT_STYLE)
            self.contacts_state.setText(self.tr("Not saved: {0} Your edits are still here.").format(
                what_happened(error, self.tr("saving the contacts"))))
            announce(self.contacts_state, self.contacts_state.text(), assertive=True)
            return False
        await self.open_directory(self.current.id)
        self._session.notify(self.tr("Contacts saved."))
        return True

    # ---- CSV import -------------------------------------------------------------------------------
    async def import_csv(self) -> bool:
        if not self.permission:
            return False
        path = await self.choose_open_path(self, self.tr("Import contacts from CSV"), "")
        if not path:
            return False
        try:
            raw = await asyncio.to_thread(Path(path).read_bytes)
        except OSError as error:
            self._session.notify_error(error, doing=self.tr("reading the CSV file"), parent=self)
            return False
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("cp1252", errors="replace")   # spreadsheets on Windows often save this
        preview = preview_contacts_csv(text)
        dialog = CsvImportDialog(Path(path).name, preview, self.directories, self)
        self.import_dialog = dialog
        try:
            accepted = await run_dialog(dialog) == QDialog.DialogCode.Accepted
            targets = dialog.chosen_directory_ids()
        finally:
            self.import_dialog = None
            dialog.deleteLater()
        if not accepted:
            return False
        before = {d.id for d in self.directories}
        try:
            await self._session.call(self._session.service.import_directory_csv(text, targets))
        except LokError as error:
            self._session.notify_error(error, doing=self.tr("importing the contacts"), parent=self)
            return False
        await self.load_list()
        new = [d for d in self.directories if d.id not in before]
        target = new[0].id if new else (targets[0] if targets else None)
        if target is not None:
            self.select_directory(target)
            await self.open_directory(target)
        self._session.notify(self.tr("Imported {0} contacts.").format(len(preview.rows)))
        return True


__all__ = [
    "CSV_COLUMNS",
    "ContactsModel",
    "CsvImportDialog",
    "CsvPreview",
    "DirectoriesPane",
    "preview_contacts_csv",
]
