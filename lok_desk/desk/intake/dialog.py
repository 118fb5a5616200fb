"""Courier intake (Ctrl+Shift+N): a window that stays open while a carrier's parcels are scanned in.

Keyboard and scanner first. A keyboard-wedge scanner types the shipment id and Enter: Enter in the
shipment field moves on to the measures, never creates. The measures are one field ("12 30 40 2": cm and
kg), so the size comes from them; Enter there moves to the recipient, and Enter in a recipient field (or
Ctrl+Enter anywhere) creates. The form clears at once and focus is back in the shipment field for the
next scan while Lok answers; each answer lands in the running list. A slip the desk can see without the
server (no shipment id, measures that cannot be read or fit no box) is marked on its field instead, and
nothing is added. A refused line is corrected by choosing it and pressing Enter (its entry comes back
into the form); Delete undoes a created parcel (asked first). The flow itself is
lok_desk.core.intake.IntakeBatch; this window only shows and binds.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lok_desk.api import models
from lok_desk.core.codes import SlipKind
from lok_desk.core.history import Action, Outcome
from lok_desk.core.intake import (
    CarryOver,
    IntakeBatch,
    Parcel,
    ParcelEntry,
    ParcelRefusal,
    ParcelState,
    split_measures,
)
from lok_desk.desk.intake import sheet as paper_sheet
from lok_desk.desk.intake.words import refusal_text, size_text, state_text, totals_text
from lok_desk.desk.kit.asyncqt import confirm, spawn
from lok_desk.desk.kit.printing import PaperFormat, paper_format_names
from lok_desk.desk.kit.problem_views import FormBinder, ProblemLine, report
from lok_desk.desk.kit.problems import announce
from lok_desk.desk.kit.records import ROW_ROLE, RowTableModel, record_list_view
from lok_desk.desk.kit.slip_dialog import ask_pdf_path
from lok_desk.desk.kit.slips import box_size_text, build_slip
from lok_desk.desk.kit.tokens_view import PrinterChooser, ask_printer
from lok_desk.desk.kit.widgets import fit_to_screen
from lok_desk.desk.qt_session import QtSession
from lok_desk.desk.recorder import recorder_for

SIZES: tuple[models.BoxSize, ...] = tuple(models.BOX_SIZES)
SavePath = Callable[[QWidget, str], Any]


def _is_enter(event: QKeyEvent) -> bool:
    return event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def _with_control(event: QKeyEvent) -> bool:
    return bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)


class _Field(QLineEdit):
    """A line edit whose Enter moves on (or creates) instead of reaching the dialog's default button;
    Ctrl+Enter goes on to the dialog, which creates."""

    def __init__(self, on_enter: Callable[[], None], parent: QWidget) -> None:
        super().__init__(parent)
        self._on_enter = on_enter

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if _is_enter(event) and not _with_control(event):
            event.accept()
            self._on_enter()
            return
        if _is_enter(event):
            event.ignore()     # up to the dialog
            return
        super().keyPressEvent(event)


class IntakeDialog(QDialog):
    """Non-modal: the desk stays usable behind it. `batch` is the core flow it shows."""

    changed = Signal()

    def __init__(self, session: QtSession, location_id: str | None = None, *,
                 choose_printer: PrinterChooser = ask_printer, save_path: SavePath = ask_pdf_path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Courier intake"))
        self.setAccessibleName(self.tr("Courier intake"))
        self.setModal(False)
        self._session = session
        self._choose_printer = choose_printer
        self._save_path = save_path
        self._editing: Parcel | None = None
        self._on_sheet: set[int] = set()     # parcel numbers printed or saved on a courier sheet
        self._closing = False
        self._tasks: set[asyncio.Task[Any]] = set()
        locations = session.locations
        own = session.capabilities.location_id
        location = location_id or own or (locations[0].id if locations else "")
        self.batch = IntakeBatch(session.service, location, capabilities=session.capabilities.rules,
                                 call=session.call)
        self.batch.on_change.append(self._parcel_changed)
        self._build(locations, location)
        self.resize(980, 560)
        fit_to_screen(self)
        self.shipment_edit.setFocus()

    # ---- layout ---------------------------------------------------------------------------------
    def _edit(self, name: str, on_enter: Callable[[], None], placeholder: str = "") -> _Field:
        edit = _Field(on_enter, self)
        edit.setAccessibleName(name)
        edit.setPlaceholderText(placeholder)
        return edit

    def _build(self, locations: list[models.LocationDetail], location: str) -> None:
        outer = QVBoxLayout(self)
        outer.addWidget(self._build_carrier(locations, location))
        outer.addWidget(self._build_parcel())
        self._build_list(outer)
        self._build_actions(outer)
        self._update_totals()

    def _build_carrier(self, locations: list[models.LocationDetail], location: str) -> QGroupBox:
        carrier = QGroupBox(self.tr("Carrier (kept for every parcel)"), self)
        grid = QGridLayout(carrier)
        self.location_combo = QComboBox(carrier)
        self.location_combo.setAccessibleName(self.tr("Location"))
        for item in locations or []:
            self.location_combo.addItem(item.internal_name or item.id, item.id)
        if self.location_combo.findData(location) < 0:
            self.location_combo.addItem(self._session.location_name(location) or location, location)
        self.location_combo.setCurrentIndex(self.location_combo.findData(location))
        self.location_combo.setEnabled(self._session.capabilities.sees_all_locations)
        self.location_combo.currentIndexChanged.connect(self._location_changed)
        self.carrier_edit = self._edit(self.tr("Carrier"), self._focus_next, self.tr("e.g. Estafeta"))
        self.sender_edit = self._edit(self.tr("Sender"), self._focus_next)
        self.sender_phone_edit = self._edit(self.tr("Sender phone"), self._focus_next)
        self.notify_check = QCheckBox(self.tr("Lok &notifies recipients"), carrier)
        self.notify_check.setAccessibleName(self.tr("Lok notifies recipients"))
        self.notify_check.setAccessibleDescription(self.tr(
            "Lok sends each recipient their pick-up code when the parcel is delivered."))
        self.notify_check.setChecked(True)
        for column, (caption, widget) in enumerate((
                (self.tr("&Location"), self.location_combo), (self.tr("Ca&rrier"), self.carrier_edit),
                (self.tr("S&ender"), self.sender_edit), (self.tr("Sender p&hone"), self.sender_phone_edit))):
            label = QLabel(caption, carrier)
            label.setBuddy(widget)
            grid.addWidget(label, 0, column)
            grid.addWidget(widget, 1, column)
        grid.addWidget(self.notify_check, 1, 4)
        return carrier

    def _build_parcel(self) -> QGroupBox:
        parcel = QGroupBox(self.tr("Parcel"), self)
        self.parcel_box = parcel
        pgrid = QGridLayout(parcel)
        self.shipment_edit = self._edit(self.tr("Shipment id"), self._shipment_entered,
                                        self.tr("Scan the label"))
        self.measures_edit = self._edit(self.tr("Measures and weight"), self.recipient_edit_focus,
                                        self.tr("cm and kg: 12 30 40 2"))
        self.measures_edit.setAccessibleDescription(self.tr(
            "Width, height and length in cm, then the weight in kg, separated by spaces or x."))
        self.size_combo = QComboBox(parcel)
        self.size_combo.setAccessibleName(self.tr("Box size"))
        self.size_combo.addItem(self.tr("From the measures"), "")
        for size in SIZES:
            self.size_combo.addItem(box_size_text(size), size.value)
        self.recipient_edit = self._edit(self.tr("Recipient name"), self.create_from_form)
        self.recipient_email_edit = self._edit(self.tr("Recipient e-mail"), self.create_from_form)
        self.recipient_phone_edit = self._edit(self.tr("Recipient phone"), self.create_from_form)
        rows = (
            (0, 0, self.tr("&Shipment id"), self.shipment_edit),
            (0, 1, self.tr("&Measures (cm, kg)"), self.measures_edit),
            (0, 2, self.tr("Bo&x size"), self.size_combo),
            (2, 0, self.tr("Re&cipient"), self.recipient_edit),
            (2, 1, self.tr("Recipient e-ma&il"), self.recipient_email_edit),
            (2, 2, self.tr("Recipient phone"), self.recipient_phone_edit),
        )
        for row, column, caption, widget in rows:
            label = QLabel(caption, parcel)
            label.setBuddy(widget)
            pgrid.addWidget(label, row, column)
            pgrid.addWidget(widget, row + 1, column)
        self.problem_label = ProblemLine(parcel, name=self.tr("Problem with this parcel"))
        # The one Problem path: each field by the names the batch's refusals use.
        self.binder = FormBinder(self, self.problem_label)
        for name, widget in (("shipment_id", self.shipment_edit), ("width", self.measures_edit),
                             ("height", self.measures_edit), ("length", self.measures_edit),
                             ("weight", self.measures_edit), ("size", self.size_combo),
                             ("contact_name", self.sender_edit),
                             ("recipient_info.email", self.recipient_email_edit)):
            self.binder.add(name, widget)
        pgrid.addWidget(self.problem_label, 4, 0, 1, 3)
        buttons = QHBoxLayout()
        self.create_button = QPushButton(self.tr("Create parcel"), parcel)
        self.create_button.setAccessibleName(self.tr("Create parcel"))
        self.create_button.setAccessibleDescription(self.tr("Ctrl+Enter, or Enter in a recipient field"))
        self.create_button.setAutoDefault(False)
        self.create_button.clicked.connect(self.create_from_form)
        self.editing_label = QLabel(parcel)
        buttons.addWidget(self.create_button)
        buttons.addWidget(self.editing_label, 1)
        pgrid.addLayout(buttons, 5, 0, 1, 3)
        return parcel

    def _build_list(self, outer: QVBoxLayout) -> None:
        self.model = RowTableModel([
            ("#", lambda p: str(p.number), lambda p: p.number),
            (self.tr("Shipment id"), lambda p: p.entry.shipment_id, lambda p: p.entry.shipment_id),
            (self.tr("Box"), lambda p: size_text(p.size), lambda p: str(p.size or "")),
            (self.tr("Recipient"), lambda p: p.entry.recipient_name, lambda p: p.entry.recipient_name),
            (self.tr("Result"), state_text, lambda p: p.state.value),
        ], self)
        self.table: QTableView = record_list_view(self.model, self, name=self.tr("Parcels of this batch"),
                                                  sort_column=0)
        self.table.activated.connect(self._line_activated)
        outer.addWidget(self.table, 1)
        self.totals_label = QLabel(self)
        self.totals_label.setAccessibleDescription(self.tr("Batch totals"))
        outer.addWidget(self.totals_label)

    def _build_actions(self, outer: QVBoxLayout) -> None:
        actions = QHBoxLayout()
        self.undo_button = QPushButton(self.tr("&Undo parcel…"), self)
        self.undo_button.setAccessibleName(self.tr("Undo parcel…"))
        self.undo_button.setAccessibleDescription(self.tr("Cancels the chosen parcel at Lok (Delete)"))
        self.undo_button.clicked.connect(lambda: self._spawn(self.undo_selected()))
        self.recipient_slips_check = QCheckBox(self.tr("&With recipient slips"), self)
        self.recipient_slips_check.setAccessibleName(self.tr("With recipient slips"))
        self.paper_combo = QComboBox(self)
        self.paper_combo.setAccessibleName(self.tr("Paper"))
        for paper, name in paper_format_names().items():
            self.paper_combo.addItem(name, paper.value)
        self.print_button = QPushButton(self.tr("&Print courier sheet…"), self)
        self.print_button.setAccessibleName(self.tr("Print courier sheet…"))
        self.print_button.clicked.connect(lambda: self._spawn(self.print_sheet()))
        self.pdf_button = QPushButton(self.tr("Save sheet as P&DF…"), self)
        self.pdf_button.setAccessibleName(self.tr("Save sheet as PDF…"))
        self.pdf_button.clicked.connect(lambda: self._spawn(self.save_sheet_pdf()))
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setAccessibleName(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)
        for button in (self.undo_button, self.print_button, self.pdf_button, self.close_button):
            button.setAutoDefault(False)
        # Two rows, so the window fits a 1024 px screen in Spanish too: the list's own action and Close,
        # then the courier sheet's.
        actions.addWidget(self.undo_button)
        actions.addStretch(1)
        actions.addWidget(self.close_button)
        sheet = QHBoxLayout()
        for widget in (self.recipient_slips_check, self.paper_combo, self.print_button, self.pdf_button):
            sheet.addWidget(widget)
        sheet.addStretch(1)
        outer.addLayout(sheet)
        outer.addLayout(actions)
        QShortcut(QKeySequence("Ctrl+P"), self, lambda: self._spawn(self.print_sheet()))
        undo = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table,
                         lambda: self._spawn(self.undo_selected()))
        undo.setContext(Qt.ShortcutContext.WidgetShortcut)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Ctrl+Enter creates from anywhere in the window (a field, the size list, a check box). Not a
        # QShortcut: a field's plain Enter is handled by the field, and one key must create once.
        if _is_enter(event) and _with_control(event):
            event.accept()
            self.create_from_form()
            return
        if _is_enter(event):
            event.accept()     # never a default button: a stray scanner Enter must not act
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        """Esc or Close: a batch whose created parcels are on no courier sheet yet asks first (the
        codes would only be found again one reservation at a time)."""
        unsheeted = [p for p in self.batch.created() if p.number not in self._on_sheet]
        if self._closing or not unsheeted:
            super().reject()
            return
        self._spawn(self._ask_to_close(len(unsheeted)))

    async def _ask_to_close(self, count: int) -> None:
        try:
            close = await self._confirm_close(count)
        except RuntimeError:    # the window went away with the desk while asking: nothing to keep
            return
        if close:
            self._closing = True
            self.reject()

    async def _confirm_close(self, count: int) -> bool:
        return await confirm(
                self, self.tr("Close courier intake"),
                self.tr("%n parcel(s) of this batch are on no courier sheet yet. Close anyway?", "", count),
                ok_text=self.tr("Close without the sheet"), keep_text=self.tr("Keep intake open"))

    # ---- helpers --------------------------------------------------------------------------------
    def _spawn(self, coro: Any) -> asyncio.Task[Any]:
        task = spawn(coro, owner=self)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    async def settle(self) -> None:
        """Wait for every create, undo and print in flight (tests, closing)."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    def _focus_next(self) -> None:
        self.focusNextChild()

    def recipient_edit_focus(self) -> None:
        self.recipient_edit.setFocus()

    def _shipment_entered(self) -> None:
        # A scanner ends with Enter: move on to the measures, never create.
        self.measures_edit.setFocus()
        self.measures_edit.selectAll()

    def _location_changed(self, _index: int) -> None:
        self.batch.location_id = str(self.location_combo.currentData() or "")
        self.batch.location = None

    def entry(self) -> ParcelEntry:
        width, height, length, weight = split_measures(self.measures_edit.text())
        return ParcelEntry(
            shipment_id=self.shipment_edit.text(), width=width, height=height, length=length, weight=weight,
            size=str(self.size_combo.currentData() or ""), recipient_name=self.recipient_edit.text(),
            recipient_email=self.recipient_email_edit.text(),
            recipient_phone=self.recipient_phone_edit.text())

    def _carry(self) -> CarryOver:
        return CarryOver(sender_name=self.sender_edit.text(), sender_phone=self.sender_phone_edit.text(),
                         carrier=self.carrier_edit.text(), notify_recipient=self.notify_check.isChecked())

    def _show_problem(self, refusal: ParcelRefusal) -> None:
        """Mark the field at fault and say exactly what is wrong on the form's line."""
        text = refusal_text(refusal)
        field = refusal.field
        self.binder.show(refusal.problem, {field: text} if field else None)
        self.problem_label.show_text(text, error=True)
        if field is None:
            self.shipment_edit.setFocus()

    def _clear_form(self) -> None:
        for edit in (self.shipment_edit, self.measures_edit, self.recipient_edit, self.recipient_email_edit,
                     self.recipient_phone_edit):
            edit.clear()
        self.binder.clear()
        self.size_combo.setCurrentIndex(0)
        self._editing = None
        self.editing_label.clear()
        self.shipment_edit.setFocus()

    # ---- actions --------------------------------------------------------------------------------
    def create_from_form(self) -> None:
        """The one key that creates: checks what needs no server, then sends and clears for the next."""
        entry = self.entry()
        self.batch.carry = self._carry()
        refusal = self.batch.check(entry, replacing=self._editing)
        if refusal is not None:
            self._show_problem(refusal)
            return
        editing = self._editing
        self._clear_form()
        # The line goes on the list before the form is free again, so a fast next scan of the same
        # label is caught as a repeat; Lok's answer arrives in the list.
        if editing is not None and editing.state is ParcelState.REFUSED:
            self.batch.reopen(editing, entry)
            parcel = editing
        else:
            parcel = self.batch.add(entry)
        self._spawn(self.batch.send(parcel))

    def selected(self) -> Parcel | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        parcel = index.data(ROW_ROLE)
        return parcel if isinstance(parcel, Parcel) else None

    def _line_activated(self, index: QModelIndex) -> None:
        parcel = index.data(ROW_ROLE)
        if isinstance(parcel, Parcel) and parcel.state is ParcelState.REFUSED:
            self.edit_line(parcel)

    def edit_line(self, parcel: Parcel) -> None:
        """Bring a refused line's entry back into the form, to correct it and send it again."""
        entry = parcel.entry
        self.shipment_edit.setText(entry.shipment_id)
        self.measures_edit.setText(" ".join(v for v in (entry.width, entry.height, entry.length, entry.weight)
                                            if v))
        self.size_combo.setCurrentIndex(max(0, self.size_combo.findData(entry.size.strip().lower())))
        self.recipient_edit.setText(entry.recipient_name)
        self.recipient_email_edit.setText(entry.recipient_email)
        self.recipient_phone_edit.setText(entry.recipient_phone)
        self._editing = parcel
        self.editing_label.setText(self.tr("Correcting line {0}").format(parcel.number))
        if parcel.refusal is not None:
            self._show_problem(parcel.refusal)

    async def undo_selected(self) -> bool:
        parcel = self.selected()
        if parcel is None or parcel.state is not ParcelState.CREATED:
            return False
        if not await confirm(
                self, self.tr("Undo parcel"),
                self.tr("Cancel the reservation of {0} at Lok? Its delivery token will stop working.").format(
                    parcel.entry.shipment_id),
                ok_text=self.tr("Cancel reservation"), keep_text=self.tr("Keep reservation"),
                destructive=True):
            return False
        undone = await self.batch.undo(parcel)
        return undone.state.value == ParcelState.CANCELLED.value

    def _parcel_changed(self, parcel: Parcel) -> None:
        rows = self.model.rows
        if parcel not in rows:
            self.model.append(parcel)
            self.table.scrollToBottom()
        else:
            row = rows.index(parcel)
            self.model.dataChanged.emit(self.model.index(row, 0),
                                        self.model.index(row, self.model.columnCount() - 1))
        if parcel.state is not ParcelState.SENDING:
            announce(self, f"{parcel.number}. {parcel.entry.shipment_id}: {state_text(parcel)}",
                     assertive=parcel.state is ParcelState.REFUSED)
        self._update_totals()
        self.changed.emit()

    def _update_totals(self) -> None:
        self.totals_label.setText(totals_text(self.batch.totals()))
        has_sheet = bool(self.batch.created())
        self.print_button.setEnabled(has_sheet)
        self.pdf_button.setEnabled(has_sheet)

    # ---- the courier sheet ----------------------------------------------------------------------
    def courier_sheet(self) -> paper_sheet.CourierSheet:
        location = self._session.location(self.batch.location_id) or self.batch.location
        name = self._session.location_name(self.batch.location_id)
        lines, slips = [], []
        for parcel in self.batch.created():
            created = parcel.created
            assert created is not None
            tokens = created.tokens
            lines.append(paper_sheet.SheetLine(
                parcel.number, parcel.entry.shipment_id.strip(), parcel.entry.recipient_name.strip(),
                box_size_text(parcel.size), tokens.delivery_token or "", tokens.qr_png("delivery")))
            if self.recipient_slips_check.isChecked():
                slips.append(build_slip(SlipKind.RECIPIENT, created.reservation, tokens, location, name))
        carrier = self.carrier_edit.text().strip()
        when = datetime.now(UTC).astimezone().strftime("%Y-%m-%d %H:%M")
        subtitle = self.tr("{0} · {1} · %n parcel(s)", "", len(lines)).format(
            carrier or self.tr("carrier"), when)
        return paper_sheet.CourierSheet(self.tr("Courier sheet — {0}").format(name), subtitle, lines, slips)

    def _paper(self) -> PaperFormat:
        return PaperFormat(str(self.paper_combo.currentData()))

    def _record_print(self, sheet: paper_sheet.CourierSheet, where: str) -> None:
        self._on_sheet.update(line.number for line in sheet.lines)
        shipments = ", ".join(line.shipment_id for line in sheet.lines)
        recorder_for(self._session).record(
            Action.PRINTED_COURIER_SHEET, Outcome.DONE,
            detail=f"{where}; {len(sheet.lines)} parcels; {self._paper().value}; {shipments}",
            forbidden=sheet.codes())

    async def print_sheet(self) -> bool:
        if not self.batch.created():
            return False
        sheet = self.courier_sheet()
        printer = await self._choose_printer(self)
        if printer is None:
            return False
        try:
            paper_sheet.render(printer, sheet, self._paper())
        except OSError as error:
            report(self, error, doing=self.tr("printing the courier sheet"))
            return False
        self._record_print(sheet, "printer")
        return True

    async def save_sheet_pdf(self) -> str | None:
        if not self.batch.created():
            return None
        sheet = self.courier_sheet()
        path = await self._save_path(self, f"courier-sheet-{datetime.now(UTC):%Y%m%d-%H%M}.pdf")
        if not path:
            return None
        try:
            await asyncio.to_thread(paper_sheet.write_pdf, str(path), sheet, self._paper())
        except OSError as error:
            report(self, error, doing=self.tr("saving the courier sheet"))
            return None
        self._record_print(sheet, "pdf")
        return str(path)

