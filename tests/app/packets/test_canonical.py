"""Canonical JSON: one byte form per value, and strict parsing that accepts only that form."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.packets import canonical
from app.packets.canonical import MAX_SAFE_INT, CanonicalError

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-MAX_SAFE_INT, max_value=MAX_SAFE_INT)
    | st.text(st.characters(exclude_categories=("Cs",))),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.text(st.characters(exclude_categories=("Cs",)), max_size=8), children, max_size=4
        )
    ),
    max_leaves=20,
)


def test_the_documented_example_is_byte_exact() -> None:
    value = {"c": True, "b": [1, 'é\n\x01"\\'], "a": None}
    assert canonical.dumps(value) == '{"a":null,"b":[1,"é\\n\\u0001\\"\\\\"],"c":true}'
    assert canonical.dumps_bytes({"名": "孟津"}) == '{"名":"孟津"}'.encode()


@given(json_values)
def test_every_value_round_trips_and_its_encoding_is_the_only_one_accepted(value: Any) -> None:
    text = canonical.dumps(value)
    assert canonical.loads(text) == value
    assert canonical.loads(text.encode("utf-8")) == value
    spaced = json.dumps(value, ensure_ascii=False, sort_keys=True, indent=1)
    if spaced != text:
        with pytest.raises(CanonicalError):
            canonical.loads(spaced)
    escaped = json.dumps(value, ensure_ascii=True, sort_keys=True, separators=(",", ":"))
    if escaped != text:
        with pytest.raises(CanonicalError):
            canonical.loads(escaped)


@pytest.mark.parametrize(
    "value",
    [
        1.5,
        float("nan"),
        float("inf"),
        2**53,
        -(2**53),
        {1: "x"},
        b"bytes",
        "\ud800",
        {"k": object()},
    ],
)
def test_values_without_a_canonical_form_are_refused(value: Any) -> None:
    with pytest.raises(CanonicalError):
        canonical.dumps(value)


@pytest.mark.parametrize(
    "text",
    [
        '{"a":1,"a":2}',  # duplicate key
        '{"a":1.0}',  # float
        '{"a":1e3}',  # exponent
        '{"a":NaN}',
        '{"a":Infinity}',
        '{"a":9007199254740992}',  # 2**53
        '{"a":' + "9" * 5000 + "}",  # huge integer, refused before conversion
        '{"b":1,"a":2}',  # unsorted keys
        '{"a": 1}',  # whitespace
        '{"a":"\\u00e9"}',  # needless escape
        '{"a":-0}',
        '"\\ud800"',  # lone surrogate
        "\ufeff{}",  # byte-order mark
        "[" * 100_000 + "]" * 100_000,  # recursion bomb
        "{",
        "",
    ],
)
def test_non_canonical_or_invalid_text_is_refused(text: str) -> None:
    with pytest.raises(CanonicalError):
        canonical.loads(text)


def test_invalid_utf8_is_refused() -> None:
    with pytest.raises(CanonicalError, match="not UTF-8"):
        canonical.loads(b'{"a":"\xff"}')


def test_non_canonical_json_is_accepted_only_when_asked() -> None:
    assert canonical.loads('{ "b": 1, "a": 2 }', require_canonical=False) == {"a": 2, "b": 1}
    with pytest.raises(CanonicalError):
        canonical.loads('{"a": 1, "a": 2}', require_canonical=False)
