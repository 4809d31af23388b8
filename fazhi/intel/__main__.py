"""python -m fazhi.intel {extract|audit-report|benchmark} ..."""

import sys

from .cli import main

sys.exit(main())
