"""Benchmark: the national fitness upload file of a 5,000-student school.

Creates a demo school with its demo fitness records (not timed), then times
``export_national`` for the current school year: the database read, the typed cells (text cells
for identifiers and times, a date cell, one-decimal formats) and the .xlsx written to disk.
The same-run baseline is openpyxl's write-only mode writing the same number of rows of the same
width as plain values (no reading, no cell objects): the floor for any .xlsx export here.
Medians of several runs, after one warm-up run each.

Run:  .venv/bin/python bench/fitness_export_bench.py [--students N] [--runs N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from openpyxl import Workbook  # noqa: E402
from python_calamine import CalamineWorkbook  # noqa: E402

from app.services.demo import create_demo_school  # noqa: E402
from app.services.fitness_export import export_national  # noqa: E402
from app.services.workspace import open_workspace  # noqa: E402


def median_seconds(work: Callable[[], object], runs: int) -> float:
    work()  # warm-up: imports, caches, page cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def plain_rows(path: Path, rows: int, width: int) -> None:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Sheet1")
    sheet.append([f"h{i}" for i in range(width)])
    row: list[object] = [21, "2101", "七年级(1)班", "G410308201001011234", "01", "张三", 1,
                         "2010-01-01", None, 165.5, 55.0, 3000, 8.1, 10.5, 200, 8, "4'05"]  # fmt: skip
    row = (row * (width // len(row) + 1))[:width]
    for _ in range(rows):
        sheet.append(row)
    book.save(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        ws = open_workspace(folder / "ws")
        try:
            create_demo_school(ws.db, students=args.students, seed=5, actor="bench")
            target = folder / "national.xlsx"
            rows = export_national(ws.db, target)
            header = CalamineWorkbook.from_path(str(target)).get_sheet_by_index(0).to_python()[0]
            width = len(header)
            export_s = median_seconds(lambda: export_national(ws.db, target), args.runs)
        finally:
            ws.close()
        baseline_s = median_seconds(
            lambda: plain_rows(folder / "plain.xlsx", rows, width), args.runs
        )
    print(
        json.dumps(
            {
                "benchmark": "fitness national export",
                "students_on_roll": rows,
                "columns": width,
                "export_s": round(export_s, 3),
                "export_rows_per_s": round(rows / export_s),
                "baseline": "openpyxl write_only, same rows × columns, plain values",
                "baseline_s": round(baseline_s, 3),
                "baseline_rows_per_s": round(rows / baseline_s),
                "ratio_to_baseline": round(export_s / baseline_s, 2),
                "runs": args.runs,
            }
        )
    )


if __name__ == "__main__":
    main()
