"""Benchmark: fitness scoring throughput (DESIGN.md §5 budget: ≥ 100,000 students/s).

Generates 200,000 random but plausible students over every grade code and sex (fixed seed), scores
them all with ``score_student`` and prints JSON. The same-run baseline is a trivial loop that
builds one small dict per student: the cheapest per-student Python work imaginable, so the ratio
says how many "dict-building loops" one scoring costs on this machine.

Run:  .venv/bin/python bench/scoring_bench.py [--students N]
"""

from __future__ import annotations

import argparse
import json
import random
import time
from typing import Any

from app.scoring.fitness_score import FitnessResult, score_student, summarize_levels
from app.scoring.fitness_standard import load_json, standard

BUDGET_PER_S = 100_000
# Plausible spreads around each table's 72-point row (a typical pupil), in sign space ("better" = +).
SPREAD = {
    "vital_capacity": 900.0,
    "run_50m": 1.5,
    "sit_and_reach": 8.0,
    "rope_skip_1min": 50.0,
    "sit_up_1min": 15.0,
    "shuttle_50m_x8": 20.0,
    "standing_long_jump": 40.0,
    "pull_up": 6.0,
    "run_1000m": 50.0,
    "run_800m": 50.0,
}
WHOLE = {"vital_capacity", "rope_skip_1min", "sit_up_1min", "shuttle_50m_x8"} | {
    "standing_long_jump",
    "pull_up",
    "run_1000m",
    "run_800m",
}


def make_students(n: int, seed: int = 20141) -> list[tuple[int, str, dict[str, float]]]:
    data = load_json()
    rng = random.Random(seed)
    grades = standard().grade_codes
    students = []
    for _ in range(n):
        grade, sex = rng.choice(grades), rng.choice(("male", "female"))
        rule = standard().rules[(grade, sex)]
        height = round(rng.gauss(110 + 4 * min(grade % 10 + (grade // 10 - 1) * 6, 14), 8), 1)
        values: dict[str, float] = {
            "height_cm": height,
            "weight_kg": round(rng.gauss(19.0, 3.0) * (height / 100) ** 2, 1),
        }
        for item in rule.items:
            rows = data["score_tables"][item.key][rule.table_key][sex]
            mid = next(r["threshold"] for r in rows if r["score"] == 72)
            value = mid + item.sign * rng.gauss(0, SPREAD[item.key])
            values[item.key] = max(0, round(value)) if item.key in WHOLE else round(value, 1)
        if rng.random() < 0.02:  # a few incomplete records, as in real class sheets
            values.pop(rule.items[-1].key)
        students.append((grade, sex, values))
    return students


def baseline(students: list[tuple[int, str, dict[str, float]]]) -> float:
    start = time.perf_counter()
    out: list[dict[str, Any]] = []
    for grade, sex, values in students:
        out.append({"grade": grade, "sex": sex, "n": len(values)})
    return time.perf_counter() - start


def run(students: list[tuple[int, str, dict[str, float]]]) -> tuple[float, list[FitnessResult]]:
    # The results are kept, as a real caller keeps them: that is what the garbage collector sees.
    start = time.perf_counter()
    out = [score_student(grade, sex, values) for grade, sex, values in students]
    return time.perf_counter() - start, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--students", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=3, help="best of N runs")
    args = parser.parse_args()
    students = make_students(args.students)
    standard()  # loading the JSON is a one-off start-up cost, not per-student work
    seconds = min(run(students)[0] for _ in range(args.repeat))
    summary = summarize_levels(run(students)[1])
    base = min(baseline(students) for _ in range(args.repeat))
    n = len(students)
    per_s = n / seconds
    print(
        json.dumps(
            {
                "students": n,
                "seconds": round(seconds, 4),
                "students_per_s": round(per_s),
                "budget_per_s": BUDGET_PER_S,
                "within_budget": per_s >= BUDGET_PER_S,
                "baseline_per_s": round(n / base),
                "ratio_to_baseline": round(seconds / base, 2),
                "levels": summary.counts,
                "incomplete": summary.incomplete,
            },
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
