"""``python -m inspector_scoring`` runs the ``score`` command."""

import sys

from .cli.main import main

sys.exit(main())
