"""The main window's header: who and where (company, person, role, server), the location switcher and
the search box. Its words keep the MainWindow translation context they were written under."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QLineEdit, QSizePolicy, QVBoxLayout

from lok_desk.desk.kit.i18n import translate
from lok_desk.desk.kit.icons import PaletteIcons
from lok_desk.desk.kit.widgets import ElidedLabel, EnvironmentBadge
from lok_desk.desk.qt_session import QtSession
from lok_desk.desk.roles import role_label
from lok_desk.resources import app_icon

# The switcher's entry for every location.
ALL_LOCATIONS = ""


class WindowHeader(QFrame):
    """Company, person and role, the environment badge, the location switcher and the search box."""

    def __init__(self, session: QtSession, icons: PaletteIcons) -> None:
        super().__init__()
        self.session = session
        self.setObjectName("header")
        self.setStyleSheet("#header { border-bottom: 1px solid palette(mid); }")
        logo = QLabel()
        logo.setPixmap(app_icon().pixmap(36, 36))
        company = session.company_name or translate("MainWindow", "(company not given)")
        self.company_label = ElidedLabel(company)
        font = QFont(self.company_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.company_label.setFont(font)
        self.company_label.setAccessibleDescription(translate("MainWindow", "Company"))
        user = session.user
        who = user.name or user.email or user.id
        # Gives way with "…" in a narrow window (the e-mail was cut mid-letter); the tooltip has it all.
        self.user_label = ElidedLabel(who + (f"  ·  {user.email}" if user.email and user.name else ""))
        self.user_label.setAccessibleDescription(translate("MainWindow", "Signed in as"))
        role = role_label(session.capabilities.role)
        self.role_label = QLabel(translate("MainWindow", "Role: {role}").format(role=role))
        self.role_label.setAccessibleDescription(translate("MainWindow", "Role"))
        self.role_label.setStyleSheet("QLabel { background: palette(midlight); border-radius: 8px;"
                                      " padding: 1px 8px; }")
        own = session.capabilities.location_id
        if not session.capabilities.sees_all_locations and own:
            works_at = translate("MainWindow", "Works at {name} only")
            self.role_label.setToolTip(works_at.format(name=session.location_name(own)))
        names = QVBoxLayout()
        names.setSpacing(0)
        names.addWidget(self.company_label)
        who_row = QHBoxLayout()
        who_row.setSpacing(10)
        who_row.addWidget(self.user_label)
        who_row.addWidget(self.role_label)
        who_row.addStretch(1)
        names.addLayout(who_row)
        self.badge = EnvironmentBadge()
        self.badge.set_environment(session.environment, str(session.base_url))

        self.location_combo = QComboBox()
        self.location_combo.setAccessibleName(translate("MainWindow", "Location"))
        # Sized for a typical name, not the longest: AdjustToContents made the header (and so the
        # window) wider than 1000 px, and the right edge of every pane was cut off.
        self.location_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.location_combo.setMinimumContentsLength(12)
        # Grows into spare room (so "Todas las ubicaciones" shows whole) and gives it back when narrow.
        self.location_combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.location_combo.setMaximumWidth(self.fontMetrics().horizontalAdvance("M" * 16) + 40)
        location_label = QLabel(translate("MainWindow", "L&ocation:"))
        location_label.setBuddy(self.location_combo)
        self.search_edit = QLineEdit()
        self.search_edit.setAccessibleName(translate("MainWindow", "Find reservation"))
        self.search_edit.setPlaceholderText(translate("MainWindow", "Find: scan or type (Ctrl+F)"))
        self.search_edit.setToolTip(translate(
            "MainWindow", "A shipment id, reservation id or token; press Enter. "
                          "A barcode scanner works too."))
        self.search_edit.setClearButtonEnabled(True)
        # Never narrower than its hint (in Spanish too): a cut hint hides how to use the box.
        hint = self.search_edit.fontMetrics().horizontalAdvance(self.search_edit.placeholderText())
        self.search_edit.setMinimumWidth(max(200, hint + 20))
        self.search_edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.search_edit.setMaximumWidth(360)
        search_icon = self.search_edit.addAction(QIcon(), QLineEdit.ActionPosition.LeadingPosition)
        icons.bind(search_icon.setIcon, "search")
        self.search_edit.textEdited.connect(lambda _t: self.search_edit.setStyleSheet(""))

        row = QHBoxLayout(self)
        row.setContentsMargins(14, 10, 14, 10)
        row.setSpacing(12)
        row.addWidget(logo)
        row.addLayout(names)
        row.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addStretch(0)
        row.addWidget(location_label)
        row.addWidget(self.location_combo)
        row.addWidget(self.search_edit)

    def fill_locations(self) -> None:
        """The switcher's entries: every location (and all of them) for those who see them, else one."""
        session = self.session
        combo = self.location_combo
        keep = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        caps = session.capabilities
        if caps.sees_all_locations:
            combo.addItem(translate("MainWindow", "All locations"), ALL_LOCATIONS)
            for location in session.locations:
                combo.addItem(location.internal_name or location.id, location.id)
            combo.setEnabled(True)
            combo.setToolTip(translate("MainWindow", "Show reservations of one location, or of all"))
        else:
            own = caps.location_id or ""
            combo.addItem(session.location_name(own) or translate("MainWindow", "(your location)"), own)
            combo.setEnabled(False)
            only = translate("MainWindow", "Employees work at their own location only ({name}).")
            combo.setToolTip(only.format(name=session.location_name(own)))
        index = combo.findData(keep)
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    def current_location_id(self) -> str | None:
        """The switcher's location, None for all locations."""
        data = self.location_combo.currentData()
        return str(data) if data else None

    def restyle(self) -> None:
        """Set the style sheets again so they are polished with a new palette (after View ▸ Theme the
        names stayed dark on the new dark background)."""
        for widget in (self, self.role_label):
            sheet = widget.styleSheet()
            widget.setStyleSheet("")
            widget.setStyleSheet(sheet)
