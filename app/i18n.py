"""Translation of messages made by the Qt-free core (validation reasons, user errors, reports).

Qt's ``tr()`` covers the widgets; the core cannot import Qt, so its messages are English source
strings with ``{named}`` fields, translated through JSON catalogs in
``resources/translations/core/*.zh_CN.json`` (one file per area, source → translation).
The language is process-wide, like an installed QTranslator: the GUI and the CLI set it once at
start-up from the workspace setting. A test checks every ``tr("...")`` literal in ``app/`` has a
Chinese entry.
"""

from __future__ import annotations

import json
from functools import cache

from app.paths import resource_path

DEFAULT_LANGUAGE = "zh_CN"
_state = {"language": DEFAULT_LANGUAGE}


def set_language(language: str) -> None:
    _state["language"] = language


def language() -> str:
    return _state["language"]


@cache
def catalog(lang: str) -> dict[str, str]:
    merged: dict[str, str] = {}
    folder = resource_path("translations", "core")
    for path in sorted(folder.glob(f"*.{lang}.json")):
        merged.update(json.loads(path.read_text(encoding="utf-8")))
    return merged


def tr(source: str, /, **fields: object) -> str:
    """Translate ``source`` into the current language and fill its ``{named}`` fields."""
    lang = _state["language"]
    text = source if lang == "en" else catalog(lang).get(source, source)
    return text.format(**fields) if fields else text
