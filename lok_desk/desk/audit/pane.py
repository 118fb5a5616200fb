"""The locker audit pane: walk one location box by box, mark each, and list what does not match.

Keyboard and scanner first. Focus starts in the label field: scanning the parcel's label (a keyboard-
wedge scanner types it and Enter) marks the current box present when it is the expected parcel, or
records the mismatch with both ids; the next box becomes current. Alt+P / Alt+M / Alt+D mark the chosen
box present, empty, or holding a different parcel (the label field's text is taken as the parcel found).
The marks are saved after every change (lok_desk.core.audit.AuditJournal), so an audit stopped by closing
the window, signing out or losing the connection resumes where it stopped. "Finish" lists the
discrepancies with what to do, records the audit in the desk history, and offers CSV and PDF.
The flow is lok_desk.core.audit; this pane only shows and binds.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Awaitable, Callable, Coroutine
from datetime import UTC, datetime
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QPdfWriter, QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lok_desk.core import audit as core
from lok_desk.core.csv_export import write_csv
from lok_desk.core.history import Action, Outcome
from lok_desk.desk.audit.words import advice_text, mark_names, scan_text
from lok_desk.desk.kit import formatting
from lok_desk.desk.kit.asyncqt import spawn
from lok_desk.desk.kit.i18n import translate
from lok_desk.desk.kit.problem_views import ProblemLine, accept_problems, report
from lok_desk.desk.kit.records import ROW_ROLE, RowTableModel, ask_save_csv_path, record_list_view
from lok_desk.desk.kit.slip_dialog import ask_pdf_path
from lok_desk.desk.qt_session import QtSession
from lok_desk.desk.recorder import recorder_for
from lok_desk.paths import AppPaths

SavePath = Callable[[QWidget, str], Awaitable[str | None]]


def _ask_csv(parent: QWidget, suggested: str) -> Awaitable[str | None]:
    return ask_save_csv_path(parent, translate("AuditPane", "Export the audit"), suggested)


def audit_dir() -> Path:
    return AppPaths.default().data_dir / "audits"


class _LabelField(QLineEdit):
    """The scan field: Enter hands the label over and empties the field for the next one."""

    def __init__(self, on_label: Callable[[str], None], parent: QWidget) -> None:
        super().__init__(parent)
        self._on_label = on_label

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            text = self.text()
            self.clear()
            self._on_label(text)
            return
        super().keyPressEvent(event)


class AuditPane(QWidget):
    """One audit at a time, of the location chosen at the top."""

    def __init__(self, session: QtSession, parent: QWidget | None = None, *, directory: Path | None = None,
                 save_csv: SavePath = _ask_csv, save_pdf: SavePath = ask_pdf_path) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Locker audit"))
        self._session = session
        self._directory = directory or audit_dir()
        self._save_csv = save_csv
        self._save_pdf = save_pdf
        self.audit: core.Audit | None = None
        self.journal: core.AuditJournal | None = None
        self.resumed = 0
        self._tasks: set[asyncio.Task[object]] = set()
        self._build()
        accept_problems(self, self.status.show_problem)

    # ---- layout ---------------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        self.location_combo = QComboBox(self)
        self.location_combo.setAccessibleName(self.tr("Location to audit"))
        caption = QLabel(self.tr("Location"), self)
        caption.setBuddy(self.location_combo)
        self.start_button = QPushButton(self.tr("&Start or resume audit"), self)
        self.start_button.setAccessibleName(self.tr("Start or resume audit"))
        self.start_button.clicked.connect(lambda: self._spawn(self.begin()))
        self.progress_label = QLabel(self)
        self.progress_label.setAccessibleDescription(self.tr("Audit progress"))
        for widget in (caption, self.location_combo, self.start_button):
            top.addWidget(widget)
        top.addWidget(self.progress_label, 1)
        outer.addLayout(top)

        scan_row = QHBoxLayout()
        self.label_edit = _LabelField(self.label_entered, self)
        self.label_edit.setAccessibleName(self.tr("Parcel label"))
        self.label_edit.setAccessibleDescription(self.tr(
            "Scan or type the shipment id on the parcel in the current box, then Enter."))
        self.label_edit.setPlaceholderText(self.tr("Scan the parcel's label"))
        label_caption = QLabel(self.tr("Parcel la&bel"), self)
        label_caption.setBuddy(self.label_edit)
        scan_row.addWidget(label_caption)
        scan_row.addWidget(self.label_edit, 1)
        self.present_button = self._button(self.tr("&Present"), lambda: self.mark_chosen(core.Mark.PRESENT))
        self.empty_button = self._button(self.tr("E&mpty"), lambda: self.mark_chosen(core.Mark.EMPTY))
        self.different_button = self._button(self.tr("&Different parcel"),
                                             lambda: self.mark_chosen(core.Mark.DIFFERENT))
        self.finish_button = self._button(self.tr("Fi&nish"), lambda: self._spawn(self.finish()))
        for button in (self.present_button, self.empty_button, self.different_button, self.finish_button):
            scan_row.addWidget(button)
        outer.addLayout(scan_row)
        self.current_label = QLabel(self)
        self.current_label.setWordWrap(True)
        self.current_label.setAccessibleDescription(self.tr("Current box"))
        outer.addWidget(self.current_label)

        marks = mark_names()
        self.model = RowTableModel([
            (self.tr("Box"), lambda r: r.box_id, lambda r: core._walk_key(r.box_id)),
            (self.tr("Size"), lambda r: r.size.upper(), lambda r: r.size),
            (self.tr("Shipment id"), lambda r: r.shipment_id, lambda r: r.shipment_id),
            (self.tr("Recipient"), lambda r: r.recipient, lambda r: r.recipient),
            (self.tr("In the box since"), lambda r: formatting.format_short_stamp(r.since),
             lambda r: r.since.timestamp() if r.since else 0),
            (self.tr("Days past pick-up"), lambda r: str(r.days_past_pickup) if r.days_past_pickup else "",
             lambda r: r.days_past_pickup),
            (self.tr("Found"), lambda r: marks[r.mark] + (f": {r.found_shipment_id}" if r.found_shipment_id
                                                           else ""), lambda r: r.mark.value),
        ], self)
        self.table: QTableView = record_list_view(self.model, self, name=self.tr("Boxes to check"),
                                                  sort_column=0)
        outer.addWidget(self.table, 2)
        self.discrepancy_model = RowTableModel([
            (self.tr("Box"), lambda d: d.row.box_id, lambda d: core._walk_key(d.row.box_id)),
            (self.tr("Expected"), lambda d: d.row.shipment_id, lambda d: d.row.shipment_id),
            (self.tr("Found"), lambda d: marks[d.row.mark] + (f": {d.row.found_shipment_id}"
                                                             if d.row.found_shipment_id else ""),
             lambda d: d.row.mark.value),
            (self.tr("What to do"), advice_text, lambda d: d.advice.value),
        ], self)
        self.discrepancy_table: QTableView = record_list_view(
            self.discrepancy_model, self, name=self.tr("Discrepancies"), sort_column=0)
        self.discrepancy_table.setWordWrap(True)
        self.discrepancy_table.hide()
        outer.addWidget(self.discrepancy_table, 1)
        exports = QHBoxLayout()
        self.csv_button = self._button(self.tr("Export &CSV…"), lambda: self._spawn(self.export_csv()))
        self.pdf_button = self._button(self.tr("Save as PDF…"), lambda: self._spawn(self.export_pdf()))
        exports.addStretch(1)
        exports.addWidget(self.csv_button)
        exports.addWidget(self.pdf_button)
        outer.addLayout(exports)
        self.status = ProblemLine(self, name=self.tr("Audit status"))
        outer.addWidget(self.status)
        self._show_state()

    def _button(self, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(text.replace("&", "").rstrip("…") + ("…" if text.endswith("…") else ""))
        button.clicked.connect(slot)
        return button

    def _spawn(self, coro: Coroutine[Any, Any, object]) -> None:
        task: asyncio.Task[object] = spawn(coro, owner=self)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def settle(self) -> None:
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    # ---- the pane protocol ------------------------------------------------------------------------
    def start(self) -> None:
        """Fill the location list (the locations this person may see) when first looked at."""
        self.location_combo.clear()
        own = self._session.capabilities.location_id
        locations = self._session.locations
        for location in locations:
            if own is None or location.id == own:
                self.location_combo.addItem(location.internal_name or location.id, location.id)
        if own and self.location_combo.findData(own) < 0:
            self.location_combo.addItem(self._session.location_name(own) or own, own)
        self.location_combo.setEnabled(self._session.capabilities.sees_all_locations)

    async def refresh(self) -> None:
        await self.begin()

    # ---- flow -----------------------------------------------------------------------------------
    async def begin(self) -> bool:
        """Read the location's boxes from Lok and start an audit, or resume the one saved for it."""
        if self.location_combo.count() == 0:
            self.start()
        location_id = str(self.location_combo.currentData() or "")
        if not location_id:
            return False
        self.status.show_text(self.tr("Reading the boxes of {0}…").format(self.location_combo.currentText()))
        try:
            audit = await core.Audit.load(self._session.service, location_id, self._session.server_now())
        except Exception as error:  # every failure goes through the one Problem path
            report(self, error, doing=self.tr("reading the boxes to audit"))
            return False
        journal = core.AuditJournal(self._directory, location_id)
        saved = await asyncio.to_thread(journal.load)
        self.resumed = audit.resume(saved) if saved is not None else 0
        self.audit, self.journal = audit, journal
        audit.on_change.append(self._audit_changed)
        self.model.set_rows(audit.rows)
        self.discrepancy_table.hide()
        resumed, boxes = self.resumed, len(audit.rows)
        if resumed:
            text = self.tr("Resumed the audit started {0}: %n box(es) were already checked.", "", resumed)
            self.status.show_text(text.format(formatting.format_short_stamp(audit.started_at)))
        else:
            self.status.show_text(self.tr("%n box(es) hold a parcel according to Lok. Scan each parcel's "
                                          "label, box by box.", "", boxes))
        self._show_state()
        self.label_edit.setFocus()
        return True

    def chosen(self) -> core.AuditRow | None:
        index = self.table.currentIndex()
        row = index.data(ROW_ROLE) if index.isValid() else None
        if isinstance(row, core.AuditRow) and row.mark is core.Mark.UNCHECKED:
            return row
        return self.audit.current if self.audit is not None else None

    def label_entered(self, text: str) -> None:
        if self.audit is None:
            return
        store = self._session.store
        result = self.audit.scan(text, row=self.chosen(),
                                 is_code=lambda label: store.tokens.lookup(label) is not None)
        self.status.show_text(scan_text(result), error=result.outcome in (
            core.ScanOutcome.MISMATCH, core.ScanOutcome.IS_A_CODE))

    def mark_chosen(self, mark: core.Mark) -> None:
        if self.audit is None:
            return
        row = self.chosen()
        if row is None:
            return
        found = self.label_edit.text()
        self.label_edit.clear()
        self.audit.mark(row, mark, found)
        self.status.show_text(self.tr("Box {0}: {1}.").format(row.box_id, mark_names()[mark]))
        self.label_edit.setFocus()

    def _audit_changed(self, row: core.AuditRow | None) -> None:
        audit, journal = self.audit, self.journal
        if audit is None or journal is None:
            return
        try:
            journal.save(audit)   # small and local: written at once, so a crash loses no mark
        except OSError as error:
            report(self, error, doing=self.tr("saving the audit"))
        if row is not None and row in self.model.rows:
            position = self.model.rows.index(row)
            self.model.dataChanged.emit(self.model.index(position, 0),
                                        self.model.index(position, self.model.columnCount() - 1))
        elif row is None:
            self.model.set_rows(audit.rows)
        self.table.clearSelection()
        self._show_state()

    def _show_state(self) -> None:
        audit = self.audit
        active = audit is not None
        for button in (self.present_button, self.empty_button, self.different_button, self.finish_button):
            button.setEnabled(active)
        self.label_edit.setEnabled(active)
        has_list = not self.discrepancy_table.isHidden()
        self.csv_button.setEnabled(has_list)
        self.pdf_button.setEnabled(has_list)
        if audit is None:
            self.progress_label.setText(self.tr("Choose the location and start the audit."))
            self.current_label.clear()
            return
        checked = audit.checked
        self.progress_label.setText(self.tr("%n of {0} box(es) checked", "", checked).format(len(audit.rows)))
        row = audit.current
        if row is None:
            self.current_label.setText(self.tr("Every box is checked: press Finish (Alt+N)."))
            return
        days = row.days_past_pickup
        late = self.tr(", %n day(s) past pick-up", "", days) if days else ""
        text = self.tr("Now: box {0} ({1}) — expected {2} for {3}, in the box since {4}{5}.")
        self.current_label.setText(text.format(
            row.box_id, row.size.upper(), row.shipment_id or "—", row.recipient or "—",
            formatting.format_short_stamp(row.since), late))
        position = self.model.rows.index(row)
        self.table.scrollTo(self.table.model().index(position, 0))

    # ---- the end --------------------------------------------------------------------------------
    def discrepancies(self) -> list[core.Discrepancy]:
        return self.audit.discrepancies() if self.audit is not None else []

    async def finish(self) -> list[core.Discrepancy]:
        """List the discrepancies, record the audit in the desk history, and end it (nothing to resume)."""
        audit, journal = self.audit, self.journal
        if audit is None or journal is None:
            return []
        found = audit.discrepancies()
        self.discrepancy_model.set_rows(found)
        self.discrepancy_table.show()
        counts = {mark: sum(row.mark is mark for row in audit.rows) for mark in core.Mark}
        detail = (f"{audit.location_id}: {len(audit.rows)} boxes, {counts[core.Mark.PRESENT]} present, "
                  f"{counts[core.Mark.EMPTY]} empty, {counts[core.Mark.DIFFERENT]} different, "
                  f"{counts[core.Mark.UNCHECKED]} not checked; {len(found)} discrepancies")
        recorder_for(self._session).record(Action.AUDITED, Outcome.DONE, detail=detail)
        await asyncio.to_thread(journal.clear)
        count = len(found)
        self.status.show_text(self.tr("Audit finished: %n discrepancy(ies).", "", count))
        self._show_state()
        self.discrepancy_table.setFocus()
        return found

    def _suggested(self, suffix: str) -> str:
        location = self.audit.location_id if self.audit is not None else "audit"
        return f"audit-{location}-{datetime.now(UTC):%Y%m%d}.{suffix}"

    async def export_csv(self) -> str | None:
        found = self.discrepancies()
        path = await self._save_csv(self, self._suggested("csv"))
        if not path:
            return None
        rows = core.csv_rows(found, advice_text)
        headers = [self.tr("Box"), self.tr("Size"), self.tr("Shipment id"), self.tr("Recipient"),
                   self.tr("In the box since"), self.tr("Days past pick-up"), self.tr("Found"),
                   self.tr("Found shipment id"), self.tr("What to do"), self.tr("Reservation id")]
        await asyncio.to_thread(write_csv, path, headers, rows)
        recorder_for(self._session).record(Action.EXPORTED_AUDIT, Outcome.DONE, detail=f"csv; {len(found)}")
        return path

    def report_html(self) -> str:
        audit = self.audit
        marks = mark_names()
        title = self.tr("Locker audit — {0}").format(self.location_combo.currentText())
        when = formatting.format_short_stamp(audit.started_at) if audit is not None else ""
        cells = "".join(
            f"<tr><td>{escape(d.row.box_id)}</td><td>{escape(d.row.shipment_id)}</td>"
            f"<td>{escape(marks[d.row.mark])} {escape(d.row.found_shipment_id)}</td>"
            f"<td>{escape(advice_text(d))}</td></tr>" for d in self.discrepancies())
        head = "".join(f"<th align='left'>{escape(h)}</th>" for h in (
            self.tr("Box"), self.tr("Expected"), self.tr("Found"), self.tr("What to do")))
        started = self.tr("Started {0}").format(when)
        return (f"<h2>{escape(title)}</h2><p>{escape(started)}</p>"
                f"<table border='1' cellspacing='0' cellpadding='4'><tr>{head}</tr>{cells}</table>")

    async def export_pdf(self) -> str | None:
        path = await self._save_pdf(self, self._suggested("pdf"))
        if not path:
            return None
        html = self.report_html()
        await asyncio.to_thread(write_pdf, path, html)
        recorder_for(self._session).record(Action.EXPORTED_AUDIT, Outcome.DONE,
                                           detail=f"pdf; {len(self.discrepancies())}")
        return path


def write_pdf(path: str, html: str) -> None:
    """The audit's discrepancies as a PDF only its owner can read (any thread)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)
    writer = QPdfWriter(path)
    writer.setResolution(150)
    document = QTextDocument()
    document.setHtml(html)
    document.print_(writer)
    os.chmod(path, 0o600)
