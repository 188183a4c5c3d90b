"""Normalising what people type or paste: full-width characters, stray spaces."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def to_halfwidth(text: str) -> str:
    """Full-width ASCII (０-９, Ａ-Ｚ, （）) to half-width; the ideographic space to a space."""
    return unicodedata.normalize("NFKC", text)


def clean(value: object) -> str:
    """A cell value as text: half-width, no spaces at all (IDs, codes, numbers)."""
    if value is None:
        return ""
    text = str(value)
    if not text.isascii():  # NFKC leaves ASCII as it is; skipping it matters in bulk imports
        text = to_halfwidth(text)
    return "".join(text.split())  # str.split() splits on exactly the spaces \s matches


def clean_name(value: object) -> str:
    """A person's or class's name: half-width, trimmed, inner runs of spaces collapsed.

    Chinese names never contain spaces, so spaces between Han characters are removed; names in
    Latin script (minority or foreign names) keep single spaces.
    """
    if value is None:
        return ""
    text = _SPACES.sub(" ", to_halfwidth(str(value))).strip()
    return re.sub(r"(?<=[\u3400-\u9fff·]) (?=[\u3400-\u9fff·])", "", text)
