"""The Insights pane: how each location is used, from the reservations' histories (views only)."""
