"""A realistic demo school, generated deterministically from a seed (``baosong-cli demo``).

What it makes: a 孟津区 school (nine-year with 300 students or more, so primary and junior grades
both exist; a primary school below that, where nine grades would leave classes of a handful),
about 45 students a class spread evenly over the grades, common Chinese names matching the sex,
birth dates that fit each grade, valid 身份证号 and 学籍号, a few 回族 students, transfers in,
suspensions and PE exemptions, and a head teacher per class.

The school code is ``21410`` + five digits computed from the seed (an injective map, so seeds
0–99,999 never share a code) and the name also follows from the seed. Several demo schools can be
merged by one bureau: schools whose seeds differ modulo 10 (e.g. seeds 1…10) never share an ID
number or 学籍号 either, so the merge shows no false transfers (see ``DemoPeople``).

Later issues add fitness, labor and arts records: write a function ``(DemoContext) -> None``
that draws from ``ctx.rng("<its name>")`` (its own random stream, so adding an extender never
changes what the others generate) and add it to ``default_extenders()`` below. Extenders run in
the same transaction as the roster, after it is written.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from app.errors import UserError
from app.i18n import tr
from app.models import STAGE_GRADES, School, SchoolStage, Sex, StudentStatus, Term
from app.services.demo_people import DemoPeople
from app.services.workspace import DEFAULT_DISTRICT, current_term, init_school, school_code
from app.validation.codes import class_display_name
from app.validation.ids import parse_school_code
from db import repo_classes, repo_settings, repo_students
from db.records import META_FIELDS, AuditEntry, append_audit, new_uuid, now_utc

CLASS_SIZE = 45
NINE_YEAR_FROM = 300  # students; below this the demo school is a primary school
_PLACES = ("城关镇", "会盟镇", "平乐镇", "白鹤镇", "朝阳镇", "送庄镇", "麻屯镇", "横水镇", "常袋镇", "小浪底镇")  # fmt: skip
_NUMERALS = "一二三四五六七八九"
# Years of schooling before a grade, to place birth dates: a child starts 一年级 in the September
# after turning 6 (born 1 September seven years earlier … 31 August six years earlier).
_YEARS_IN = {11: 0, 12: 1, 13: 2, 14: 3, 15: 4, 16: 5, 21: 6, 22: 7, 23: 8, 31: 9, 32: 10, 33: 11}


@dataclass(frozen=True)
class DemoStudent:
    uuid: str
    student_no: str
    name: str
    sex: Sex
    birth_date: dt.date
    grade_code: int
    class_uuid: str
    status: StudentStatus
    pe_exempt: bool


@dataclass(frozen=True)
class DemoContext:
    """What an extender gets: the roster just written, inside the still-open transaction."""

    db: Database
    school: School
    term: Term
    students: tuple[DemoStudent, ...]
    seed: int
    actor: str
    today: dt.date

    def rng(self, name: str) -> random.Random:
        """A random stream of its own for one extender, fixed by the seed and the name."""
        return random.Random(f"{self.seed}:{name}")


DemoExtender = Callable[[DemoContext], None]

BEIJING = dt.timezone(dt.timedelta(hours=8))
# Changes when the same seed gives different data (benchmarks cache generated schools by it).
DEMO_VERSION = 2  # 2: uuids of the moment each record was entered


def entered_at(day: dt.date | str, rng: random.Random) -> dt.datetime:
    """When a clerk typed in what happened on ``day``: that afternoon, Beijing time. Demo
    records get uuids of that moment (``new_uuid(at)``), as if entered through the term, so
    a district of demo schools interleaves in the bureau's indexes as real schools' would
    (merge_bench), instead of each school's records forming one block made in a second."""
    if isinstance(day, str):
        day = dt.date.fromisoformat(day)
    start = dt.datetime.combine(day, dt.time(15, 0), BEIJING)
    return start + dt.timedelta(seconds=rng.randrange(3 * 3600))


