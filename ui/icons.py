"""The one way to get an icon: ``icon("roster")`` loads ``resources/icons/roster.svg``."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from app.paths import resource_path

ICON_NAMES = (
    "app",
    "roster",
    "fitness",
    "pe",
    "labor",
    "arts",
    "packet",
    "settings",
    "import",
    "export",
    "add",
    "edit",
    "status",
    "promote",
    "refresh",
)


@cache
def icon(name: str) -> QIcon:
    """The named icon (cached: the same few icons are asked for by every page and action)."""
    if name not in ICON_NAMES:
        raise KeyError(f"no icon named {name!r}")
    return QIcon(str(resource_path("icons", f"{name}.svg")))
