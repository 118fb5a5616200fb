"""The contacts CSV import dialog: the preview of `ContactsImport` (lok_desk/core/owner/contacts_csv.py)
with every bad line by its number, the file's encoding to choose when it is not UTF-8, where the contacts
go, and Lok's answer — the dialog stays open when Lok refuses, with the line Lok named marked."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lok_desk.api import models
from lok_desk.core.owner.contacts_csv import ENCODINGS, CsvPreview, PreviewRow
from lok_desk.core.owner.directories import ContactsImport, ImportOutcome
from lok_desk.desk.kit.asyncqt import spawn
from lok_desk.desk.kit.forms import ERROR_TEXT_STYLE
from lok_desk.desk.kit.i18n import say, translate
from lok_desk.desk.kit.problem_views import ProblemLine
from lok_desk.desk.kit.problems import facts_text
from lok_desk.desk.kit.records import RowTableModel, hint_label
from lok_desk.desk.kit.theme import semantic_colour

RunImport = Callable[[ContactsImport, Sequence[str] | None], Awaitable[ImportOutcome]]


def _cell(column: str) -> Callable[[Any], str]:
    return lambda row: str(row[1].get(column, ""))


class CsvImportDialog(QDialog):
    """Shows the rows and columns to import, flags rows that need fixing, and asks where they go."""

    def __init__(self, imported: ContactsImport, directories: list[models.DirectorySummary],
                 run_import: RunImport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._opened = False
        self.imported = imported
        self._run_import = run_import
        self.outcome: ImportOutcome | None = None
        self._refused: tuple[int, str] | None = None     # Lok's refusal: (line, what it said)
        self.setWindowTitle(self.tr("Import contacts — {0}").format(imported.file_name))
        self.setAccessibleName(self.tr("Import contacts"))
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleDescription(self.tr("Import summary"))
        layout.addWidget(self.summary)
        self.notes = hint_label("", self)
        layout.addWidget(self.notes)
        encoding_row = QHBoxLayout()
        self.encoding_label = QLabel(self.tr("File &encoding:"), self)
        self.encoding_box = QComboBox(self)
        self.encoding_box.setAccessibleName(self.tr("File encoding"))
        for codec, label in ENCODINGS:
            self.encoding_box.addItem(translate("CsvImportDialog", label), codec)
        self.encoding_label.setBuddy(self.encoding_box)
        self.encoding_box.currentIndexChanged.connect(self._on_encoding)
        encoding_row.addWidget(self.encoding_label)
        encoding_row.addWidget(self.encoding_box)
        encoding_row.addStretch(1)
        layout.addLayout(encoding_row)
        self.table = QTableView(self)
        self.table.setTabKeyNavigation(False)   # read-only preview: Tab moves on, arrows move inside
        self.table.setAccessibleName(self.tr("Contacts to import"))
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        layout.addWidget(self._build_targets(directories))
        self.message = ProblemLine(self, name=self.tr("Import problem"))
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(self)
        self.import_button = buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.ActionRole)
        self.import_button.setAccessibleName(self.tr("Import"))
        self.import_button.clicked.connect(lambda: spawn(self.run_import(), owner=self))
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(900, 560)
        self._draw()

    def _build_targets(self, directories: list[models.DirectorySummary]) -> QGroupBox:
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
        for widget in (self.new_directory_radio, self.existing_radio, self.directory_list):
            target_layout.addWidget(widget)
        return target

    @property
    def preview(self) -> CsvPreview:
        return self.imported.preview

    @property
    def model(self) -> RowTableModel:
        model = self.table.model()
        assert isinstance(model, RowTableModel)
        return model

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Opens on its first field, ready to type (not on whatever Qt picks, or nothing).
        if not self._opened:
            self._opened = True
            self.table.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    # ---- the preview --------------------------------------------------------------------------------
    def _on_encoding(self, _index: int) -> None:
        codec = str(self.encoding_box.currentData())
        if codec != self.preview.encoding:
            self._refused = None
            self.message.clear()
            self.imported.choose_encoding(codec)
            self._draw()

    def _problems(self, row: PreviewRow) -> list[str]:
        said = [say(problem) for problem in row.problems]
        if self._refused is not None and row.covers(self._refused[0]):
            said.append(self._refused[1])
        return said

    def _draw(self) -> None:
        preview = self.preview
        refused = self._refused is not None and not any(r.covers(self._refused[0]) for r in preview.bad_rows)
        bad = len(preview.bad_rows) + (1 if refused else 0)
        good = len(preview.rows) - bad
        if preview.file_problems:
            summary = " ".join(say(problem) for problem in preview.file_problems)
        elif bad:
            summary = " ".join((
                self.tr("%n contacts are ready;", "", good),
                self.tr("%n rows need fixing (marked below). Fix them in the file and import again — Lok "
                        "refuses the whole file otherwise.", "", bad)))
        else:
            summary = self.tr("%n contacts ready to import.", "", good)
        self.summary.setText(summary)
        self.summary.setStyleSheet(ERROR_TEXT_STYLE if bad or preview.file_problems else "")
        notes = [say(note) for note in preview.notes]
        if preview.ignored_columns:
            notes.append(self.tr("Ignored columns (Lok does not know them): {0}").format(
                ", ".join(preview.ignored_columns)))
        self.notes.setText(" ".join(notes))
        self.notes.setVisible(bool(notes))
        choosing = preview.encoding != "utf-8" or bool(preview.undecodable_lines)
        for widget in (self.encoding_label, self.encoding_box):
            widget.setVisible(choosing)
        self.encoding_box.blockSignals(True)
        self.encoding_box.setCurrentIndex(max(0, self.encoding_box.findData(preview.encoding)))
        self.encoding_box.blockSignals(False)
        columns = [(self.tr("Line"), lambda r: str(r[0]), lambda r: r[0]),
                   (self.tr("Problem"), lambda r: "; ".join(r[2]) or "✓", lambda r: len(r[2]))]
        columns += [(column, _cell(column), _cell(column)) for column in preview.columns]
        model = RowTableModel(
            columns, self,
            foreground=lambda r, c: semantic_colour("bad", self.palette()) if r[2] and c == 1 else None)
        model.set_rows([(row.line, row.values, self._problems(row)) for row in preview.rows])
        old = self.table.model()
        self.table.setModel(model)
        if old is not None:
            old.deleteLater()
        self._update_button()

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

    # ---- Lok's answer -------------------------------------------------------------------------------
    async def run_import(self) -> ImportOutcome | None:
        """Send the file; on success the dialog closes, on refusal it stays with Lok's line marked."""
        if not self.import_button.isEnabled():
            return None
        self.import_button.setEnabled(False)
        self.message.clear()
        try:
            outcome = await self._run_import(self.imported, self.chosen_directory_ids())
        finally:
            self._update_button()
        if outcome.ok:
            self.outcome = outcome
            self.accept()
            return outcome
        assert outcome.problem is not None
        self.message.show_problem(outcome.problem)
        if outcome.refused_line is not None:
            said = facts_text(outcome.problem.facts) or self.tr("Lok refused this line.")
            self._refused = (outcome.refused_line, said)
            self._draw()
            self._select_line(outcome.refused_line)
        return outcome

    def _select_line(self, line: int) -> None:
        for row, shown in enumerate(self.preview.rows):
            if shown.covers(line):
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 0))
                return
