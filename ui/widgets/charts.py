"""Charts drawn with QPainter, for looking rather than reading (DESIGN §4): ``BarChart`` (grouped
or stacked, vertical or horizontal) and ``LineChart`` (year-over-year trends). QtCharts is in
PySide6-Addons, which Baosong does not ship.

Data is plain Python: category labels and series ``(name, values, colour)`` with one value per
category (None: no value). Options: ``percent`` (values are fractions, the axis and labels show
%), a ``ReferenceLine`` (the school's or district's mean, dashed), ``value_format`` for the bar
labels (``signed`` for gains and losses). Negative values hang below a zero line. Category labels
that do not fit are turned 45° (vertical) or elided (horizontal bars, the choice for many
categories such as the schools of a district, in a scroll area: ``sizeHint`` grows with them).

Every chart is saved as a PNG from its context menu (图片另存为…) or ``save_png(path)``; the
drawing and the export share one scene (``ui/widgets/chart_widget.py``)::

    chart = BarChart(stacked=True)
    chart.set_data(["一年级", "二年级"], [("优秀", [0.2, 0.3], "#2e7d32"), ("良好", [0.5, 0.4])],
                   percent=True, title="等级分布")
"""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPen, QPolygonF
from PySide6.QtWidgets import QWidget

from ui.widgets.chart_data import (
    ReferenceLine,
    Series,
    compact_text,
    data_range,
    readable_on,
    signed,
    tick_text,
    value_ticks,
)
from ui.widgets.chart_widget import AXIS, LEFT, RIGHT, ChartWidget, Fonts, Scene, Text

__all__ = ["BarChart", "ChartWidget", "LineChart", "ReferenceLine", "Series", "signed"]

LABEL_ROOM = 0.08  # of the value range, added below zero so negative bars' labels fit
SLANT = 0.7071  # sin 45°: rotated category labels


class ValueAxis:
    """Round ticks over a value range, mapped onto pixels from ``start`` (low) to ``end``."""

    def __init__(self, low: float, high: float, *, percent: bool) -> None:
        self.ticks = value_ticks(low, high)
        self.low, self.high = self.ticks[0], self.ticks[-1]
        step = self.ticks[1] - self.ticks[0] if len(self.ticks) > 1 else 1.0
        self.labels = [tick_text(t, step, percent=percent) for t in self.ticks]
        self.start, self.end = 0.0, 1.0

    def place(self, start: float, end: float) -> None:
        self.start, self.end = start, end

    def pos(self, value: float) -> float:
        return self.start + (value - self.low) / (self.high - self.low) * (self.end - self.start)

    def zero(self) -> float | None:
        return self.pos(0.0) if self.low <= 0 <= self.high else None


def vertical_plot(
    chart: ChartWidget, scene: Scene, area: QRectF, fonts: Fonts, axis: ValueAxis
) -> QRectF:
    """Values up the left, categories along the bottom (turned 45° when they do not fit)."""
    metrics = QFontMetricsF(fonts.small)
    h = metrics.height()
    left = max(metrics.horizontalAdvance(t) for t in axis.labels) + 6
    n = len(chart.categories)
    widest = max(metrics.horizontalAdvance(c) for c in chart.categories)
    slot = (area.width() - left - 4) / n
    rotate = widest > slot - 4
    label_w = min(widest, area.height() * 0.3 / SLANT) if rotate else slot
    bottom = (label_w + h) * SLANT + 6 if rotate else h + 6
    if rotate:  # the first label leans left of its bar: leave it room
        left = max(left, label_w * SLANT - slot / 2)
        slot = (area.width() - left - 4) / n
    top = h + 2 if chart.value_labels else h / 2
    plot = QRectF(area.left() + left, area.top() + top, n * slot, area.height() - top - bottom)
    axis.place(plot.bottom(), plot.top())
    for value, label in zip(axis.ticks, axis.labels, strict=True):
        y = axis.pos(value)
        scene.grid.append(QLineF(plot.left(), y, plot.right(), y))
        scene.texts.append(Text(QRectF(area.left(), y - h / 2, left - 6, h), label, fonts.small,
                                QColor(AXIS), RIGHT))  # fmt: skip
    for c, name in enumerate(chart.categories):
        cx = plot.left() + (c + 0.5) * slot
        text = metrics.elidedText(name, Qt.TextElideMode.ElideRight, label_w)
        if rotate:
            scene.texts.append(Text(QRectF(-label_w, -h / 2, label_w, h), text, fonts.small,
                                    flags=RIGHT, origin=QPointF(cx, plot.bottom() + 4),
                                    angle=-45))  # fmt: skip
        else:
            scene.texts.append(Text(QRectF(cx - slot / 2, plot.bottom() + 3, slot, h), text,
                                    fonts.small))  # fmt: skip
    zero = axis.zero()
    if zero is not None:
        scene.strokes.append((QLineF(plot.left(), zero, plot.right(), zero), QPen(AXIS, 1)))
    return plot


