"""The statistics workbook (.xlsx) of a 学年 (issue 3 parts 6 and 8).

Sheets: 概览 (the school's figures, item figures and the value-added summary), 按年级 (with charts
of the level rates and the BMI categories by grade), 按班级, 按性别 (the school's boys and girls,
then each grade by sex), 增值评价 (school, grades and classes, with a chart of the mean change by
class) and 增值明细 (one row per student compared). Headers are Chinese, as the district's clerks
read them; rates are percent cells, means one-decimal cells (the values stay exact), header rows
are frozen and filtered. The figures come from ``fitness_statistics`` and ``value_added``.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Final

from openpyxl import Workbook
from sqlite_utils import Database

from app.errors import UserError
from app.i18n import tr
from app.scoring.bmi_category import NORMAL, OBESE, OVERWEIGHT, UNDERWEIGHT
from app.services.fitness_export import ITEM_HEADERS
from app.services.fitness_stats import fitness_statistics
from app.services.fitness_stats_model import LEVELS, FitnessStats, GroupStats
from app.services.fitness_values import sex_label
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
from app.services.value_added import ITEM_ORDER, ChangeSummary, ValueAdded, value_added
from app.services.workspace import require_school
from app.terms import parse_school_year

ITEM_NAMES: Final = {"bmi": "BMI", **ITEM_HEADERS}
BMI_COLUMNS: Final = ((NORMAL, "正常体重率"), (UNDERWEIGHT, "低体重率"), (OVERWEIGHT, "超重率"),
                      (OBESE, "肥胖率"))  # fmt: skip
# Positions (1-based) in the group tables, for the charts.
LEVEL_RATE_COLS: Final = (11, 14)
BMI_CHART_COLS: Final = (18, 20)  # 低体重率, 超重率, 肥胖率 (正常 would flatten the others)
YES, NO = "是", "否"


def _group_cols(item_keys: Sequence[str], first: str) -> list[Col]:
    cols = [Col(first), Col("测试人数", INTEGER), Col("免测人数", INTEGER),
            Col("缺项人数", INTEGER), Col("未测人数", INTEGER), Col("平均总分", ONE_DECIMAL)]  # fmt: skip
    cols += [Col(f"{level}人数", INTEGER) for level in LEVELS]
    cols += [Col(f"{level}占比", PERCENT) for level in LEVELS]
    cols += [Col("优良率", PERCENT), Col("及格率", PERCENT)]
    cols += [Col(name, PERCENT) for _, name in BMI_COLUMNS]
    for key in item_keys:
        cols += [
            Col(f"{ITEM_NAMES[key]}均分", ONE_DECIMAL),
            Col(f"{ITEM_NAMES[key]}及格率", PERCENT),
        ]
    assert cols[LEVEL_RATE_COLS[0] - 1].header == f"{LEVELS[0]}占比"
    assert cols[BMI_CHART_COLS[0] - 1].header == "低体重率"
    return cols


def _group_row(g: GroupStats, item_keys: Sequence[str]) -> list[object]:
    row: list[object] = [g.label, g.tested, g.exempt, g.incomplete, g.untested, g.mean_total]
    row += [g.level_counts[level] for level in LEVELS]
    row += [g.level_rate(level) for level in LEVELS]
    row += [g.excellent_good_rate, g.pass_rate]
    row += [g.bmi_rate(category) for category, _ in BMI_COLUMNS]
    for key in item_keys:
        item = g.items.get(key)
        row += [item.mean, item.pass_rate] if item else [None, None]
    return row


def _group_sheet(ws: Sheet, stats: FitnessStats, groups: Sequence[GroupStats], first: str) -> int:
    keys = stats.item_keys
    return write_table(ws, _group_cols(keys, first), [_group_row(g, keys) for g in groups])


def _grade_sheet(ws: Sheet, stats: FitnessStats) -> None:
    grades = stats.by("grade")
    last = _group_sheet(ws, stats, grades, "年级")
    if not grades:
        return
    bar_chart(ws, title="各年级等级比例", y_title="占比", series_cols=LEVEL_RATE_COLS,
              anchor=f"B{last + 3}", header_row=1, first_row=2, last_row=last)  # fmt: skip
    bar_chart(ws, title="各年级BMI分类（低体重、超重、肥胖）", y_title="比例",
              series_cols=BMI_CHART_COLS, anchor=f"L{last + 3}", header_row=1, first_row=2,
              last_row=last)  # fmt: skip


def _overview(ws: Sheet, stats: FitnessStats, va: ValueAdded, school_name: str) -> None:
    s = stats.school
    lines: list[tuple[str, object, str]] = [
        ("学校", school_name, "@"), ("学年", stats.school_year, "@"),
        ("测试人数", s.tested, INTEGER), ("免测人数", s.exempt, INTEGER),
        ("缺项人数（不计入等级比例）", s.incomplete, INTEGER), ("未测人数", s.untested, INTEGER),
        ("平均总分", s.mean_total, ONE_DECIMAL),
        *((f"{level}率", s.level_rate(level), PERCENT) for level in LEVELS),
        ("优良率", s.excellent_good_rate, PERCENT), ("及格率", s.pass_rate, PERCENT),
        *((name, s.bmi_rate(category), PERCENT) for category, name in BMI_COLUMNS),
        ("增值评价：比较人数", va.school.n, INTEGER),
        ("增值评价：总分平均变化", va.school.mean_change, SIGNED),
        ("增值评价：提高比例", va.school.improved_share, PERCENT),
        ("增值评价：等级上升比例", va.school.moved_up_share, PERCENT),
    ]  # fmt: skip
    last = write_table(ws, [Col("指标"), Col("数值")], ([k, v] for k, v, _ in lines))
    for r, (_, _, fmt) in enumerate(lines, start=2):
        ws.cell(row=r, column=2).number_format = fmt
    items = [
        [ITEM_NAMES[k], s.items[k].n, s.items[k].mean, s.items[k].pass_rate]
        for k in stats.item_keys
    ]
    cols = [Col("项目"), Col("测试人数", INTEGER), Col("平均得分", ONE_DECIMAL),
            Col("及格率（≥60分）", PERCENT)]  # fmt: skip
    write_table(ws, cols, items, top=last + 2, freeze=False)


def _change_cols(first: str) -> list[Col]:
    cols = [Col("范围"), Col(first), Col("比较人数", INTEGER), Col("总分平均变化", SIGNED),
            Col("提高人数", INTEGER), Col("提高比例", PERCENT), Col("等级上升人数", INTEGER),
            Col("等级上升比例", PERCENT)]  # fmt: skip
    return cols + [Col(f"{ITEM_NAMES[k]}得分变化", SIGNED) for k in ITEM_ORDER]


def _change_row(scope: str, c: ChangeSummary) -> list[object]:
    row: list[object] = [scope, c.label, c.n, c.mean_change, c.improved, c.improved_share,
                         c.moved_up, c.moved_up_share]  # fmt: skip
    return row + [c.item_mean_changes.get(k) for k in ITEM_ORDER]


def _value_added_sheet(ws: Sheet, va: ValueAdded) -> None:
    rows = [_change_row("全校", va.school)]
    rows += [_change_row("年级", g) for g in va.grades]
    first_class = len(rows) + 2
    rows += [_change_row("班级", c) for c in va.classes]
    last = write_table(ws, _change_cols(f"{va.previous_year} → {va.school_year}"), rows)
    if va.classes:
        bar_chart(ws, title="各班总分平均变化", y_title="分", header_row=1,
                  first_row=first_class, last_row=last, series_cols=(4, 4), category_col=2,
                  anchor=f"B{last + 3}", percent=False)  # fmt: skip


def _detail_sheet(ws: Sheet, va: ValueAdded) -> None:
    cols = [Col("班级"), Col("学籍号"), Col("姓名"), Col("性别"),
            Col(f"{va.previous_year}总分", ONE_DECIMAL), Col(f"{va.school_year}总分", ONE_DECIMAL),
            Col("总分变化", SIGNED), Col(f"{va.previous_year}等级"), Col(f"{va.school_year}等级"),
            Col("总分提高"), Col("等级上升")]  # fmt: skip
    cols += [Col(f"{ITEM_NAMES[k]}得分变化", SIGNED) for k in ITEM_ORDER]
    rows = []
    for s in va.students:
        c = s.change
        rows.append(
            [s.class_name, s.student_no, s.name, sex_label(s.sex), c.previous_total, c.total,
             c.total_change, c.previous_level, c.level, YES if c.improved else NO,
             YES if c.moved_up else NO, *(c.item_changes.get(k) for k in ITEM_ORDER)]
        )  # fmt: skip
    write_table(ws, cols, rows)


def export_statistics_workbook(db: Database, path: Path | str, school_year: str) -> None:
    """Write the statistics workbook of ``school_year`` to ``path`` (.xlsx), replacing it whole."""
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise UserError(
            tr("The statistics workbook is written as .xlsx, not as {name}.", name=path.name),
            tr("Give the file name the ending .xlsx."),
        )
    year = parse_school_year(school_year)
    stats = fitness_statistics(db, year, group_by=("grade", "class", "sex", "grade_sex"))
    va = value_added(db, year)
    book = Workbook()
    overview = book.active
    overview.title = "概览"
    _overview(overview, stats, va, require_school(db).name)
    _grade_sheet(book.create_sheet("按年级"), stats)
    _group_sheet(book.create_sheet("按班级"), stats, stats.by("class"), "班级")
    by_sex = (*stats.by("sex"), *stats.by("grade_sex"))
    _group_sheet(book.create_sheet("按性别"), stats, by_sex, "分组")
    _value_added_sheet(book.create_sheet("增值评价"), va)
    _detail_sheet(book.create_sheet("增值明细"), va)
    _save(book, path)


def _save(book: Workbook, path: Path) -> None:
    partial = path.with_name(path.name + ".part")
    try:
        book.save(partial)
        os.replace(partial, path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise UserError(
            tr("The file {path} cannot be written ({reason}).", path=path, reason=exc.strerror),
            tr("Close it in Excel or WPS if it is open there, or choose another name."),
        ) from None
