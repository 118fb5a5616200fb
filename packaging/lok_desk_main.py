"""The bundle's entry script: `lok-desk` in the bundle runs exactly what the console script runs."""

from lok_desk.app import main

raise SystemExit(main())
