"""The integrity check before a workspace opens (``PRAGMA quick_check``).

A damaged database is never opened (migrations or writes would spread the damage). The user is
offered the latest intact backup; restoring it keeps the damaged file in ``backups/`` as
``before-restore-…``, then the workspace opens as usual.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from app.paths import WorkspacePaths
from app.services.restore import (
    BackupInfo,
    database_is_healthy,
    latest_good_backup,
    restore_backup,
)

log = logging.getLogger(__name__)

# (the damaged database, the latest intact backup or None) → restore it?
RestoreChoice = Callable[[Path, BackupInfo | None], bool]


def check_database(paths: WorkspacePaths, *, ask: RestoreChoice) -> bool:
    """True when the workspace may be opened: new, intact, or just restored from a backup."""
    database = paths.database
    if not database.exists() or database.stat().st_size == 0 or database_is_healthy(database):
        return True
    log.error("the database %s fails its integrity check", database)
    backup = latest_good_backup(paths.backups)
    # Asked even without a backup: the dialog then says so and offers only Quit.
    if not ask(database, backup) or backup is None:
        return False
    saved = restore_backup(database, backup.path, paths.backups)
    log.warning("restored %s from %s; the damaged file is kept as %s", database, backup.path, saved)
    return True


def refuse_in_smoke_test(database: Path, _backup: BackupInfo | None) -> bool:
    """The --smoke-test answer: say what is wrong and do not restore (exit code 1)."""
    print(
        QCoreApplication.translate(
            "StartupCheck",
            "The database {path} is damaged (its integrity check failed). Start Baosong "
            "without --smoke-test to restore a backup.",
        ).format(path=str(database)),
        file=sys.stderr,
    )
    return False
