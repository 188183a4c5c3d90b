"""Setting up a bureau workspace (the counterpart of ``init_school`` in workspace.py)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from app.errors import UserError, WorkspaceError
from app.i18n import tr
from app.models import WorkspaceKind
from app.services.workspace import DEFAULT_DISTRICT
from app.validation.ids import parse_district_code
from app.validation.text import clean_name
from db import repo_settings
from db.migrations import use_bureau_indexes


@dataclass(frozen=True)
class BureauProfile:
    name: str
    district: str


def bureau_profile(db: Database) -> BureauProfile | None:
    if repo_settings.get_setting(db, "workspace_kind") != WorkspaceKind.BUREAU.value:
        return None
    return BureauProfile(
        name=str(repo_settings.get_setting(db, "bureau_name", "")),
        district=str(repo_settings.get_setting(db, "bureau_district", DEFAULT_DISTRICT)),
    )


def require_bureau(db: Database) -> BureauProfile:
    profile = bureau_profile(db)
    if profile is None:
        raise UserError(
            tr("This workspace is not a bureau workspace."),
            tr(
                "Set it up first: baosong-cli bureau init --name NAME (in an empty data directory)."
            ),
        )
    return profile


def init_bureau(db: Database, *, name: str, district: str = DEFAULT_DISTRICT) -> BureauProfile:
    """Make this workspace a bureau workspace (or update the bureau's name and district).

    Keys are made separately (keys_service.create_bureau_keys), as they need a passphrase.
    """
    district = parse_district_code(district)
    name = clean_name(name)
    if not name:
        raise UserError(tr("The bureau name is empty."), tr("Enter the bureau's full name."))
    if repo_settings.get_setting(db, "workspace_kind") == WorkspaceKind.SCHOOL.value:
        raise WorkspaceError(
            tr("This data directory is a school workspace."),
            tr("Use another data directory (--data-dir) for the bureau."),
        )
    with db.atomic():
        repo_settings.set_setting(db, "workspace_kind", WorkspaceKind.BUREAU.value)
        repo_settings.set_setting(db, "bureau_name", name)
        repo_settings.set_setting(db, "bureau_district", district)
        use_bureau_indexes(db)
    return BureauProfile(name=name, district=district)
