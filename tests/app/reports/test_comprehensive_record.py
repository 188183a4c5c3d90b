"""The comprehensive record gathers what the services report, maps it onto the 综评 dimensions,
and prints one escaped page per student with drafts marked."""

from __future__ import annotations

import datetime as dt
import sys
import types

import pytest

from app import i18n
from app.arts.constants import AwardDomain
from app.errors import Cancelled, NotFoundError
from app.labor.constants import Category, EvaluationStatus
from app.reports.comprehensive_record import comprehensive_records, render_records_html
from app.reports.record_models import ComprehensiveRecord, CQDimension
from app.services import labor_evaluation as ev
from app.services.arts_assessment import get_assessment
from app.services.arts_records import list_specialties
from app.services.awards import list_awards
from app.services.fitness_records import year_result
from app.services.labor_evaluation import list_evaluations
from app.services.labor_totals import student_hours, term_period
from app.services.workspace import Workspace
from tests.app.reports.record_fixture import (
    NAMES,
    TERM,
    YEAR,
    RecordClass,
    make_record_class,
)
from tests.conftest import TODAY

PAGE_BREAK = "page-break-after: always"


@pytest.fixture
def klass(school_ws: Workspace) -> RecordClass:
    return make_record_class(school_ws)


def records(klass: RecordClass) -> list[ComprehensiveRecord]:
    return comprehensive_records(klass.ws.db, klass.class_uuid, TERM, today=TODAY)


def test_one_record_per_student_in_student_number_order(klass: RecordClass) -> None:
    found = records(klass)
    assert [r.student.name for r in found] == list(NAMES)
    assert [r.student.student_uuid for r in found] == list(klass.students)
    first = found[0]
    assert (first.school_name, first.term.code, first.student.class_name) == (
        "孟津区城关镇第一小学",
        TERM,
        "七年级(1)班",
    )
    assert [r.student.sex.value for r in found] == ["male", "female", "female"]


def test_labor_figures_are_the_labor_services_own(klass: RecordClass) -> None:
    db = klass.ws.db
    start, end = term_period(db, TERM, today=TODAY)
    hours = {
        t.student_uuid: t
        for t in student_hours(
            db, date_from=start, date_to=end, term=TERM, class_uuid=klass.class_uuid
        )
    }
    for r in records(klass):
        t = hours[r.student.student_uuid]
        labor = r.labor
        assert (labor.date_from, labor.date_to) == (start, end)
        assert dict(labor.by_task_group) == dict(t.by_task_group)
        assert dict(labor.by_category) == {c: t.by_category.get(c, 0) for c in Category}
        assert (labor.total_minutes, labor.weekly_out_of_class, labor.threshold) == (
            t.total_minutes,
            t.weekly_out_of_class,
            t.threshold,
        )
        assert labor.meets_threshold is t.meets_threshold
    a, b, c = records(klass)
    # 张伟: 2×200 home + 45 lesson + 90 + 30 volunteer; the August activity is outside the term.
    assert a.labor.total_minutes == 565
    assert dict(a.labor.by_task_group) == {2: 400, 5: 45, 10: 120}
    assert (a.labor.by_category[0], a.labor.by_category[2]) == (
        (Category.DAILY, 400),
        (Category.SERVICE, 120),
    )
    # 520 out-of-class minutes over 92 days ≈ 39.6 a week: no one reaches 180.
    assert not any(r.labor.meets_threshold for r in (a, b, c))


def test_volunteer_labor_feeds_moral_character(klass: RecordClass) -> None:
    a, b, c = records(klass)
    assert (a.labor.volunteer_activities, a.labor.volunteer_minutes) == (2, 120)
    assert (b.labor.volunteer_activities, b.labor.volunteer_minutes) == (0, 0)  # absent
    assert (c.labor.volunteer_activities, c.labor.volunteer_minutes) == (1, 60)
    moral = {r.student.name: r.dimensions[0] for r in (a, b, c)}
    assert all(d.dimension is CQDimension.MORAL for d in moral.values())
    assert moral["张伟"].facts == (
        "Public-benefit labor and volunteer service: 2 times, 2.0 hours",
    )
    assert moral["王芳"].facts == ()


