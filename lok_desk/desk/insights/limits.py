"""The owner's limits (Insights ▸ Limits…): per location and size, "free boxes under N %" and "more than
N parcels past pick-up"; kept in insights.json beside the settings, told through the notice path."""

from __future__ import annotations

import asyncio
import json
import os
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lok_desk.core.insights import SIZES
from lok_desk.core.insights.thresholds import Crossing, Limit, Threshold, read_thresholds
from lok_desk.desk.insights import wording
from lok_desk.desk.kit.i18n import translate


def load_limits(path: Path | None) -> list[Threshold]:
    """The saved limits; a missing or damaged file gives none (limits are a convenience)."""
    if path is None:
        return []
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return read_thresholds(raw.get("limits") if isinstance(raw, dict) else None)


def _save(path: Path, limits: Sequence[Threshold]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump({"limits": [limit.to_dict() for limit in limits]}, handle, indent=1)
    os.replace(tmp, path)


async def save_limits(path: Path | None, limits: Sequence[Threshold]) -> None:
    if path is not None:
        await asyncio.to_thread(_save, path, list(limits))


def describe_limit(limit: Threshold, location_name: str) -> str:
    size = wording.size_name(limit.size)
    if limit.limit is Limit.FREE_BELOW_PERCENT:
        return (
            translate("Insights", "%1 · %2: free boxes under %3 %")
            .replace("%1", location_name)
            .replace("%2", size)
            .replace("%3", wording.count(limit.value))
        )
    return (
        translate("Insights", "%1 · %2: more than %3 parcels past pick-up")
        .replace("%1", location_name)
        .replace("%2", size)
        .replace("%3", wording.count(limit.value))
    )


def crossing_text(crossing: Crossing, location_name: str) -> str:
    limit = crossing.threshold
    size = wording.size_name(limit.size)
    if limit.limit is Limit.FREE_BELOW_PERCENT:
        return (
            translate("Insights", "%1 (%2): only %3 of the boxes are free (your limit: %4 %).")
            .replace("%1", location_name)
            .replace("%2", size)
            .replace("%3", wording.percent(crossing.level / 100))
            .replace("%4", wording.count(limit.value))
        )
    return (
        translate("Insights", "%1 (%2): %3 parcels are past their pick-up deadline (your limit: %4).")
        .replace("%1", location_name)
        .replace("%2", size)
        .replace("%3", wording.count(crossing.level))
        .replace("%4", wording.count(limit.value))
    )


class LimitsDialog(QDialog):
    """Add and remove limits; `limits` holds the list when accepted."""

    def __init__(
        self, limits: Sequence[Threshold], locations: Sequence[tuple[str, str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Insights", "Limits that notify"))
        self.limits = list(limits)
        self._names = dict(locations)
        layout = QVBoxLayout(self)
        intro = QLabel(
            translate(
                "Insights",
                "A notice comes once when a level crosses a limit, and again only after it came "
                "back within it. Mute these notices in View ▸ Notices.",
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget(self)
        self.list.setAccessibleName(translate("Insights", "Limits"))
        layout.addWidget(self.list, 1)
        form = QFormLayout()
        self.location = QComboBox(self)
        for location_id, name in locations:
            self.location.addItem(name, location_id)
        self.size_combo = QComboBox(self)
        self.size_combo.addItem(wording.size_name(None), None)
        for size in SIZES:
            self.size_combo.addItem(wording.size_name(size), size)
        self.kind = QComboBox(self)
        self.kind.addItem(translate("Insights", "Free boxes under (%)"), Limit.FREE_BELOW_PERCENT.value)
        self.kind.addItem(
            translate("Insights", "Parcels past pick-up, more than"), Limit.PAST_PICKUP_ABOVE.value
        )
        self.value = QDoubleSpinBox(self)
        self.value.setDecimals(0)
        self.value.setRange(0, 100)
        self.value.setValue(10)
        self.kind.currentIndexChanged.connect(
            lambda _i: self.value.setMaximum(
                100 if self.kind.currentData() == Limit.FREE_BELOW_PERCENT.value else 100_000
            )
        )
        form.addRow(translate("Insights", "&Location:"), self.location)
        form.addRow(translate("Insights", "&Size:"), self.size_combo)
        form.addRow(translate("Insights", "&When:"), self.kind)
        form.addRow(translate("Insights", "&Value:"), self.value)
        layout.addLayout(form)
        row = QHBoxLayout()
        self.add_button = QPushButton(translate("Insights", "&Add limit"), self)
        self.remove_button = QPushButton(translate("Insights", "&Remove selected"), self)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout.addLayout(row)
        standard = QDialogButtonBox.StandardButton
        buttons = QDialogButtonBox(standard.Ok | standard.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.add_button.clicked.connect(self.add_current)
        self.remove_button.clicked.connect(self.remove_selected)
        self._fill()
        self.setMinimumWidth(560)   # a limit reads as one line: location · size: what and how much
        self.location.setFocus()

    def _fill(self) -> None:
        self.list.clear()
        for limit in self.limits:
            item = QListWidgetItem(describe_limit(limit, self._names.get(limit.location, limit.location)))
            self.list.addItem(item)
        self.remove_button.setEnabled(bool(self.limits))

    def add_current(self) -> None:
        location = self.location.currentData()
        if not location:
            return
        limit = Threshold(
            str(location),
            self.size_combo.currentData(),
            Limit(str(self.kind.currentData())),
            float(self.value.value()),
        )
        if limit not in self.limits:
            self.limits.append(limit)
        self._fill()

    def remove_selected(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.limits):
            del self.limits[row]
        self._fill()
