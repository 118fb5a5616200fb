"""Suggests the company's directory contacts while a name is typed in a reservation form."""

from __future__ import annotations

from typing import Any, cast

from PySide6.QtCore import QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit

from lok_desk.api import LokError, models
from lok_desk.core.owner.directories import company_contacts
from lok_desk.desk.qt_session import QtSession

NAME_ROLE = Qt.ItemDataRole.UserRole + 10
EMAIL_ROLE = Qt.ItemDataRole.UserRole + 11
PHONE_ROLE = Qt.ItemDataRole.UserRole + 12


class DirectoryContactCompleter(QCompleter):
    """Suggests the company's directory contacts while a name is typed; choosing one fills name, e-mail
    and phone. Call `await load()` (or `set_contacts`) once; `attach()` to each trio of fields."""

    def __init__(self, session: QtSession | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._items = QStandardItemModel(self)
        self.setModel(self._items)
        self.setCompletionRole(NAME_ROLE)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setMaxVisibleItems(10)
        self._targets: list[tuple[QLineEdit, QLineEdit, QLineEdit]] = []
        # activated is overloaded (str, QModelIndex); the stubs cannot index a signal by its overload.
        cast(Any, self.activated)[QModelIndex].connect(self._fill)

    @property
    def count(self) -> int:
        return self._items.rowCount()

    def set_contacts(self, contacts: list[models.DirectoryContact]) -> None:
        self._items.clear()
        seen: set[tuple[str, str]] = set()
        for contact in contacts:
            name = f"{contact.name} {contact.last_name}".strip()
            email = contact.email or ""
            phone = (contact.phones or [""])[0]
            if (name.casefold(), email.casefold()) in seen:
                continue
            seen.add((name.casefold(), email.casefold()))
            item = QStandardItem(" · ".join(part for part in (name, email, phone) if part))
            item.setData(name, NAME_ROLE)
            item.setData(email, EMAIL_ROLE)
            item.setData(phone, PHONE_ROLE)
            item.setEditable(False)
            self._items.appendRow(item)

    async def load(self) -> int:
        """Contacts of every active directory of the company (#2, then #20 for each)."""
        if self._session is None:
            return 0
        try:
            # Every page of directories (the one page loop), then each active one's contacts.
            contacts = await company_contacts(self._session.service, self._session.call)
        except LokError:
            return self.count   # suggestions are a convenience: the form works without them
        self.set_contacts(contacts)
        return self.count

    def attach(self, name_edit: QLineEdit, email_edit: QLineEdit, phone_edit: QLineEdit) -> None:
        name_edit.setCompleter(self)
        self._targets.append((name_edit, email_edit, phone_edit))

    def _fill(self, index: QModelIndex) -> None:
        widget = self.widget()
        for name_edit, email_edit, phone_edit in self._targets:
            if name_edit is widget:
                full_name = str(index.data(NAME_ROLE) or "")
                name_edit.setText(full_name)
                # QLineEdit may put its own completion text in after this signal: set it again then.
                # (the line edit as context: the timer dies with it).
                QTimer.singleShot(0, name_edit, lambda edit=name_edit, text=full_name: edit.setText(text))
                email_edit.setText(str(index.data(EMAIL_ROLE) or ""))
                phone_edit.setText(str(index.data(PHONE_ROLE) or ""))
                # Editors listen to textEdited to clear their error lines; setText does not emit it.
                email_edit.textEdited.emit(email_edit.text())
                phone_edit.textEdited.emit(phone_edit.text())


__all__ = ["DirectoryContactCompleter"]
