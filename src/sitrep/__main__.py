"""`python -m sitrep ...`: the same command line as the installed `sitrep` script."""

import sys

from sitrep.cli import main

sys.exit(main())
