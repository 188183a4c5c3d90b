"""PE settings: the process evaluation (``pe_config``) and the 中招体育 schemes
(``zhongkao_pe_config``, one per exam year; empty until the district's notice is entered)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from sqlite_utils import Database

from app.pe.config import PEConfig, config_from_json, validate_config
from app.pe.zhongkao import ZhongkaoConfig, validate_zhongkao
from db import repo_settings

PE_CONFIG_KEY: Final = "pe_config"
ZHONGKAO_KEY: Final = "zhongkao_pe_config"


def load_pe_config(db: Database) -> PEConfig:
    """The stored settings over the documented defaults (nothing stored: the defaults)."""
    return config_from_json(repo_settings.get_setting(db, PE_CONFIG_KEY))


def save_pe_config(db: Database, cfg: PEConfig) -> None:
    """Validate and store; raises ValidationError (nothing stored) for unusable settings."""
    validate_config(cfg)
    with db.atomic():
        repo_settings.set_setting(db, PE_CONFIG_KEY, cfg.to_json())


def _stored_schemes(db: Database) -> dict[str, Any]:
    value = repo_settings.get_setting(db, ZHONGKAO_KEY, {})
    return dict(value) if isinstance(value, dict) else {}


def zhongkao_years(db: Database) -> list[int]:
    """Exam years with a stored scheme, oldest first (none by default)."""
    return sorted(int(y) for y in _stored_schemes(db) if str(y).isdigit())


def load_zhongkao_config(db: Database, year: int) -> ZhongkaoConfig | None:
    """The year's scheme, validated; None when none is entered (there is no built-in one)."""
    data = _stored_schemes(db).get(str(year))
    return validate_zhongkao(data) if data else None


def zhongkao_scheme(db: Database, year: int) -> dict[str, Any] | None:
    """The year's scheme as it was entered (the JSON shape of ``app.pe.zhongkao``), for export."""
    data = _stored_schemes(db).get(str(year))
    return dict(data) if isinstance(data, dict) and data else None


def save_zhongkao_config(db: Database, data: Mapping[str, Any]) -> ZhongkaoConfig:
    """Validate a scheme and store it under its year (replacing that year's scheme)."""
    config = validate_zhongkao(data)
    with db.atomic():
        schemes = _stored_schemes(db)
        schemes[str(config.year)] = dict(data)
        repo_settings.set_setting(db, ZHONGKAO_KEY, schemes)
    return config


def delete_zhongkao_config(db: Database, year: int) -> bool:
    with db.atomic():
        schemes = _stored_schemes(db)
        if schemes.pop(str(year), None) is None:
            return False
        repo_settings.set_setting(db, ZHONGKAO_KEY, schemes)
    return True
