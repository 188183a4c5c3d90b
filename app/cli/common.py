"""Helpers shared by the command modules."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from app import i18n
from app.services.workspace import Workspace, get_language, open_workspace


def open_ws(args: argparse.Namespace) -> Workspace:
    """Open the workspace named by ``--data-dir`` and apply its language unless ``--lang`` was given."""
    ws = open_workspace(args.data_dir)
    if not args.lang:
        i18n.set_language(get_language(ws.db))
    return ws


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
