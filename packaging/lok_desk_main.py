"""The bundle's entry script: `lok-desk` in the bundle runs exactly what the console script runs.

The .deb links `/usr/bin/lok-desk-sandbox` and `/usr/bin/lok-desk-check` to the same executable (one
Python and one set of libraries for the three commands); the name it was started by picks the command.
The imports are plain statements so PyInstaller sees each module.
"""

import os
import sys

called = os.path.basename(sys.argv[0]) if sys.argv else ""
if called == "lok-desk-sandbox":
    from lok_desk.sandbox.cli import main
elif called == "lok-desk-check":
    from lok_desk.api.check import main
else:
    from lok_desk.app import main

raise SystemExit(main())
