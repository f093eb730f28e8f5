"""Bring the gettext catalogs up to date with the messages the code writes.

    python tools/catalog.py            # add new messages, mark vanished ones obsolete
    python tools/catalog.py --check    # exit 1 when a catalog is out of date

Every message of :mod:`inspector_scoring.messages` (its code is the ``msgctxt``,
its English the ``msgid``) and argparse's own sentences (``msgctxt "argparse"``)
are the entries; translations already made are kept. A changed English text
keeps its old translation marked fuzzy, so a translator sees what to revise
(a fuzzy entry is not used until it is confirmed).
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from inspector_scoring import messages  # noqa: F401 - registers every message
from inspector_scoring.cli.options import ARGPARSE_PLURALS, ARGPARSE_TEXTS
from inspector_scoring.i18n import DOMAIN, REGISTRY

LOCALE = Path(__file__).resolve().parent.parent / "src" / "inspector_scoring" / "locale"


def template() -> Catalog:
    """Every message the code writes, untranslated."""
    made = Catalog(domain=DOMAIN, project="inspector_scoring", charset="utf-8")
    for code, message in sorted(REGISTRY.items()):
        made.add(message.text, context=code)
    for text in ARGPARSE_TEXTS:
        made.add(text, context="argparse", flags=("python-format",))
    for singular, plural in ARGPARSE_PLURALS:
        made.add((singular, plural), context="argparse", flags=("python-format",))
    return made


def updated(path: Path) -> bytes:
    """The catalog at ``path`` updated with the template, as .po bytes."""
    with path.open("rb") as stream:
        catalog = read_po(stream, locale=path.parent.parent.name)
    created = catalog.creation_date
    catalog.update(template(), no_fuzzy_matching=True, update_header_comment=False)
    catalog.creation_date = created  # the date the catalog was begun, not of this run
    for message in catalog:
        if message.id and message.string == "" and message.previous_id:
            message.previous_id = []
    out = io.BytesIO()
    write_po(out, catalog, width=0, omit_header=False, sort_output=False, ignore_obsolete=True)
    return out.getvalue()


def main() -> int:
    """Update (or with ``--check``, compare) every catalog."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only say whether a catalog is out of date")
    args = parser.parse_args()
    stale = 0
    for po in sorted(LOCALE.glob("*/LC_MESSAGES/*.po")):
        new = updated(po)
        if new != po.read_bytes():
            stale += 1
            if args.check:
                print(f"{po}: out of date; run python tools/catalog.py", file=sys.stderr)
            else:
                po.write_bytes(new)
                print(f"{po}: updated")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
