"""The QPainter charts: bars drawn where and as tall as their values say (sampled from the
rendered image), stacking, negative values, Chinese labels, tooltips, the PNG export."""

from __future__ import annotations

import itertools
import math
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from ui.widgets.chart_data import nice_step, signed, tick_text, value_ticks
from ui.widgets.charts import BarChart, LineChart, ReferenceLine

BLUE, ORANGE, GREEN = "#1565c0", "#ef6c00", "#2e7d32"
GRADES = ["一年级", "二年级", "三年级"]


def pixel(image: QImage, point: QPointF, scale: float = 1.0) -> str:
    return image.pixelColor(int(point.x() * scale), int(point.y() * scale)).name()


@pytest.fixture
def chart(qtbot: QtBot) -> BarChart:
    widget = BarChart()
    qtbot.addWidget(widget)
    widget.resize(400, 300)
    return widget


def test_bar_heights_are_proportional_to_the_values(chart: BarChart) -> None:
    values = [0.2, 0.5, 0.8]
    chart.value_labels = False
    chart.set_data(GRADES, [("及格率", values, BLUE)], percent=True)
    image = chart.render_image(scale=1)
    rects = [chart.bar_rect(0, c) for c in range(3)]
    per_unit = [r.height() / v for r, v in zip(rects, values, strict=True)]
    assert max(per_unit) - min(per_unit) < 1e-6
    assert {round(r.bottom(), 6) for r in rects} == {round(rects[0].bottom(), 6)}  # one baseline
    assert rects[0].right() < rects[1].left() < rects[2].left()  # in category order
    for rect in rects:
        assert pixel(image, rect.center()) == BLUE
        assert pixel(image, QPointF(rect.center().x(), rect.top() - 3)) != BLUE  # the bar ends


def test_the_png_scale_draws_the_same_bars(chart: BarChart) -> None:
    chart.set_data(GRADES, [("", [3, 1, 2], GREEN)])
    image = chart.render_image(scale=2)
    assert (image.width(), image.height()) == (800, 600)
    for c in range(3):
        rect = chart.bar_rect(0, c)
        assert pixel(image, rect.center(), scale=2) == GREEN
        assert pixel(image, QPointF(rect.left() - 3, rect.center().y()), scale=2) != GREEN


def test_stacked_shares_fill_the_percent_axis(chart: BarChart) -> None:
    chart.stacked = True
    shares = [(0.25, 0.75), (0.5, 0.5), (0.1, 0.6)]
    chart.set_data(
        GRADES,
        [("优秀", [a for a, _ in shares], GREEN), ("及格", [b for _, b in shares], ORANGE)],
        percent=True,
    )
    image = chart.render_image(scale=1)
    plot = chart.scene().plot
    for c, (a, b) in enumerate(shares):
        low, high = chart.bar_rect(0, c), chart.bar_rect(1, c)
        assert high.bottom() == pytest.approx(low.top())  # the second segment sits on the first
        assert (low.height() + high.height()) == pytest.approx((a + b) * plot.height())
        assert pixel(image, low.center()) == GREEN
        assert pixel(image, high.center()) == ORANGE
    assert chart.bar_rect(0, 0).bottom() == pytest.approx(plot.bottom())  # the axis is 0 %…100 %


def test_negative_values_hang_below_the_zero_line(chart: BarChart) -> None:
    chart.set_data(["一班", "二班"], [("变化", [-2.0, 3.0], BLUE)], value_format=signed)
    down, up = chart.bar_rect(0, 0), chart.bar_rect(0, 1)
    assert down.top() == pytest.approx(up.bottom())  # both start at zero
    assert down.height() / up.height() == pytest.approx(2 / 3)
    texts = [t.text for t in chart.scene().texts]
    assert "-2.0" in texts and "+3.0" in texts


