"""Opening a data directory as a workspace, and setting up a school workspace."""

from __future__ import annotations

import datetime as dt
import getpass
import logging
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

import db as dbmod
from app.errors import UserError, WorkspaceError
from app.i18n import tr
from app.logging_setup import setup_logging
from app.models import School, SchoolStage, Term, WorkspaceKind
from app.paths import WorkspacePaths, resolve_data_dir
from app.terms import parse_term, term_for_date
from app.validation.ids import parse_district_code, parse_school_code
from app.validation.text import clean_name
from db import repo_settings

log = logging.getLogger(__name__)

DEFAULT_DISTRICT = "410308"  # 孟津区


@dataclass
class Workspace:
    """One data directory: its paths, its database and who is working in it."""

    paths: WorkspacePaths
    db: Database
    actor: str

    def connect(self) -> Database:
        """A separate connection for a background thread (a connection is not shared)."""
        return dbmod.connect(self.paths.database)

    def close(self) -> None:
        self.db.close()

    @property
    def kind(self) -> WorkspaceKind | None:
        value = repo_settings.get_setting(self.db, "workspace_kind")
        return WorkspaceKind(value) if value else None


def open_workspace(data_dir: str | Path | None = None) -> Workspace:
    """Open the data directory (``--data-dir`` / env / default), creating it if needed."""
    paths = WorkspacePaths(resolve_data_dir(data_dir))
    try:
        paths.ensure()
    except OSError as exc:
        raise WorkspaceError(
            tr(
                "The data directory {path} cannot be created ({reason}).",
                path=paths.root,
                reason=exc.strerror or exc,
            ),
            tr("Choose another folder with --data-dir."),
        ) from exc
    setup_logging(paths.logs)
    database = dbmod.open_database(paths.database, backups_dir=paths.backups)
    actor = repo_settings.get_setting(database, "actor") or _os_user()
    log.info("workspace opened: %s", paths.root)
    return Workspace(paths=paths, db=database, actor=actor)


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry (containers) or no login name
        return "clerk"


def school_code(db: Database) -> str | None:
    value = repo_settings.get_setting(db, "school_code")
    return str(value) if value else None


def require_school(db: Database) -> School:
    code = school_code(db)
    school = repo_settings.get_school(db, code) if code else None
    if school is None:
        raise UserError(
            tr("This workspace has no school yet."),
            tr("Set the school up first: baosong-cli school init --code CODE --name NAME."),
        )
    return school


def init_school(
    db: Database,
    *,
    code: str,
    name: str,
    district: str = DEFAULT_DISTRICT,
    stage: SchoolStage = SchoolStage.PRIMARY,
    actor: str,
    today: dt.date | None = None,
) -> School:
    """Make this workspace a school workspace (or update the school's profile)."""
    code = parse_school_code(code)
    district = parse_district_code(district)
    name = clean_name(name)
    if not name:
        raise UserError(tr("The school name is empty."), tr("Enter the school's full name."))
    kind = repo_settings.get_setting(db, "workspace_kind")
    existing = school_code(db)
    if kind == WorkspaceKind.BUREAU.value:
        raise WorkspaceError(
            tr("This data directory is a bureau workspace."),
            tr("Use another data directory (--data-dir) for a school."),
        )
    if existing and existing != code:
        raise WorkspaceError(
            tr("This workspace already belongs to school {code}.", code=existing),
            tr("Use another data directory (--data-dir) for another school."),
        )
    with db.atomic():
        school = repo_settings.save_school(
            db, code=code, name=name, district=district, stage=stage, actor=actor
        )
        repo_settings.set_setting(db, "workspace_kind", WorkspaceKind.SCHOOL.value)
        repo_settings.set_setting(db, "school_code", code)
        if repo_settings.get_setting(db, "current_term") is None:
            set_current_term(db, term_for_date(today or dt.date.today()).code)
    return school


def current_term(db: Database) -> Term:
    code = repo_settings.get_setting(db, "current_term")
    return parse_term(code) if code else term_for_date(dt.date.today())


def set_current_term(db: Database, code: str) -> Term:
    term = parse_term(code)
    with db.atomic():
        repo_settings.ensure_term(db, term)
        repo_settings.set_setting(db, "current_term", term.code)
    return term


def get_language(db: Database) -> str:
    return str(repo_settings.get_setting(db, "language", "zh_CN"))


def set_language(db: Database, language: str) -> None:
    if language not in ("zh_CN", "en"):
        raise UserError(
            tr("'{language}' is not a supported language.", language=language),
            tr("Choose zh_CN or en."),
        )
    with db.atomic():
        repo_settings.set_setting(db, "language", language)
