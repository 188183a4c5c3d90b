"""The school's arts settings (settings key ``arts_config``): read with the defaults, write
validated. Changing them recomputes the stored assessments: see
``app.services.arts_assessment.save_arts_config``."""

from __future__ import annotations

from sqlite_utils import Database

from app.arts.config import ArtsConfig, config_from_json, validate_config
from db import repo_settings

ARTS_CONFIG_KEY = "arts_config"


def load_arts_config(db: Database) -> ArtsConfig:
    """The stored settings over the defaults of domain_rules §2 (nothing stored: the defaults)."""
    return config_from_json(repo_settings.get_setting(db, ARTS_CONFIG_KEY))


def store_arts_config(db: Database, cfg: ArtsConfig) -> None:
    """Write the settings as they are (call inside the transaction that recomputes scores)."""
    validate_config(cfg)
    repo_settings.set_setting(db, ARTS_CONFIG_KEY, cfg.to_json())
