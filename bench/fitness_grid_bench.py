"""Benchmark: the 体质健康 class grid with 60 students (issue 3: no visible lag).

Creates a school with two 初一 classes of 60 students each (not timed); one class already holds
a full first test for every student, so opening it scores 60 rows. Then, offscreen:

* open: choosing a class in the page: the sheet read through the service, the model reset, the
  view laid out and painted (a synchronous repaint of the viewport). The two classes are opened
  in turn, so every open is a real one (another sheet, not a refresh).
* edit: ``setData`` on 60 cells (a valid 身高 per row) — the parse, the range check, the save
  through ``fitness_records.save_values`` (one transaction each, with its audit entry), the live
  rescore and the undo command — then the repaint of what changed.

The same-run baseline is a QStandardItemModel with the same rows × columns of plain strings in a
plain QTableView: building and painting it, and setData on it (no parsing, no database). Budgets:
open < 300 ms, edit < 50 ms per cell. Medians after a warm-up; p95 and max of the edits too.

Run:  QT_QPA_PLATFORM=offscreen .venv/bin/python bench/fitness_grid_bench.py [--runs N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtGui import QStandardItem, QStandardItemModel  # noqa: E402
from PySide6.QtWidgets import QApplication, QTableView  # noqa: E402

from app.models import SchoolStage, StudentStatus  # noqa: E402
from app.services import fitness_records  # noqa: E402
from app.services.roster import StudentExtras, list_classes, save_student  # noqa: E402
from app.services.workspace import Workspace, init_school, open_workspace  # noqa: E402
from app.validation.ids import mod11_2_check_char  # noqa: E402
from ui.errors import CrashReporter  # noqa: E402
from ui.models.class_tree_model import Scope  # noqa: E402
from ui.pages.fitness_page import FitnessPage  # noqa: E402
from ui.tasks import TaskRunner  # noqa: E402

TODAY = dt.date(2026, 12, 1)
YEAR = "2026-2027"
ROWS = 60
OPEN_BUDGET_MS = 300
EDIT_BUDGET_MS = 50
FILLED = {"height_cm": 160.0, "weight_kg": 50.0, "vital_capacity": 2800, "run_50m": 8.6,
          "sit_and_reach": 9.5, "standing_long_jump": 190}  # fmt: skip
BY_SEX = {"male": {"pull_up": 6, "run_1000m": 250}, "female": {"sit_up_1min": 38, "run_800m": 235}}


def make_school(ws: Workspace) -> tuple[str, str]:
    init_school(ws.db, code="2141003456", name="孟津区城关镇第一初级中学",
                stage=SchoolStage.JUNIOR, actor="bench", today=TODAY)  # fmt: skip
    for class_no in (1, 2):
        for i in range(ROWS):
            body = f"410308{2013 + i % 2}{1 + i % 12:02d}{1 + i % 28:02d}{class_no}{i:02d}"
            raw = {"student_no": "G" + body + mod11_2_check_char(body), "name": f"学生{i:02d}",
                   "sex": "男" if i % 2 else "女", "birth_date": "", "ethnicity": "汉族",
                   "id_number": "", "grade": "21", "class": str(class_no)}  # fmt: skip
            student = save_student(ws.db, raw, actor="bench",
                                   extras=StudentExtras(status=StudentStatus.ENROLLED), today=TODAY)  # fmt: skip
            if class_no == 2:
                values = {**FILLED, **BY_SEX[student.sex.value]}
                fitness_records.save_values(ws.db, student.meta.uuid, YEAR, values, actor="bench")
    first, second = sorted(list_classes(ws.db), key=lambda c: c.class_no)
    return first.meta.uuid, second.meta.uuid


def timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return (time.perf_counter() - start) * 1000


def grid_figures(
    app: QApplication, ws: Workspace, classes: tuple[str, str], runs: int
) -> dict[str, object]:
    runner = TaskRunner(ws.connect, CrashReporter(ws.paths.logs / "bench.log"))
    page = FitnessPage(ws, runner, today=TODAY)
    page.resize(1400, 800)
    page.show()
    app.processEvents()
    view = page.view

    def open_class(uuid: str) -> None:
        page.select_scope(Scope(class_uuid=uuid))
        view.viewport().repaint()

    open_class(classes[0])  # warm-up
    opens: dict[str, list[float]] = {"empty": [], "filled": []}
    for _ in range(runs):
        opens["filled"].append(timed(lambda: open_class(classes[1])))
        opens["empty"].append(timed(lambda: open_class(classes[0])))
    model, column = page.model, page.model.column_of("height_cm")
    edits, updates, repaints = [], [], []
    for r in range(ROWS):
        index = model.index(r, column)
        view.scrollTo(index)
        app.processEvents()
        edits.append(timed(lambda i=index, r=r: model.setData(i, f"{150 + r % 30}.5")))
        assert model.error_at(r, column) is None
        updates.append(timed(app.processEvents))  # what Qt repaints after the edit: its row
        repaints.append(timed(view.viewport().repaint))  # the worst case: every visible cell
    runner.shutdown()
    page.deleteLater()
    shown = [e + u for e, u in zip(edits, updates, strict=True)]
    return {
        "columns": model.columnCount(),
        "open_ms_empty_class": round(statistics.median(opens["empty"]), 2),
        "open_ms_filled_class": round(statistics.median(opens["filled"]), 2),
        "edit_ms_median": round(statistics.median(edits), 3),
        "edit_ms_p95": round(sorted(edits)[int(len(edits) * 0.95) - 1], 3),
        "edit_ms_max": round(max(edits), 3),
        "edit_shown_ms_median": round(statistics.median(shown), 3),
        "edit_shown_ms_max": round(max(shown), 3),
        "full_viewport_repaint_ms_median": round(statistics.median(repaints), 3),
    }


def baseline_figures(app: QApplication, columns: int, runs: int) -> dict[str, float]:
    view = QTableView()
    view.resize(1400, 800)
    view.show()
    app.processEvents()

    def open_plain() -> QStandardItemModel:
        model = QStandardItemModel(ROWS, columns)
        for r in range(ROWS):
            for c in range(columns):
                model.setItem(r, c, QStandardItem(f"{r}.{c}"))
        view.setModel(model)
        view.viewport().repaint()
        return model

    open_plain()
    opens = [timed(open_plain) for _ in range(runs)]
    model = open_plain()
    edits, repaints = [], []
    for r in range(ROWS):
        view.scrollTo(model.index(r, 3))
        app.processEvents()
        edits.append(
            timed(lambda r=r: (model.setData(model.index(r, 3), f"{r}.5"), app.processEvents()))
        )
        repaints.append(timed(view.viewport().repaint))
    view.deleteLater()
    app.processEvents()
    return {
        "open_ms": round(statistics.median(opens), 2),
        "edit_shown_ms_median": round(statistics.median(edits), 3),
        "full_viewport_repaint_ms_median": round(statistics.median(repaints), 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory() as tmp:
        ws = open_workspace(Path(tmp) / "ws")
        try:
            classes = make_school(ws)
            grid = grid_figures(app, ws, classes, args.runs)
            app.processEvents()
        finally:
            ws.close()
    base = baseline_figures(app, int(grid["columns"]), args.runs)  # type: ignore[call-overload]
    open_ms = max(float(grid["open_ms_empty_class"]), float(grid["open_ms_filled_class"]))  # type: ignore[arg-type]
    edit_ms = float(grid["edit_shown_ms_median"])  # type: ignore[arg-type]
    edit_max = float(grid["edit_shown_ms_max"])  # type: ignore[arg-type]
    print(json.dumps({
        "benchmark": "fitness class grid, 60 rows",
        "rows": ROWS,
        **grid,
        "baseline": "QStandardItemModel, same rows × columns of plain strings, plain QTableView",
        "baseline_open_ms": base["open_ms"],
        "baseline_edit_shown_ms_median": base["edit_shown_ms_median"],
        "baseline_full_viewport_repaint_ms_median": base["full_viewport_repaint_ms_median"],
        "open_ratio_to_baseline": round(open_ms / base["open_ms"], 2),
        "edit_ratio_to_baseline": round(edit_ms / base["edit_shown_ms_median"], 2),
        "repaint_ratio_to_baseline": round(
            float(grid["full_viewport_repaint_ms_median"]) / base["full_viewport_repaint_ms_median"], 2  # type: ignore[arg-type]
        ),
        "budget_open_ms": OPEN_BUDGET_MS,
        "budget_edit_ms": EDIT_BUDGET_MS,
        "within_budget": open_ms < OPEN_BUDGET_MS and edit_max < EDIT_BUDGET_MS,
        "runs": args.runs,
    }, indent=2, ensure_ascii=False))  # fmt: skip


if __name__ == "__main__":
    main()
