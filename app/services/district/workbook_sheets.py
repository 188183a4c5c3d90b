"""The topic sheets of the district statistics workbook: one table per sheet (a row per school,
grade or sex, the district in the last row), Chinese headers, percent and one-decimal cells,
and native Excel bar charts over the table, as in the school's statistics workbook."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from app.arts.config import BAND_NAMES_ZH, BANDS
from app.arts.constants import AwardLevel, SpecialtyGroup
from app.labor.constants import Category
from app.scoring.bmi_category import NORMAL, OBESE, OVERWEIGHT, UNDERWEIGHT
from app.services.district.arts import ArtsFigures, DistrictArts
from app.services.district.fitness import DistrictFitness
from app.services.district.labor import DistrictLabor, LaborFigures
from app.services.district.value_added import DistrictValueAdded
from app.services.fitness_stats_model import LEVELS, GroupStats
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
from app.services.value_added import ChangeSummary

DISTRICT_ROW: Final = "全区"
BMI_COLUMNS: Final = ((NORMAL, "正常体重率"), (UNDERWEIGHT, "低体重率"), (OVERWEIGHT, "超重率"),
                      (OBESE, "肥胖率"))  # fmt: skip


# -- fitness ------------------------------------------------------------------------------------
FITNESS_RATES: Final = (11, 12)  # 优良率, 及格率 (1-based columns, for the charts)
FITNESS_BMI: Final = (14, 16)  # 低体重率, 超重率, 肥胖率


def _fitness_cols(first: str) -> list[Col]:
    cols = [Col(first), Col("测试人数", INTEGER), Col("免测人数", INTEGER),
            Col("缺项人数", INTEGER), Col("未测人数", INTEGER), Col("平均总分", ONE_DECIMAL)]  # fmt: skip
    cols += [Col(f"{level}占比", PERCENT) for level in LEVELS]
    cols += [Col("优良率", PERCENT), Col("及格率", PERCENT)]
    cols += [Col(name, PERCENT) for _, name in BMI_COLUMNS]
    assert cols[FITNESS_RATES[0] - 1].header == "优良率"
    assert cols[FITNESS_BMI[0] - 1].header == "低体重率"
    return cols


def _fitness_row(g: GroupStats, label: str | None = None) -> list[object]:
    row: list[object] = [label or g.label, g.tested, g.exempt, g.incomplete, g.untested,
                         g.mean_total]  # fmt: skip
    row += [g.level_rate(level) for level in LEVELS]
    row += [g.excellent_good_rate, g.pass_rate]
    return row + [g.bmi_rate(category) for category, _ in BMI_COLUMNS]


def fitness_schools(ws: Sheet, f: DistrictFitness) -> None:
    rows = [_fitness_row(g) for g in f.schools] + [_fitness_row(f.district.total, DISTRICT_ROW)]
    last = write_table(ws, _fitness_cols("学校"), rows)
    n = len(f.schools)
    if n:
        bar_chart(ws, title="各校优良率与及格率", y_title="比例", series_cols=FITNESS_RATES,
                  header_row=1, first_row=2, last_row=n + 1, anchor=f"B{last + 3}")  # fmt: skip
        bar_chart(ws, title="各校低体重、超重、肥胖率", y_title="比例", series_cols=FITNESS_BMI,
                  header_row=1, first_row=2, last_row=n + 1, anchor=f"L{last + 3}")  # fmt: skip


def fitness_groups(ws: Sheet, f: DistrictFitness) -> None:
    groups = (*f.district.grades, *f.district.sexes, *f.district.grade_sex)
    rows = [_fitness_row(g) for g in groups] + [_fitness_row(f.district.total, DISTRICT_ROW)]
    write_table(ws, _fitness_cols("年级 / 性别"), rows)
    n = len(f.district.grades)
    if n:
        bar_chart(ws, title="各年级等级比例", y_title="占比", series_cols=(7, 10), header_row=1,
                  first_row=2, last_row=n + 1, anchor=f"B{len(rows) + 4}")  # fmt: skip


# -- value added ----------------------------------------------------------------------------------
def _change_row(c: ChangeSummary, missing: int | None, label: str | None = None) -> list[object]:
    return [label or c.label, c.n, missing, c.mean_change, c.improved, c.improved_share,
            c.moved_up, c.moved_up_share]  # fmt: skip


def value_added(ws: Sheet, va: DistrictValueAdded) -> None:
    cols = [Col("学校"), Col("比较人数", INTEGER), Col("未比较人数", INTEGER),
            Col("总分平均变化", SIGNED), Col("提高人数", INTEGER), Col("提高比例", PERCENT),
            Col("等级上升人数", INTEGER), Col("等级上升比例", PERCENT)]  # fmt: skip
    rows = [_change_row(c, va.not_compared.get(c.key[0])) for c in va.schools]
    rows.append(_change_row(va.district, sum(va.not_compared.values()), DISTRICT_ROW))
    rows += [_change_row(g, None) for g in va.district_grades]
    last = write_table(ws, cols, rows)
    n = len(va.schools)
    if n:
        bar_chart(ws, title=f"各校总分平均变化（{va.previous_year} → {va.school_year}）",
                  y_title="分", series_cols=(4, 4), header_row=1, first_row=2, last_row=n + 1,
                  anchor=f"B{last + 3}", percent=False)  # fmt: skip


# -- labor ----------------------------------------------------------------------------------------
def _labor_row(x: LaborFigures, label: str | None = None) -> list[object]:
    return [label or x.label, x.students, x.weekly_out_of_class, x.mean_threshold, x.meeting,
            x.meeting_share, x.weekly_total,
            *(x.category_share(c.value) for c in Category)]  # fmt: skip


def labor(ws: Sheet, lab: DistrictLabor) -> None:
    cols = [Col("学校 / 年级"), Col("学生数", INTEGER), Col("周均课外及家务劳动（分钟）", ONE_DECIMAL),
            Col("平均标准（分钟/周）", ONE_DECIMAL), Col("达标人数", INTEGER),
            Col("达标率", PERCENT), Col("周均劳动总时长（分钟）", ONE_DECIMAL)]  # fmt: skip
    cols += [Col(f"{c.label_zh}占比", PERCENT) for c in Category]
    rows = [_labor_row(x) for x in lab.schools] + [_labor_row(lab.district, DISTRICT_ROW)]
    rows += [_labor_row(x) for x in lab.district_grades]
    last = write_table(ws, cols, rows)
    n = len(lab.schools)
    if n:
        bar_chart(ws, title=f"各校周均课外及家务劳动时长（{lab.term}）", y_title="分钟",
                  series_cols=(3, 4), header_row=1, first_row=2, last_row=n + 1,
                  anchor=f"B{last + 3}", percent=False)  # fmt: skip
        bar_chart(ws, title="各校劳动类别构成", y_title="占比", series_cols=(8, 10), header_row=1,
                  first_row=2, last_row=n + 1, anchor=f"L{last + 3}")  # fmt: skip


# -- arts -----------------------------------------------------------------------------------------
ARTS_BAND_RATES: Final = (8, 11)


def _arts_row(a: ArtsFigures, label: str | None = None) -> list[object]:
    row: list[object] = [label or a.label, a.students, a.assessed]
    row += [a.band_counts[b] for b in BANDS] + [a.band_rate(b) for b in BANDS]
    row += [a.mean_total, a.participation_rate, a.with_specialty, a.specialty_rate]
    row += [a.specialties.get(g.value, 0) for g in SpecialtyGroup]
    return row + [a.awards.get(level.value, 0) for level in AwardLevel]


def arts(ws: Sheet, art: DistrictArts) -> None:
    cols = [Col("学校 / 年级"), Col("学生数", INTEGER), Col("测评人数", INTEGER)]
    cols += [Col(f"{BAND_NAMES_ZH[b]}人数", INTEGER) for b in BANDS]
    cols += [Col(f"{BAND_NAMES_ZH[b]}占比", PERCENT) for b in BANDS]
    cols += [Col("平均分", ONE_DECIMAL), Col("活动参与率", PERCENT), Col("有特长学生数", INTEGER),
             Col("有特长学生占比", PERCENT)]  # fmt: skip
    cols += [Col(f"{g.label_zh}类特长", INTEGER) for g in SpecialtyGroup]
    cols += [Col(f"{level.label_zh}获奖", INTEGER) for level in AwardLevel]
    assert cols[ARTS_BAND_RATES[0] - 1].header == "优秀占比"
    rows = [_arts_row(a) for a in art.schools] + [_arts_row(art.district, DISTRICT_ROW)]
    rows += [_arts_row(a) for a in art.district_grades]
    last = write_table(ws, cols, rows)
    n = len(art.schools)
    if n:
        bar_chart(ws, title="各校艺术素质测评等级构成", y_title="占比", series_cols=ARTS_BAND_RATES,
                  header_row=1, first_row=2, last_row=n + 1, anchor=f"B{last + 3}")  # fmt: skip


def specialties(ws: Sheet, art: DistrictArts) -> None:
    cols = [Col("类别"), Col("项目"), Col("人次", INTEGER)]
    rows: Sequence[Sequence[object]] = [
        [SpecialtyGroup(group).label_zh, category, n]
        for (group, category), n in art.categories.items()
    ]
    write_table(ws, cols, rows)
