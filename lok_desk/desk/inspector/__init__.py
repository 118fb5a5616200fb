"""The code inspector: type or scan any code and see which reservation, which kind, and whether it works."""
