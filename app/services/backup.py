"""Copies of the workspace database taken before risky operations (and, later, every day).

The copy uses SQLite's online backup API: it is consistent even while the database is in WAL mode
and other connections are open, which a plain file copy is not.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from app.errors import UserError
from app.i18n import tr

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

    Called at start-up (and may be called again later the same day: it then does nothing).
    Returns the new daily backup, or None when today's already existed.
    """
    today = today or dt.date.today()
    daily = backup_dir / f"{DAILY_PREFIX}-{today.isoformat()}.sqlite3"
    if daily.exists():
        return None
    made = _write_backup(db, daily)
    monthly = backup_dir / f"{MONTHLY_PREFIX}-{today:%Y-%m}.sqlite3"
    if not monthly.exists():
        _write_backup(db, monthly)
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
        files = sorted(backup_dir.glob(f"{prefix}-*.sqlite3"), reverse=True)
        for old in files[keep:]:
            old.unlink(missing_ok=True)
            removed.append(old)
    return removed


def _write_backup(db: Database, target: Path) -> Path:
    partial = target.with_suffix(".partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        dest = sqlite3.connect(str(partial))
        try:
            db.conn.backup(dest)
        finally:
            dest.close()
        partial.replace(target)  # a crash mid-copy never leaves a file that looks like a backup
    except (OSError, sqlite3.Error) as exc:
        partial.unlink(missing_ok=True)
        raise UserError(
            tr(
                "The database backup {path} could not be written ({error}).", path=target, error=exc
            ),
            tr("Free some disk space or check the folder's permissions, then try again."),
        ) from exc
    log.info("database backed up to %s", target)
    return target
