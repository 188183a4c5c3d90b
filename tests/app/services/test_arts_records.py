"""Course records (class grid, bulk), activities with participants, specialties."""

from __future__ import annotations

import datetime as dt

import pytest

from app.arts.constants import ActivityKind, ArtsSubject, Rating, SpecialtyGroup, SpecialtyRoute
from app.errors import ValidationError
from app.services import arts_records as ar
from app.services.arts_records import ActivityInput, ArtsRecordInvalid, CourseEntry, SpecialtyInput
from app.services.workspace import Workspace
from db.records import verify_audit_chain
from tests.app.services.arts_helpers import TERM, YEAR, add_students, class_of


def test_a_class_grid_of_course_records_is_created_then_updated_in_bulk(
    school_ws: Workspace,
) -> None:
    students = add_students(school_ws, 4)
    entries = [CourseEntry(s, 95, Rating.GOOD, 7, 8) for s in students]
    result = ar.save_course_records(school_ws.db, term=TERM, subject=ArtsSubject.MUSIC,
                                    entries=entries, actor="t", teacher="李老师")  # fmt: skip
    assert (result.created, result.updated, result.unchanged) == (4, 0, 0)
    entries[0] = CourseEntry(students[0], 100, Rating.EXCELLENT, 8, 8)
    result = ar.save_course_records(school_ws.db, term=TERM, subject=ArtsSubject.MUSIC,
                                    entries=entries, actor="t", teacher="李老师")  # fmt: skip
    assert (result.created, result.updated, result.unchanged) == (0, 1, 3)
    grid = dict(
        ar.class_course_records(
            school_ws.db, class_of(school_ws, students[0]), TERM, ArtsSubject.MUSIC
        )
    )
    first = grid[students[0]]
    assert (
        first is not None
        and first.attendance_pct == 100
        and first.participation is Rating.EXCELLENT
    )
    assert first.meta.revision == 2 and first.teacher == "李老师"
    # Another subject is another record; the grid lists students without one as None.
    assert all(r is None for _, r in ar.class_course_records(
        school_ws.db, class_of(school_ws, students[0]), TERM, ArtsSubject.FINE_ART))  # fmt: skip
    audit = school_ws.db.execute(
        "SELECT l.action, count(*) FROM audit_record_changes c JOIN audit_log l ON l.id = c.id "
        "WHERE c.table_name = 'arts_course_records' GROUP BY 1"
    ).fetchall()
    assert dict(audit) == {"create_many": 4, "update": 1}  # one entry lists the four created
    assert verify_audit_chain(school_ws.db) is None


@pytest.mark.parametrize(
    "entry",
    [CourseEntry("S", attendance_pct=101), CourseEntry("S", tasks_completed=9, tasks_total=8),
     CourseEntry("S", tasks_total=-1)],
)  # fmt: skip
def test_an_invalid_row_rejects_the_whole_grid(school_ws: Workspace, entry: CourseEntry) -> None:
    a, b = add_students(school_ws, 2)
    good = CourseEntry(a, 90)
    bad = CourseEntry(b, entry.attendance_pct, None, entry.tasks_completed, entry.tasks_total)
    with pytest.raises(ArtsRecordInvalid) as info:
        ar.save_course_records(
            school_ws.db, term=TERM, subject=ArtsSubject.MUSIC, entries=[good, bad], actor="t"
        )
    assert list(info.value.errors) == [b]
    assert school_ws.db.execute("SELECT count(*) FROM arts_course_records").fetchone()[0] == 0


def test_a_bad_term_is_refused(school_ws: Workspace) -> None:
    (a,) = add_students(school_ws, 1)
    with pytest.raises(ValidationError):
        ar.save_course_records(school_ws.db, term="2026-1", subject=ArtsSubject.MUSIC,
                               entries=[CourseEntry(a, 90)], actor="t")  # fmt: skip


def test_activities_take_a_class_and_a_participant_list(school_ws: Workspace) -> None:
    klass = add_students(school_ws, 3)
    other = add_students(school_ws, 2, klass="2班", start=10)
    festival = ar.save_activity(
        school_ws.db,
        ActivityInput(ActivityKind.FESTIVAL, "第十六届校园艺术节", TERM, dt.date(2026, 11, 20)),
        actor="t",
    )
    assert (
        ar.add_class_to_activity(
            school_ws.db, festival.meta.uuid, class_of(school_ws, klass[0]), actor="t"
        )
        == 3
    )
    assert (
        ar.add_class_to_activity(
            school_ws.db, festival.meta.uuid, class_of(school_ws, klass[0]), actor="t"
        )
        == 0
    )
    added, removed = ar.set_participants(
        school_ws.db, festival.meta.uuid, [klass[0], *other], actor="t"
    )
    assert (added, removed) == (2, 2)
    assert set(ar.participants(school_ws.db, festival.meta.uuid)) == {klass[0], *other}
    (listed,) = ar.list_activities(school_ws.db, TERM)
    assert listed.participants == 3 and listed.kind is ActivityKind.FESTIVAL
    ar.delete_activity(school_ws.db, festival.meta.uuid, actor="t")
    assert ar.list_activities(school_ws.db, TERM) == []
    assert (
        school_ws.db.execute(
            "SELECT count(*) FROM arts_activity_participants WHERE deleted = 0"
        ).fetchone()[0]
        == 0
    )


def test_an_activity_date_must_lie_in_its_term(school_ws: Workspace) -> None:
    with pytest.raises(ArtsRecordInvalid) as info:
        ar.save_activity(
            school_ws.db,
            ActivityInput(ActivityKind.PERFORMANCE, "六一汇演", TERM, dt.date(2027, 6, 1)),
            actor="t",
        )
    assert set(info.value.errors) == {"date"}


def test_specialties_take_their_group_from_the_list(school_ws: Workspace) -> None:
    (a,) = add_students(school_ws, 1)
    sp = ar.save_specialty(
        school_ws.db,
        SpecialtyInput(a, YEAR, "器乐", SpecialtyRoute.OUTSIDE, sub_type="民族管弦乐器"),
        actor="t",
    )
    assert sp.group is SpecialtyGroup.PERFORMANCE and sp.sub_type == "民族管弦乐器"
    with pytest.raises(ArtsRecordInvalid) as info:
        ar.save_specialty(
            school_ws.db, SpecialtyInput(a, YEAR, "钢琴", SpecialtyRoute.CLUB), actor="t"
        )
    assert set(info.value.errors) == {"group"}
    piano = ar.save_specialty(
        school_ws.db,
        SpecialtyInput(a, YEAR, "钢琴", SpecialtyRoute.CLUB, group=SpecialtyGroup.PERFORMANCE),
        actor="t",
    )
    assert [s.category for s in ar.list_specialties(school_ws.db, student_uuid=a)] == [
        "器乐",
        "钢琴",
    ]
    ar.delete_specialty(school_ws.db, piano.meta.uuid, actor="t")
    assert [s.category for s in ar.list_specialties(school_ws.db, school_year=YEAR)] == ["器乐"]
