"""``python -m inspector_scoring`` runs the ``score`` command."""

import sys

from .cli import main

sys.exit(main())
