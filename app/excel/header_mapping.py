"""Column headers as people write them → field keys, through a per-import synonym table.

Headers arrive as ``学生全国学籍号``, ``* 姓 名``, ``出生日期（必填）`` or ``身份证号码(选填)``; they are
compared after normalising: NFKC (full-width → half-width), no whitespace at all, no ``*``, no
trailing bracketed remarks, case-folded.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence

Synonyms = Mapping[str, Sequence[str]]  # field key → header spellings

_WHITESPACE = re.compile(r"\s+")
# A remark in brackets at the end: (必填), （选填）, [必填], 【必填项】, (yyyy-mm-dd).
_TRAILING_REMARK = re.compile(r"(?:\([^()]*\)|\[[^\[\]]*\]|【[^【】]*】|〔[^〔〕]*〕)$")


def _normalise_once(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = _WHITESPACE.sub("", text).replace("*", "").replace("＊", "")
    while True:
        stripped = _TRAILING_REMARK.sub("", text)
        if stripped == text or not stripped:  # a header that is only a remark stays as it is
            break
        text = stripped
    return text.casefold()


def normalise_header(value: object) -> str:
    """The comparable form of a header; idempotent."""
    text = "" if value is None else str(value)
    # Case folding and NFKC can each undo the other on rare characters: repeat to a fixed point.
    for _ in range(5):
        again = _normalise_once(text)
        if again == text:
            break
        text = again
    return text


def synonym_index(synonyms: Synonyms) -> dict[str, str]:
    """Normalised header → field key."""
    index: dict[str, str] = {}
    for field, spellings in synonyms.items():
        for spelling in (field, *spellings):
            index.setdefault(normalise_header(spelling), field)
    return index


def count_known_headers(cells: Sequence[object], synonyms: Synonyms) -> int:
    """How many distinct fields a row's cells name (used to find the header row)."""
    index = synonym_index(synonyms)
    return len({index[n] for n in map(normalise_header, cells) if n in index})


def guess_mapping(headers: Sequence[str], synonyms: Synonyms) -> dict[str, int]:
    """Field key → column index for every header that names a field; the leftmost column wins."""
    index = synonym_index(synonyms)
    mapping: dict[str, int] = {}
    for col, header in enumerate(headers):
        field = index.get(normalise_header(header))
        if field is not None and field not in mapping:
            mapping[field] = col
    return mapping


def unmapped_headers(headers: Sequence[str], mapping: Mapping[str, int]) -> list[str]:
    """Non-empty headers no field is mapped to, in column order (the GUI asks about these)."""
    used = set(mapping.values())
    return [h for col, h in enumerate(headers) if col not in used and h.strip()]
