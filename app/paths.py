"""Where things live: the data directory (one workspace) and bundled resources.

``resource_path`` is the one place that knows where ``resources/`` is. It is based on this file's
location, which PyInstaller keeps intact inside the bundle, so no ``sys._MEIPASS`` branches exist
anywhere else.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from app import APP_ID, ORGANIZATION

DATA_DIR_ENV = "BAOSONG_DATA_DIR"
DATABASE_NAME = "baosong.sqlite3"

_ROOT = Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    """Absolute path of a file under ``resources/``."""
    return _ROOT.joinpath("resources", *parts)


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_ID, ORGANIZATION, roaming=True))


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """``--data-dir`` wins, then ``BAOSONG_DATA_DIR``, then the platform's user data dir."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser().resolve()
    return default_data_dir()


class WorkspacePaths:
    """The fixed layout inside one data directory."""

    def __init__(self, root: Path) -> None:
        self.root = root

    @property
    def database(self) -> Path:
        return self.root / DATABASE_NAME

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def exports(self) -> Path:
        return self.root / "exports"

    @property
    def keys(self) -> Path:
        return self.root / "keys"

    @property
    def evidence(self) -> Path:
        return self.root / "evidence"

    @property
    def quarantine(self) -> Path:
        return self.root / "quarantine"

    def ensure(self) -> None:
        for d in (self.root, self.logs, self.backups):
            d.mkdir(parents=True, exist_ok=True)
