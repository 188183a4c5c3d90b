"""The data layer: ``open_database`` and the repositories (rows in, dataclasses out)."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from app import __version__
from app.errors import NewerDatabaseError, WorkspaceError
from app.i18n import tr
from db.migrations import MIGRATIONS, migration_names
from db.packet_stage import attach_incoming

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000
# Pages the WAL may hold before a commit copies them into the database file (SQLite's default is
# 1,000 = 4 MiB). A bulk write (a roster import, a merged packet) is larger than 4 MiB, so with
# the default nearly every one also pays a checkpoint, and a page that successive writes touch is
# copied once per write; at 64 MiB that work is shared by many commits (and done on close).
WAL_AUTOCHECKPOINT_PAGES = 16_384


def connect(path: Path) -> Database:
    """A connection with the workspace pragmas, without touching the schema.

    The connection is in autocommit mode: every write goes through ``db.atomic()``, so a
    transaction's extent is always visible in the code.
    """
    try:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute(f"PRAGMA wal_autocheckpoint = {WAL_AUTOCHECKPOINT_PAGES}")
        attach_incoming(conn)  # where a bureau loads a packet's staged records
    except sqlite3.DatabaseError as exc:
        raise WorkspaceError(
            tr("The database {path} cannot be opened ({reason}).", path=path, reason=exc),
            tr("Restore it from a backup in the workspace's backups folder."),
        ) from exc
    return Database(conn)


def open_database(
    path: Path, *, backups_dir: Path | None = None, migrations: Migrations = MIGRATIONS
) -> Database:
    """Open (creating if needed) the workspace database and bring its schema up to date.

    Refuses a database written by a newer Baosong (it has migrations this version does not know).
    Before applying migrations to an existing database, copies it to ``backups_dir``.
    """
    existed = path.exists() and path.stat().st_size > 0
    db = connect(path)
    try:
        applied = [m.name for m in migrations.applied(db)]
        unknown = sorted(set(applied) - _names(migrations))
        if unknown:
            raise NewerDatabaseError(
                tr(
                    "The database {path} was written by a newer version of Baosong "
                    "(unknown schema steps: {steps}).",
                    path=path,
                    steps=", ".join(unknown),
                ),
                tr(
                    "Install the newer version of Baosong to open it; this version leaves it untouched."
                ),
            )
        pending = migrations.pending(db)
        if pending and existed and backups_dir is not None:
            backup_before_migration(db, backups_dir, pending[0].name)
        if pending:
            log.info("applying migrations: %s", ", ".join(m.name for m in pending))
            migrations.apply(db)
            db.execute(
                "INSERT INTO settings(key, value) VALUES('schema_written_by', ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [__version__],
            )
    except BaseException:
        db.close()
        raise
    return db


def _names(migrations: Migrations) -> set[str]:
    return set(migration_names(migrations))


def backup_before_migration(db: Database, backups_dir: Path, first_pending: str) -> Path:
    """Copy the database (online backup API, consistent under WAL) before changing its schema."""
    backups_dir.mkdir(parents=True, exist_ok=True)
    target = backups_dir / f"before-{first_pending}.sqlite3"
    n = 1
    while target.exists():
        n += 1
        target = backups_dir / f"before-{first_pending}-{n}.sqlite3"
    dest = sqlite3.connect(str(target))
    try:
        db.conn.backup(dest)
    finally:
        dest.close()
    log.info("database backed up to %s before migrating", target)
    return target


__all__ = ["Database", "connect", "open_database"]
