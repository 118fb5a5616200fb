"""The desk core: what a signed-in desk knows and decides, in plain Python (no Qt).

`DeskService` (service.py) is the only holder of the API client; the Qt session exposes it and widgets
reach the server only through it.
"""