def test_the_five_dimensions_in_order_with_their_sources(klass: RecordClass) -> None:
    a, b, c = records(klass)
    assert [d.dimension for d in a.dimensions] == list(CQDimension)
    facts = {d.dimension: d.facts for d in a.dimensions}
    result = year_result(klass.ws.db, a.student.student_uuid, YEAR)
    assert result is not None and result.total_score is not None
    health = facts[CQDimension.HEALTH]
    assert health[0] == f"Fitness test {YEAR}: {result.total_score:.1f} points, {result.level}"
    assert health[1].startswith(f"BMI {result.bmi:.1f} (")
    assert "Sports awards: 1" in health
    assert facts[CQDimension.ARTS][0] == f"Arts assessment {YEAR}: 89 points, Good"
    assert "Arts awards counted toward the arts specialty: 1" in facts[CQDimension.ARTS]
    assert facts[CQDimension.PRACTICE][1] == "Labor literacy: 良好 (Confirmed)"
    assert "(Draft)" in {d.dimension: d.facts for d in b.dimensions}[CQDimension.PRACTICE][1]
    assert {d.dimension: d.facts for d in c.dimensions}[CQDimension.HEALTH][0] == (
        f"Fitness test {YEAR}: exempt (骨折)"
    )


def test_sports_and_arts_are_the_services_results(klass: RecordClass) -> None:
    db = klass.ws.db
    for r in records(klass):
        uuid = r.student.student_uuid
        assert r.sports.result == year_result(db, uuid, YEAR)
        assert r.arts.assessment == get_assessment(db, uuid, YEAR)
        assert r.arts.specialties == tuple(
            list_specialties(db, student_uuid=uuid, school_year=YEAR)
        )
        assert [e.award for e in r.awards] == list_awards(db, school_year=YEAR, student_uuid=uuid)
    a, b, c = records(klass)
    assert a.sports.bmi_category == "normal"  # 55 kg at 165 cm: BMI 20.2
    assert c.sports.result is not None and c.sports.result.exempt
    assert c.sports.bmi_category is None
    assert a.arts.assessment is not None and (a.arts.assessment.total, a.arts.assessment.band) == (
        89,
        "good",
    )
    assert [s.category for s in b.arts.specialties] == ["声乐"]
    assert c.arts.assessment is None


def test_awards_mark_what_counts_toward_the_arts_specialty(klass: RecordClass) -> None:
    a, b, c = records(klass)
    counted = {(e.award.event, e.counts_toward_arts_specialty) for e in a.awards}
    assert counted == {("孟津区中小学生艺术展演 & 合唱", True), ("校运会 100 米", False)}
    assert [e.award.domain for e in a.awards if not e.counts_toward_arts_specialty] == [
        AwardDomain.SPORTS
    ]
    assert [(e.award.event, e.counts_toward_arts_specialty) for e in c.awards] == [
        ("洛阳少儿钢琴大赛", False)
    ]
    assert "上一学年的比赛" not in {e.award.event for r in (a, b, c) for e in r.awards}


def test_evaluations_keep_their_state(klass: RecordClass) -> None:
    a, b, c = records(klass)
    stored = {e.student_uuid: e for e in list_evaluations(klass.ws.db, term=TERM)}
    assert a.labor.evaluation == stored[a.student.student_uuid]
    assert (
        a.labor.evaluation is not None and a.labor.evaluation.status is EvaluationStatus.CONFIRMED
    )
    assert b.labor.evaluation is not None and b.labor.evaluation.status is EvaluationStatus.DRAFT
    assert (a.labor.evaluation_final, b.labor.evaluation_final) == (True, False)
    assert c.labor.evaluation is None


def pages(html: str) -> list[str]:
    return html.split(PAGE_BREAK)


def test_html_has_a_page_per_student_with_drafts_marked(klass: RecordClass) -> None:
    html = render_records_html(records(klass), today=TODAY)
    per_student = pages(html)
    assert len(per_student) == 3  # a break between students, none after the last
    for name, page in zip(NAMES, per_student, strict=True):
        assert name in page
        assert sum(other in page for other in NAMES) == 1
    draft_note = "Draft: not yet under public notice, not a final result."
    assert [draft_note in page for page in per_student] == [False, True, False]
    assert "Not evaluated yet" in per_student[2]
    assert "reviewed by 王主任" in per_student[0]
    assert "Exempt (骨折)" in per_student[2]


