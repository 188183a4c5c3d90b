"""The file side of the bureau intake: which files, in which order, the chain policy, and the
quarantine folder for refused packets."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import struct
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from app.i18n import tr
from app.packets.format import MAGIC, PREFIX_BYTES, HeaderError, PacketHeader, parse_header
from app.packets.rejection import PacketRejected
from app.packets.sequence import ChainPoint, SequenceState, sequence_state
from db import repo_packets

PACKET_SUFFIX = ".bspkt"
REASON_SUFFIX = ".reason.txt"
_MAX_HEADER = 64 * 1024


def packet_files(paths: Sequence[Path]) -> list[Path]:
    """Files as given; a folder stands for its ``*.bspkt`` files (not its subfolders)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(
                sorted(
                    p for p in path.iterdir() if p.suffix.lower() == PACKET_SUFFIX and p.is_file()
                )
            )
        else:
            files.append(path)
    return files


def ordered(files: Sequence[Path]) -> list[Path]:
    """Each school's packets in sequence order (the signed header says, whatever the file names);
    files whose header cannot be read come first (they will be refused)."""

    def key(path: Path) -> tuple[int, str, int, str]:
        found = peek_header(path)
        if found is None:
            return (0, "", 0, str(path))
        return (1, found.school_code, found.sequence, str(path))

    return sorted(dict.fromkeys(files), key=key)


def peek_header(path: Path) -> PacketHeader | None:
    """The header read from the file's start only (no signature check: just for ordering)."""
    try:
        with path.open("rb") as f:
            prefix = f.read(PREFIX_BYTES)
            if len(prefix) < PREFIX_BYTES or prefix[: len(MAGIC)] != MAGIC:
                return None
            _, header_len = struct.unpack(">HI", prefix[len(MAGIC) :])
            if header_len > _MAX_HEADER:
                return None
            return parse_header(f.read(header_len))
    except (OSError, HeaderError, struct.error):
        return None


def file_sha256(path: Path) -> str | None:
    try:
        with path.open("rb") as f:
            return hashlib.file_digest(f, "sha256").hexdigest()
    except OSError:
        return None


@dataclass(frozen=True)
class Refusal:
    """Why a packet is refused: a stable code, what happened, what to do, technical detail."""

    code: str
    what: str
    todo: str
    detail: str = ""

    @staticmethod
    def of(exc: PacketRejected) -> Refusal:
        return Refusal(exc.code.value, exc.what, exc.todo, exc.detail)


_CHAIN: dict[str, Callable[[], str]] = {
    "stale": lambda: tr(
        "The packet is not newer than the last one merged from this school (a replay or an "
        "old copy)."
    ),
    "fork": lambda: tr(
        "The packet does not follow the last packet merged from this school (its chain forks)."
    ),
    "missing_base": lambda: tr(
        "The packet adds to an earlier packet that this bureau has not merged."
    ),
}


def chain_refusal(db: Database, header: PacketHeader) -> tuple[str | Refusal, str | None]:
    """The chain state of a packet to merge (``first``, ``next``, ``gap``) and a note for a gap,
    or the Refusal of a stale, forked or baseless packet."""
    last = repo_packets.last_merged(db, header.school_code)
    point = ChainPoint(last.sequence, last.sha256) if last and last.sequence else None
    state = sequence_state(header, point)
    if state in (SequenceState.STALE, SequenceState.FORK):
        detail = f"sequence {header.sequence}, last merged {point.sequence if point else None}"
        return _refusal(state.value, detail), None
    if header.mode == "incremental":
        base = repo_packets.ledger_entry(db, header.base_sha256 or "")
        if base is None or base.status != "merged":
            return _refusal("missing_base", f"base {header.base_sha256}"), None
    if state is SequenceState.GAP:
        first = point.sequence + 1 if point else 1
        note = tr(
            "Packets {first} to {last} of this school have not been received; this one was "
            "merged anyway.",
            first=first,
            last=header.sequence - 1,
        )
        return state.value, note
    return state.value, None


def _refusal(code: str, detail: str) -> Refusal:
    todo = tr(
        "Ask the school for its newest packet; if the problem remains, ask it to export a full "
        "packet."
    )
    return Refusal(code, _CHAIN[code](), todo, detail)


def quarantine(folder: Path, source: Path, refusal: Refusal) -> Path | None:
    """Copy a refused packet to ``folder`` as ``<timestamp>-<name>`` with ``<…>.reason.txt``;
    None when the file cannot be copied (it stays where it is; the report still says why)."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{stamp}-{source.name}"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{stamp}-{n}-{source.name}"
    reason = "\n".join(
        (
            f"code: {refusal.code}",
            f"what: {refusal.what}",
            f"todo: {refusal.todo}",
            f"detail: {refusal.detail}",
            f"file: {source}",
            f"quarantined: {dt.datetime.now().isoformat(timespec='seconds')}",
            "",
        )
    )
    try:
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        target.with_name(target.name + REASON_SUFFIX).write_text(reason, encoding="utf-8")
    except OSError:
        return None
    return target
