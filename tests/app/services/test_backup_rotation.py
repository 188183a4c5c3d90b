"""Daily backups: one a day, the first of a month kept as monthly, 14 daily and 12 monthly kept."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from app.services.backup import daily_backup_if_due, prune_backups
from app.services.backup_files import expand, is_backup_file, read_info
from app.services.restore import database_is_healthy
from app.services.workspace import Workspace


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if is_backup_file(p))


def test_first_backup_of_the_day_and_month(school_ws: Workspace) -> None:
    folder = school_ws.paths.backups
    made = daily_backup_if_due(school_ws.db, folder, today=dt.date(2026, 12, 1))
    assert made is not None and made.name == "daily-2026-12-01.sqlite3.gz"
    assert "monthly-2026-12.sqlite3.gz" in _names(folder)
    plain = folder / "check.sqlite3"
    expand(made, plain)
    assert database_is_healthy(plain)
    copy = sqlite3.connect(plain)
    assert copy.execute("SELECT code FROM schools").fetchone()[0] == "2141003456"
    copy.close()
    info = read_info(made)
    assert info.ok and info.students == 0 and info.school == "孟津区城关镇第一小学"
    assert made.stat().st_size < plain.stat().st_size, "automatic backups are compressed"
    plain.unlink()
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
    assert dailies[-1] == f"daily-{day - dt.timedelta(days=1)}.sqlite3.gz"
    assert dailies[0] == f"daily-{day - dt.timedelta(days=14)}.sqlite3.gz"
    assert len(monthlies) == 12
    assert monthlies[-1] == "monthly-2026-02.sqlite3.gz"
    assert monthlies[0] == "monthly-2025-03.sqlite3.gz"
    sidecars = sorted(p.name for p in folder.glob("*.json"))
    assert len(sidecars) == 26, "each kept backup has its sidecar; pruned ones lost theirs"


def test_risky_action_backups_are_never_pruned(school_ws: Workspace) -> None:
    folder = school_ws.paths.backups
    folder.mkdir(parents=True, exist_ok=True)
    keep = folder / "before-promotion-20250101-080000.sqlite3"
    keep.write_bytes(b"")
    for i in range(20):  # older plain backups and newer compressed ones are pruned together
        suffix = ".sqlite3" if i < 10 else ".sqlite3.gz"
        (folder / f"daily-2025-01-{i + 1:02d}{suffix}").write_bytes(b"")
    removed = prune_backups(folder)
    assert sorted(p.name for p in removed)[-1] == "daily-2025-01-06.sqlite3"
    assert len(removed) == 6
    assert keep.exists()