def test_html_escapes_data(klass: RecordClass) -> None:
    html = render_records_html(records(klass), today=TODAY)
    assert "孟津区中小学生艺术展演 &amp; 合唱" in html
    assert "艺术展演 & 合唱" not in html


def test_chinese_labels(klass: RecordClass) -> None:
    i18n.set_language("zh_CN")
    html = render_records_html(records(klass), today=TODAY)
    for text in (
        "学生综合素质档案",
        "2026-2027学年第一学期",
        "思想品德",
        "身心健康",
        "艺术素养",
        "草稿：尚未公示",
        "班主任签字",
        "家长签字",
        "公益劳动与志愿服务：2 次",
        "计入艺术特长",
    ):
        assert text in html, text


def test_pe_process_lines_are_the_pe_services_own(klass: RecordClass) -> None:
    from app.services.pe_process import report_lines

    found = records(klass)
    lines = report_lines(klass.ws.db, term=TERM, student_uuids=klass.students)
    assert [r.sports.pe_process for r in found] == [tuple(lines[s]) for s in klass.students]


def test_pe_process_lines_through_the_hook(
    klass: RecordClass, monkeypatch: pytest.MonkeyPatch
) -> None:
    module = types.ModuleType("app.services.pe_process")
    calls = []

    def report_lines(
        db: object, *, term: str, student_uuids: list[str]
    ) -> dict[str, list[tuple[str, str]]]:
        calls.append((term, student_uuids))
        return {student_uuids[0]: [("体育课出勤", "98%"), ("大课间", "—")]}

    module.report_lines = report_lines  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "app.services.pe_process", module)
    a, b, _c = records(klass)
    assert calls == [(TERM, list(klass.students))]
    assert (a.sports.pe_process, b.sports.pe_process) == (
        (("体育课出勤", "98%"), ("大课间", "—")),
        (),
    )
    health = {d.dimension: d.facts for d in a.dimensions}[CQDimension.HEALTH]
    assert "体育课出勤: 98%" in health
    assert not any("大课间" in fact for fact in health), "nothing recorded: not in the summary"
    html = render_records_html([a], today=TODAY)
    assert "体育课出勤</th>" in html and "98%</td>" in html


@pytest.mark.parametrize("module", [None, types.ModuleType("app.services.pe_process")])
def test_without_the_pe_module_or_its_hook_the_process_is_left_out(
    klass: RecordClass, monkeypatch: pytest.MonkeyPatch, module: types.ModuleType | None
) -> None:
    # None in sys.modules makes the import fail as if the module did not exist.
    monkeypatch.setitem(sys.modules, "app.services.pe_process", module)
    assert all(r.sports.pe_process == () for r in records(klass))


def test_an_empty_class_and_an_unknown_class(klass: RecordClass) -> None:
    html = render_records_html([], today=TODAY)
    assert "The class has no students on the roll." in html
    with pytest.raises(NotFoundError):
        comprehensive_records(klass.ws.db, "no-such-class", TERM, today=TODAY)


def test_progress_and_cancel(klass: RecordClass) -> None:
    seen: list[tuple[int, int]] = []
    comprehensive_records(
        klass.ws.db, klass.class_uuid, TERM, today=TODAY, progress=lambda d, t: seen.append((d, t))
    )
    assert seen == [(1, 3), (2, 3), (3, 3)]
    with pytest.raises(Cancelled):
        comprehensive_records(
            klass.ws.db, klass.class_uuid, TERM, today=TODAY, cancelled=lambda: True
        )


def test_an_evaluation_under_public_notice_is_printed_as_a_result(klass: RecordClass) -> None:
    ev.publicize(
        klass.ws.db,
        [klass.evaluations[1]],
        date_from=dt.date(2026, 11, 28),
        date_to=dt.date(2026, 12, 4),
        actor="t",
    )
    b = records(klass)[1]
    assert b.labor.evaluation_final
    page = pages(render_records_html([b], today=TODAY))[0]
    assert "Under public notice 2026-11-28–2026-12-04" in page
    assert "Draft:" not in page
