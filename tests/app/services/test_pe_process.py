"""PE process evaluation: records per student and term (single and a class block), the process
score from the configured weights, the comprehensive PE result, the 中招体育 configuration's
validation and scoring with a test table, the packet registration and the demo."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from app import i18n
from app.arts.constants import AwardDomain, AwardLevel
from app.errors import ValidationError
from app.packets.sync_tables import TABLES_BY_NAME
from app.pe.config import DEFAULT_WEIGHTS, PEConfig, config_from_json
from app.pe.scoring import comprehensive
from app.pe.zhongkao import validate_zhongkao, zhongkao_score
from app.services import pe_process as pe
from app.services import pe_settings
from app.services.awards import AwardInput, save_award
from app.services.demo import create_demo_school
from app.services.fitness_records import save_values
from app.services.workspace import Workspace, current_term
from db import repo_pe
from db.records import verify_audit_chain
from tests.app.services.fitness_helpers import YEAR, add_student
from tests.app.services.fitness_stats_helpers import BOY
from tests.conftest import TODAY

TERM = "2026-2027-1"  # the term of TODAY
FULL = pe.ProcessInput(
    pe_attendance_pct="90%", recess_exercise_pct=80, after_school_minutes_per_week="210",
    after_school_parent_confirmed=False, skill_item="篮球", skill_level="良好",
    homework_completion_pct=75,
)  # fmt: skip


def expected(weights: dict[str, int], parts: dict[str, float]) -> float:
    return round(sum(weights[k] * parts[k] for k in weights) / 100, 1)


def county_award(ws: Workspace, uuid: str, day: dt.date = dt.date(2026, 10, 20)) -> None:
    save_award(
        ws.db,
        AwardInput("孟津区中小学生田径运动会", "孟津区教育体育局", True, AwardLevel.COUNTY,
                   "一等奖", day, domain=AwardDomain.SPORTS),
        winners=[uuid], actor="t", today=TODAY,
    )  # fmt: skip


def test_a_record_is_saved_read_back_and_corrected(school_ws: Workspace) -> None:
    uuid = add_student(school_ws, 1).meta.uuid
    saved = pe.save_process_record(school_ws.db, uuid, TERM, FULL, actor="t")
    assert (saved.pe_attendance_pct, saved.after_school_minutes_per_week) == (90, 210)
    assert saved.sports_club is None and saved.skill_level == "良好"
    again = pe.save_process_record(
        school_ws.db, uuid, TERM, replace(FULL, sports_club="足球社"), actor="t"
    )
    assert again.meta.uuid == saved.meta.uuid and again.meta.revision == 2
    assert again.sports_club == "足球社"
    record = TABLES_BY_NAME["pe_process_records"].record_from_row(
        next(school_ws.db.query("SELECT * FROM pe_process_records"))
    )
    assert TABLES_BY_NAME["pe_process_records"].validate(record) == []
    assert pe.delete_process_record(school_ws.db, uuid, TERM, actor="t")
    assert repo_pe.find_record(school_ws.db, uuid, TERM) is None
    assert verify_audit_chain(school_ws.db) is None


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"pe_attendance_pct": 120}, "pe_attendance_pct"),
        ({"recess_exercise_pct": "九十"}, "recess_exercise_pct"),
        ({"after_school_minutes_per_week": 5000}, "after_school_minutes_per_week"),
        ({"skill_level": "大师"}, "skill_level"),
        ({"skill_item": "", "skill_level": "优秀"}, "skill_item"),
    ],
)
def test_bad_entries_are_refused_by_field(
    school_ws: Workspace, change: dict[str, object], field: str
) -> None:
    uuid = add_student(school_ws, 1).meta.uuid
    with pytest.raises(pe.ProcessInvalid) as info:
        pe.save_process_record(school_ws.db, uuid, TERM, replace(FULL, **change), actor="t")  # type: ignore[arg-type]
    assert set(info.value.errors) == {field}
    assert repo_pe.find_record(school_ws.db, uuid, TERM) is None


def test_a_class_block_saves_the_good_rows_and_reports_the_bad(school_ws: Workspace) -> None:
    a, b = add_student(school_ws, 1), add_student(school_ws, 2)
    other = add_student(school_ws, 3, klass="2班")
    rows = [(a.meta.uuid, FULL), (b.meta.uuid, replace(FULL, homework_completion_pct=101)),
            (other.meta.uuid, FULL)]  # fmt: skip
    report = pe.save_class_process_records(school_ws.db, a.class_uuid, TERM, rows, actor="t")
    assert report.saved == 1
    assert [(e.student_uuid, e.field) for e in report.errors] == [
        (b.meta.uuid, "homework_completion_pct"),
        (other.meta.uuid, ""),
    ]
    listed = pe.class_process_rows(school_ws.db, a.class_uuid, TERM)
    assert [r.record is not None for r in listed] == [True, False]


def test_the_process_score_follows_the_default_weights(school_ws: Workspace) -> None:
    student = add_student(school_ws, 1)
    uuid = student.meta.uuid
    pe.save_process_record(school_ws.db, uuid, TERM, FULL, actor="t")
    county_award(school_ws, uuid)
    county_award(school_ws, uuid, dt.date(2026, 3, 1))  # last term: does not count
    (row,) = pe.class_process_rows(school_ws.db, student.class_uuid, TERM)
    parts = {"attendance": 90, "recess": 80, "after_school": 210 / 420 * 100, "skill": 85,
             "awards": 80, "homework": 75, "club": 0}  # fmt: skip
    assert len(row.awards) == 1
    assert row.score.score == expected(DEFAULT_WEIGHTS, parts)
    assert row.score.components["after_school"] == 50.0


def test_the_weights_come_from_the_settings(school_ws: Workspace) -> None:
    student = add_student(school_ws, 1)
    pe.save_process_record(school_ws.db, student.meta.uuid, TERM, FULL, actor="t")
    weights = {"attendance": 40, "recess": 0, "after_school": 10, "skill": 10, "awards": 0,
               "homework": 40, "club": 0}  # fmt: skip
    cfg = replace(PEConfig(), weights=weights, require_parent_confirmation=True)
    pe_settings.save_pe_config(school_ws.db, cfg)
    assert pe_settings.load_pe_config(school_ws.db) == cfg
    (row,) = pe.class_process_rows(school_ws.db, student.class_uuid, TERM)
    parts = {"attendance": 90, "recess": 80, "after_school": 0, "skill": 85, "awards": 0,
             "homework": 75, "club": 0}  # unconfirmed minutes count 0 now  # fmt: skip
    assert row.score.score == expected(weights, parts)


def test_a_missing_weighted_entry_leaves_the_score_open(school_ws: Workspace) -> None:
    student = add_student(school_ws, 1)
    data = replace(FULL, recess_exercise_pct=None, skill_level="")
    pe.save_process_record(school_ws.db, student.meta.uuid, TERM, data, actor="t")
    (row,) = pe.class_process_rows(school_ws.db, student.class_uuid, TERM)
    assert row.score.score is None and row.score.missing == ("recess", "skill")


def test_report_lines_feed_the_comprehensive_record(school_ws: Workspace) -> None:
    student = add_student(school_ws, 1)
    pe.save_process_record(school_ws.db, student.meta.uuid, TERM, FULL, actor="t")
    i18n.set_language("zh_CN")
    lines = pe.report_lines(school_ws.db, term=TERM, student_uuids=[student.meta.uuid])
    labels = dict(lines[student.meta.uuid])
    assert len(labels) == len(lines[student.meta.uuid])  # no label twice
    (row,) = pe.class_process_rows(school_ws.db, student.class_uuid, TERM)
    assert labels["体育课出勤率"] == "90.0" and labels["专项运动技能"] == "篮球 良好 (85.0)"
    assert labels["体育过程评价得分"] == f"{row.score.score:.1f}"
    assert "体育作业完成率" not in labels  # weight 0 by default: not shown


@pytest.mark.parametrize(
    "bad",
    [
        {"weights": {"attendance": 50}},  # adds up to 120 with the other defaults
        {"weights": {"dance": 0}},
        {"fitness_weight": 80, "process_weight": 30},
        {"skill_levels": [["优秀", 100], ["优秀", 80]]},
        {"award_points": {"national": 150}},
    ],
)
def test_unusable_pe_settings_are_refused(bad: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        config_from_json(bad)


def test_the_comprehensive_result_combines_fitness_and_process(school_ws: Workspace) -> None:
    student = add_student(school_ws, 1)
    fitness = save_values(school_ws.db, student.meta.uuid, YEAR, BOY, actor="t")
    pe.save_process_record(school_ws.db, student.meta.uuid, TERM, FULL, actor="t")
    (row,) = pe.comprehensive_results(school_ws.db, student.class_uuid, TERM)
    assert fitness.total_score is not None and row.process.score.score is not None
    want = round(0.7 * min(fitness.total_score, 100) + 0.3 * row.process.score.score, 1)
    assert row.result.score == pytest.approx(want)
    assert row.fitness_level == fitness.level
    capped = comprehensive(PEConfig(), 112.0, 80.0)
    assert capped.fitness_counted == 100.0 and capped.score == 94.0 and capped.level == "优秀"
    assert comprehensive(PEConfig(), 90.0, 80.0, exempt=True).score is None
    assert comprehensive(PEConfig(), None, 80.0).score is None


TEST_SCHEME = {
    "year": 2030, "total_score": 60, "exam_max": 50, "process_max": 10, "source": "测试用",
    "items": [
        {"code": "run_1000m", "name": "1000米跑", "sex": "M", "type": "必考", "max": 20,
         "table_id": "run", "direction": "lower_better"},
        {"code": "jump", "name": "立定跳远", "sex": "MF", "type": "选考", "max": 15,
         "table_id": "jump", "direction": "higher_better", "group": "A"},
        {"code": "rope", "name": "一分钟跳绳", "sex": "MF", "type": "选考", "max": 15,
         "table_id": "rope", "direction": "higher_better", "group": "A"},
        {"code": "ball", "name": "篮球运球", "sex": "MF", "type": "选考", "max": 15,
         "table_id": "ball", "direction": "lower_better", "group": "B"},
    ],
    "elective_rule": {"choose": 2},
    "scoring_tables": {
        "run": [[210, 20], [230, 18], [250, 15], [280, 10]],
        "jump": [[250, 15], [230, 12], [210, 9]],
        "rope": [[180, 15], [160, 12]],
        "ball": [[9.0, 15], [11.0, 10]],
    },
}  # fmt: skip


def test_a_zhongkao_scheme_scores_with_its_tables(school_ws: Workspace) -> None:
    assert pe_settings.zhongkao_years(school_ws.db) == []  # no built-in scheme
    assert pe_settings.load_zhongkao_config(school_ws.db, 2030) is None
    pe_settings.save_zhongkao_config(school_ws.db, TEST_SCHEME)
    config = pe_settings.load_zhongkao_config(school_ws.db, 2030)
    assert config is not None and pe_settings.zhongkao_years(school_ws.db) == [2030]
    results = {"run_1000m": 235, "jump": 232, "rope": 185, "ball": 10.5}
    score = zhongkao_score(config, "male", results, process_score=85)
    # 235 s meets the 250 s row (15); rope 15 beats jump 12 in group A, so jump is dropped.
    assert score.item_points == {"run_1000m": 15.0, "rope": 15.0, "ball": 10.0}
    assert score.dropped == ("jump",) and score.missing == ()
    assert (score.exam, score.process, score.total) == (40.0, 8.5, 48.5)
    girl = zhongkao_score(config, "female", {"jump": 200, "ball": 8.5})
    assert girl.item_points == {"ball": 15.0, "jump": 0.0} and girl.process is None
    assert zhongkao_score(config, "male", {}).missing == ("run_1000m",)
    assert pe_settings.delete_zhongkao_config(school_ws.db, 2030)
    assert pe_settings.zhongkao_years(school_ws.db) == []


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"items": []}, "no items"),
        ({"year": "2030"}, "exam year"),
        ({"total_score": 70}, "add up to the total"),
        ({"scoring_tables": {**TEST_SCHEME["scoring_tables"], "run": [[210, 20], [230, 25]]}},  # type: ignore[dict-item]
         "between 0 and the item's maximum"),
        ({"scoring_tables": {**TEST_SCHEME["scoring_tables"], "jump": [[250, 9], [230, 12]]}},  # type: ignore[dict-item]
         "better result must always earn more"),
        ({"elective_rule": {"choose": 5}}, "elective rule"),
    ],
)  # fmt: skip
def test_a_faulty_zhongkao_scheme_is_refused(change: dict[str, object], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        validate_zhongkao({**TEST_SCHEME, **change})
    assert validate_zhongkao(TEST_SCHEME).year == 2030


def test_the_demo_gives_every_student_on_roll_a_record_and_awards(workspace: Workspace) -> None:
    create_demo_school(workspace.db, students=120, seed=4, actor="demo", today=TODAY)
    term = current_term(workspace.db).code
    on_roll = {
        r[0]
        for r in workspace.db.execute(
            "SELECT uuid FROM students WHERE status IN ('enrolled', 'transferred_in')"
        )
    }
    stored = repo_pe.records_for_students(workspace.db, term, on_roll)
    assert set(stored) == on_roll
    assert 85 <= sum(r.pe_attendance_pct or 0 for r in stored.values()) / len(stored) <= 100
    awarded = pe.term_awards(workspace.db, term)
    assert sum(len(a) for a in awarded.values()) >= 18  # the 校运动会's places at least
    spec = TABLES_BY_NAME["pe_process_records"]
    for row in workspace.db.query("SELECT * FROM pe_process_records"):
        assert spec.validate(spec.record_from_row(row)) == []
