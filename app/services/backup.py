"""Copies of the workspace database taken before risky operations (and, later, every day).

The copy uses SQLite's online backup API: it is consistent even while the database is in WAL mode
and other connections are open, which a plain file copy is not.
"""

from __future__ import annotations

import datetime as dt
import logging
import shutil
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from app.errors import UserError
from app.i18n import tr
from app.services.backup_files import (
    COMPRESSED_SUFFIX,
    compress,
    is_backup_file,
    sidecar_path,
    write_sidecar,
)

log = logging.getLogger(__name__)


def backup_database(
    db: Database, backup_dir: Path, label: str, *, now: dt.datetime | None = None
) -> Path:
    """Write ``<backup_dir>/<label>-<YYYYmmdd-HHMMSS>.sqlite3`` and return its path.

    Call it outside a write transaction: the copy then holds exactly the committed data.
    A second backup in the same second gets a ``-2``, ``-3``… suffix instead of overwriting.
    """
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = backup_dir / f"{label}-{stamp}.sqlite3"
    n = 1
    while target.exists():
        n += 1
        target = backup_dir / f"{label}-{stamp}-{n}.sqlite3"
    try:
        backup_dir.mkdir(parents=True, exist_ok=True)
        dest = sqlite3.connect(str(target))
        try:
            db.conn.backup(dest)
        finally:
            dest.close()
    except (OSError, sqlite3.Error) as exc:
        target.unlink(missing_ok=True)  # never leave a half-written copy that looks usable
        raise UserError(
            tr(
                "The database backup {path} could not be written ({error}).", path=target, error=exc
            ),
            tr("Free some disk space or check the folder's permissions, then try again."),
        ) from exc
    log.info("database backed up to %s", target)
    return target


# --- Automatic backups: one a day, 14 daily and 12 monthly kept ------------------------------

DAILY_PREFIX = "daily"
MONTHLY_PREFIX = "monthly"
KEEP_DAILY = 14
KEEP_MONTHLY = 12


def daily_backup_if_due(
    db: Database, backup_dir: Path, *, today: dt.date | None = None
) -> Path | None:
    """Take today's backup unless one exists; the first of each month is also kept as monthly.

    Called after start-up in the background (and may be called again later the same day: it
    then does nothing). Returns the new daily backup, or None when today's already existed.
    """
    today = today or dt.date.today()
    daily = backup_dir / f"{DAILY_PREFIX}-{today.isoformat()}{COMPRESSED_SUFFIX}"
    if daily.exists() or daily.with_name(daily.name.removesuffix(".gz")).exists():
        return None
    monthly = backup_dir / f"{MONTHLY_PREFIX}-{today:%Y-%m}{COMPRESSED_SUFFIX}"
    need_monthly = not (
        monthly.exists() or monthly.with_name(monthly.name.removesuffix(".gz")).exists()
    )
    made = _write_compressed_backup(db, daily, also=monthly if need_monthly else None)
    prune_backups(backup_dir)
    return made


def prune_backups(backup_dir: Path) -> list[Path]:
    """Delete automatic backups beyond the newest 14 daily and 12 monthly; returns what went.

    Backups taken before risky actions (migration, promotion, merge, restore) are never pruned:
    they are few and each marks a moment someone may want to return to.
    """
    removed: list[Path] = []
    for prefix, keep in ((DAILY_PREFIX, KEEP_DAILY), (MONTHLY_PREFIX, KEEP_MONTHLY)):
        # ISO dates in the names sort chronologically.
        files = sorted(
            (p for p in backup_dir.glob(f"{prefix}-*") if is_backup_file(p)),
            key=lambda p: p.name.removesuffix(".gz"),
            reverse=True,
        )
        for old in files[keep:]:
            old.unlink(missing_ok=True)
            sidecar_path(old).unlink(missing_ok=True)
            removed.append(old)
    return removed


def _write_compressed_backup(db: Database, target: Path, *, also: Path | None) -> Path:
    """Online backup to a temporary plain file, inspect it, then gzip it into place.

    ``also`` gets a copy of the same compressed file (the monthly backup of a new month).
    """
    plain = target.with_name(target.name + ".plain")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        dest = sqlite3.connect(str(plain))
        try:
            db.conn.backup(dest)
        finally:
            dest.close()
        sha256 = compress(plain, target)
        write_sidecar(target, plain, sha256=sha256)
        if also is not None:
            shutil.copy2(target, also)
            write_sidecar(also, plain, sha256=sha256)
    except (OSError, sqlite3.Error) as exc:
        for leftover in (target, sidecar_path(target)):
            leftover.unlink(missing_ok=True)
        raise UserError(
            tr(
                "The database backup {path} could not be written ({error}).", path=target, error=exc
            ),
            tr("Free some disk space or check the folder's permissions, then try again."),
        ) from exc
    finally:
        plain.unlink(missing_ok=True)
    log.info("database backed up to %s", target)
    return target
