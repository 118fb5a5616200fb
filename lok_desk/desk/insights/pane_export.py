"""The Insights pane's Export menu: each table as CSV, each chart as PNG, the whole pane as PDF."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractItemModel, QSize, Qt
from PySide6.QtGui import QImage

from lok_desk.desk.insights import export
from lok_desk.desk.kit.asyncqt import spawn
from lok_desk.desk.kit.charts import ChartPanel
from lok_desk.desk.kit.i18n import translate
from lok_desk.desk.kit.problem_views import report

if TYPE_CHECKING:
    from lok_desk.desk.insights.pane import InsightsPane


def model_table(model: QAbstractItemModel) -> tuple[list[str], list[list[str]]]:
    """Headers and rows as shown; a model with row headers (the weekday grid) gets them as a first column."""
    columns = range(model.columnCount())
    headers = [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in columns]
    row_names = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
    named = any(isinstance(name, str) and name for name in row_names)
    rows = []
    for r in range(model.rowCount()):
        cells = [str(model.data(model.index(r, c)) or "") for c in columns]
        rows.append(([str(row_names[r] or "")] if named else []) + cells)
    return ([""] if named else []) + headers, rows


class PaneExport:
    """Fills the pane's Export menu and saves what is asked, in the person's language."""

    def __init__(self, pane: InsightsPane) -> None:
        self.pane = pane
        menu = pane.export_menu
        menu.aboutToShow.connect(self._fill)
        self.last_saved: str | None = None

    def _fill(self) -> None:
        menu = self.pane.export_menu
        menu.clear()
        for title, model in self.pane.models():
            action = menu.addAction(translate("Insights", "Table “%1” as CSV…").replace("%1", title))
            action.triggered.connect(
                lambda _c=False, t=title, m=model: spawn(self.save_table(t, m), owner=self.pane)
            )
        menu.addSeparator()
        for chart in (self.pane.occupancy_chart, self.pane.dwell_chart):
            action = menu.addAction(
                translate("Insights", "Chart “%1” as PNG…").replace("%1", chart.accessibleName())
            )
            action.triggered.connect(lambda _c=False, c=chart: spawn(self.save_chart(c), owner=self.pane))
        menu.addSeparator()
        action = menu.addAction(translate("Insights", "Everything as PDF…"))
        action.triggered.connect(lambda _c=False: spawn(self.save_pdf(), owner=self.pane))

    async def _ask(self, title: str, suggested: str, file_filter: str, suffix: str) -> str | None:
        chooser = getattr(self.pane, "choose_save_path", None) or export.ask_save_path
        path: str | None = await chooser(self.pane, title, suggested, file_filter, suffix)
        return path

    async def _done(self, path: str, write: object) -> str | None:
        try:
            await write  # type: ignore[misc]
        except OSError as error:
            report(self.pane, error, doing=translate("Insights", "saving the file"))
            return None
        self.last_saved = path
        self.pane.message.show_text(translate("Insights", "Saved %1.").replace("%1", path))
        return path

    async def save_table(self, title: str, model: QAbstractItemModel, path: str | None = None) -> str | None:
        path = path or await self._ask(
            translate("Insights", "Save table as CSV"),
            translate("Insights", "insights") + f"-{title}.csv",
            translate("Insights", "CSV files (*.csv)"),
            "csv",
        )
        if not path:
            return None
        headers, rows = model_table(model)
        return await self._done(path, export.save_csv(path, headers, rows))

    async def save_chart(self, chart: ChartPanel, path: str | None = None) -> str | None:
        path = path or await self._ask(
            translate("Insights", "Save chart as PNG"),
            f"{chart.accessibleName()}.png",
            translate("Insights", "PNG images (*.png)"),
            "png",
        )
        if not path:
            return None
        return await self._done(path, export.write_file(path, export.chart_png(chart)))

    async def save_pdf(self, path: str | None = None) -> str | None:
        path = path or await self._ask(
            translate("Insights", "Save insights as PDF"),
            translate("Insights", "insights") + ".pdf",
            translate("Insights", "PDF documents (*.pdf)"),
            "pdf",
        )
        if not path:
            return None
        pane = self.pane
        sections = []
        images: list[tuple[str, QImage]] = []
        for title, model in pane.models():
            headers, rows = model_table(model)
            sections.append(export.table_html(title, headers, rows))
        for number, chart in enumerate((pane.occupancy_chart, pane.dwell_chart)):
            name = f"chart{number}.png"
            images.append((name, chart.image(QSize(960, 420))))
            sections.append(f"<h3>{chart.accessibleName()}</h3><img src='{name}' width='900'>")
        data = export.pdf_bytes(translate("Insights", "Insights"), pane.status.text(), sections, images)
        return await self._done(path, export.write_file(path, data))
