"""Daily backups: one a day, the first of a month kept as monthly, 14 daily and 12 monthly kept."""

from __future__ import annotations

import datetime as dt
import sqlite3

from app.services.backup import daily_backup_if_due, prune_backups
from app.services.restore import database_is_healthy
from app.services.workspace import Workspace


def _names(folder: object) -> list[str]:
    return sorted(p.name for p in folder.glob("*.sqlite3"))  # type: ignore[attr-defined]


def test_first_backup_of_the_day_and_month(school_ws: Workspace) -> None:
    folder = school_ws.paths.backups
    made = daily_backup_if_due(school_ws.db, folder, today=dt.date(2026, 12, 1))
    assert made is not None and made.name == "daily-2026-12-01.sqlite3"
    assert "monthly-2026-12.sqlite3" in _names(folder)
    assert database_is_healthy(made)
    copy = sqlite3.connect(made)
    assert copy.execute("SELECT code FROM schools").fetchone()[0] == "2141003456"
    copy.close()
    # the same day again: nothing new
    assert daily_backup_if_due(school_ws.db, folder, today=dt.date(2026, 12, 1)) is None
    assert len(_names(folder)) == 2


def test_rotation_keeps_14_daily_and_12_monthly(school_ws: Workspace) -> None:
    folder = school_ws.paths.backups
    day = dt.date(2025, 1, 1)
    for _ in range(400):
        daily_backup_if_due(school_ws.db, folder, today=day)
        day += dt.timedelta(days=1)
    names = _names(folder)
    dailies = [n for n in names if n.startswith("daily-")]
    monthlies = [n for n in names if n.startswith("monthly-")]
    assert len(dailies) == 14
    assert dailies[-1] == f"daily-{day - dt.timedelta(days=1)}.sqlite3"
    assert dailies[0] == f"daily-{day - dt.timedelta(days=14)}.sqlite3"
    assert len(monthlies) == 12
    assert monthlies[-1] == "monthly-2026-02.sqlite3"
    assert monthlies[0] == "monthly-2025-03.sqlite3"


def test_risky_action_backups_are_never_pruned(school_ws: Workspace) -> None:
    folder = school_ws.paths.backups
    folder.mkdir(parents=True, exist_ok=True)
    keep = folder / "before-promotion-20250101-080000.sqlite3"
    keep.write_bytes(b"")
    for i in range(20):
        (folder / f"daily-2025-01-{i + 1:02d}.sqlite3").write_bytes(b"")
    removed = prune_backups(folder)
    assert len(removed) == 6
    assert keep.exists()
