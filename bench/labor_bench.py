"""Benchmark: per-student labor hours for a term and the below-threshold report, with 100,000 extra
labor participation records in a 3,000-student demo school.

Workspace: ``create_demo_school`` (3,000 students, every default extender, so the demo's own term
of labor records is there too: ~108,000 participations), then 100,000 participations in 2,000 more activities spread over
the term, written in bulk (not timed). Measured, on a fresh connection: ``student_hours`` for the
term and ``below_threshold`` for the same period (first call, then the median of 5). Baseline in
the same run: ``SELECT student_uuid, sum(minutes) FROM labor_participations GROUP BY
student_uuid``. Budget: ≤ 1 s each.

    .venv/bin/python bench/labor_bench.py [--students N] [--extra N] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import json
import pstats
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import db as dbmod
from app.labor.constants import TASK_GROUP_BY_NO
from app.services import labor_records as lr
from app.services.demo import create_demo_school
from app.services.workspace import open_workspace
from db import records
from db.records import new_uuids

BUDGET_S = 1.0
TODAY = dt.date(2026, 12, 1)
TERM = "2026-2027-1"
SETTINGS = ("home", "home", "on_campus", "community", "classroom", "base")


def add_records(ws: Any, extra: int, seed: int = 11) -> None:
    """``extra`` participations in activities of ~50 students each, over the term."""
    rng = random.Random(seed)
    db = ws.db
    school = db.execute("SELECT code FROM schools").fetchone()[0]
    students = [r[0] for r in db.execute("SELECT uuid FROM students WHERE deleted = 0")]
    days = (TODAY - dt.date(2026, 9, 1)).days
    activities, participations = [], []
    per_activity = 50
    uuids = iter(new_uuids(extra))  # ascending: appended to the uuid index, as in demo
    for uuid in new_uuids(extra // per_activity):
        group = rng.choice((2, 3, 4, 5, 6, 9, 10))
        activities.append(
            {
                "uuid": uuid, "school_code": school, "term": TERM,
                "date": (dt.date(2026, 9, 1) + dt.timedelta(days=rng.randrange(days))).isoformat(),
                "category": TASK_GROUP_BY_NO[group].category.value, "task_group": group,
                "project": f"基准活动{group}", "setting": rng.choice(SETTINGS),
                "minutes": 60, "description": "", "class_uuid": None, "organiser": "",
            }
        )  # fmt: skip
        for student in rng.sample(students, per_activity):
            participations.append(
                {
                    "uuid": next(uuids), "activity_uuid": uuid, "student_uuid": student,
                    "status": "present" if rng.random() < 0.97 else "absent",
                    "minutes": rng.randrange(20, 120, 5), "ratings": "{}", "note": "",
                }
            )  # fmt: skip
    with db.atomic():
        records.insert_many(db, "labor_activities", activities, "bench")
        records.insert_many(db, "labor_participations", participations, "bench")
    db.execute("ANALYZE")


def timed(fn: Callable[[], object], runs: int = 5) -> tuple[float, float]:
    """(first call, median of ``runs`` further calls) in seconds."""
    start = time.perf_counter()
    fn()
    first = time.perf_counter() - start
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return first, statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--students", type=int, default=3000)
    parser.add_argument("--extra", type=int, default=100_000)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "ws"
        ws = open_workspace(folder)
        create_demo_school(ws.db, students=args.students, seed=7, actor="bench", today=TODAY)
        add_records(ws, args.extra)
        ws.close()
        db = dbmod.open_database(folder / "baosong.sqlite3")  # a fresh connection, cold caches
        period = lr.term_period(db, TERM, today=TODAY)
        hours = lambda: lr.student_hours(db, date_from=period[0], date_to=period[1], term=TERM)  # noqa: E731
        below = lambda: lr.below_threshold(db, date_from=period[0], date_to=period[1])  # noqa: E731
        raw = lambda: db.execute(  # noqa: E731
            "SELECT student_uuid, sum(minutes) FROM labor_participations GROUP BY student_uuid"
        ).fetchall()
        counts = {
            t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("students", "labor_activities", "labor_participations")
        }
        hours_first, hours_median = timed(hours)
        below_first, below_median = timed(below)
        raw_first, raw_median = timed(raw)
        report = below()
        if args.profile:
            profiler = cProfile.Profile()
            profiler.enable()
            below()
            profiler.disable()
            pstats.Stats(profiler, stream=sys.stderr).sort_stats("cumulative").print_stats(20)
        db.close()
    print(
        json.dumps(
            {
                "benchmark": "labor_totals",
                "counts": counts,
                "student_hours_s": {
                    "first": round(hours_first, 3),
                    "median": round(hours_median, 3),
                },
                "below_threshold_s": {
                    "first": round(below_first, 3),
                    "median": round(below_median, 3),
                },
                "baseline_group_by_s": {
                    "first": round(raw_first, 3),
                    "median": round(raw_median, 3),
                },
                "ratio_student_hours": round(hours_median / raw_median, 2),
                "ratio_below_threshold": round(below_median / raw_median, 2),
                "students_below": len(report.students_below),
                "classes_below": len(report.classes_below),
                "budget_s": BUDGET_S,
                "within_budget": max(hours_first, below_first) <= BUDGET_S,
            },
            ensure_ascii=False,
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
