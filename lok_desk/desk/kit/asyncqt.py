"""qasync helpers for the desk: await dialogs without exec(), and background tasks tied to a QObject."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable, Coroutine
from typing import Any, ParamSpec, Protocol, TypeVar, cast

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

T = TypeVar("T")
P = ParamSpec("P")

# Tasks must be referenced until done, or the garbage collector may drop them mid-flight
# (asyncio keeps only weak references to tasks).
_RUNNING: dict[asyncio.Task[Any], QObject] = {}


async def run_dialog(dialog: QDialog) -> int:
    """Open `dialog` (window-modal via open(), never exec()) and return its result code when it closes."""
    loop = asyncio.get_running_loop()
    finished: asyncio.Future[int] = loop.create_future()

    def on_finished(result: int) -> None:
        if not finished.done():
            finished.set_result(int(result))

    dialog.finished.connect(on_finished)
    # QDialog.open, not dialog.open(): QPrintDialog (and QFileDialog) overload open(receiver, member) and
    # PySide6 then refuses the plain call ("open expected 2 arguments"), so printing never started.
    QDialog.open(dialog)
    try:
        return await finished
    except asyncio.CancelledError:
        dialog.reject()
        raise
    finally:
        with contextlib.suppress(RuntimeError, TypeError):  # the dialog may already be gone
            dialog.finished.disconnect(on_finished)


async def confirm(
    parent: QWidget | None, title: str, text: str, *, ok_text: str, keep_text: str,
    destructive: bool = False
) -> bool:
    """Ask a yes/no question whose two buttons each say what they do ("Cancel reservation" / "Keep
    reservation": a bare "Cancel" beside "Cancel reservation" is a riddle); True when the person confirms."""
    box = QMessageBox(parent)
    box.setWindowTitle(title)
    box.setText(text)
    box.setIcon(QMessageBox.Icon.Warning if destructive else QMessageBox.Icon.Question)
    ok = box.addButton(ok_text, QMessageBox.ButtonRole.AcceptRole)
    keep = box.addButton(keep_text, QMessageBox.ButtonRole.RejectRole)
    ok.setAccessibleName(ok_text)
    keep.setAccessibleName(keep_text)
    # A destructive action is never the default: Enter must not cancel a customer's parcel by accident.
    box.setDefaultButton(keep if destructive else ok)
    box.setEscapeButton(keep)
    await run_dialog(box)
    answer = box.clickedButton() is ok
    box.deleteLater()
    return answer


def spawn(coro: Coroutine[Any, Any, T], *, owner: QObject) -> asyncio.Task[T]:
    """Run `coro` in the background; keep a reference until it finishes; cancel it if `owner` is destroyed.

    Exceptions other than cancellation go to the asyncio exception handler, which the app routes to the
    one notification path.
    """
    task: asyncio.Task[T] = asyncio.ensure_future(coro)
    _RUNNING[task] = owner

    def on_owner_destroyed(*_: object) -> None:
        task.cancel()

    owner.destroyed.connect(on_owner_destroyed)

    def on_done(done: asyncio.Task[T]) -> None:
        _RUNNING.pop(done, None)
        with contextlib.suppress(RuntimeError, TypeError):
            owner.destroyed.disconnect(on_owner_destroyed)
        if done.cancelled():
            return
        error = done.exception()
        if error is not None:
            done.get_loop().call_exception_handler(
                {"message": "Background task failed", "exception": error, "task": done}
            )

    task.add_done_callback(on_done)
    return task


def _owned_by(obj: QObject | None, root: QObject) -> bool:
    try:
        while obj is not None:
            if obj is root:
                return True
            obj = obj.parent()
    except RuntimeError:  # a C++ object already gone: nothing of `root` any more
        return False
    return False


async def cancel_owned(root: QObject) -> None:
    """Cancel the spawned tasks of `root` and its children and wait for them to unwind.

    Call before deleting a window: a task cancelled only by `destroyed` resumes after the widgets it
    touches in `finally` are gone.
    """
    tasks = [task for task, owner in list(_RUNNING.items()) if _owned_by(owner, root)]
    for task in tasks:
        task.cancel()
    if tasks:
        await asyncio.gather(*tasks, return_exceptions=True)


class SlotDecorator(Protocol):
    """Turns `async def method(self, ...)` into a slot with the same parameters that returns nothing."""

    def __call__(self, method: Callable[P, Coroutine[Any, Any, Any]], /) -> Callable[P, None]: ...


def async_slot(*types: type) -> SlotDecorator:
    """qasync's asyncSlot with types: a coroutine method connected to a signal (a click runs it as a
    task). Keep the work in a plain `async def` that tests await; the slot is its one-line wrapper."""
    import qasync

    return cast(SlotDecorator, qasync.asyncSlot(*types))

