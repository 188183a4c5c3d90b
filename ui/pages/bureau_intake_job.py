"""The intake page's background work: the dry run or the merge of a list of packet files, on the
task's own database connection. The decryption keys come back with the report, so the merge
that follows a check needs no second passphrase."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from app.services.bureau_intake import IntakeReport, intake_packets
from app.services.bureau_keys import load_bureau_decryption_keys
from app.services.workspace import Workspace
from ui.tasks import TaskContext


class IntakeJob:
    def __init__(
        self,
        ws: Workspace,
        files: list[Path],
        passphrase: str | None,
        keys: Mapping[str, Any] | None,
        *,
        dry_run: bool,
    ) -> None:
        self.paths, self.actor = ws.paths, ws.actor
        self.files, self.passphrase, self.keys, self.dry_run = files, passphrase, keys, dry_run

    def __call__(self, ctx: TaskContext) -> tuple[IntakeReport, Mapping[str, Any]]:
        ws = Workspace(paths=self.paths, db=ctx.db, actor=self.actor)
        keys = self.keys
        if keys is None:
            keys = load_bureau_decryption_keys(ws, self.passphrase or "")
        report = intake_packets(
            ws,
            self.files,
            decryption_keys=keys,
            dry_run=self.dry_run,
            progress=ctx.progress,
            cancelled=ctx.cancelled,
        )
        return report, keys
