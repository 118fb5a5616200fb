"""Lok Desk: a desktop console for Lok parcel lockers, with a local Lok sandbox."""

__version__ = "0.1.0"
