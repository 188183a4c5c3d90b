"""Where a packet stands in its school's chain, judged from the signed header alone.

Each packet carries its school's sequence number and the SHA-256 of the previous packet file, so
the bureau sees a missing, repeated or forked packet before decrypting. What to do with each case
is the intake's policy; this only names the case.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from app.packets.format import PacketHeader


class SequenceState(StrEnum):
    FIRST = "first"  # sequence 1, nothing seen before
    NEXT = "next"  # sequence = last + 1 and prev_sha256 = the last packet's hash
    GAP = "gap"  # later than the next one: packets in between are missing
    FORK = "fork"  # sequence = last + 1 but it follows another packet than the one received
    STALE = "stale"  # not newer than the last packet received (a replay or an old copy)


@dataclass(frozen=True)
class ChainPoint:
    """The last packet received from a school: its sequence number and file SHA-256."""

    sequence: int
    sha256: str


def sequence_state(header: PacketHeader, last: ChainPoint | None) -> SequenceState:
    if last is None:
        return SequenceState.FIRST if header.sequence == 1 else SequenceState.GAP
    if header.sequence <= last.sequence:
        return SequenceState.STALE
    if header.sequence > last.sequence + 1:
        return SequenceState.GAP
    return SequenceState.NEXT if header.prev_sha256 == last.sha256 else SequenceState.FORK
