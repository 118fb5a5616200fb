"""Directories pane (contact address books): the list, one directory's name, state and contacts, and the
CSV import — a view of `DirectoriesPresenter` (lok_desk/core/owner/directories.py), which holds the state
and the flows. The CSV layout and the preview's checks are described in lok_desk/core/owner/contacts_csv.py.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lok_desk.api import models
from lok_desk.core.owner._flow import Outcome
from lok_desk.core.owner.directories import ContactsImport, DirectoriesPresenter
from lok_desk.desk.kit import formatting
from lok_desk.desk.kit.asyncqt import confirm, run_dialog, spawn
from lok_desk.desk.kit.forms import ERROR_TEXT_STYLE, with_error
from lok_desk.desk.kit.i18n import say
from lok_desk.desk.kit.problem_views import FormBinder, ProblemLine, problem_for, tell
from lok_desk.desk.kit.problems import announce, sentence
from lok_desk.desk.kit.records import (
    ROW_ROLE,
    PathChooser,
    RowTableModel,
    apply_permission,
    ask_open_csv_path,
    hint_label,
    record_list_view,
)
from lok_desk.desk.owner.contacts_model import ContactsModel
from lok_desk.desk.owner.import_dialog import CsvImportDialog
from lok_desk.desk.qt_session import QtSession


class DirectoriesPane(QWidget):
    """Owner/seller edit; reporter/admin read (edit controls greyed out with the reason)."""

    def __init__(self, session: QtSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Directories"))
        self._session = session
        self.permission = session.capabilities.can_write_directories()
        self.presenter = DirectoriesPresenter(session.service, session.call, can_write=bool(self.permission))
        self.choose_open_path: PathChooser = ask_open_csv_path
        self.import_dialog: CsvImportDialog | None = None
        self._syncing = False
        self._shown_header: tuple[str, str | None, bool] | None = None

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self._build_list())
        splitter.addWidget(self._build_detail())
        splitter.setSizes([360, 820])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(splitter)
        self.new_name_binder = FormBinder(self.new_name_edit.parentWidget() or self, self.list_message)
        self.new_name_binder.add("name", self.new_name_edit, self.new_name_error)
        self.name_binder = FormBinder(self.name_edit.parentWidget() or self, self.detail_message)
        self.name_binder.add("name", self.name_edit, self.name_error)
        apply_permission(self.permission, [self.new_name_edit, self.create_button, self.import_button,
                                           self.name_edit, self.active_check, self.save_directory_button,
                                           self.add_contact_button, self.remove_contact_button,
                                           self.save_contacts_button])
        self.contacts_model.editable = bool(self.permission)
        self.presenter.changed.add(self._show)
        self._show()

    # ---- what the presenter holds -------------------------------------------------------------------
    @property
    def directories(self) -> list[models.DirectorySummary]:
        return self.presenter.directories

    @property
    def current(self) -> models.DirectoryDetail | None:
        return self.presenter.current

    @property
    def loaded(self) -> bool:
        return self.presenter.loaded

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
        self.list_note = hint_label("", box)
        self.list_note.hide()
        layout.addWidget(self.list_note)
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
        self.list_message = ProblemLine(box, name=self.tr("Directory problem"))
        layout.addWidget(self.list_message)
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
        self.detail_message = ProblemLine(box, name=self.tr("Directory problem"))
        layout.addWidget(self.detail_message)
        self.detail_info = QLabel(box)
        self.detail_info.setWordWrap(True)
        self.detail_info.setAccessibleDescription(self.tr("Directory details"))
        layout.addWidget(self.detail_info)

        self.contacts_model = ContactsModel(self.presenter.contacts, self)
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

    # ---- showing the presenter's state -------------------------------------------------------------
    def _show(self) -> None:
        presenter = self.presenter
        self._syncing = True
        try:
            if self.list_model.rows != presenter.directories:
                self.list_model.set_rows(presenter.directories)
            if presenter.current is not None:
                self._select_row(presenter.current.id)
        finally:
            self._syncing = False
        # A list Lok did not send in full is said, never silent (the walk's words go to the log).
        self.list_note.setText(self.tr("Lok did not send the whole list of directories; some may be missing. "
                                       "Refresh (F5) to ask again.") if presenter.incomplete else "")
        self.list_note.setVisible(presenter.incomplete is not None)
        detail = presenter.current
        # The name field is filled when another directory (or another saved name) is shown, never over
        # what is being typed when the list reloads.
        shown = (detail.id, detail.name, detail.is_active) if detail is not None else None
        refill, self._shown_header = shown != self._shown_header, shown
        if detail is None:
            self.name_edit.clear()
            self.detail_info.setText(self.tr("Choose a directory on the left."))
        else:
            if refill:
                self.name_edit.setText(detail.name or "")
                self.active_check.setChecked(detail.is_active)
            places = ", ".join(loc.internal_name or loc.id for loc in detail.locations) or self.tr("none")
            author = detail.author.name if detail.author and detail.author.name else self.tr("unknown")
            self.detail_info.setText(self.tr("%n contacts · created by {author} · used at: {places}", None,
                                             len(detail.contacts)).format(author=author, places=places))
        self.contacts_model.reload()
        self.contacts_table.resizeColumnsToContents()
        has = detail is not None and bool(self.permission)
        for widget in (self.name_edit, self.active_check, self.save_directory_button,
                       self.add_contact_button, self.remove_contact_button, self.save_contacts_button):
            widget.setEnabled(has)
        self._show_contacts_state()

    def _select_row(self, directory_id: str) -> bool:
        proxy = self.list_table.model()
        for row in range(proxy.rowCount()):
            item = proxy.index(row, 0).data(ROW_ROLE)
            if item is not None and item.id == directory_id:
                self.list_table.selectRow(row)
                return True
        return False

    def _show_contacts_state(self, *_: object) -> None:
        rows = self.presenter.contacts
        problems = rows.problems()
        if problems:
            self._state(self.tr("{count} problems — first: {first}").format(
                count=len(problems), first=say(problems[0])), error=True)
        elif rows.dirty:
            self._state(self.tr("● Unsaved changes (%n contacts)", None, len(rows)), error=True)
        else:
            self._state(self.tr("%n contacts", None, len(rows)))
        if self.permission and self.presenter.current is not None:
            self.save_contacts_button.setEnabled(rows.dirty and not problems)

    def _state(self, text: str, *, error: bool = False) -> None:
        self.contacts_state.setText(text)
        self.contacts_state.setStyleSheet(ERROR_TEXT_STYLE if error else "")

    def _shown(self, outcome: Outcome[object], binder: FormBinder) -> bool:
        if outcome.problem is None:
            binder.clear()
            return True
        if outcome.problem.fields:
            binder.show(outcome.problem, {field: say(text) for field, text in outcome.messages})
        else:
            tell(self, outcome.problem)
        return False

    # ---- loading ------------------------------------------------------------------------------------
    def start(self) -> None:
        spawn(self.refresh(), owner=self)

    async def refresh(self) -> None:
        keep = self.presenter.current.id if self.presenter.current is not None else None
        if (problem := await self.presenter.load_list()) is not None:
            tell(self, problem)
            return
        target = keep or (self.presenter.directories[0].id if self.presenter.directories else None)
        if target is not None:
            await self.open_directory(target)

    def select_directory(self, directory_id: str) -> bool:
        found = self._select_row(directory_id)
        if found and (self.presenter.current is None or self.presenter.current.id != directory_id):
            spawn(self.open_directory(directory_id), owner=self)
        return found

    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if self._syncing or not indexes:
            return
        item = indexes[0].data(ROW_ROLE)
        current = self.presenter.current
        if item is not None and (current is None or current.id != item.id):
            spawn(self.open_directory(item.id), owner=self)

    async def open_directory(self, directory_id: str) -> bool:
        current = self.presenter.current
        if self.presenter.contacts.dirty and current is not None and current.id != directory_id:
            question = self.tr("The contacts of “{0}” have unsaved changes. Discard them?").format(
                current.name)
            discard = await confirm(self, self.tr("Unsaved contacts"), question,
                                    ok_text=self.tr("Discard changes"), keep_text=self.tr("Keep editing"),
                                    destructive=True)
            if not discard:
                self._select_row(current.id)
                return False
        self.name_binder.clear()
        if (problem := await self.presenter.open(directory_id)) is not None:
            tell(self, problem)
            return False
        return True

    # ---- editing ------------------------------------------------------------------------------------
    async def create_directory(self) -> bool:
        self.create_button.setEnabled(False)
        try:
            outcome = await self.presenter.create(self.new_name_edit.text())
        finally:
            self.create_button.setEnabled(bool(self.permission))
        if not self._shown(outcome, self.new_name_binder):
            return False
        self.new_name_edit.clear()
        if outcome.value is not None:
            self._session.notify(self.tr("Directory “{0}” created.").format(outcome.value.name))
        return True

    async def save_directory(self) -> bool:
        """#21: rename and/or (de)activate; the locations it is linked to stay."""
        outcome = await self.presenter.save(self.name_edit.text(), self.active_check.isChecked())
        if not self._shown(outcome, self.name_binder):
            return False
        self._session.notify(self.tr("Directory saved."))
        return True

    def add_contact(self) -> None:
        row = self.contacts_model.add_row()
        index = self.contacts_model.index(row, 0)
        self.contacts_table.setCurrentIndex(index)
        self.contacts_table.edit(index)

    def remove_selected_contacts(self) -> None:
        selected = self.contacts_table.selectionModel().selectedRows()
        self.contacts_model.remove_rows([index.row() for index in selected])

    async def save_contacts(self) -> bool:
        """#35 overwrites the directory's contacts with what the table shows; edits stay on failure."""
        current = self.presenter.current
        checked = self.presenter.contacts_refusal()
        if current is None or not self.permission or not checked.ok:
            self._show_contacts_state()
            return False
        question = self.tr("Replace the contacts of “{0}” with these {1}?").format(
            current.name, len(self.presenter.contacts))
        sure = await confirm(self, self.tr("Save contacts"), question, ok_text=self.tr("Save contacts"),
                             keep_text=self.tr("Do not save"))
        if not sure:
            return False
        outcome = await self.presenter.save_contacts()
        if outcome.problem is not None:
            said = sentence(outcome.problem)
            self._state(self.tr("Not saved: {0} Your edits are still here.").format(said), error=True)
            announce(self.contacts_state, self.contacts_state.text(), assertive=True)
            return False
        self._session.notify(self.tr("Contacts saved."))
        return True

    # ---- CSV import ---------------------------------------------------------------------------------
    async def import_csv(self) -> bool:
        if not self.permission:
            return False
        path = await self.choose_open_path(self, self.tr("Import contacts from CSV"), "")
        if not path:
            return False
        try:
            raw = await asyncio.to_thread(Path(path).read_bytes)
        except OSError as error:
            tell(self, problem_for(error, doing=self.tr("reading the CSV file")))
            return False
        dialog = CsvImportDialog(ContactsImport(raw, Path(path).name), self.presenter.directories,
                                 self.presenter.import_contacts, self)
        self.import_dialog = dialog
        try:
            accepted = await run_dialog(dialog) == QDialog.DialogCode.Accepted
            outcome = dialog.outcome
        finally:
            self.import_dialog = None
            dialog.deleteLater()
        if not accepted or outcome is None:
            return False
        self._session.notify(self.tr("Imported %n contacts.", None, outcome.imported))
        return True


__all__ = ["ContactsModel", "CsvImportDialog", "DirectoriesPane"]
