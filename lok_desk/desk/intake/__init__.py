"""Courier intake: a carrier's batch scanned in one sitting (the flow is lok_desk.core.intake)."""
