"""Build hook: compile the gettext catalogs (``.po``) into the package as ``.mo``.

Translators edit ``src/inspector_scoring/locale/LANG/LC_MESSAGES/inspector_scoring.po``
with ordinary tools; ``pip install .`` (and every wheel) carries the compiled
catalog, with nothing else to run. Babel compiles it, in the build environment only.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CatalogBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    """Compile every ``.po`` under the package's ``locale`` folder next to itself."""

    PLUGIN_NAME = "catalogs"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        from babel.messages.mofile import write_mo  # noqa: PLC0415 - a build dependency
        from babel.messages.pofile import read_po  # noqa: PLC0415

        package = Path(self.root, "src", "inspector_scoring")
        for po in sorted(package.glob("locale/*/LC_MESSAGES/*.po")):
            with po.open("rb") as stream:
                catalog = read_po(stream)
            mo = po.with_suffix(".mo")
            with mo.open("wb") as stream:
                write_mo(stream, catalog)
            build_data["force_include"][str(mo)] = str(Path("inspector_scoring", mo.relative_to(package)))
