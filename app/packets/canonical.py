"""Canonical JSON, the one byte form of every JSON value that is hashed, signed or compared.

Rules (docs/packet-format.md §3 is the normative text):

- UTF-8 without a byte-order mark; strings must be valid Unicode (no lone surrogates).
- Values are objects, arrays, strings, integers, ``true``, ``false`` and ``null``. There are no
  floating-point numbers at all (no fraction, no exponent, no NaN/Infinity): a decimal quantity is
  a string in the form its schema defines. Integers lie within ±(2**53 − 1), so every JSON
  implementation reads them exactly, and are written without leading zeros, ``+`` or ``-0``.
- Object keys are unique and sorted by Unicode code point; no whitespace outside strings
  (separators ``,`` and ``:``).
- Strings are written as they are (non-ASCII characters not escaped) except ``"`` → ``\\"``,
  ``\\`` → ``\\\\``, ``\\b \\f \\n \\r \\t`` in short form and every other character below U+0020 as
  ``\\u00xx`` (lowercase hex). This is exactly what Python's ``json.dumps(ensure_ascii=False)``
  writes, so the encoder is the standard library plus a check of the value types.

``loads`` rejects duplicate keys, floats and out-of-range integers, and (by default) any text
that is not already canonical, so a value has exactly one accepted encoding.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from itertools import chain
from typing import Any

import orjson

MAX_SAFE_INT = 2**53 - 1
_MAX_INT_DIGITS = len(str(MAX_SAFE_INT)) + 1  # sign included; longer text is rejected unread


class CanonicalError(ValueError):
    """A value that has no canonical JSON form, or text that is not canonical JSON."""


def _check(value: Any, depth: int = 0) -> None:
    if depth > 64:  # deeper than any document of ours; stops a recursion bomb early
        raise CanonicalError("nesting deeper than 64 levels")
    if value is None or isinstance(value, (bool, str)):
        if isinstance(value, str):
            _check_text(value)
        return
    if isinstance(value, int):
        if not -MAX_SAFE_INT <= value <= MAX_SAFE_INT:
            raise CanonicalError(f"integer {value} outside ±(2**53 - 1)")
        return
    if isinstance(value, float):
        raise CanonicalError(f"floating-point number {value!r} (not allowed in canonical JSON)")
    if isinstance(value, Mapping):
        for key, item in value.items():
            if not isinstance(key, str):
                raise CanonicalError(f"object key {key!r} is not a string")
            _check_text(key)
            _check(item, depth + 1)
        return
    if isinstance(value, Sequence) and not isinstance(value, (bytes, bytearray)):
        for item in value:
            _check(item, depth + 1)
        return
    raise CanonicalError(f"{type(value).__name__} has no JSON form")


def _check_text(text: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise CanonicalError("string with a lone surrogate (not valid Unicode)") from None


def dumps(value: Any) -> str:
    """The canonical text of ``value``; raises CanonicalError if it has none."""
    _check(value)
    return json.dumps(
        value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
    )


def dumps_bytes(value: Any) -> bytes:
    return dumps(value).encode("utf-8")


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise CanonicalError(f"duplicate key {key!r}")
            seen.add(key)
    return result


def _parse_int(text: str) -> int:
    if len(text) > _MAX_INT_DIGITS:
        raise CanonicalError(f"integer {text[:20]}… outside ±(2**53 - 1)")
    value = int(text)
    if not -MAX_SAFE_INT <= value <= MAX_SAFE_INT:
        raise CanonicalError(f"integer {text} outside ±(2**53 - 1)")
    return value


def _no_float(text: str) -> Any:
    raise CanonicalError(f"floating-point number {text} (not allowed in canonical JSON)")


_SCALARS = (str, int, bool, type(None))
_SCALAR_TYPES = frozenset(_SCALARS)
# Made once: json.loads/dumps with options build a new decoder/encoder on every call.
_FLAT_DECODER = json.JSONDecoder(
    parse_float=_no_float, parse_int=_parse_int, parse_constant=_no_float
)
_ENCODER = json.JSONEncoder(
    ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
)


def flat_lines(lines: Sequence[bytes]) -> list[dict[str, Any]] | None:
    """The records of JSON Lines ``lines`` (without their LF) when every line is provably the
    canonical text of a flat object of scalars, parsed in one call; None when that cannot be
    shown, and the caller reads line by line (which explains any refusal).

    Integers are NOT range-checked here: the caller's column checks must bound every integer
    within ±(2**53 − 1) (``SyncTable.valid_columns`` does).

    Why the whole is as good as each line: the lines are joined with ``,`` + LF, and a raw LF
    inside a string is a parse error, so every line boundary is outside a string; each line
    starts with ``{`` and ends with ``}``, and the elements are flat objects, so a boundary
    closes an element, and with as many elements as lines, element i is line i. The canonical
    encoding of the list equals the ``,``-joined lines, and since no JSON object text is a
    proper prefix of another, each element's canonical text equals its line.

    The parse and the re-encoding are orjson's (3–7× faster than the standard library's at this
    size: a district's merge reads 14 million records). orjson refuses what canonical JSON
    refuses (invalid UTF-8, lone surrogates, NaN) or reads it as a float (as it reads an integer
    beyond 64 bits), which the type check refuses; a repeated key or any other difference makes
    the re-encoding differ from the text. Its compact, key-sorted output equals ``dumps`` for
    flat objects of strings, integers, booleans and null (tests/app/packets/test_bulk_reading.py
    holds it so), and anything it cannot show goes to the line-by-line path, which decides with
    the standard library alone.
    """
    if not lines:
        return []
    joined = b",\n".join(lines)
    if not (joined[:1] == b"{" and joined[-1:] == b"}"):
        return None
    if joined.count(b"},\n{") != len(lines) - 1:
        return None
    try:
        value: list[dict[str, Any]] = orjson.loads(b"[" + joined + b"]")
    except orjson.JSONDecodeError:  # also invalid UTF-8 and nesting too deep
        return None
    if type(value) is not list or len(value) != len(lines):
        return None
    if value and set(map(type, value)) != {dict}:
        return None
    if not set(map(type, chain.from_iterable(map(dict.values, value)))) <= _SCALAR_TYPES:
        return None
    encoded = orjson.dumps(value, option=orjson.OPT_SORT_KEYS)
    if encoded != b"[" + joined.replace(b"},\n{", b"},{") + b"]":
        return None
    return value


def _flat_object(text: str) -> dict[str, Any] | None:
    """The fast path for a packet record, a flat object of scalars (~2× faster than the strict
    path); None sends the text to the strict path, which accepts or explains the refusal.

    Byte equality with the re-encoding stands in for the strict path's other checks: a repeated
    key (the parser keeps one), an escaped lone surrogate (re-encoded raw), unsorted keys,
    spacing and needless escapes all make the texts differ. Floats and integer range are
    refused by the hooks; nesting cannot occur in a flat object.
    """
    try:
        value = _FLAT_DECODER.decode(text)
    except (ValueError, RecursionError):  # CanonicalError is a ValueError
        return None
    if type(value) is not dict or not all(type(v) in _SCALARS for v in value.values()):
        return None
    return value if _ENCODER.encode(value) == text else None


def loads(data: bytes | str, *, require_canonical: bool = True) -> Any:
    """Parse JSON strictly; with ``require_canonical`` the input must equal ``dumps`` of the result."""
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise CanonicalError(f"not UTF-8 (byte {exc.start})") from None
    else:
        text = data
    if text.startswith("\ufeff"):
        raise CanonicalError("starts with a byte-order mark")
    if require_canonical:
        flat = _flat_object(text)
        if flat is not None:
            return flat
    try:
        value = json.loads(
            text,
            object_pairs_hook=_no_duplicates,
            parse_float=_no_float,
            parse_int=_parse_int,
            parse_constant=_no_float,
        )
    except CanonicalError:
        raise
    except RecursionError:
        raise CanonicalError("nesting too deep") from None
    except ValueError as exc:  # json.JSONDecodeError is a ValueError
        raise CanonicalError(str(exc)) from None
    if require_canonical and dumps(value) != text:
        raise CanonicalError("valid JSON but not in canonical form")
    return value
