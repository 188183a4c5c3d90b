"""Benchmark: fitness statistics and value-added of a 5,000-student school.

Creates a demo school with its demo fitness records for two years (not timed), then times
``fitness_statistics`` (school, grade, class, sex and grade × sex groups of the current 学年) and
``value_added`` (every student against the year before). The same-run baseline is a plain SQL
``COUNT``/``AVG`` ``GROUP BY`` grade, class and sex over the year's fitness_tests joined to the
students: the floor of any statistics read, with no decisive-attempt choice, no item scores, no
BMI categories. Medians of several runs after one warm-up run each; the issue's target is 0.5 s.

Run:  .venv/bin/python bench/fitness_stats_bench.py [--students N] [--runs N]
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

from app.services.demo import create_demo_school  # noqa: E402
from app.services.fitness_stats import fitness_statistics  # noqa: E402
from app.services.value_added import value_added  # noqa: E402
from app.services.workspace import current_term, open_workspace  # noqa: E402

BASELINE_SQL = """SELECT t.grade_code, s.class_uuid, s.sex, COUNT(*), AVG(t.total_score)
FROM fitness_tests t JOIN students s ON s.uuid = t.student_uuid
WHERE t.school_year = ? AND t.deleted = 0
GROUP BY t.grade_code, s.class_uuid, s.sex"""


def median_seconds(work: Callable[[], object], runs: int) -> float:
    work()  # warm-up: imports, caches, page cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        ws = open_workspace(Path(tmp) / "ws")
        try:
            create_demo_school(ws.db, students=args.students, seed=5, actor="bench")
            year = current_term(ws.db).school_year
            groups = ("grade", "class", "sex", "grade_sex")
            stats = fitness_statistics(ws.db, year, group_by=groups)
            va = value_added(ws.db, year)
            stats_s = median_seconds(
                lambda: fitness_statistics(ws.db, year, group_by=groups), args.runs
            )
            va_s = median_seconds(lambda: value_added(ws.db, year), args.runs)
            baseline_s = median_seconds(
                lambda: ws.db.execute(BASELINE_SQL, [year]).fetchall(), args.runs
            )
        finally:
            ws.close()
    print(
        json.dumps(
            {
                "benchmark": "fitness statistics and value-added",
                "students": args.students,
                "tested": stats.school.tested,
                "classes": len(stats.by("class")),
                "compared": va.school.n,
                "statistics_s": round(stats_s, 4),
                "value_added_s": round(va_s, 4),
                "both_s": round(stats_s + va_s, 4),
                "target_s": 0.5,
                "baseline": "SQL COUNT/AVG GROUP BY grade, class, sex over fitness_tests",
                "baseline_s": round(baseline_s, 4),
                "statistics_ratio_to_baseline": round(stats_s / baseline_s, 1),
                "value_added_ratio_to_baseline": round(va_s / baseline_s, 1),
                "runs": args.runs,
            },
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
