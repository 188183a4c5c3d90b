"""The composition root: ``baosong --data-dir D --smoke-test`` and start-up errors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from app.services.workspace import Workspace
from ui.application import SMOKE_TEST_DONE, parse_args, run

ROOT = Path(__file__).resolve().parents[2]


def test_smoke_test_in_process_on_a_school(
    qapp: QApplication, roster_ws: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    code = run(["baosong", "--data-dir", str(roster_ws.paths.root), "--smoke-test"])
    assert code == 0
    assert capsys.readouterr().out.strip().splitlines()[-1] == SMOKE_TEST_DONE


def test_smoke_test_without_a_school_builds_the_empty_window(
    qapp: QApplication, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = run(["baosong", "--data-dir", str(tmp_path / "new"), "--smoke-test", "--lang", "en"])
    assert code == 0
    assert SMOKE_TEST_DONE in capsys.readouterr().out
    assert (tmp_path / "new" / "baosong.sqlite3").exists()


def test_an_unusable_data_dir_is_a_plain_message_and_exit_1(
    qapp: QApplication, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    code = run(["baosong", "--data-dir", str(blocker / "ws"), "--smoke-test", "--lang", "en"])
    captured = capsys.readouterr()
    assert code == 1
    assert SMOKE_TEST_DONE not in captured.out
    assert "cannot be created" in captured.err and "Traceback" not in captured.err


def test_the_smoke_test_as_a_process_logs_no_qt_warnings(roster_ws: Workspace) -> None:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}  # it sets offscreen
    result = subprocess.run(
        [sys.executable, "-m", "ui", "--data-dir", str(roster_ws.paths.root), "--smoke-test"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == SMOKE_TEST_DONE
    log = (roster_ws.paths.logs / "baosong.log").read_text(encoding="utf-8")
    qt_problems = [
        line
        for line in log.splitlines()
        if " qt" in line and (" WARNING " in line or " ERROR " in line)
    ]
    assert qt_problems == []


def test_command_line() -> None:
    args = parse_args(["--data-dir", "D", "--lang", "en"])
    assert (args.data_dir, args.lang, args.smoke_test) == ("D", "en", False)
    with pytest.raises(SystemExit):
        parse_args(["--lang", "fr"])
