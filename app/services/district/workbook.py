"""The district statistics workbook (.xlsx): 概览, 体质健康（学校）, 体质健康（年级性别）,
增值评价, 劳动教育, 美育, 美育特长 and 趋势 — the figures of the analytics pages for a 学年 and a
term, with the same filters, Chinese headers and native charts (``workbook_sheets``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from sqlite_utils import Database

from app.arts.config import BAND_NAMES_ZH
from app.services.district import workbook_sheets as sheets
from app.services.district.arts import DistrictArts, district_arts
from app.services.district.fitness import DistrictFitness, district_fitness
from app.services.district.labor import DistrictLabor, district_labor
from app.services.district.scope import SchoolType
from app.services.district.trends import DistrictTrends, district_trends
from app.services.district.value_added import DistrictValueAdded, district_value_added
from app.services.district.xlsx import save_workbook, xlsx_path
from app.services.fitness_workbook_layout import (
    INTEGER,
    ONE_DECIMAL,
    PERCENT,
    SIGNED,
    Col,
    Sheet,
    bar_chart,
    write_table,
)
from app.services.workspace import current_term
from app.terms import parse_school_year, parse_term

Progress = Callable[[int, int], None]
STEPS = 6


@dataclass(frozen=True)
class DistrictFigures:
    """Everything the workbook (and the feedback reports) show, computed once."""

    fitness: DistrictFitness
    value_added: DistrictValueAdded
    labor: DistrictLabor
    arts: DistrictArts
    trends: DistrictTrends


def district_figures(
    db: Database,
    *,
    school_year: str | None = None,
    term: str | None = None,
    school_type: SchoolType | None = None,
    today: dt.date | None = None,
    progress: Progress | None = None,
) -> DistrictFigures:
    """The figures of ``term`` (default: the current term) and its 学年 (or ``school_year``)."""
    code = parse_term(term).code if term else current_term(db).code
    year = parse_school_year(school_year) if school_year else code[:9]

    def step(n: int) -> None:
        if progress is not None:
            progress(n, STEPS)

    fit = district_fitness(db, year, school_type=school_type)
    step(1)
    va = district_value_added(db, year, school_type=school_type)
    step(2)
    lab = district_labor(db, code, school_type=school_type, today=today)
    step(3)
    art = district_arts(db, year, school_type=school_type)
    step(4)
    trends = district_trends(db, school_type=school_type, today=today)
    step(5)
    return DistrictFigures(fit, va, lab, art, trends)


def _overview(ws: Sheet, f: DistrictFigures, school_type: SchoolType | None) -> None:
    d, lab, art, va = f.fitness.district.total, f.labor, f.arts.district, f.value_added
    lines: list[tuple[str, object, str]] = [
        ("学年", f.fitness.school_year, "@"), ("学期（劳动教育）", lab.term, "@"),
        ("学段", school_type.label_zh if school_type else "全部", "@"),
        ("学校数", len(f.fitness.schools), INTEGER),
        ("体质健康测试人数", d.tested, INTEGER), ("平均总分", d.mean_total, ONE_DECIMAL),
        ("优良率", d.excellent_good_rate, PERCENT), ("及格率", d.pass_rate, PERCENT),
        ("肥胖率", d.obese_rate, PERCENT), ("超重率", d.overweight_rate, PERCENT),
        ("低体重率", d.underweight_rate, PERCENT),
        ("增值评价：比较人数", va.district.n, INTEGER),
        ("增值评价：总分平均变化", va.district.mean_change, SIGNED),
        ("劳动教育：统计天数", lab.days, INTEGER),
        ("劳动教育：周均课外及家务劳动（分钟）", lab.district.weekly_out_of_class, ONE_DECIMAL),
        ("劳动教育：达标率", lab.district.meeting_share, PERCENT),
        ("美育：测评人数", art.assessed, INTEGER),
        ("美育：优秀率", art.band_rate("excellent"), PERCENT),
        ("美育：活动参与率", art.participation_rate, PERCENT),
    ]  # fmt: skip
    write_table(ws, [Col("指标"), Col("数值")], ([k, v] for k, v, _ in lines))
    for r, (_, _, fmt) in enumerate(lines, start=2):
        ws.cell(row=r, column=2).number_format = fmt


def _trends(ws: Sheet, t: DistrictTrends) -> None:
    cols = [Col("学年"), Col("体测完整人数", INTEGER), Col("优良率", PERCENT), Col("及格率", PERCENT),
            Col("平均总分", ONE_DECIMAL), Col("艺术测评人数", INTEGER)]  # fmt: skip
    cols += [Col(f"艺术{BAND_NAMES_ZH[b]}占比", PERCENT) for b in BAND_NAMES_ZH]
    rows = [
        [y.school_year, y.fitness_complete, y.excellent_good_rate, y.pass_rate, y.mean_total,
         y.arts_assessed, *(y.band_rate(b) for b in BAND_NAMES_ZH)]
        for y in t.years
    ]  # fmt: skip
    last = write_table(ws, cols, rows)
    terms = [[x.term, x.students, x.weekly_out_of_class, x.meeting_share] for x in t.terms]
    term_cols = [Col("学期"), Col("有劳动记录学生数", INTEGER),
                 Col("周均课外及家务劳动（分钟）", ONE_DECIMAL), Col("达标率", PERCENT)]  # fmt: skip
    end = write_table(ws, term_cols, terms, top=last + 2, freeze=False)
    if t.years:
        bar_chart(ws, title="历年优良率与及格率", y_title="比例", series_cols=(3, 4), header_row=1,
                  first_row=2, last_row=last, anchor=f"B{end + 3}")  # fmt: skip


def export_district_workbook(
    db: Database,
    path: Path | str,
    *,
    school_year: str | None = None,
    term: str | None = None,
    school_type: SchoolType | None = None,
    today: dt.date | None = None,
    progress: Progress | None = None,
    figures: DistrictFigures | None = None,
) -> Path:
    """Write the workbook to ``path`` (.xlsx), replacing it whole; ``figures`` skips computing
    them again when the caller has them."""
    target = xlsx_path(path)
    f = figures or district_figures(db, school_year=school_year, term=term,
                                    school_type=school_type, today=today, progress=progress)  # fmt: skip
    book = Workbook()
    overview = book.active
    overview.title = "概览"
    _overview(overview, f, school_type)
    sheets.fitness_schools(book.create_sheet("体质健康（学校）"), f.fitness)
    sheets.fitness_groups(book.create_sheet("体质健康（年级性别）"), f.fitness)
    sheets.value_added(book.create_sheet("增值评价"), f.value_added)
    sheets.labor(book.create_sheet("劳动教育"), f.labor)
    sheets.arts(book.create_sheet("美育"), f.arts)
    sheets.specialties(book.create_sheet("美育特长"), f.arts)
    _trends(book.create_sheet("趋势"), f.trends)
    save_workbook(book, target)
    if progress is not None:
        progress(STEPS, STEPS)
    return target
