"""Finding, checking and restoring database backups, and the start-up integrity check.

Restoring replaces the workspace database file, so it works on paths with every connection to
the database closed; the caller (GUI or CLI) closes the workspace first and reopens it after.
"""

from __future__ import annotations

import datetime as dt
import logging
import shutil
import sqlite3
from pathlib import Path
from typing import NoReturn

from app.errors import UserError
from app.i18n import tr
from app.services.backup_files import (
    BackupInfo,
    expand,
    is_backup_file,
    quick_check,
    read_info,
    verify_backup,
)

__all__ = [
    "BackupInfo",
    "database_is_healthy",
    "describe_backup",
    "latest_good_backup",
    "list_backups",
    "restore_backup",
]

log = logging.getLogger(__name__)


def database_is_healthy(path: Path) -> bool:
    """The start-up integrity check of the workspace database (``PRAGMA quick_check``)."""
    return quick_check(path)


def describe_backup(path: Path) -> BackupInfo:
    return read_info(path)


def list_backups(backup_dir: Path) -> list[BackupInfo]:
    """Every backup in the folder, newest first."""
    if not backup_dir.exists():
        return []
    infos = [read_info(p) for p in backup_dir.iterdir() if is_backup_file(p)]
    return sorted(infos, key=lambda b: b.taken_at, reverse=True)


def latest_good_backup(backup_dir: Path) -> BackupInfo | None:
    """The newest backup that is whole now (read in full: it is about to be relied on)."""
    return next((b for b in list_backups(backup_dir) if b.ok and verify_backup(b.path)), None)


def restore_backup(database: Path, backup: Path, backup_dir: Path) -> Path | None:
    """Replace ``database`` with ``backup``; the current file is kept first as before-restore-….

    Every connection to ``database`` must be closed. Returns the copy of the replaced database
    (None if there was no database file).
    """
    staging = database.with_suffix(".restoring")
    try:
        expand(backup, staging)
    except (OSError, EOFError):
        staging.unlink(missing_ok=True)
        _refuse_damaged(backup)
    healthy = quick_check(staging)
    for suffix in ("-wal", "-shm"):  # left by the check's connection, never wanted
        Path(f"{staging}{suffix}").unlink(missing_ok=True)
    if not healthy:
        staging.unlink(missing_ok=True)
        _refuse_damaged(backup)
    saved: Path | None = None
    if database.exists():
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        saved = backup_dir / f"before-restore-{stamp}.sqlite3"
        backup_dir.mkdir(parents=True, exist_ok=True)
        # A file copy, not the backup API: the current database may be the damaged one.
        _checkpoint(database)
        shutil.copy2(database, saved)
    for suffix in ("-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    staging.replace(database)
    log.info("database restored from %s (previous state kept as %s)", backup, saved)
    return saved


def _refuse_damaged(backup: Path) -> NoReturn:
    raise UserError(
        tr("The backup {path} is damaged and cannot be restored.", path=backup.name),
        tr("Choose another backup."),
    )


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
