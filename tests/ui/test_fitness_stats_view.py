"""体质健康 → 统计分析 on a small demo school with two years of results: the table shows the
service's figures, the grouping switches, the value-added chart has a bar per class, the
workbook is written, and the empty state says what to do."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pytestqt.qtbot import QtBot

from app.scoring.fitness_ranges import item_label
from app.services.demo import create_demo_school
from app.services.fitness_stats import fitness_statistics
from app.services.fitness_stats_model import LEVELS, GroupStats
from app.services.value_added import value_added
from app.services.workspace import Workspace
from tests.conftest import TODAY
from ui.models.fitness_columns import level_labels
from ui.pages.fitness_page import FitnessPage
from ui.pages.fitness_stats_view import FitnessStatsView
from ui.tasks import TaskRunner

YEAR, PREVIOUS = "2026-2027", "2025-2026"  # the demo records both


@pytest.fixture
def demo_ws(workspace: Workspace) -> Workspace:
    create_demo_school(workspace.db, students=120, seed=5, actor="demo", today=TODAY)
    return workspace


def wait_computed(qtbot: QtBot, view: FitnessStatsView) -> None:
    qtbot.waitUntil(lambda: not view.loading and view.stats is not None)


@pytest.fixture
def view(qtbot: QtBot, demo_ws: Workspace, runner: TaskRunner) -> Iterator[FitnessStatsView]:
    stats_view = FitnessStatsView(demo_ws, runner)
    qtbot.addWidget(stats_view)
    stats_view.resize(1000, 700)
    stats_view.show()  # showing computes, in the background
    assert stats_view.loading
    wait_computed(qtbot, stats_view)
    yield stats_view
    assert runner.wait_for_done(10_000)
    qtbot.waitUntil(lambda: runner.active_count == 0)  # no task outlives the test


def cell(view: FitnessStatsView, row: int, title: str) -> str:
    model = view.model
    return str(model.index(row, model.column_of(title)).data())


def rate(text: str) -> float | None:
    return None if text == "–" else float(text.removesuffix("%")) / 100


def assert_row_matches(view: FitnessStatsView, row: int, g: GroupStats) -> None:
    assert view.model.text(row, 0) == g.label
    for title, count in (("Tested", g.tested), ("Exempt", g.exempt),
                         ("Incomplete", g.incomplete), ("Not tested", g.untested)):  # fmt: skip
        assert int(cell(view, row, title)) == count, (g.label, title)
    assert g.mean_total is not None
    assert float(cell(view, row, "Mean total")) == pytest.approx(g.mean_total, abs=0.05)
    rates = {f"{level_labels()[level]} %": g.level_rate(level) for level in LEVELS}
    rates |= {
        "Excellent or good %": g.excellent_good_rate,
        "Pass rate %": g.pass_rate,
        "Obese %": g.obese_rate,
        "Overweight %": g.overweight_rate,
        "Underweight %": g.underweight_rate,
    }
    rates |= {f"{item_label(k)} pass %": item.pass_rate for k, item in g.items.items()}
    for title, expected in rates.items():
        shown = rate(cell(view, row, title))
        if expected is None:
            assert shown is None, (g.label, title)
        else:
            assert shown == pytest.approx(expected, abs=0.0005), (g.label, title)
    for key, item in g.items.items():
        assert item.mean is not None
        shown_mean = float(cell(view, row, f"{item_label(key)} mean"))
        assert shown_mean == pytest.approx(item.mean, abs=0.05)


@pytest.mark.parametrize("grouping", ["grade", "class", "sex"])
def test_the_table_shows_the_services_figures(
    view: FitnessStatsView, demo_ws: Workspace, grouping: str
) -> None:
    view.set_grouping(grouping)
    expected = fitness_statistics(demo_ws.db, YEAR, group_by=(grouping,))
    groups = expected.by(grouping)
    assert view.model.rowCount() == 1 + len(groups)
    assert_row_matches(view, 0, expected.school)
    for row, group in enumerate(groups, start=1):
        assert_row_matches(view, row, group)
    assert view.level_chart.categories == (expected.school.label, *(g.label for g in groups))


def test_value_added_is_in_the_table_and_the_summary(
    view: FitnessStatsView, demo_ws: Workspace
) -> None:
    va = value_added(demo_ws.db, YEAR)
    view.set_grouping("class")
    by_label = {view.model.text(r, 0): r for r in range(view.model.rowCount())}
    assert int(cell(view, 0, "Compared")) == va.school.n
    for summary in va.classes:
        row = by_label[summary.label]
        assert int(cell(view, row, "Compared")) == summary.n
        assert summary.improved_share is not None
        assert rate(cell(view, row, "Improved %")) == pytest.approx(
            summary.improved_share, abs=0.0005
        )
    assert f"{va.school.n} students compared" in view.summary.text()
    view.set_grouping("sex")  # no value-added by sex: shown as missing, not as 0
    assert cell(view, 1, "Mean change") == "–"


def test_value_added_chart_has_one_bar_per_class(
    view: FitnessStatsView, demo_ws: Workspace
) -> None:
    va = value_added(demo_ws.db, YEAR)
    chart = view.change_chart
    view.chart_tabs.setCurrentIndex(2)
    assert len(va.classes) >= 4
    assert chart.categories == tuple(c.label for c in va.classes)
    changes = [c.mean_change or 0.0 for c in va.classes]
    rects = [chart.bar_rect(0, i) for i in range(len(changes))]
    assert all(not r.isEmpty() or change == 0 for r, change in zip(rects, changes, strict=True))
    ups = {round(r.bottom(), 6) for r, c in zip(rects, changes, strict=True) if c and c > 0}
    downs = {round(r.top(), 6) for r, c in zip(rects, changes, strict=True) if c and c < 0}
    assert ups and len(ups | downs) == 1  # gains stand on the zero line, losses hang from it
    per_point = [r.height() / abs(c) for r, c in zip(rects, changes, strict=True) if c]
    assert max(per_point) == pytest.approx(min(per_point))
    assert chart.reference is not None and chart.reference.value == va.school.mean_change
    assert view.improved_chart.categories == chart.categories


def test_choosing_another_year_computes_it(
    qtbot: QtBot, view: FitnessStatsView, demo_ws: Workspace
) -> None:
    view.year_combo.setCurrentIndex(view.year_combo.findData(PREVIOUS))
    assert view.loading
    wait_computed(qtbot, view)
    assert view.stats is not None and view.stats.school_year == PREVIOUS
    view.set_grouping("grade")
    expected = fitness_statistics(demo_ws.db, PREVIOUS, group_by=("grade",))
    assert_row_matches(view, 0, expected.school)
    # Nothing recorded in the year before 2025-2026: the value-added charts say why they are empty.
    assert view.change_chart.is_empty()
    assert "2024-2025" in view.change_chart.empty_text


def test_a_stale_result_is_dropped(qtbot: QtBot, view: FitnessStatsView) -> None:
    view.year_combo.setCurrentIndex(view.year_combo.findData(PREVIOUS))
    view.year_combo.setCurrentIndex(view.year_combo.findData(YEAR))  # before the first returns
    wait_computed(qtbot, view)
    qtbot.waitUntil(lambda: view._runner.active_count == 0)
    assert view.stats is not None and view.stats.school_year == YEAR


def test_export_writes_the_workbook(
    qtbot: QtBot, view: FitnessStatsView, demo_ws: Workspace, tmp_path: Path
) -> None:
    asked: list[Path] = []
    target = tmp_path / "统计.xlsx"
    view.ask_save_path = lambda suggested: asked.append(suggested) or target
    view.export_button.click()
    qtbot.waitUntil(lambda: view.last_export is not None)
    assert asked[0].suffix == ".xlsx" and YEAR in asked[0].name
    book = load_workbook(target, read_only=True)
    assert {"概览", "按年级", "按班级", "按性别", "增值评价", "增值明细"} <= set(book.sheetnames)
    classes = fitness_statistics(demo_ws.db, YEAR, group_by=("class",)).by("class")
    rows = list(book["按班级"].iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in rows] == [g.label for g in classes]
    book.close()


def test_an_empty_school_says_what_to_do_first(
    qtbot: QtBot, school_ws: Workspace, runner: TaskRunner
) -> None:
    page = FitnessPage(school_ws, runner, today=TODAY)
    qtbot.addWidget(page)
    page.show()
    page.tabs.setCurrentWidget(page.stats_view)
    stats_view = page.stats_view
    wait_computed(qtbot, stats_view)
    assert stats_view.stack.showing_hint()
    assert "No fitness results for 2026-2027 yet" in stats_view.stack.hint.text()
    stats_view.enter_button.click()
    assert page.tabs.currentIndex() == 0
    assert runner.wait_for_done(10_000)
    qtbot.waitUntil(lambda: runner.active_count == 0)
