"""Bring the gettext catalogs up to date with the messages the code writes.

    python tools/catalog.py            # add new messages, mark vanished ones obsolete
    python tools/catalog.py --check    # exit 1 when a catalog or docs/messages.md is out of date

Every message of :mod:`inspector_scoring.messages` (its code is the ``msgctxt``,
its English the ``msgid``) and argparse's own sentences (``msgctxt "argparse"``)
are the entries; translations already made are kept. A changed English text
keeps its old translation marked fuzzy, so a translator sees what to revise
(a fuzzy entry is not used until it is confirmed). docs/messages.md, the table
of every message in both languages, is written from the compiled catalog: run
``pip install -e .`` after editing the .po, then this.
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

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "src" / "inspector_scoring" / "locale"
MESSAGES_DOC = ROOT / "docs" / "messages.md"


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


def entries(data: bytes) -> set[tuple[object, ...]]:
    """What a catalog says, whatever the Babel version that wrote it: every entry's context,
    English, translation and whether it is fuzzy."""
    catalog = read_po(io.BytesIO(data))
    return {(m.context, str(m.id), str(m.string), m.fuzzy) for m in catalog if m.id}


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", "<br>")


def messages_doc() -> bytes:
    """docs/messages.md: every message by code, in English and Chinese (from the compiled catalog)."""
    from inspector_scoring.i18n import translate  # noqa: PLC0415

    lines = [
        "# Messages",
        "",
        "Every sentence `score` and the library write for a person, by its stable code: the code",
        "a problem carries (`problem.code`), the English, and the Chinese. `{name}` is a value",
        "filled in when the message is written (a key path, a quoted value, a number). Written by",
        "`python tools/catalog.py` from the catalog; do not edit by hand.",
        "",
        "| code | English | 中文 |",
        "|---|---|---|",
    ]
    for code, message in sorted(REGISTRY.items()):
        chinese = translate(code, message.text, "zh")
        lines.append(f"| `{code}` | {_cell(message.text)} | {_cell(chinese)} |")
    return ("\n".join(lines) + "\n").encode("utf-8")


def main() -> int:
    """Update (or with ``--check``, compare) every catalog."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only say whether a catalog is out of date")
    args = parser.parse_args()
    stale = 0
    for po in sorted(LOCALE.glob("*/LC_MESSAGES/*.po")):
        new = updated(po)
        if entries(new) != entries(po.read_bytes()) or (not args.check and new != po.read_bytes()):
            stale += 1
            if args.check:
                print(f"{po}: out of date; run python tools/catalog.py", file=sys.stderr)
            else:
                po.write_bytes(new)
                print(f"{po}: updated")
    document = messages_doc()
    if MESSAGES_DOC.exists() and MESSAGES_DOC.read_bytes() == document:
        pass
    elif args.check:
        stale += 1
        print(f"{MESSAGES_DOC}: out of date; run python tools/catalog.py", file=sys.stderr)
    else:
        MESSAGES_DOC.write_bytes(document)
        print(f"{MESSAGES_DOC}: written")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