def horizontal_plot(
    chart: BarChart, scene: Scene, area: QRectF, fonts: Fonts, axis: ValueAxis
) -> QRectF:
    """Categories down the left (elided), values along the bottom."""
    metrics = QFontMetricsF(fonts.small)
    h = metrics.height()
    cat_w = min(max(metrics.horizontalAdvance(c) for c in chart.categories), area.width() * 0.35)
    values = [v for s in chart.series for v in s.values if v is not None]
    right = left_pad = 4.0
    if chart.value_labels and not chart.stacked:
        widths = [(v, metrics.horizontalAdvance(chart.format_value(v))) for v in values]
        right = max([w for v, w in widths if v >= 0], default=0) + 8
        left_pad = max([w for v, w in widths if v < 0], default=0) + 4
    x0 = area.left() + cat_w + 6 + left_pad
    top = h + 2 if chart.reference is not None else 2.0  # the reference line's label
    plot = QRectF(x0, area.top() + top, area.right() - right - x0, area.height() - h - 6 - top)
    axis.place(plot.left(), plot.right())
    for value, label in zip(axis.ticks, axis.labels, strict=True):
        x = axis.pos(value)
        scene.grid.append(QLineF(x, plot.top(), x, plot.bottom()))
        scene.texts.append(Text(QRectF(x - 40, plot.bottom() + 3, 80, h), label, fonts.small,
                                QColor(AXIS)))  # fmt: skip
    slot = plot.height() / len(chart.categories)
    for c, name in enumerate(chart.categories):
        text = metrics.elidedText(name, Qt.TextElideMode.ElideRight, cat_w)
        rect = QRectF(area.left(), plot.top() + c * slot, cat_w, slot)
        scene.texts.append(Text(rect, text, fonts.small, flags=RIGHT))
    zero = axis.zero()
    if zero is not None:
        scene.strokes.append((QLineF(zero, plot.top(), zero, plot.bottom()), QPen(AXIS, 1)))
    return plot


def add_reference(
    chart: ChartWidget, scene: Scene, axis: ValueAxis, fonts: Fonts, *, horizontal: bool = False
) -> None:
    ref, plot = chart.reference, scene.plot
    if ref is None or not min(axis.low, axis.high) <= ref.value <= max(axis.low, axis.high):
        return
    at = axis.pos(ref.value)
    pen = QPen(QColor(ref.color), 1.5, Qt.PenStyle.DashLine)
    text = f"{ref.label} {chart.format_value(ref.value)}".strip()
    metrics = QFontMetricsF(fonts.small)
    w, h = metrics.horizontalAdvance(text) + 4, metrics.height()
    if horizontal:
        scene.strokes.append((QLineF(at, plot.top(), at, plot.bottom()), pen))
        label = QRectF(min(at - w / 2, plot.right() - w), plot.top() - h - 1, w, h)
        band = QRectF(at - 3, plot.top(), 6, plot.height())
    else:
        scene.strokes.append((QLineF(plot.left(), at, plot.right(), at), pen))
        label = QRectF(plot.right() - w, at - h - 1, w, h)
        band = QRectF(plot.left(), at - 3, plot.width(), 6)
    veil = QColor(255, 255, 255, 210)  # readable over a bar, which still shows through
    scene.texts.append(Text(label, text, fonts.small, QColor(ref.color), RIGHT, background=veil))
    scene.hits.append((band, text))


