"""What the print system says about a queue decides what the desk reports and records (CUPS' lpstat
output as it prints it in the C locale; no CUPS daemon needed)."""

from __future__ import annotations

from lok_desk.core.print_queue import Queue, QueueState, queue_state, read_lpstat

IDLE = ("printer Labels is idle.  enabled since Tue 08 Dec 2026 02:10:11 UTC\n"
        "Labels accepting requests since Tue 08 Dec 2026 02:10:11 UTC\n")
REJECTING = ("printer Labels is idle.  enabled since Tue 08 Dec 2026 02:10:11 UTC\n"
             "Labels not accepting requests since Tue 08 Dec 2026 02:12:40 UTC -\n\tRejecting Jobs\n")
STOPPED = ("printer Labels disabled since Tue 08 Dec 2026 02:13:02 UTC -\n\tPaused\n"
           "Labels accepting requests since Tue 08 Dec 2026 02:10:11 UTC\n")


def test_an_accepting_queue_prints() -> None:
    state = read_lpstat(0, IDLE, "")
    assert state.queue is Queue.ACCEPTING and state.printed


def test_a_rejecting_queue_did_not_print_and_says_why() -> None:
    state = read_lpstat(0, REJECTING, "")
    assert state.queue is Queue.REJECTING and not state.printed and state.reason == "Rejecting Jobs"


def test_a_stopped_queue_holds_the_job() -> None:
    state = read_lpstat(0, STOPPED, "")
    assert state.queue is Queue.STOPPED and not state.printed and state.reason == "Paused"


def test_a_deleted_queue_is_gone() -> None:
    state = read_lpstat(1, "", 'lpstat: Invalid destination name in list "Labels".\n')
    assert state.queue is Queue.GONE and not state.printed and "Invalid destination" in state.reason


def test_without_cups_tools_nothing_more_is_known() -> None:
    assert queue_state("") == QueueState(Queue.UNKNOWN)
    assert queue_state("no such queue \n").queue in (Queue.UNKNOWN, Queue.GONE)
