"""`python -m lok_desk` runs the desktop app."""

from lok_desk.app import main

raise SystemExit(main())
