"""The roster import's fast path: the batch validator gives exactly ``validate_student``'s answer on
any row, takes the fast path on the common shapes, and the bulk write audits every student with
the content ``insert_record`` would have audited. (``_check_char`` is private to the validator;
its arithmetic shortcut is checked here directly.)"""

from __future__ import annotations

import datetime as dt
import gc
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.errors import Cancelled
from app.models import STAGE_GRADES, SchoolStage
from app.services.roster_import import import_roster
from app.services.workspace import Workspace
from app.validation.ids import mod11_2_check_char
from app.validation.student import FIELDS, validate_student
from app.validation.student_batch import StudentBatchValidator, _check_char
from db.records import CREATE_MANY, canonical_json, verify_audit_chain
from db.repo_packets import audit_mark, select_records
from tests.app.services.roster_files import HEADERS, student_row, write_xlsx
from tests.conftest import TEST_SCHOOL_CODE, TODAY

NINE_YEAR = STAGE_GRADES[SchoolStage.NINE_YEAR]


def id_body(area: str, birth: str, seq: str, *, check: str | None = None) -> str:
    first17 = area + birth + seq
    return first17 + (check if check is not None else mod11_2_check_char(first17))


# --- rows: a valid row of the common shape, then up to three cells changed ---------------------

births = st.dates(dt.date(1895, 1, 1), dt.date(2030, 12, 31))  # TODAY is 2026-12-01
valid_births = st.dates(dt.date(2005, 1, 1), dt.date(2020, 12, 31))


@st.composite
def odd_bodies(draw: st.DrawFn) -> str:
    """ID bodies that are invalid, or valid but not written plainly."""
    body = id_body("410308", draw(births).strftime("%Y%m%d"), f"{draw(st.integers(0, 999)):03d}")
    how = draw(st.sampled_from(["future-or-old", "date", "check", "lower", "wide", "space", "cut"]))
    if how == "date":
        return id_body("410308", draw(st.sampled_from(["20170230", "00000000", "20171301"])), "013")
    if how == "check":  # a mistyped check character
        return body[:17] + ("0" if body[17] != "0" else "1")
    if how == "lower":
        return body.lower()
    if how == "wide":
        return body.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if how == "space":
        return f"{body[:6]} {body[6:]}"
    return body[:-1] if how == "cut" else body


ODD: dict[str, list[object]] = {
    "student_no": ["", " ", None, "L410308201503010042", "g41030820150301013X", 1.0, "G123"],
    "name": [
        "王 小明",
        " 张三 ",
        "Ａｌｉ",
        "Mary  Jane",
        "阿依古丽·买买提",
        "¨",
        "",
        " ",
        None,
        12,
    ],
    "sex": ["男", "女", "1", "2", "男性", "female", "M", "", "  ", "?", None, 1, 2.0, True],
    "birth_date": [None, "", "2015-03-01", 20150301, 42799.0, "2017年3月5日", "2017-02-30"],
    "ethnicity": ["汉", "回族", "01", "1", "97", "99", "崩龙族", "火星族", "", " ", None, 1.0],
    "id_number": [None, "", " ", 4.10308201503e17, "4.10308E+17", "11010519491231002X"],
    "grade": ["初一", "七年级", "高一", "13", "21", "31", "十年级", "", None, 13, "3"],
    "class": ["2", "(2)班", "三(2)班", "初三十二班", "1302", "四(1)班", "A", "0", "", None, 2.0],
}
odd_cells: dict[str, st.SearchStrategy[object]] = {f: st.sampled_from(v) for f, v in ODD.items()}
odd_cells["student_no"] |= st.sampled_from("GJ").flatmap(lambda k: odd_bodies().map(k.__add__))
odd_cells["id_number"] |= odd_bodies()
odd_cells["name"] |= st.text(max_size=4)
odd_cells["birth_date"] |= births | births.map(dt.date.isoformat)
odd_cells["birth_date"] |= births.map(lambda d: dt.datetime(d.year, d.month, d.day))
GRADE_CLASS = [
    ("三年级", "2班"),
    ("13", "三(2)班"),
    ("初一", "1"),
    ("七年级", "2102"),
    ("高二", "3班"),
]


