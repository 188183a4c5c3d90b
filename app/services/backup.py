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
