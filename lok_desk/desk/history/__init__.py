"""Desk history: the local log of what was done at this desk, and its view merged with Lok's action log."""
