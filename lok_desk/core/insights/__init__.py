"""Owner insights: occupancy, dwell time, lateness, when, and their trend, from the reservations' histories.

Qt-free and tested in tests/core/. `facts` boils a reservation down to instants, `cells` tallies them
per (location, size) and period, `figures` folds tallies into the figures a person reads, `index` keeps
all of that current as the store changes, `thresholds` decides when a level crossed a limit the owner
set, and `presenter` loads through the one page loop and computes off the Qt thread.
"""

from __future__ import annotations

from lok_desk.core.insights.cells import Period
from lok_desk.core.insights.facts import SIZES, UNKNOWN_SIZE, Facts, facts_of
from lok_desk.core.insights.figures import (
    DWELL_EDGES,
    Dwell,
    DwellBin,
    Figures,
    Lateness,
    Occupancy,
    Share,
    Trend,
    When,
    percentile,
)
from lok_desk.core.insights.index import Boxes, Insights, InsightsIndex, box_counts

__all__ = [
    "DWELL_EDGES",
    "SIZES",
    "UNKNOWN_SIZE",
    "Boxes",
    "Dwell",
    "DwellBin",
    "Facts",
    "Figures",
    "Insights",
    "InsightsIndex",
    "Lateness",
    "Occupancy",
    "Period",
    "Share",
    "Trend",
    "When",
    "box_counts",
    "facts_of",
    "percentile",
]
