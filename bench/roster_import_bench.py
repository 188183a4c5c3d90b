"""Benchmark: roster import of a 10,000-row .xlsx against a same-run baseline.

Baseline = python-calamine read of the same file + one sqlite3 ``executemany`` upsert of its rows
into a fresh table (same pragmas as a workspace). Measured: ``import_roster`` into a fresh school
workspace (opening the workspace is not timed). Median of 3 runs each, taken in turns. Budget:
ratio ≤ 2. ``close_s`` is closing the workspace afterwards, not part of the import: with the
workspace's 64 MiB WAL (db/__init__.py) that is when the import's pages reach the database file.

    .venv/bin/python bench/roster_import_bench.py [--rows N] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import json
import pstats
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import python_calamine
from openpyxl import Workbook

from app.models import SchoolStage
from app.services.roster_import import import_roster
from app.services.workspace import init_school, open_workspace
from app.validation.ids import mod11_2_check_char

BUDGET = 2.0
CLOSE_TIMES: list[float] = []
HEADERS = ["序号", "学籍号", "姓名", "性别", "出生日期", "民族", "身份证号", "年级", "班级"]
GRADES = {11: "一年级", 12: "二年级", 13: "三年级", 14: "四年级", 15: "五年级", 16: "六年级",
          21: "七年级", 22: "八年级", 23: "九年级"}  # fmt: skip
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = "子涵欣怡梓轩浩宇一诺雨桐思远俊杰佳琪明轩诗涵宇航晨曦嘉怡"
TODAY = dt.date(2026, 12, 1)


def id_number(birth: dt.date, seq: int) -> str:
    body = f"410308{birth:%Y%m%d}{seq:03d}"
    return body + mod11_2_check_char(body)


def write_roster(path: Path, rows: int, seed: int = 7) -> None:
    rnd = random.Random(seed)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("花名册")
    sheet.append(HEADERS)
    used: set[str] = set()
    for i in range(rows):
        grade = rnd.choice(list(GRADES))
        birth_year = 2026 - (grade % 10 if grade < 20 else grade % 10 + 6) - 6
        number = ""
        while not number or number in used:
            birth = dt.date(birth_year, rnd.randint(1, 12), rnd.randint(1, 28))
            number = id_number(birth, rnd.randint(0, 999))
        used.add(number)
        name = rnd.choice(SURNAMES) + "".join(rnd.sample(GIVEN, rnd.randint(1, 2)))
        sex = "男" if int(number[16]) % 2 else "女"
        ethnicity = "汉族" if rnd.random() < 0.95 else "回族"
        sheet.append([i + 1, "G" + number, name, sex, birth, ethnicity, number, GRADES[grade],
                      f"{rnd.randint(1, 8)}班"])  # fmt: skip
    book.save(path)


def baseline(path: Path, folder: Path) -> float:
    db_path = folder / f"baseline-{time.perf_counter_ns()}.sqlite3"
    conn = sqlite3.connect(db_path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute(
        "CREATE TABLE students (student_no TEXT PRIMARY KEY, name TEXT, sex TEXT, birth_date TEXT,"
        " ethnicity TEXT, id_number TEXT, grade TEXT, class TEXT)"
    )
    start = time.perf_counter()
    book = python_calamine.CalamineWorkbook.from_path(str(path))
    grid = book.get_sheet_by_index(0).to_python()
    rows = [(r[1], r[2], r[3], r[4].isoformat(), r[5], r[6], r[7], r[8]) for r in grid[1:]]
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO students VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(student_no) DO UPDATE SET"
        " name = excluded.name, sex = excluded.sex, birth_date = excluded.birth_date,"
        " ethnicity = excluded.ethnicity, id_number = excluded.id_number,"
        " grade = excluded.grade, class = excluded.class",
        rows,
    )
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def ours(path: Path, folder: Path, profile: bool = False) -> float:
    ws = open_workspace(folder / f"ws-{time.perf_counter_ns()}")
    init_school(ws.db, code="2141003456", name="孟津区测试学校", stage=SchoolStage.NINE_YEAR,
                actor="bench", today=TODAY)  # fmt: skip
    profiler = cProfile.Profile() if profile else None
    start = time.perf_counter()
    if profiler:
        profiler.enable()
    report = import_roster(ws.db, path, actor="bench", today=TODAY)
    if profiler:
        profiler.disable()
    elapsed = time.perf_counter() - start
    closing = time.perf_counter()
    ws.close()
    CLOSE_TIMES.append(time.perf_counter() - closing)
    if report.rejected or report.created == 0:
        raise SystemExit(f"benchmark data rejected: {report.to_json()['rejected'][:3]}")
    if profiler:
        pstats.Stats(profiler, stream=sys.stderr).sort_stats("cumulative").print_stats(30)
    return elapsed


def medians(n: int, *fns: Callable[[], float]) -> list[float]:
    """Median of ``n`` runs of each, taken in turns (a, b, a, b, …) so that a change in the
    machine's load during the run weighs on the baseline and the import alike."""
    times: list[list[float]] = [[] for _ in fns]
    for _ in range(n):
        for fn, seen in zip(fns, times, strict=True):
            seen.append(fn())
    return [statistics.median(seen) for seen in times]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--profile", action="store_true", help="cProfile one import (stderr)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = folder / "roster.xlsx"
        write_roster(path, args.rows)
        base, imported = medians(3, lambda: baseline(path, folder), lambda: ours(path, folder))
        if args.profile:
            ours(path, folder, profile=True)
    print(json.dumps({
        "rows": args.rows,
        "baseline_s": round(base, 4),
        "import_s": round(imported, 4),
        "ratio": round(imported / base, 2),
        "close_s": round(statistics.median(CLOSE_TIMES), 4),
        "budget": BUDGET,
    }))  # fmt: skip


if __name__ == "__main__":
    main()