@st.composite
def rows(draw: st.DrawFn) -> dict[str, object]:
    birth = draw(valid_births)
    body = id_body("410308", f"{birth:%Y%m%d}", f"{draw(st.integers(0, 999)):03d}")
    grade, klass = draw(st.sampled_from(GRADE_CLASS))
    row: dict[str, object] = {
        "student_no": draw(st.sampled_from("GGGJ")) + body,
        "name": draw(st.sampled_from(["王子涵", "李四", "Ali"])),
        "sex": "男" if int(body[16]) % 2 else "女",
        "birth_date": draw(st.sampled_from([birth, None, birth.isoformat()])),
        "ethnicity": draw(st.sampled_from(["汉族", "回族", None])),
        "id_number": draw(st.sampled_from([body, body, None])),
        "grade": grade,
        "class": klass,
    }
    for field in draw(st.lists(st.sampled_from(FIELDS), max_size=3)):
        row[field] = draw(odd_cells[field])
    return row


columns = st.permutations(FIELDS).flatmap(
    lambda order: st.sampled_from(
        [(), (), (), ("birth_date",), ("id_number", "ethnicity"), ("name",)]
    ).map(lambda dropped: [f for f in order if f not in dropped])
)
grade_sets = st.sampled_from([None, NINE_YEAR, NINE_YEAR, STAGE_GRADES[SchoolStage.SENIOR]])


@settings(max_examples=400, deadline=None)
@given(st.lists(rows(), min_size=1, max_size=6), columns, grade_sets)
def test_the_batch_validator_answers_exactly_as_validate_student(
    batch: list[dict[str, object]], fields: list[str], allowed: tuple[int, ...] | None
) -> None:
    # One validator for the whole batch, as in an import: what it remembers from one row must
    # never change the answer for the next.
    validator = StudentBatchValidator(fields, today=TODAY, allowed_grades=allowed)
    for row in batch:
        values = [row[f] for f in fields]
        raw = dict(zip(fields, values, strict=True))
        expected = validate_student(raw, today=TODAY, allowed_grades=allowed)
        assert validator.validate(values) == expected
        if validator.fast(values) is not None:
            assert expected[1] == {}, "the fast path only ever accepts"


@given(st.text("0123456789", min_size=17, max_size=17), st.sampled_from("0123456789X"))
def test_the_base_13_check_character_is_mod_11_2(first17: str, last: str) -> None:
    assert _check_char(first17 + last) == mod11_2_check_char(first17)


def bench_like_row(n: int, birth: dt.date) -> dict[str, object]:
    """A row as a school's export gives it (and as bench/roster_import_bench.py writes it)."""
    body = id_body("410308", f"{birth:%Y%m%d}", f"{n:03d}")
    return {
        "student_no": "G" + body,
        "name": "王子涵",
        "sex": "男" if n % 2 else "女",
        "birth_date": birth,
        "ethnicity": "汉族",
        "id_number": body,
        "grade": "三年级",
        "class": "2班",
    }


def test_the_common_shapes_take_the_fast_path() -> None:
    validator = StudentBatchValidator(FIELDS, today=TODAY, allowed_grades=NINE_YEAR)
    shapes: list[dict[str, object]] = []
    for n in range(1, 40):
        row = bench_like_row(n, dt.date(2017, 3, 1 + n % 28))
        shapes.append(row)
        shapes.append({**row, "birth_date": None, "ethnicity": None})  # blank optional cells
        shapes.append({**row, "id_number": None, "student_no": "J" + str(row["id_number"])})
        shapes.append({**row, "birth_date": f"2017-03-{1 + n % 28:02d}", "class": "三(2)班"})
    for row in shapes:
        values = [row[f] for f in FIELDS]
        fields = validator.fast(values)
        assert fields is not None, row
        assert (fields, {}) == validate_student(row, today=TODAY, allowed_grades=NINE_YEAR)


def test_rows_with_a_problem_or_an_unusual_shape_get_the_full_check() -> None:
    validator = StudentBatchValidator(FIELDS, today=TODAY, allowed_grades=NINE_YEAR)
    row = bench_like_row(3, dt.date(2017, 3, 4))
    x_ending = next(
        b for n in range(999) if (b := id_body("410308", "20170304", f"{n:03d}"))[-1] == "X"
    )
    for change in [
        {"sex": "女"},  # disagrees with the ID number
        {"birth_date": dt.date(2017, 3, 5)},
        {"grade": "高一"},  # not taught at a nine-year school
        {"class": "四(2)班"},
        {"name": "王 小明"},  # valid, but needs clean_name
        {"id_number": x_ending[:-1] + "x", "student_no": "G" + x_ending},  # needs upper-casing
        {"student_no": "L410308201703040042", "id_number": None},  # L numbers: the full check
    ]:
        values = [{**row, **change}[f] for f in FIELDS]
        assert validator.fast(values) is None, change
        assert validator.validate(values) == validate_student(
            dict(zip(FIELDS, values, strict=True)), today=TODAY, allowed_grades=NINE_YEAR
        )