def test_grouped_bars_stand_side_by_side(chart: BarChart) -> None:
    chart.set_data(GRADES, [("男", [10, 20, 30], BLUE), ("女", [30, 20, 10], ORANGE)])
    image = chart.render_image(scale=1)
    for c in range(3):
        boys, girls = chart.bar_rect(0, c), chart.bar_rect(1, c)
        assert boys.right() <= girls.left()
        assert boys.height() / girls.height() == pytest.approx((10 + 10 * c) / (30 - 10 * c))
        assert (pixel(image, boys.center()), pixel(image, girls.center())) == (BLUE, ORANGE)
    legend = {t.text for t in chart.scene().texts}
    assert {"男", "女"} <= legend


def test_horizontal_bars_grow_with_their_values(chart: BarChart) -> None:
    chart.horizontal = True
    schools = [f"孟津区第{n}小学" for n in range(1, 13)]
    values = [0.5 + n / 40 for n in range(12)]
    chart.set_data(schools, [("及格率", values, GREEN)], percent=True)
    assert chart.sizeHint().height() > 300  # grows with the schools, for a scroll area
    chart.resize(500, chart.sizeHint().height())
    image = chart.render_image(scale=1)
    rects = [chart.bar_rect(0, c) for c in range(12)]
    assert {round(r.left(), 6) for r in rects} == {round(rects[0].left(), 6)}
    assert max(r.width() / v for r, v in zip(rects, values, strict=True)) == pytest.approx(
        min(r.width() / v for r, v in zip(rects, values, strict=True))
    )
    assert all(pixel(image, r.center()) == GREEN for r in rects)
    assert all(a.bottom() <= b.top() for a, b in itertools.pairwise(rects))


def test_chinese_labels_rotated_titles_and_references_render(chart: BarChart) -> None:
    classes = [f"{g}年级({n})班" for g in "七八九" for n in range(1, 6)]
    chart.set_data(
        classes,
        [("总分平均变化", [(-1) ** n * n / 3 for n in range(15)], None)],
        title="各班总分平均变化（2025-2026 → 2026-2027）",
        reference=ReferenceLine(0.8, "全校"),
        value_format=signed,
    )
    image = chart.render_image(scale=1)
    scene = chart.scene()
    rotated = [t for t in scene.texts if t.angle]
    assert len(rotated) == 15  # too many to stand upright in 400 px
    assert any(t.text.startswith("全校") for t in scene.texts)
    below = [
        image.pixelColor(x, y).name()
        for x in range(0, 400, 2)
        for y in range(int(scene.plot.bottom()) + 6, 295, 2)
    ]
    assert sum(c != "#ffffff" for c in below) > 50  # the labels were drawn


def test_missing_values_and_empty_charts(chart: BarChart) -> None:
    chart.set_data(GRADES, [("及格率", [0.5, None, 0.7], BLUE)], percent=True)
    assert chart.bar_rect(0, 1).isEmpty()
    chart.clear("先录入成绩，再看图表。")
    assert chart.is_empty()
    assert [t.text for t in chart.scene().texts] == ["先录入成绩，再看图表。"]
    assert chart.render_image(scale=1).width() == 400
    with pytest.raises(ValueError, match="2 values for 3 categories"):
        chart.set_data(GRADES, [("x", [1, 2], None)])


def test_tooltip_names_the_bar(chart: BarChart) -> None:
    chart.set_data(GRADES, [("及格率", [0.5, 0.25, 0.75], BLUE)], percent=True)
    tip = chart.tooltip_at(chart.bar_rect(0, 1).center())
    assert tip == "二年级\n及格率: 25.0%"
    assert chart.tooltip_at(QPointF(1, 1)) == ""


def test_the_scene_is_built_once_and_again_after_a_resize(chart: BarChart) -> None:
    chart.set_data(GRADES, [("及格率", [0.5, 0.25, 0.75], BLUE)], percent=True)
    scene = chart.scene()
    chart.repaint()
    assert chart.scene() is scene  # painting reuses the prepared scene
    chart.resize(600, 300)
    assert chart.scene() is not scene
    assert chart.bar_rect(0, 0).width() > scene.marks[(0, 0)].width()


