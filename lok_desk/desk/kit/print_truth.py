"""Send a job and say what the print system says: a queue that rejects jobs or no longer exists did not
print, a stopped one holds the job; only a job the print system took for printing counts as sent (and
is recorded in the desk history by the caller). The queue is read with lok_desk.core.print_queue."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget

from lok_desk.core.print_queue import Queue, QueueState, queue_state
from lok_desk.desk.kit.i18n import translate
from lok_desk.desk.kit.printing import printed_to_file
from lok_desk.desk.kit.problem_views import message_box


def _tell(parent: QWidget | None, name: str, state: QueueState) -> None:
    because = f" ({state.reason})" if state.reason else ""
    if state.queue is Queue.STOPPED:
        what = translate("Printing", "The printer queue {0} is stopped{1}: the job waits there and is not "
                                     "printed yet.").format(name, because)
        next_step = translate("Printing", "Start the queue again in the printer settings, or cancel the "
                                          "job there and print on another printer.")
    elif state.queue is Queue.GONE:
        what = translate("Printing", "The printer {0} no longer exists: nothing was printed.").format(name)
        next_step = translate("Printing", "Choose another printer, or save the slip as PDF.")
    else:
        what = translate("Printing", "The printer queue {0} refused the job{1}: nothing was "
                                     "printed.").format(name, because)
        next_step = translate("Printing", "Let the queue accept jobs again in the printer settings, or "
                                          "choose another printer.")
    message_box(parent, what, next_step)


async def send_to_printer(parent: QWidget | None, printer: QPrinter, paint: Callable[[], None]) -> bool:
    """Run `paint` (which prints on `printer`; its OSError is the caller's) unless the queue refuses jobs;
    True only when the print system took the job for printing. Otherwise says why and returns False."""
    name = "" if printed_to_file(printer) else printer.printerName()
    before = await asyncio.to_thread(queue_state, name)
    if before.queue in (Queue.REJECTING, Queue.GONE):
        _tell(parent, name, before)
        return False
    paint()
    if printer.printerState() in (QPrinter.PrinterState.Error, QPrinter.PrinterState.Aborted):
        _tell(parent, name or printer.outputFileName(), QueueState(Queue.REJECTING))
        return False
    after = await asyncio.to_thread(queue_state, name) if name else before
    if not after.printed:
        _tell(parent, name, after)
        return False
    return True
