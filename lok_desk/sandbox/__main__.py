"""`python -m lok_desk.sandbox`: the same as the `lok-desk-sandbox` command."""

import sys

from lok_desk.sandbox.cli import main

sys.exit(main())
