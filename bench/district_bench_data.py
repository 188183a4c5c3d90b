"""A synthetic district for ``district_bench.py``: N schools × M students written straight into
the real schema (the production migrations) with ``executemany``, as the bureau's central
database looks after every school's packets were merged.

Per school: a stage (primary, junior, nine-year, senior, in district proportions), classes of
~50, students on roll (a few transferred out), fitness tests for two 学年 (cached scores from
the real scoring engine over value sets drawn like the demo's), ~20 labor participations per
student in the term (class-wide activities in every setting), arts assessments for two years
(band from the real arts scoring), arts activities with participants, specialties and awards;
registry and packet-ledger rows with receipts for the submission matrix. No audit rows: the
analytics never read them. Secondary indexes are dropped while loading and rebuilt after (same
SQL), which is how a bulk load is done; the schema afterwards is exactly the migrated one.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import uuid
from pathlib import Path
from typing import Any

import db as dbmod
from app.arts.config import SUB_SCORES, ArtsConfig
from app.arts.constants import SPECIALTY_CATEGORIES
from app.arts.scoring import total_and_band
from app.models import STAGE_GRADES, SchoolStage
from app.scoring.fitness_standard import standard
from app.services.demo_fitness import _Person, _values
from app.services.fitness_values import content
from app.validation.codes import class_display_name

TERM = "2026-2027-1"
YEAR, PREVIOUS = "2026-2027", "2025-2026"
AT = "2026-11-20T08:00:00.000000Z"
STAGES = [SchoolStage.PRIMARY] * 60 + [SchoolStage.JUNIOR] * 25 + [SchoolStage.NINE_YEAR] * 10
STAGES += [SchoolStage.SENIOR] * 5
# (setting, category, task group, minutes) of the class activities of the term, 20 in all.
LABOR_PLAN = (
    [("home", "daily", 2, 150)] * 6 + [("home", "daily", 3, 120)] * 2
    + [("on_campus", "daily", 1, 90)] * 5 + [("community", "service", 10, 180)] * 3
    + [("classroom", "production", 6, 40)] * 3 + [("base", "production", 5, 120)]
)  # fmt: skip
BIG_TABLES = ("students", "classes", "fitness_tests", "labor_activities", "labor_participations",
              "arts_assessments", "arts_activities", "arts_activity_participants",
              "arts_specialties", "awards", "award_winners")  # fmt: skip
POOL = 60  # scored value sets per grade, sex and year


def _u(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _meta() -> tuple[Any, ...]:
    return (1, AT, "bench", 0)


def _insert(
    db: dbmod.Database, table: str, cols: tuple[str, ...], rows: list[tuple[Any, ...]]
) -> None:
    names = (*cols, "revision", "updated_at", "updated_by", "deleted")
    marks = ", ".join("?" for _ in names)
    db.conn.executemany(f"INSERT INTO {table} ({', '.join(names)}) VALUES ({marks})", rows)


def _fitness_pools(rng: random.Random) -> dict[tuple[int, str, str], list[dict[str, Any]]]:
    """(grade, sex, year) → scored rows (student_uuid left to fill), drawn like the demo's."""
    pools: dict[tuple[int, str, str], list[dict[str, Any]]] = {}
    for rule in standard().rules.values():
        if rule.grade_code > 33:
            continue
        for year, gain in ((PREVIOUS, 0.0), (YEAR, 0.15)):
            rows = []
            for _ in range(POOL):
                person = _Person(rng)
                values = _values(rng, rule, person, rule.grade_code, person.ability + gain)
                row, _ = content(student_uuid="", school_year=year, attempt="first",
                                 test_date=f"{year[:4]}-10-15", grade_code=rule.grade_code,
                                 sex=rule.sex, values=values, absent=(), exempt=False,
                                 exempt_reason="")  # fmt: skip
                rows.append(row)
            pools[(rule.grade_code, rule.sex, year)] = rows
    return pools


