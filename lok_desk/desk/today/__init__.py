"""The Today board: what needs this desk today (lok_desk.core.today), live through the store."""
