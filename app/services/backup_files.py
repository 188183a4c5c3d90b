"""What a backup file holds, without opening it every time.

Automatic backups are gzip-compressed (a workspace database of a few hundred MB shrinks about
four times; 26 kept copies would otherwise take gigabytes of a clerk's disk). Listing them must
stay instant, so each backup gets a small JSON sidecar written when it is taken: its integrity
check result, student count and school. Backups without a sidecar (taken before a migration or a
promotion, or by older versions) are inspected directly.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import re
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

COMPRESSED_SUFFIX = ".sqlite3.gz"
PLAIN_SUFFIX = ".sqlite3"
_STAMP = re.compile(r"(\d{4}-\d{2}-\d{2}|\d{4}-\d{2}|\d{8}-\d{6})")
_CHUNK = 1 << 20


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    kind: str  # daily / monthly / before-promotion / before-<migration> / before-restore …
    taken_at: dt.datetime  # when the copy was written
    size_bytes: int
    ok: bool  # passed PRAGMA quick_check
    students: int | None
    school: str | None


def is_backup_file(path: Path) -> bool:
    return path.name.endswith((PLAIN_SUFFIX, COMPRESSED_SUFFIX))


def backup_kind(path: Path) -> str:
    stem = path.name.removesuffix(COMPRESSED_SUFFIX).removesuffix(PLAIN_SUFFIX)
    return _STAMP.split(stem, maxsplit=1)[0].rstrip("-") or stem


def sidecar_path(path: Path) -> Path:
    return path.with_name(path.name + ".json")


def quick_check(path: Path) -> bool:
    """``PRAGMA quick_check`` on a plain database file; nothing is written.

    A normal (read-write) open is used on purpose: after a crash a WAL database leaves ``-wal``
    and ``-shm`` files behind, which a read-only open cannot recover and would report as damage.
    ``query_only`` keeps the check from changing anything else.
    """
    if not path.exists():
        return False
    try:
        conn = sqlite3.connect(str(path))
        try:
            conn.execute("PRAGMA query_only = 1")
            rows = conn.execute("PRAGMA quick_check").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False
    return rows == [("ok",)]


def contents_summary(path: Path) -> tuple[int | None, str | None]:
    """Student count and school name of a plain database file (None where unreadable)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        count = _scalar(conn, "SELECT count(*) FROM students WHERE deleted = 0")
        name = _scalar(conn, "SELECT name FROM schools WHERE deleted = 0 LIMIT 1")
    finally:
        conn.close()
    return (int(count) if isinstance(count, int) else None, str(name) if name else None)


def _scalar(conn: sqlite3.Connection, sql: str) -> object:
    try:
        row = conn.execute(sql).fetchone()
    except sqlite3.Error:  # a backup from before the table existed
        return None
    return row[0] if row else None


def compress(plain: Path, target: Path) -> str:
    """gzip ``plain`` into ``target`` (atomically); returns the SHA-256 of the plain bytes."""
    digest = hashlib.sha256()
    partial = target.with_name(target.name + ".partial")
    with plain.open("rb") as src, gzip.open(partial, "wb", compresslevel=1) as dst:
        while chunk := src.read(_CHUNK):
            digest.update(chunk)
            dst.write(chunk)
    partial.replace(target)
    return digest.hexdigest()


def expand(backup: Path, dest: Path) -> None:
    """Write the plain database of ``backup`` (compressed or not) to ``dest``."""
    if backup.name.endswith(COMPRESSED_SUFFIX):
        with gzip.open(backup, "rb") as src, dest.open("wb") as dst:
            shutil.copyfileobj(src, dst, _CHUNK)
    else:
        shutil.copy2(backup, dest)


def write_sidecar(backup: Path, plain: Path, *, sha256: str | None) -> BackupInfo:
    """Inspect the plain copy and record what the backup holds next to it."""
    ok = quick_check(plain)
    students, school = contents_summary(plain) if ok else (None, None)
    info = BackupInfo(
        path=backup,
        kind=backup_kind(backup),
        taken_at=dt.datetime.now().replace(microsecond=0),
        size_bytes=backup.stat().st_size,
        ok=ok,
        students=students,
        school=school,
    )
    record = {
        "taken_at": info.taken_at.isoformat(),
        "ok": ok,
        "students": students,
        "school": school,
        "sha256": sha256,
    }
    sidecar_path(backup).write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    return info


def read_info(backup: Path) -> BackupInfo:
    """From the sidecar when there is one (and it matches), else by inspecting the file."""
    side = sidecar_path(backup)
    stat = backup.stat()
    if side.exists():
        try:
            record = json.loads(side.read_text(encoding="utf-8"))
            return BackupInfo(
                path=backup,
                kind=backup_kind(backup),
                taken_at=dt.datetime.fromisoformat(record["taken_at"]),
                size_bytes=stat.st_size,
                ok=bool(record["ok"]),
                students=record.get("students"),
                school=record.get("school"),
            )
        except (ValueError, KeyError, TypeError):
            pass  # a damaged sidecar: fall back to looking at the file itself
    if backup.name.endswith(COMPRESSED_SUFFIX):
        ok, students, school = _gzip_is_whole(backup), None, None
    else:
        ok = quick_check(backup)
        students, school = contents_summary(backup) if ok else (None, None)
    return BackupInfo(
        path=backup,
        kind=backup_kind(backup),
        taken_at=dt.datetime.fromtimestamp(stat.st_mtime),
        size_bytes=stat.st_size,
        ok=ok,
        students=students,
        school=school,
    )


def _gzip_is_whole(path: Path) -> bool:
    try:
        with gzip.open(path, "rb") as src:
            while src.read(_CHUNK):
                pass
    except (OSError, EOFError):
        return False
    return True


def verify_backup(backup: Path) -> bool:
    """Expand the backup to a scratch file and run the integrity check on it.

    The sidecar says the copy was sound when it was taken; a file damaged since (a failing disk,
    a truncated copy) is only found by reading it all, which is done before offering it.
    """
    scratch = backup.with_name(backup.name + ".verify")
    try:
        expand(backup, scratch)
        return quick_check(scratch)
    except (OSError, EOFError):
        return False
    finally:
        for leftover in (scratch, Path(f"{scratch}-wal"), Path(f"{scratch}-shm")):
            leftover.unlink(missing_ok=True)