def test_save_png_writes_a_png_at_twice_the_size(chart: BarChart, tmp_path: Path) -> None:
    chart.set_data(GRADES, [("及格率", [0.5, 0.25, 0.75], BLUE)], percent=True, title="及格率")
    path = chart.save_png(tmp_path / "chart.png")
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    image = QImage(str(path))
    assert (image.width(), image.height()) == (800, 600)
    assert image.pixelColor(*(int(v * 2) for v in chart.bar_rect(0, 0).center().toTuple())) == (
        QColor(BLUE)
    )


def test_save_as_png_asks_where_and_reports_failures(chart: BarChart, tmp_path: Path) -> None:
    chart.set_data(GRADES, [("及格率", [0.5, 0.25, 0.75], BLUE)], title="各年级 及格率")
    chart.export_folder = tmp_path
    asked: list[Path] = []
    chart.ask_save_path = lambda suggested: asked.append(suggested) or tmp_path / "out.png"
    chart.save_action.trigger()  # what the context menu's 图片另存为… does
    assert asked == [tmp_path / "各年级_及格率.png"]
    assert QImage(str(tmp_path / "out.png")).width() == 800
    chart.ask_save_path = lambda suggested: tmp_path / "missing" / "out.png"
    assert chart.save_as_png() is None
    box = chart.findChild(QMessageBox)
    assert box is not None and "could not be written" in box.text()
    chart.ask_save_path = lambda suggested: None  # cancelled
    assert chart.save_as_png() is None


def test_line_chart_points_follow_the_values(qtbot: QtBot) -> None:
    chart = LineChart()
    qtbot.addWidget(chart)
    chart.resize(400, 300)
    years = ["2023-2024", "2024-2025", "2025-2026", "2026-2027"]
    chart.set_data(years, [("全校", [74.0, 76.0, None, 80.0], BLUE)], title="平均总分")
    points = [chart.point(0, c) for c in range(4)]
    assert points[2] is None
    p0, p1, p3 = points[0], points[1], points[3]
    assert p0 is not None and p1 is not None and p3 is not None
    assert (p0.y() - p1.y()) * 2 == pytest.approx(p1.y() - p3.y())  # 2 points vs 4 points
    assert len(chart.scene().polylines) == 1  # the gap breaks the line; 80 stands alone
    image = chart.render_image(scale=1)
    assert pixel(image, p3) == BLUE


@given(
    st.floats(-1e6, 1e6, allow_nan=False),
    st.floats(0, 1e6, allow_nan=False),
)
def test_value_ticks_cover_the_range_in_round_steps(low: float, span: float) -> None:
    high = low + span
    ticks = value_ticks(low, high)
    step = ticks[1] - ticks[0]
    assert ticks[0] <= low + 1e-6 * step  # within a millionth of a step: no visible gap
    assert ticks[-1] >= high - 1e-6 * step
    steps = {round(b - a, 6) for a, b in itertools.pairwise(ticks)}
    mantissa = step / 10 ** math.floor(math.log10(step) + 1e-9)
    assert round(mantissa, 6) in {1, 2, 2.5, 5}
    assert max(steps) - min(steps) <= 1e-6 * max(1.0, step)
    assert 2 <= len(ticks) <= 12


def test_tick_texts() -> None:
    assert tick_text(0.25, nice_step(1), percent=True) == "25%"
    assert tick_text(0.025, 0.025, percent=True) == "2.5%"
    assert tick_text(-0.0, 0.5, percent=False) == "0.0"
    assert tick_text(4, 2, percent=False) == "4"
    assert signed(1.55) == "+1.6" and signed(-0.04) == "0.0" and signed(-2) == "-2.0"
