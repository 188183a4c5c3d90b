"""Benchmark: open a 5,000-student school, first window shown (DESIGN.md §5 budget: ≤ 1.5 s).

Creates a workspace with a 5,000-student demo school (not timed), then runs
``python -m ui --data-dir D --smoke-test`` several times and measures the wall time from process
start to the ``startup complete`` line: the main window built offscreen, the roster loaded, events
processed. The same-run baseline is ``python -c "import PySide6.QtWidgets"`` (interpreter start
plus the Qt import that no PySide6 program can avoid). Medians after one warm-up run each.

Run:  .venv/bin/python bench/startup_bench.py [--students N] [--runs N]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.services.demo import create_demo_school  # noqa: E402
from app.services.workspace import open_workspace  # noqa: E402

BUDGET_S = 1.5
DONE = "startup complete"


def make_workspace(folder: Path, students: int) -> None:
    ws = open_workspace(folder)
    try:
        create_demo_school(ws.db, students=students, seed=5, actor="bench")
    finally:
        ws.close()


def time_until_line(cmd: list[str], line: str | None, env: dict[str, str]) -> float:
    """Seconds from starting ``cmd`` to ``line`` on its stdout (or to its exit if None)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    elapsed = None
    if line is not None:
        for out in proc.stdout:
            if out.strip() == line:
                elapsed = time.perf_counter() - start
                break
    proc.stdout.read()
    if proc.wait() != 0:
        raise SystemExit(f"{' '.join(cmd)} failed with exit code {proc.returncode}")
    if elapsed is None:
        if line is not None:
            raise SystemExit(f"{' '.join(cmd)} never printed {line!r}")
        elapsed = time.perf_counter() - start
    return elapsed


def median_of(runs: int, cmd: list[str], line: str | None, env: dict[str, str]) -> float:
    time_until_line(cmd, line, env)  # warm-up: file cache, .pyc files
    return statistics.median(time_until_line(cmd, line, env) for _ in range(runs))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--students", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "school"
        make_workspace(data_dir, args.students)
        app_cmd = [sys.executable, "-m", "ui", "--data-dir", str(data_dir), "--smoke-test"]
        startup = median_of(args.runs, app_cmd, DONE, env)
        baseline_cmd = [sys.executable, "-c", "import PySide6.QtWidgets"]
        baseline = median_of(args.runs, baseline_cmd, None, env)
    print(
        json.dumps(
            {
                "students": args.students,
                "runs": args.runs,
                "startup_s_median": round(startup, 3),
                "budget_s": BUDGET_S,
                "within_budget": startup <= BUDGET_S,
                "baseline_python_import_s": round(baseline, 3),
                "ratio_to_baseline": round(startup / baseline, 2),
            }
        )
    )


if __name__ == "__main__":
    main()
