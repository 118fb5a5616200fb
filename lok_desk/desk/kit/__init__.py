"""Shared Qt building blocks every desk feature view may import (never a feature, never the window)."""