class BarChart(ChartWidget):
    def __init__(
        self, *, stacked: bool = False, horizontal: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.stacked = stacked
        self.horizontal = horizontal
        self._labels: str | None = "full"  # how bars are labelled (``_label_style``), per scene

    def bar_rect(self, series: int, category: int) -> QRectF:
        """Where a bar (or a stacked segment) is drawn; empty when it has no value."""
        return self.scene().marks.get((series, category), QRectF())

    def value_range(self) -> tuple[float, float]:
        if self.axis_range is not None:
            return self.axis_range
        include = [self.reference.value] if self.reference is not None else []
        if self.stacked:
            ups = [sum(v for s in self.series if (v := s.values[c]) and v > 0)
                   for c in range(len(self.categories))]  # fmt: skip
            downs = [sum(v for s in self.series if (v := s.values[c]) and v < 0)
                     for c in range(len(self.categories))]  # fmt: skip
            low, high = data_range([*ups, *downs], include=include)
            if self.percent and low == 0 and high <= 1 + 1e-9:
                return 0.0, 1.0  # shares of a whole: always the whole axis
            return low, high
        values = [v for s in self.series for v in s.values if v is not None]
        low, high = data_range(values, include=include)
        if low < 0 and self.value_labels and not self.horizontal:
            low -= (high - low) * LABEL_ROOM  # the labels under negative bars (above: a margin)
        return low, high

    def sizeHint(self) -> QSize:
        if not self.horizontal:
            return super().sizeHint()
        line = QFontMetricsF(self.font()).height()
        row = line * (1.6 if self.stacked or len(self.series) < 2 else 1.1 * len(self.series))
        return QSize(520, int(max(200, 90 + len(self.categories) * row)))

    def build_scene(self, size: QSizeF, fonts: Fonts) -> Scene:
        scene, area = self.frame(size, fonts)
        if self.is_empty() or area.width() < 60 or area.height() < 40:
            return self.empty_scene(scene, area, fonts)
        axis = ValueAxis(*self.value_range(), percent=self.percent)
        plot = horizontal_plot if self.horizontal else vertical_plot
        scene.plot = plot(self, scene, area, fonts, axis)
        slot_count = len(self.categories)
        start = scene.plot.top() if self.horizontal else scene.plot.left()
        length = scene.plot.height() if self.horizontal else scene.plot.width()
        slot = length / slot_count
        self._labels = self._label_style(fonts, slot)
        for c in range(slot_count):
            self._category(scene, axis, fonts, c, start + c * slot, slot)
        add_reference(self, scene, axis, fonts, horizontal=self.horizontal)
        return scene

    def _label_style(self, fonts: Fonts, slot: float) -> str | None:
        """Side by side, bars are labelled all alike: in full, all short ("45%") when a full
        label does not fit, or not at all (the tooltips still tell) when a short one does not."""
        if self.stacked or self.horizontal:
            return "full"
        metrics = QFontMetricsF(fonts.small)
        room = self._room(slot)
        values = [v for s in self.series for v in s.values if v is not None]
        styles = (("full", self.format_value), ("short", self._short))
        for style, text in styles if self.value_format is None else styles[:1]:
            if all(metrics.horizontalAdvance(text(v)) <= room for v in values):
                return style
        return None

    def _short(self, value: float) -> str:
        return compact_text(value, percent=self.percent)

    def _room(self, slot: float) -> float:
        """The width a label above a bar may take (its neighbours' labels must not touch)."""
        k = len(self.series)
        return slot * 0.72 / k + 2 if k > 1 else slot * 0.95

    def _category(
        self, scene: Scene, axis: ValueAxis, fonts: Fonts, c: int, at: float, slot: float
    ) -> None:
        k = len(self.series)
        if self.stacked:
            thick = slot * 0.6
            up = down = 0.0
            for i, s in enumerate(self.series):
                v = s.values[c]
                if not v:
                    continue
                base = up if v > 0 else down
                rect = self._rect(axis, at + (slot - thick) / 2, thick, base, base + v)
                up, down = (up + v, down) if v > 0 else (up, down + v)
                self._bar(scene, fonts, rect, i, c, v, slot)
            return
        inner = slot * (0.72 if k > 1 else 0.6)
        thick = inner / k
        gap = 1.0 if thick > 6 else 0.0
        for i, s in enumerate(self.series):
            v = s.values[c]
            if v is None:
                continue
            rect = self._rect(axis, at + (slot - inner) / 2 + i * thick, thick - gap, 0.0, v)
            self._bar(scene, fonts, rect, i, c, v, self._room(slot))

    def _rect(self, axis: ValueAxis, at: float, thick: float, v0: float, v1: float) -> QRectF:
        p0, p1 = axis.pos(min(v0, v1)), axis.pos(max(v0, v1))
        if self.horizontal:
            return QRectF(QPointF(p0, at), QPointF(p1, at + thick))
        return QRectF(QPointF(at, p1), QPointF(at + thick, p0))

    def _bar(
        self, scene: Scene, fonts: Fonts, rect: QRectF, i: int, c: int, v: float, room: float
    ) -> None:
        s = self.series[i]
        scene.fills.append((rect, s.color))
        scene.marks[(i, c)] = rect
        text = self.format_value(v)
        tip = (
            f"{self.categories[c]}\n{s.name}: {text}" if s.name else f"{self.categories[c]}: {text}"
        )
        scene.hits.append((rect.adjusted(-1, -2, 1, 2), tip))
        if self.value_labels and (v != 0 or len(self.series) == 1):
            self._label(scene, fonts, rect, s, v, room)

    def _label(
        self, scene: Scene, fonts: Fonts, rect: QRectF, s: Series, v: float, room: float
    ) -> None:
        metrics = QFontMetricsF(fonts.small)
        h = metrics.height()
        if self._labels is None:
            return
        text = self._short(v) if self._labels == "short" else self.format_value(v)
        w = metrics.horizontalAdvance(text)
        if self.stacked:  # inside the segment, written short if need be, or not at all
            if w + 4 > rect.width() or h > rect.height():
                text = self._short(v)
                w = metrics.horizontalAdvance(text)
                if self.value_format is not None or w + 4 > rect.width() or h > rect.height():
                    return
        elif self.horizontal and h > room + 2:
            return
        if self.stacked:
            scene.texts.append(Text(rect, text, fonts.small, readable_on(s.color)))
        elif self.horizontal:
            y = rect.center().y() - h / 2
            if v >= 0:
                scene.texts.append(Text(QRectF(rect.right() + 3, y, w + 2, h), text, fonts.small,
                                        flags=LEFT))  # fmt: skip
            else:
                scene.texts.append(Text(QRectF(rect.left() - w - 5, y, w + 2, h), text,
                                        fonts.small, flags=RIGHT))  # fmt: skip
        else:
            y = rect.top() - h - 1 if v >= 0 else rect.bottom() + 1
            scene.texts.append(Text(QRectF(rect.center().x() - w / 2 - 2, y, w + 4, h), text,
                                    fonts.small))  # fmt: skip


class LineChart(ChartWidget):
    """Lines over ordered categories (years, terms); the value axis fits the data rather than
    starting at zero, so a change from 76 to 78 is visible."""

    def __init__(self, *, from_zero: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.from_zero = from_zero

    def point(self, series: int, category: int) -> QPointF | None:
        rect = self.scene().marks.get((series, category))
        return rect.center() if rect is not None else None

    def value_range(self) -> tuple[float, float]:
        if self.axis_range is not None:
            return self.axis_range
        values = [v for s in self.series for v in s.values if v is not None]
        if self.reference is not None:
            values.append(self.reference.value)
        if not values:
            return 0.0, 1.0
        if self.from_zero:
            return data_range(values)
        low, high = min(values), max(values)
        pad = (high - low) * 0.1 or abs(high) * 0.1 or 1.0
        return low - pad, high + pad

    def build_scene(self, size: QSizeF, fonts: Fonts) -> Scene:
        scene, area = self.frame(size, fonts)
        if self.is_empty() or area.width() < 60 or area.height() < 40:
            return self.empty_scene(scene, area, fonts)
        axis = ValueAxis(*self.value_range(), percent=self.percent)
        scene.plot = vertical_plot(self, scene, area, fonts, axis)
        slot = scene.plot.width() / len(self.categories)
        metrics = QFontMetricsF(fonts.small)
        for i, s in enumerate(self.series):
            run: list[QPointF] = []
            for c, v in enumerate((*s.values, None)):
                if v is None:
                    if len(run) > 1:
                        scene.polylines.append((QPolygonF(run), s.color))
                    run = []
                    continue
                point = QPointF(scene.plot.left() + (c + 0.5) * slot, axis.pos(v))
                run.append(point)
                scene.dots.append((point, s.color))
                scene.marks[(i, c)] = QRectF(point.x() - 4, point.y() - 4, 8, 8)
                text = self.format_value(v)
                scene.hits.append((QRectF(point.x() - 6, point.y() - 6, 12, 12),
                                   f"{self.categories[c]}\n{s.name}: {text}"))  # fmt: skip
                w, h = metrics.horizontalAdvance(text), metrics.height()
                if self.value_labels and len(self.series) == 1 and w < slot:
                    scene.texts.append(Text(QRectF(point.x() - w / 2 - 2, point.y() - h - 4,
                                                   w + 4, h), text, fonts.small, s.color))  # fmt: skip
        add_reference(self, scene, axis, fonts)
        return scene