class DistrictBuilder:
    def __init__(self, path: Path, *, schools: int, students: int, seed: int = 1) -> None:
        self.db = dbmod.open_database(path)
        self.rng = random.Random(seed)
        self.schools, self.students = schools, students
        self.pools = _fitness_pools(self.rng)
        self.arts = ArtsConfig()
        self.numbers = 0
        self.counts: dict[str, int] = {}

    def build(self) -> dict[str, int]:
        db = self.db
        db.execute("PRAGMA cache_size = -262144")
        saved = [
            (name, sql)
            for name, sql in db.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                f"AND tbl_name IN ({', '.join(repr(t) for t in BIG_TABLES)})"
            )
        ]
        with db.atomic():
            for name, _ in saved:
                db.execute(f"DROP INDEX {name}")
            for key, value in (("workspace_kind", "bureau"), ("bureau_name", "孟津区教育体育局"),
                               ("bureau_district", "410308"), ("current_term", TERM)):  # fmt: skip
                db.execute(
                    "INSERT OR REPLACE INTO settings VALUES (?, ?)", [key, json.dumps(value)]
                )
            for i in range(self.schools):
                self._school(i)
        with db.atomic():
            for _, sql in saved:
                db.execute(sql)
        db.execute("ANALYZE")
        return self.counts

    def _count(self, table: str, n: int) -> None:
        self.counts[table] = self.counts.get(table, 0) + n

    def _school(self, i: int) -> None:
        rng, code = self.rng, f"41{i + 1:08d}"
        stage = STAGES[i % len(STAGES)]
        name = f"孟津区第{i + 1}{stage.label_zh}"
        _insert(self.db, "schools", ("code", "uuid", "name", "district", "stage"),
                [(code, _u(rng), name, "410308", stage.value, *_meta())])  # fmt: skip
        self.db.execute(
            "INSERT INTO school_registry VALUES (?, ?, ?, '410308', 'pk', '{}', 'active', ?, NULL,"
            " NULL)",
            [f"{i:064x}", code, name, AT],
        )
        self._ledger(i, code)
        grades = STAGE_GRADES[stage]
        per_grade = self.students // len(grades)
        classes, students = [], []
        for grade in grades:
            n_classes = max(1, round(per_grade / 50))
            for no in range(1, n_classes + 1):
                cu = _u(rng)
                classes.append((cu, code, grade, no, class_display_name(grade, no), *_meta()))
                size = per_grade // n_classes
                students += [self._student(code, cu, grade) for _ in range(size)]
        _insert(
            self.db, "classes", ("uuid", "school_code", "grade_code", "class_no", "name"), classes
        )
        _insert(self.db, "students", ("uuid", "school_code", "student_no", "name", "sex",
                                      "birth_date", "ethnicity_code", "class_uuid", "status"),
                [s[:9] + _meta() for s in students])  # fmt: skip
        self._count("students", len(students))
        self._fitness(students)
        self._labor(code, classes, students)
        self._arts(code, students)

    def _student(self, code: str, class_uuid: str, grade: int) -> tuple[Any, ...]:
        self.numbers += 1
        rng = self.rng
        sex = "male" if rng.random() < 0.52 else "female"
        status = "transferred_out" if rng.random() < 0.01 else "enrolled"
        birth = dt.date(2020 - (grade // 10 - 1) * 6 - grade % 10, rng.randint(1, 12), 15)
        return (_u(rng), code, f"G41030820{self.numbers:09d}", f"学生{self.numbers}", sex,
                birth.isoformat(), "01", class_uuid, status, grade)  # fmt: skip

    def _fitness(self, students: list[tuple[Any, ...]]) -> None:
        rng, rows = self.rng, []
        cols = None
        for s in students:
            uu, sex, grade = s[0], s[4], s[9]
            years = [(YEAR, grade)]
            if grade not in (11, 21, 31):  # a first grade has no result last year (mostly)
                years.append((PREVIOUS, grade - 1))
            for year, g in years:
                pool = self.pools[(g, sex, year)]
                row = dict(rng.choice(pool), student_uuid=uu)
                if rng.random() < 0.01:
                    row.update(exempt=1, exempt_reason="腿部骨折", total_score=None, level=None)
                cols = cols or tuple(row)
                rows.append((_u(rng), *row.values(), *_meta()))
                if row["level"] == "不及格" and rng.random() < 0.5:  # half the failing: a 补测
                    again = rng.choice([r for r in pool if r["level"] != "不及格"])
                    retest = dict(again, student_uuid=uu, attempt="retest")
                    rows.append((_u(rng), *retest.values(), *_meta()))
        assert cols is not None
        _insert(self.db, "fitness_tests", ("uuid", *cols), rows)
        self._count("fitness_tests", len(rows))

    def _labor(
        self, code: str, classes: list[tuple[Any, ...]], students: list[tuple[Any, ...]]
    ) -> None:
        rng = self.rng
        by_class: dict[str, list[str]] = {}
        for s in students:
            by_class.setdefault(s[7], []).append(s[0])
        acts, parts = [], []
        for c in classes:
            for n, (setting, category, group, minutes) in enumerate(LABOR_PLAN):
                au = _u(rng)
                day = dt.date(2026, 9, 7) + dt.timedelta(days=4 * n + rng.randint(0, 3))
                acts.append((au, code, TERM, day.isoformat(), category, group, "劳动项目",
                             setting, minutes, c[0], *_meta()))  # fmt: skip
                for su in by_class.get(c[0], []):
                    absent = rng.random() < 0.05
                    # Per-student effort varies: about half the students meet their threshold.
                    done = 0 if absent else round(minutes * rng.choice((0.5, 0.8, 1.0, 1.2, 1.5)))
                    parts.append((_u(rng), au, su, "absent" if absent else "present", done,
                                  *_meta()))  # fmt: skip
        _insert(self.db, "labor_activities", ("uuid", "school_code", "term", "date", "category",
                "task_group", "project", "setting", "minutes", "class_uuid"), acts)  # fmt: skip
        _insert(
            self.db,
            "labor_participations",
            ("uuid", "activity_uuid", "student_uuid", "status", "minutes"),
            parts,
        )
        self._count("labor_participations", len(parts))

    def _arts(self, code: str, students: list[tuple[Any, ...]]) -> None:
        rng, assessments = self.rng, []
        maxima = self.arts.sub_maxima
        for s in students:
            for year in (PREVIOUS, YEAR):
                level = rng.betavariate(5, 2)
                scores = {k: min(maxima[k], round(maxima[k] * rng.gauss(level, 0.1)))
                          for k in SUB_SCORES}  # fmt: skip
                scores = {k: max(0, v) for k, v in scores.items()}
                total, band = total_and_band(self.arts, scores)
                assessments.append((_u(rng), s[0], year, *scores.values(), total, band, *_meta()))
        _insert(self.db, "arts_assessments", ("uuid", "student_uuid", "school_year", *SUB_SCORES,
                "total", "band"), assessments)  # fmt: skip
        acts, parts = [], []
        for n in range(10):
            au = _u(rng)
            acts.append((au, code, TERM, "festival", f"艺术节{n}", "2026-10-20", *_meta()))
            for s in rng.sample(students, min(len(students), 300)):
                parts.append((_u(rng), au, s[0], *_meta()))
        _insert(
            self.db,
            "arts_activities",
            ("uuid", "school_code", "term", "kind", "name", "date"),
            acts,
        )
        _insert(
            self.db, "arts_activity_participants", ("uuid", "activity_uuid", "student_uuid"), parts
        )
        groups = list(SPECIALTY_CATEGORIES.items())
        specs = []
        for s in rng.sample(students, len(students) // 10):
            group, names = rng.choice(groups)
            specs.append((_u(rng), s[0], YEAR, group.value, rng.choice(names), "outside", *_meta()))
        _insert(self.db, "arts_specialties", ("uuid", "student_uuid", "school_year",
                "category_group", "category", "route"), specs)  # fmt: skip
        awards, winners = [], []
        for n in range(20):
            aw = _u(rng)
            level = rng.choice(("national", "provincial", "city", "county", "county", "school"))
            awards.append((aw, code, "arts", f"展演{n}", "孟津区教育体育局", 1, level, "first",
                           "2026-10-30", *_meta()))  # fmt: skip
            winners += [(_u(rng), aw, s[0], *_meta()) for s in rng.sample(students, 2)]
        _insert(self.db, "awards", ("uuid", "school_code", "domain", "event", "organizer",
                "organizer_is_education_authority", "level", "rank", "date"), awards)  # fmt: skip
        _insert(self.db, "award_winners", ("uuid", "award_uuid", "student_uuid"), winners)

    def _ledger(self, i: int, code: str) -> None:
        """Packets 1…k of term TERM (k 0–3); every 10th school skipped its packet 2 (a gap)."""
        k = i % 4
        for seq in range(1, k + 1):
            if i % 10 == 3 and seq == 2:
                continue
            sha = f"{i:032x}{seq:032x}"
            header = json.dumps({"school_code": code, "sequence": seq, "terms": [TERM]})
            day = dt.date(2027, 1, 20) + dt.timedelta(days=seq * 10 + i % 7)
            self.db.execute(
                "INSERT INTO packet_ledger (sha256, school_code, sequence, packet_uuid, status,"
                " received_at, counts, header) VALUES (?, ?, ?, ?, 'merged', ?, '{}', ?)",
                [sha, code, seq, _u(self.rng), f"{day.isoformat()}T02:00:00.000000Z", header],
            )
            self.db.execute(
                "INSERT INTO receipts VALUES (?, ?, ?, ?, '{}', ?, ?, ?)",
                [sha, code, seq, "x", AT, AT if seq % 2 else None, None],
            )
