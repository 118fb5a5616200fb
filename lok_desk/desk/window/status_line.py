"""The main window's status bar: connection, requests in flight, codes indexed for Find, the notices bell,
last refresh and server. Its words keep the MainWindow translation context they were written under."""

from __future__ import annotations

from datetime import UTC, datetime

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QToolButton

from lok_desk.desk.kit.i18n import translate
from lok_desk.desk.qt_session import QtSession


class StatusLine(QObject):
    """Fills `bar` with the permanent labels and keeps them current (the window connects the session).

    A QObject child of the bar, so the session's signals stop reaching it when the window goes."""

    # Fills smaller than this finish in moments: no progress shown.
    FILL_PROGRESS_FROM = 200

    def __init__(self, bar: QStatusBar, session: QtSession) -> None:
        super().__init__(bar)
        self.bar = bar
        self.session = session
        self.offline_label = QLabel()
        self.offline_label.setAccessibleDescription(translate("MainWindow", "Connection"))
        self.offline_label.setStyleSheet("QLabel { background: #B3261E; color: white; font-weight: bold;"
                                         " padding: 2px 8px; border-radius: 3px; }")
        self.offline_label.hide()
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumWidth(90)
        self.busy_bar.setMaximumHeight(12)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setAccessibleName(translate("MainWindow", "Network activity"))
        self.busy_bar.hide()
        self.busy_label = QLabel()
        self.busy_label.setAccessibleDescription(translate("MainWindow", "Requests in flight"))
        self.fill_label = QLabel()
        self.fill_label.setAccessibleDescription(translate("MainWindow", "Codes indexed for Find"))
        self.fill_label.hide()
        self.bell = QToolButton()
        self.bell.setAutoRaise(True)
        self.last_refresh_label = QLabel(translate("MainWindow", "Not refreshed yet"))
        self.last_refresh_label.setAccessibleDescription(translate("MainWindow", "Last refresh"))
        self.server_label = QLabel(session.server_label)
        self.server_label.setAccessibleDescription(translate("MainWindow", "Server"))
        self.server_label.setToolTip(str(session.base_url))
        for widget in (self.offline_label, self.busy_bar, self.busy_label, self.fill_label, self.bell,
                       self.last_refresh_label, self.server_label):
            bar.addPermanentWidget(widget)
        if session.last_success is not None:
            self.show_last_success(session.last_success)

    def show_fill_progress(self, done: int, total: int) -> None:
        if not shiboken6.isValid(self.fill_label):
            return
        show = self.session.token_fill.busy and total >= self.FILL_PROGRESS_FROM
        self.fill_label.setVisible(show)
        if show:
            text = translate("MainWindow", "Indexing codes for Find: {done} of {total}")
            self.fill_label.setText(text.format(done=f"{done:,}", total=f"{total:,}"))
            self.fill_label.setToolTip(translate(
                "MainWindow", "Ctrl+F finds a reservation by any of its tokens once its codes are indexed; "
                              "until then it finds it by shipment or reservation id."))

    def show_busy(self, count: int) -> None:
        self.busy_bar.setVisible(count > 0)
        text = translate("MainWindow", "Loading… ({count})")
        self.busy_label.setText(text.format(count=count) if count > 0 else "")

    def show_offline(self, offline: bool) -> None:
        if not offline:
            self.offline_label.hide()
            self.bar.showMessage(translate(
                "MainWindow", "Connection restored. The list is brought up to date by itself; what you "
                              "were typing can be sent again."), 10000)
            return
        since = (self.session.offline_since or datetime.now(UTC)).astimezone().strftime("%H:%M")
        as_of = self.session.last_success
        server = self.session.server_label
        if as_of is not None:
            # Short: the status bar of a 1024 px window cut the longer sentence off.
            text = translate("MainWindow", "⚠ Offline since {since}; list as of {as_of}. Retrying by itself…")
            text = text.format(since=since, as_of=as_of.astimezone().strftime("%H:%M"))
        else:
            text = translate("MainWindow",
                             "⚠ Offline since {since} — cannot reach {server}. Retrying by itself…")
            text = text.format(since=since, server=server)
        self.offline_label.setText(text)
        self.offline_label.setToolTip(translate(
            "MainWindow", "Lok Desk cannot reach {server}. Check this computer's network. Lok Desk asks "
                          "the server again every few seconds and carries on when it answers; nothing on "
                          "screen is thrown away meanwhile.").format(server=server))
        self.offline_label.show()

    def show_last_success(self, when: datetime) -> None:
        text = translate("MainWindow", "Updated {time}")
        self.last_refresh_label.setText(text.format(time=when.astimezone().strftime("%H:%M:%S")))
        self.last_refresh_label.setToolTip(when.strftime("%Y-%m-%d %H:%M:%S UTC"))
