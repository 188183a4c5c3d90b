"""Where a header stands in its school's chain, before decrypting."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.packets.format import PacketHeader
from app.packets.sequence import ChainPoint, SequenceState, sequence_state

A, B = "a" * 64, "b" * 64
HEADER = PacketHeader(
    packet_uuid="0f8e4c2a-5b1d-4e3f-9a7c-2d6b8e1f4a90", school_code="2141003456", school_name="x",
    terms=("2025-2026-1",), sequence=1, prev_sha256=None, base_sha256=None, mode="full",
    created_at="2025-12-20T08:30:00Z", app_version="0.1.0", schema_version="s", counts={"schools": 1},
    body_sha256=A, school_key_fingerprint=A, bureau_key_id=A,
)  # fmt: skip


@pytest.mark.parametrize(
    ("sequence", "prev", "last", "state"),
    [
        (1, None, None, SequenceState.FIRST),
        (3, B, None, SequenceState.GAP),  # the bureau never saw 1 and 2
        (3, B, ChainPoint(2, B), SequenceState.NEXT),
        (3, A, ChainPoint(2, B), SequenceState.FORK),  # follows a packet the bureau never got
        (5, B, ChainPoint(2, B), SequenceState.GAP),
        (2, B, ChainPoint(2, B), SequenceState.STALE),
        (1, None, ChainPoint(2, B), SequenceState.STALE),
    ],
)
def test_sequence_states(
    sequence: int, prev: str | None, last: ChainPoint | None, state: SequenceState
) -> None:
    header = replace(HEADER, sequence=sequence, prev_sha256=prev)
    assert sequence_state(header, last) is state