def test_without_a_required_column_every_row_gets_the_full_check() -> None:
    fields = [f for f in FIELDS if f != "class"]
    validator = StudentBatchValidator(fields, today=TODAY)
    values = [bench_like_row(1, dt.date(2017, 3, 2))[f] for f in fields]
    assert validator.fast(values) is None
    parsed, errors = validator.validate(values)
    assert parsed is None and errors == {"class": "Class is missing."}


# --- the bulk write ---------------------------------------------------------------------------


def test_the_created_students_are_audited_by_one_entry_naming_the_file_and_each_uuid(
    school_ws: Workspace, tmp_path: Path
) -> None:
    db = school_ws.db
    mark = audit_mark(db)
    path = write_xlsx(
        tmp_path / "花名册.xlsx",
        [HEADERS, *(student_row(n) for n in range(1, 30)), student_row(30, 身份证号=None)],
    )
    report = import_roster(db, path, actor="clerk", today=TODAY)
    assert (report.created, report.rejected) == (30, [])

    stored = {r["uuid"] for r in db.query("SELECT uuid FROM students")}
    [entry] = db.query("SELECT * FROM audit_log WHERE table_name = 'students' AND id > ?", [mark])
    assert (entry["action"], entry["record_uuid"], entry["old"]) == (CREATE_MANY, "", None)
    uuids = json.loads(entry["new"])["uuids"]
    assert entry["new"] == canonical_json({"source": "roster import: 花名册.xlsx [Sheet]",
                                           "uuids": uuids})  # fmt: skip
    assert len(uuids) == 30 and set(uuids) == stored
    # The view the incremental export reads sees one change per student.
    changed = db.execute(
        "SELECT record_uuid FROM audit_record_changes WHERE id > ? AND table_name = 'students'",
        [mark],
    ).fetchall()
    assert sorted(r[0] for r in changed) == sorted(stored)
    assert verify_audit_chain(db) is None


def test_an_incremental_export_sees_every_imported_student(
    school_ws: Workspace, tmp_path: Path
) -> None:
    # db.repo_packets finds the records changed since a mark through the audit log: an updated
    # student by its own entry, a created one through its import's create_many entry.
    db = school_ws.db
    path = write_xlsx(tmp_path / "r.xlsx", [HEADERS, *(student_row(n) for n in range(1, 6))])
    import_roster(db, path, actor="clerk", today=TODAY)
    mark = audit_mark(db)
    changed = write_xlsx(
        tmp_path / "c.xlsx",
        [HEADERS, *(student_row(n) for n in range(1, 5)), student_row(5, 姓名="改名"),
         student_row(6)],
    )  # fmt: skip
    report = import_roster(db, changed, actor="clerk", today=TODAY)
    assert (report.created, report.updated, report.unchanged) == (1, 1, 4)

    found = select_records(
        db,
        "students",
        ["student_no", "name"],
        "t.school_code = :code",
        {"code": TEST_SCHOOL_CODE},
        changed_after=mark,
    )
    assert sorted(r["student_no"] for r in found) == sorted(str(student_row(n)[0]) for n in (5, 6))
    update: Any = db.execute(
        "SELECT old, new FROM audit_log WHERE action = 'update' ORDER BY id DESC"
    ).fetchone()
    assert (json.loads(update[0]), json.loads(update[1])) == (
        {"name": str(student_row(5)[1])},
        {"name": "改名"},
    )
    assert verify_audit_chain(db) is None


def test_the_cycle_collector_is_paused_only_while_importing(
    school_ws: Workspace, tmp_path: Path
) -> None:
    path = write_xlsx(tmp_path / "r.xlsx", [HEADERS, student_row(1), student_row(2)])
    during: list[bool] = []
    import_roster(
        school_ws.db,
        path,
        actor="clerk",
        dry_run=True,
        today=TODAY,
        progress=lambda done, total: during.append(gc.isenabled()),
    )
    assert during and not any(during)
    assert gc.isenabled()
    with pytest.raises(Cancelled):
        import_roster(school_ws.db, path, actor="clerk", today=TODAY, cancelled=lambda: True)
    assert gc.isenabled(), "restored after an error too"
    gc.disable()  # a caller that paused it itself keeps it paused
    try:
        import_roster(school_ws.db, path, actor="clerk", today=TODAY)
        assert not gc.isenabled()
    finally:
        gc.enable()
