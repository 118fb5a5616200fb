"""The locker audit: walk a location box by box (the flow is lok_desk.core.audit)."""
