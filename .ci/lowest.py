"""Print pins of the lowest versions pyproject.toml allows, for a constraints file.

``python .ci/lowest.py [EXTRA ...] > lowest.txt``: every runtime dependency, and
those of the named extras, as ``name==floor``. CI installs with these once and
runs the tests, so a floor that is declared is a floor that works.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

project = tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml").read_text())["project"]
wanted = list(project["dependencies"])
for extra in sys.argv[1:]:
    wanted += [spec for spec in project["optional-dependencies"][extra] if not spec.startswith(project["name"])]
for spec in wanted:
    found = re.fullmatch(r"\s*([A-Za-z0-9_.-]+)(?:\[[^\]]*\])?\s*>=\s*([0-9][^,;\s]*)\s*(?:[,;].*)?", spec)
    if found is None:
        sys.exit(f"no floor to pin in {spec!r}: give every dependency a >= floor")
    print(f"{found.group(1)}=={found.group(2)}")
