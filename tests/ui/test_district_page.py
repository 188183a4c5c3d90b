"""区域概览 on the district services' own bureau fixture (tests/app/district, imported, not
copied): a primary, a junior and a nine-year school with students, two years of fitness, a term
of labor and arts written through the real services, a fourth school enrolled that sent nothing,
and packet-ledger rows for every state of the submission matrix. The page shows the matrix with
those states, the analytics tabs show the services' figures, the filters change what is shown,
a chart saves as PNG, and the exports write one file per school."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from app.services.bureau_workspace import init_bureau
from app.services.district.config import load_district_config
from app.services.district.fitness import district_fitness
from app.services.district.scope import SchoolType
from app.services.district.submissions import CellState, submission_matrix
from app.services.fitness_stats_model import GroupStats
from app.services.workspace import Workspace
from tests.app.district.conftest import district  # noqa: F401 (fixture)
from tests.app.district.district_fixture import SILENT, YEAR, District
from tests.app.district.packets_fixture import AUTUMN, SPRING
from tests.conftest import TODAY
from ui.errors import CrashReporter
from ui.models.district_rows import DISTRICT, GRADE, SCHOOL, SEX, FiguresModel
from ui.models.district_submission_model import cell_text
from ui.pages.district_page import DistrictPage
from ui.pages.district_tab_base import DistrictTab
from ui.tasks import TaskRunner

WAIT_MS = 30_000


@pytest.fixture
def page(
    qtbot: QtBot,
    district: District,  # noqa: F811
    runner: TaskRunner,
    reporter: CrashReporter,
) -> Iterator[DistrictPage]:
    widget = DistrictPage(district.ws, runner, today=TODAY)

    def settle(_closing: object) -> None:
        # pytest-qt closes the widget before fixtures are torn down: no task may outlive it.
        assert runner.wait_for_done(WAIT_MS)
        qtbot.waitUntil(lambda: runner.active_count == 0, timeout=WAIT_MS)
        assert reporter.dialog is None, "a background task hit a bug"

    qtbot.addWidget(widget, before_close_func=settle)
    widget.resize(1200, 800)
    widget.show()
    wait(qtbot, widget.submissions_tab)
    yield widget


def wait(qtbot: QtBot, tab: DistrictTab) -> None:
    qtbot.waitUntil(lambda: not tab.loading and tab.result is not None, timeout=WAIT_MS)


def open_tab(qtbot: QtBot, page: DistrictPage, tab: DistrictTab) -> None:
    page.setCurrentWidget(tab)
    wait(qtbot, tab)


# -- 报送情况 ---------------------------------------------------------------------------------


def test_the_matrix_shows_each_schools_state(page: DistrictPage, district: District) -> None:  # noqa: F811
    model = page.submissions_tab.model
    rows = {r.school.code: i for i, r in enumerate(model.rows)}
    p, j, n = (district.codes[k] for k in "PJN")
    assert set(rows) == {p, j, n, SILENT[0]}
    # The fixture's story (tests/app/district/packets_fixture.py): (state, late) per term.
    story = {
        p: {SPRING: (CellState.ACKNOWLEDGED, False), AUTUMN: (CellState.SUBMITTED, False)},
        j: {SPRING: (CellState.ACKNOWLEDGED, True), AUTUMN: (CellState.RETURNED, False)},
        n: {SPRING: (CellState.MISSING, True), AUTUMN: (CellState.RETURNED, False)},
        SILENT[0]: {SPRING: (CellState.MISSING, True), AUTUMN: (CellState.MISSING, False)},
    }
    for code, terms in story.items():
        for term, expected in terms.items():
            cell = model.cell(rows[code], term)
            assert (cell.state, cell.late) == expected, (code, term)
    # Every cell as the service computes it, its text and a colour per state.
    matrix = submission_matrix(district.ws.db, page.filters.matrix_terms, today=TODAY)
    for row in matrix.rows:
        for column, cell in enumerate(row.cells, start=4):
            index = model.index(rows[row.school.code], column)
            assert index.data() == cell_text(cell)
            assert index.data(Qt.ItemDataRole.BackgroundRole) is not None
    autumn = 4 + matrix.terms.index(AUTUMN)
    colours = {model.index(rows[c], autumn).data(Qt.ItemDataRole.BackgroundRole).name()
               for c in story}  # fmt: skip
    assert len(colours) == 3  # submitted, returned, missing
    tip = model.index(rows[j], autumn).data(Qt.ItemDataRole.ToolTipRole)
    assert "The whole packet was returned for correction." in tip
    assert "Packets never received (sequence numbers): 2" in tip
    last = len(model.columns) - 2
    assert model.text(rows[j], last) == "No. 4, 2026-11-25, refused"  # refused, but the last
    assert model.text(rows[j], last + 1) == "2"  # the gap
    assert model.text(rows[SILENT[0]], last) == ""


def test_a_deadline_set_in_the_dialog_makes_the_term_late(
    qtbot: QtBot,
    page: DistrictPage,
    district: District,  # noqa: F811
) -> None:
    tab = page.submissions_tab
    dialog = tab.edit_deadlines()
    assert dialog is not None
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.set_deadline(AUTUMN, dt.date(2026, 8, 1))  # before the term begins: refused
    assert dialog.problems() and not ok.isEnabled()
    dialog.set_deadline(AUTUMN, dt.date(2026, 11, 15))
    assert not dialog.problems() and ok.isEnabled()
    ok.click()
    assert load_district_config(district.ws.db).deadlines[AUTUMN] == dt.date(2026, 11, 15)
    qtbot.waitUntil(lambda: tab.matrix is not None and tab.matrix.deadlines[AUTUMN].day == 15,
                    timeout=WAIT_MS)  # fmt: skip
    late = {r.school.code for r in tab.model.rows if r.cell(AUTUMN).late}
    # P's packet came on 20 November, N's on the 18th, J's on the 10th; SILENT's never came.
    assert late == {district.codes["P"], district.codes["N"], SILENT[0]}
    row = next(i for i, r in enumerate(tab.model.rows) if r.school.code == district.codes["P"])
    assert tab.model.text(row, 4 + tab.filters.matrix_terms.index(AUTUMN)) == "Submitted (late)"


def test_the_matrix_exports_to_xlsx(qtbot: QtBot, page: DistrictPage, tmp_path: Path) -> None:
    tab = page.submissions_tab
    target = tmp_path / "报送情况.xlsx"
    tab.ask_save_path = lambda suggested: target
    tab.export_xlsx()
    qtbot.waitUntil(lambda: tab.last_export == target, timeout=WAIT_MS)
    sheet = load_workbook(target)["报送情况"]
    codes = [sheet.cell(row=r, column=1).value for r in range(2, sheet.max_row + 1)]
    assert sorted(codes) == sorted(r.school.code for r in tab.model.rows)


# -- 体质健康 and the filters ----------------------------------------------------------------


def assert_rows_match(model: FiguresModel, scope: str, groups: tuple[GroupStats, ...]) -> None:
    for g in groups:
        row = model.row_of(scope, g.label)
        for title, expected in (
            ("Tested", g.tested),
            ("Exempt", g.exempt),
            ("Not tested", g.untested),
        ):
            assert model.text(row, model.column_of(title)) == str(expected), (g.label, title)
        for title, rate in (
            ("Excellent or good %", g.excellent_good_rate),
            ("Pass rate %", g.pass_rate),
            ("Obese %", g.obese_rate),
        ):
            shown = model.text(row, model.column_of(title))
            assert shown == ("–" if rate is None else f"{rate * 100:.1f}%"), (g.label, title)
        assert model.text(row, model.column_of("Mean total")) == (
            "–" if g.mean_total is None else f"{g.mean_total:.1f}"
        )


def test_the_fitness_table_shows_the_services_figures(
    qtbot: QtBot,
    page: DistrictPage,
    district: District,  # noqa: F811
) -> None:
    tab = page.fitness_tab
    open_tab(qtbot, page, tab)
    expected = district_fitness(district.ws.db, YEAR)
    model = tab.model
    groups = (expected.schools, expected.district.grades, expected.district.sexes)
    assert model.rowCount() == 1 + sum(len(g) for g in groups)
    assert_rows_match(model, DISTRICT, (expected.district.total,))
    assert_rows_match(model, SCHOOL, expected.schools)
    assert_rows_match(model, GRADE, expected.district.grades)
    assert_rows_match(model, SEX, expected.district.sexes)
    assert tab.good_chart.categories == tuple(g.label for g in expected.schools)
    reference = tab.good_chart.reference
    assert reference is not None and reference.value == expected.district.total.excellent_good_rate
    assert tab.level_chart.horizontal and tab.level_chart.stacked
    for column in range(model.columnCount()):  # every header says what the figure is
        assert model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)


def test_the_school_type_filter_changes_the_rows(
    qtbot: QtBot,
    page: DistrictPage,
    district: District,  # noqa: F811
) -> None:
    tab = page.fitness_tab
    open_tab(qtbot, page, tab)
    tab.bar.choose_type(SchoolType.JUNIOR)
    assert tab.loading
    wait(qtbot, tab)
    expected = district_fitness(district.ws.db, YEAR, school_type=SchoolType.JUNIOR)
    schools = [r.school_code for r in tab.model.rows if r.scope == SCHOOL]
    assert schools == [district.codes["J"], district.codes["N"]]  # 初中: the nine-year too
    assert schools == [g.key[0] for g in expected.schools]
    assert_rows_match(tab.model, DISTRICT, (expected.district.total,))
    assert_rows_match(tab.model, GRADE, expected.district.grades)
    # One filter for the page: the labor tab's bar shows the type, and computes with it.
    assert page.labor_tab.bar.type_combo.currentData() == SchoolType.JUNIOR.value
    open_tab(qtbot, page, page.labor_tab)
    assert [f.key[0] for f in page.labor_tab.result.schools] == schools


def test_choosing_a_school_shows_its_grades(
    qtbot: QtBot,
    page: DistrictPage,
    district: District,  # noqa: F811
) -> None:
    tab = page.fitness_tab
    open_tab(qtbot, page, tab)
    nine = district.codes["N"]
    tab.bar.choose_school(nine)
    wait(qtbot, tab)
    expected = district_fitness(district.ws.db, YEAR, school_code=nine)
    assert expected.school is not None
    assert [r.school_code for r in tab.model.rows if r.scope == SCHOOL] == [nine]
    assert_rows_match(tab.model, GRADE, expected.school.grades)
    assert_rows_match(tab.model, DISTRICT, (expected.district.total,))
    assert tab.grade_chart.categories == tuple(g.label for g in expected.school.grades)


def test_a_chart_saves_a_png(qtbot: QtBot, page: DistrictPage, tmp_path: Path) -> None:
    tab = page.fitness_tab
    open_tab(qtbot, page, tab)
    chart = tab.level_chart
    target = tmp_path / "等级分布.png"
    chart.ask_save_path = lambda suggested: target
    assert chart.save_as_png() == target
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_every_analytics_tab_computes(qtbot: QtBot, page: DistrictPage) -> None:
    for tab in (page.value_added_tab, page.labor_tab, page.arts_tab, page.trends_tab):
        open_tab(qtbot, page, tab)
        assert not tab.stack.showing_hint(), tab
    va = page.value_added_tab.result
    assert page.value_added_tab.change_chart.categories == tuple(c.label for c in va.schools)
    labor = page.labor_tab.result
    assert len(labor.schools) == len(page.filters.schools)  # the silent school shows 0
    assert page.labor_tab.meeting_chart.reference.value == labor.district.meeting_share
    assert page.arts_tab.band_chart.categories[0] == page.arts_tab.result.district.label
    trends = page.trends_tab.result
    assert page.trends_tab.rates_chart.categories == tuple(y.school_year for y in trends.years)


# -- exports -----------------------------------------------------------------------------------


def test_the_national_export_writes_a_file_per_school(
    qtbot: QtBot,
    page: DistrictPage,
    district: District,  # noqa: F811
    tmp_path: Path,
) -> None:
    tab = page.export_tab
    page.setCurrentWidget(tab)
    folder = tmp_path / "national"
    tab.ask_folder = lambda title, suggested: folder
    tab.export_national()
    qtbot.waitUntil(lambda: tab.last_written is not None, timeout=WAIT_MS)
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted(f"{code}.xlsx" for code in district.codes.values())  # not SILENT


def test_the_feedback_export_writes_a_pdf_per_school(
    qtbot: QtBot,
    page: DistrictPage,
    district: District,  # noqa: F811
    tmp_path: Path,
) -> None:
    tab = page.export_tab
    page.setCurrentWidget(tab)
    folder = tmp_path / "feedback"
    tab.ask_folder = lambda title, suggested: folder
    tab.export_feedback()
    qtbot.waitUntil(lambda: tab.last_written is not None, timeout=WAIT_MS)
    pdfs = sorted(folder.glob("*.pdf"))
    assert {p.name.split(" ")[0] for p in pdfs} == set(district.codes.values())
    assert len(pdfs) == len(district.codes)  # one each; none for the school that sent nothing
    assert all(p.read_bytes()[:5] == b"%PDF-" for p in pdfs)
    assert tab.last_written is not None and set(tab.last_written.paths) == set(pdfs)


def test_the_district_workbook_is_written(qtbot: QtBot, page: DistrictPage, tmp_path: Path) -> None:
    tab = page.export_tab
    page.setCurrentWidget(tab)
    target = tmp_path / "全区统计.xlsx"
    tab.ask_save_path = lambda suggested: target
    tab.export_workbook()
    qtbot.waitUntil(lambda: tab.last_written is not None, timeout=WAIT_MS)
    assert tab.last_written is not None and tab.last_written.paths == (target,)
    assert {"概览", "体质健康（学校）", "劳动教育", "美育"} <= set(load_workbook(target).sheetnames)


def test_a_cancelled_feedback_export_writes_nothing(
    qtbot: QtBot, page: DistrictPage, tmp_path: Path
) -> None:
    tab = page.export_tab
    page.setCurrentWidget(tab)
    folder = tmp_path / "feedback"
    tab.ask_folder = lambda title, suggested: folder
    tab.export_feedback()
    assert tab.task is not None
    tab.task.cancel()  # what the progress dialog's Cancel does
    qtbot.waitUntil(lambda: tab.task is not None and not tab.task.running, timeout=WAIT_MS)
    assert tab.last_written is None
    assert not folder.exists() or not list(folder.glob("*.pdf"))


# -- nothing yet -------------------------------------------------------------------------------


def test_an_empty_bureau_says_what_to_do_first(
    qtbot: QtBot, workspace: Workspace, runner: TaskRunner
) -> None:
    init_bureau(workspace.db, name="孟津区教育体育局")
    widget = DistrictPage(workspace, runner, today=TODAY)
    qtbot.addWidget(widget)
    widget.show()
    for tab in (widget.submissions_tab, widget.fitness_tab, widget.trends_tab):
        widget.setCurrentWidget(tab)
        assert tab.stack.showing_hint() and not tab.loading
        assert "Packet intake" in tab.stack.hint.text()
        assert tab.intake_button.isVisibleTo(tab)
    assert runner.active_count == 0  # nothing to compute, nothing started