def default_extenders() -> tuple[DemoExtender, ...]:
    """The extenders ``create_demo_school`` runs: import yours here (inside, to avoid cycles)."""
    from app.services.demo_arts import add_arts_records
    from app.services.demo_fitness import add_fitness_records
    from app.services.demo_labor import add_demo_labor
    from app.services.demo_pe import add_pe_records

    return (add_fitness_records, add_demo_labor, add_arts_records, add_pe_records)


def demo_school_code(seed: int) -> str:
    # 7919 is coprime to 100,000, so the map is a permutation of the five digits.
    return f"21410{(seed * 7919 + 3456) % 100_000:05d}"


def demo_school_name(seed: int, stage: SchoolStage) -> str:
    place = _PLACES[seed % len(_PLACES)]
    number = _NUMERALS[(seed // len(_PLACES)) % len(_NUMERALS)]
    kind = "小学" if stage is SchoolStage.PRIMARY else "中学"
    return f"孟津区{place}第{number}{kind}"


def create_demo_school(
    db: Database,
    *,
    students: int = 1000,
    seed: int = 1,
    code: str | None = None,
    actor: str,
    today: dt.date | None = None,
    extenders: Sequence[DemoExtender] | None = None,
) -> School:
    """Fill an empty workspace with a demo school of ``students`` students, in one transaction."""
    if students < 1:
        raise UserError(tr("A demo school needs at least one student."), tr("Use --students 1000."))
    today = today or dt.date.today()
    target = parse_school_code(code) if code else demo_school_code(seed)
    stage = SchoolStage.NINE_YEAR if students >= NINE_YEAR_FROM else SchoolStage.PRIMARY
    existing = school_code(db)
    _refuse_if_taken(db, existing, target)
    with db.atomic():
        if existing is None:
            init_school(
                db,
                code=target,
                name=demo_school_name(seed, stage),
                district=DEFAULT_DISTRICT,
                stage=stage,
                actor=actor,
                today=today,
            )
        school = repo_settings.get_school(db, target)
        assert school is not None
        term = current_term(db)
        roster = _generate(school, term, students, seed, today)
        _insert_all(db, "classes", roster.classes, actor)
        _insert_all(db, "students", roster.students, actor)
        _insert_all(db, "student_events", roster.events, actor)
        ctx = DemoContext(db, school, term, tuple(roster.demo_students), seed, actor, today)
        for extend in default_extenders() if extenders is None else extenders:
            extend(ctx)
    return school


def _refuse_if_taken(db: Database, existing: str | None, target: str) -> None:
    if existing is not None and existing != target:
        raise UserError(
            tr("This workspace already belongs to school {code}.", code=existing),
            tr("Make the demo school in an empty folder: baosong-cli --data-dir NEW_FOLDER demo."),
        )
    # Classes too: the demo's classes would collide with existing ones of the same grade and number.
    if existing is not None and (
        repo_students.count_students(db, existing) > 0
        or repo_classes.list_classes(db, existing, include_graduated=True)
    ):
        raise UserError(
            tr("This workspace already has a roster; a demo school would mix with it."),
            tr("Make the demo school in an empty folder: baosong-cli --data-dir NEW_FOLDER demo."),
        )


@dataclass
class _Roster:
    classes: list[dict[str, Any]]
    students: list[dict[str, Any]]
    events: list[dict[str, Any]]
    demo_students: list[DemoStudent]


def _class_sizes(grades: tuple[int, ...], students: int, rng: random.Random) -> list[list[int]]:
    """Per grade, the sizes of its classes: about CLASS_SIZE each, at least one class a grade."""
    n_classes = max(len(grades), round(students / CLASS_SIZE))
    per_grade = [n_classes // len(grades)] * len(grades)
    for i in rng.sample(range(len(grades)), n_classes % len(grades)):
        per_grade[i] += 1
    base, extra = divmod(students, n_classes)
    sizes = iter([base + 1] * extra + [base] * (n_classes - extra))
    return [[next(sizes) for _ in range(count)] for count in per_grade]


def _generate(school: School, term: Term, students: int, seed: int, today: dt.date) -> _Roster:
    rng = random.Random(seed)
    year = int(term.school_year[:4])
    people = DemoPeople(rng, block=seed % 10)
    roster = _Roster([], [], [], [])
    grades = STAGE_GRADES[school.stage]
    for grade, sizes in zip(grades, _class_sizes(grades, students, rng), strict=True):
        for class_no, size in enumerate(sizes, start=1):
            class_uuid = new_uuid()
            roster.classes.append(
                {
                    "uuid": class_uuid,
                    "school_code": school.code,
                    "grade_code": grade,
                    "class_no": class_no,
                    "name": class_display_name(grade, class_no),
                    "head_teacher": people.name(rng.choice((Sex.MALE, Sex.FEMALE))),
                    "graduated": 0,
                }
            )
            first_day = dt.date(year - 7 - _YEARS_IN[grade], 9, 1)
            for _ in range(size):
                _add_student(roster, people, school.code, class_uuid, grade, first_day, year, today)
    return roster


def _add_student(
    roster: _Roster,
    people: DemoPeople,
    school: str,
    class_uuid: str,
    grade: int,
    born_from: dt.date,
    year: int,
    today: dt.date,
) -> None:
    rng = people.rng
    sex = rng.choice((Sex.MALE, Sex.FEMALE))
    birth = born_from + dt.timedelta(days=rng.randrange(365))  # 1 Sep … 31 Aug
    ident = people.id_number(birth, sex)
    student_no, id_number = people.student_no(ident, birth)
    roll = rng.random()
    status = (
        StudentStatus.TRANSFERRED_IN
        if roll < 0.02
        else StudentStatus.SUSPENDED
        if roll < 0.025
        else StudentStatus.ENROLLED
    )
    exempt_reason = people.pe_exempt_reason()
    uuid = new_uuid()
    name = people.name(sex)
    roster.students.append(
        {
            "uuid": uuid,
            "school_code": school,
            "student_no": student_no,
            "name": name,
            "sex": sex.value,
            "birth_date": birth.isoformat(),
            "ethnicity_code": "03" if rng.random() < 0.02 else "01",
            "id_number": id_number,
            "class_uuid": class_uuid,
            "status": status.value,
            "pe_exempt": int(bool(exempt_reason)),
            "pe_exempt_reason": exempt_reason,
        }
    )
    if status is not StudentStatus.ENROLLED:
        kind = "transfer_in" if status is StudentStatus.TRANSFERRED_IN else "suspend"
        start = dt.date(year, 9, 1)
        days = max(0, (min(today, dt.date(year + 1, 7, 10)) - start).days)
        roster.events.append(
            {
                "uuid": new_uuid(),
                "student_uuid": uuid,
                "kind": kind,
                "date": (start + dt.timedelta(days=rng.randrange(days + 1))).isoformat(),
                "note": people.event_note(kind),
                "old_value": "" if kind == "transfer_in" else StudentStatus.ENROLLED.value,
                "new_value": status.value,
            }
        )
    roster.demo_students.append(
        DemoStudent(
            uuid, student_no, name, sex, birth, grade, class_uuid, status, bool(exempt_reason)
        )
    )


def _insert_all(db: Database, table: str, rows: list[dict[str, Any]], actor: str) -> None:
    """Insert new records in bulk with the meta columns and audit rows ``insert_record`` writes."""
    if not rows:
        return
    at = now_utc()
    cols = [*rows[0], *META_FIELDS]
    db.conn.executemany(
        f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})",
        [(*row.values(), 1, at, actor, 0) for row in rows],
    )
    append_audit(db, actor, [AuditEntry(table, row["uuid"], "create", None, row) for row in rows])
