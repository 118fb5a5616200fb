"""The reservations behind a figure, listed so a person can check the number and open each one."""

from __future__ import annotations

from collections.abc import Callable, Collection

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from lok_desk.core.store import ReservationStore
from lok_desk.desk.insights import plurals
from lok_desk.desk.kit import formatting
from lok_desk.desk.kit.i18n import translate
from lok_desk.desk.kit.records import ROW_ROLE, RowTableModel, record_list_view


class ReservationsBehind(QDialog):
    """Shipment, reservation id, location and status of each; Enter or double-click opens one."""

    def __init__(
        self,
        ids: Collection[str],
        title: str,
        store: ReservationStore,
        location_name: Callable[[str | None], str],
        open_one: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        known = [r for rid in sorted(ids) if (r := store.get(rid)) is not None]
        layout = QVBoxLayout(self)
        found = len(known)
        note = QLabel(
            translate("Insights", plurals.RESERVATIONS_LISTED, None, found),
            self,
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.model = RowTableModel(
            [
                (
                    translate("Insights", "Shipment"),
                    lambda r: r.shipment_id or "",
                    lambda r: r.shipment_id or "",
                ),
                (translate("Insights", "Reservation"), lambda r: r.id or "", lambda r: r.id or ""),
                (
                    translate("Insights", "Location"),
                    lambda r: location_name(r.location_id),
                    lambda r: location_name(r.location_id),
                ),
                (
                    translate("Insights", "Status"),
                    lambda r: formatting.format_status(str(r.current_status or "")),
                    lambda r: str(r.current_status or ""),
                ),
            ],
            self,
        )
        self.model.set_rows(known)
        self.table = record_list_view(self.model, self, name=title, sort_column=0)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        def open_row(index: object) -> None:
            row = index.data(ROW_ROLE)  # type: ignore[attr-defined]
            if row is not None and row.id:
                open_one(row.id)
                self.accept()

        self.table.activated.connect(open_row)
        self.resize(720, 420)
        self.table.setFocus()
