"""The Locations pane: every locker the person may see, its hours and its free boxes."""

from lok_desk.desk.locations.pane import LocationsPane

__all__ = ["LocationsPane"]
