"""Verified packets decrypted and read ahead, in a worker process, while the intake merges.

Decrypting a packet, unpacking it and checking every record is pure Python and takes about as
long as merging it, which is mostly SQLite's own work: in a second process the reading of the
next packet overlaps the merge of this one, and a district's intake keeps both cores busy
(bench/merge_bench.py). A thread would not do: the reading holds the GIL, and the merge's
``executemany`` gives the GIL up and waits for it again for every row.

The worker gets the bureau's decryption keys once, when it starts (raw bytes through the pipe to
a child of this process), and each packet as the verified envelope the intake has already
hashed and checked the signature of. It sends back the packet's records bound into a small
SQLite database, as that database's image (``merge.staged_tables``, db/packet_stage.py): the
binding, row by row, is done here rather than in the merging process, and an image crosses the
process boundary as one block of bytes. A refusal comes back as its code, detail and place and
is raised again here, so that its message is in the language of this process. When there is a
single packet, or the worker cannot start or dies, packets are read in this process as before.
Workers run at a lower priority than the merge (``READER_NICENESS``): with packets read ahead,
the merge is the slower stage, and it gets the CPU first.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import sys
from collections.abc import Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import NoReturn

from cryptography.hazmat.primitives.asymmetric import x25519

from app.packets.format import PacketLimits
from app.packets.packet_reader import VerifiedPacket, decrypt_packet
from app.packets.rejection import PacketRejected, RejectCode, reject
from app.services.merge import StagedPacket, staged_tables

log = logging.getLogger(__name__)
WORKER_EXIT_ENV = "BAOSONG_TEST_READER_EXIT"


@dataclass(frozen=True)
class _Refused:
    """A PacketRejected as it crosses the process boundary."""

    code: str
    detail: str
    where: str

    def raise_again(self) -> NoReturn:
        raise reject(RejectCode(self.code), self.detail, where=self.where)


def read_staged(
    packet: VerifiedPacket,
    keys: Mapping[str, x25519.X25519PrivateKey],
    limits: PacketLimits,
) -> StagedPacket:
    """Decrypt and read ``packet`` here: its records as staging rows (raises PacketRejected)."""
    contents = decrypt_packet(packet, keys, limits)
    return staged_tables(contents.records, contents.columns)


class PendingRead:
    """A packet being read: ``result()`` waits for its staging rows or raises its refusal."""

    def __init__(self, future: Future[StagedPacket | _Refused]) -> None:
        self._future = future

    def result(self) -> StagedPacket:
        found = self._future.result()
        if isinstance(found, _Refused):
            found.raise_again()
        assert not isinstance(found, _Refused)
        return found


def _read_now(
    packet: VerifiedPacket, keys: Mapping[str, x25519.X25519PrivateKey], limits: PacketLimits
) -> PendingRead:
    """Read in this process; a refusal waits for ``result()``, as a worker's would."""
    done: Future[StagedPacket | _Refused] = Future()
    done.set_result(_read_or_refusal(packet, keys, limits))
    return PendingRead(done)


def _read_or_refusal(
    packet: VerifiedPacket, keys: Mapping[str, x25519.X25519PrivateKey], limits: PacketLimits
) -> StagedPacket | _Refused:
    try:
        return read_staged(packet, keys, limits)
    except PacketRejected as exc:
        return _Refused(exc.code.value, exc.detail, exc.where)


class PacketReader:
    """Reads packets for one intake in ``workers`` worker processes (use as a context manager:
    they stop at the end); with none, ``start`` reads at once, in this process."""

    def __init__(
        self,
        keys: Mapping[str, x25519.X25519PrivateKey],
        limits: PacketLimits,
        *,
        workers: int,
    ) -> None:
        self._keys = dict(keys)
        self._limits = limits
        self._pool: ProcessPoolExecutor | None = None
        if workers > 0:
            raw = {key_id: key.private_bytes_raw() for key_id, key in self._keys.items()}
            # spawn, never fork: the GUI's process has Qt's threads, which a fork would copy
            # in whatever state they are in.
            self._pool = ProcessPoolExecutor(
                max_workers=workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
                initargs=(raw, limits),
            )

    @property
    def in_worker(self) -> bool:
        """Whether packets are read in the worker process (False after it died)."""
        return self._pool is not None

    def __enter__(self) -> PacketReader:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def start(self, packet: VerifiedPacket) -> PendingRead:
        """Begin reading ``packet`` (in the worker when there is one)."""
        if self._pool is not None:
            try:
                return _FallbackRead(self._pool.submit(_read_in_worker, packet), self, packet)
            except (BrokenProcessPool, RuntimeError) as exc:
                self._give_up_worker(exc)
        return _read_now(packet, self._keys, self._limits)

    def _give_up_worker(self, exc: BaseException) -> None:
        log.warning("packet reader process unavailable (%s); reading in this process", exc)
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    def read_here(self, packet: VerifiedPacket) -> StagedPacket:
        return _read_now(packet, self._keys, self._limits).result()


class _FallbackRead(PendingRead):
    """A read in the worker that is done again in this process if the worker died."""

    def __init__(
        self, future: Future[StagedPacket | _Refused], reader: PacketReader, packet: VerifiedPacket
    ) -> None:
        super().__init__(future)
        self._reader = reader
        self._packet = packet

    def result(self) -> StagedPacket:
        try:
            return super().result()
        except BrokenProcessPool as exc:
            self._reader._give_up_worker(exc)
            return self._reader.read_here(self._packet)


# --- in the worker process ---------------------------------------------------------------------

# Once packets are read ahead, the merge is the slower stage: readers competing with it on equal
# terms (two readers and the merge on two cores) slowed its SQL by half, so they run at a lower
# priority and take the CPU the merge leaves (bench/merge_bench.py: 2.8 → 2.3 s per packet at
# 40 packets merged).
READER_NICENESS = 10
_BELOW_NORMAL_PRIORITY_CLASS = 0x4000

_worker_keys: dict[str, x25519.X25519PrivateKey] = {}
_worker_limits: list[PacketLimits] = []


def _start_worker(raw_keys: Mapping[str, bytes], limits: PacketLimits) -> None:
    _lower_priority()
    _worker_keys.update(
        {k: x25519.X25519PrivateKey.from_private_bytes(v) for k, v in raw_keys.items()}
    )
    _worker_limits.append(limits)


def _lower_priority() -> None:
    """Lower this worker's scheduling priority; if the system refuses, it only reads slower."""
    if sys.platform == "win32":
        import ctypes

        kernel32 = ctypes.windll.kernel32
        kernel32.SetPriorityClass(kernel32.GetCurrentProcess(), _BELOW_NORMAL_PRIORITY_CLASS)
        return
    try:
        os.nice(READER_NICENESS)
    except OSError as exc:
        log.info("packet reader keeps its priority (%s)", exc)


def _read_in_worker(packet: VerifiedPacket) -> StagedPacket | _Refused:
    if os.environ.get(WORKER_EXIT_ENV):
        os._exit(1)  # test hook: the worker dies (tests/app/merge/test_packet_reading.py)
    # A packet's records are a few million objects that hold no reference cycles: the cyclic
    # collector would walk them again and again while they are made, and free nothing.
    gc.disable()
    try:
        return _read_or_refusal(packet, _worker_keys, _worker_limits[-1])
    finally:
        gc.enable()
