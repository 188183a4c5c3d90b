"""Finding, checking and restoring database backups, and the start-up integrity check.

Restoring replaces the workspace database file, so it works on paths with every connection to
the database closed; the caller (GUI or CLI) closes the workspace first and reopens it after.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from app.errors import UserError
from app.i18n import tr

log = logging.getLogger(__name__)

_STAMP = re.compile(r"(\d{4}-\d{2}-\d{2}|\d{4}-\d{2}|\d{8}-\d{6})")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    kind: str  # daily / monthly / before-promotion / before-<migration> / before-restore …
    taken_at: dt.datetime  # file modification time: when the copy was written
    size_bytes: int
    ok: bool  # passes PRAGMA quick_check
    students: int | None
    school: str | None


def database_is_healthy(path: Path) -> bool:
    """``PRAGMA quick_check`` on a database file; nothing is written.

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


def describe_backup(path: Path) -> BackupInfo:
    kind = _STAMP.split(path.stem, maxsplit=1)[0].rstrip("-") or path.stem
    students: int | None = None
    school: str | None = None
    ok = database_is_healthy(path)
    if ok:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            count = _scalar(conn, "SELECT count(*) FROM students WHERE deleted = 0")
            name = _scalar(conn, "SELECT name FROM schools WHERE deleted = 0 LIMIT 1")
            students = int(count) if isinstance(count, int) else None
            school = str(name) if name is not None else None
        finally:
            conn.close()
    stat = path.stat()
    return BackupInfo(
        path=path,
        kind=kind,
        taken_at=dt.datetime.fromtimestamp(stat.st_mtime),
        size_bytes=stat.st_size,
        ok=ok,
        students=students,
        school=school,
    )


def _scalar(conn: sqlite3.Connection, sql: str) -> object:
    try:
        row = conn.execute(sql).fetchone()
    except sqlite3.Error:  # a backup from before the table existed
        return None
    return row[0] if row else None


def list_backups(backup_dir: Path) -> list[BackupInfo]:
    """Every backup in the folder, newest first."""
    if not backup_dir.exists():
        return []
    infos = [describe_backup(p) for p in backup_dir.glob("*.sqlite3")]
    return sorted(infos, key=lambda b: b.taken_at, reverse=True)


def latest_good_backup(backup_dir: Path) -> BackupInfo | None:
    return next((b for b in list_backups(backup_dir) if b.ok), None)


def restore_backup(database: Path, backup: Path, backup_dir: Path) -> Path | None:
    """Replace ``database`` with ``backup``; the current file is kept first as before-restore-….

    Every connection to ``database`` must be closed. Returns the copy of the replaced database
    (None if there was no database file).
    """
    if not database_is_healthy(backup):
        raise UserError(
            tr("The backup {path} is damaged and cannot be restored.", path=backup.name),
            tr("Choose another backup."),
        )
    saved: Path | None = None
    if database.exists():
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        saved = backup_dir / f"before-restore-{stamp}.sqlite3"
        backup_dir.mkdir(parents=True, exist_ok=True)
        # A file copy, not the backup API: the current database may be the damaged one.
        _checkpoint(database)
        shutil.copy2(database, saved)
    staging = database.with_suffix(".restoring")
    shutil.copy2(backup, staging)
    for suffix in ("-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    staging.replace(database)
    log.info("database restored from %s (previous state kept as %s)", backup, saved)
    return saved


def _checkpoint(database: Path) -> None:
    """Fold the WAL into the main file so a file copy holds every committed change."""
    try:
        conn = sqlite3.connect(str(database))
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        pass  # damaged: copy what is there
