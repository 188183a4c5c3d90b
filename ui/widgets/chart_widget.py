"""What every chart shares (``ui/widgets/charts.py``): the data, a prepared scene, painting,
PNG export and tooltips.

A chart turns its data and size into a ``Scene`` (rectangles, lines and texts in widget
coordinates) once, when the data, the size or the font changed, and ``paintEvent`` only draws
that scene: repainting (a tooltip, a window passing over) costs a few fill calls. Fonts are the
widget's (the application font, whose CJK fallback ``ui/fonts.py`` installs) turned into pixel
sizes, so the same scene renders identically into a QImage at 2× for ``save_png``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QEvent, QLineF, QPointF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QFont,
    QFontInfo,
    QFontMetricsF,
    QHelpEvent,
    QImage,
    QPainter,
    QPaintEvent,
    QPen,
    QPolygonF,
    QResizeEvent,
)
from PySide6.QtWidgets import QFileDialog, QMenu, QSizePolicy, QToolTip, QWidget

from app.errors import UserError
from ui.errors import show_user_error
from ui.widgets.chart_data import (
    ReferenceLine,
    Series,
    SeriesLike,
    ValueFormat,
    as_series,
    value_text,
)

BACKGROUND = QColor("#ffffff")
GRID = QColor("#e3e3e3")
AXIS = QColor("#616161")
TEXT = QColor("#303030")
MARGIN = 8.0
LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
CENTER = int(Qt.AlignmentFlag.AlignCenter)


@dataclass(frozen=True)
class Fonts:
    normal: QFont
    small: QFont
    title: QFont

    @staticmethod
    def from_widget(font: QFont) -> Fonts:
        """Pixel-sized copies of the widget's font: the same size on screen and in a PNG."""
        pixels = max(QFontInfo(font).pixelSize(), 9)

        def sized(px: float, bold: bool = False) -> QFont:
            f = QFont(font)
            f.setPixelSize(max(round(px), 8))
            f.setBold(bold)
            return f

        return Fonts(sized(pixels), sized(pixels * 0.9), sized(pixels * 1.1, bold=True))


@dataclass
class Text:
    rect: QRectF  # relative to ``origin`` when the text is rotated
    text: str
    font: QFont
    color: QColor = field(default_factory=lambda: QColor(TEXT))
    flags: int = int(Qt.AlignmentFlag.AlignCenter)  # alignment and text flags
    origin: QPointF | None = None
    angle: float = 0.0
    background: QColor | None = None  # behind the text (a label over bars)


@dataclass
class Scene:
    """Everything ``paint`` draws, in widget coordinates, in drawing order by kind."""

    plot: QRectF = field(default_factory=QRectF)
    grid: list[QLineF] = field(default_factory=list)
    fills: list[tuple[QRectF, QColor]] = field(default_factory=list)
    polylines: list[tuple[QPolygonF, QColor]] = field(default_factory=list)
    dots: list[tuple[QPointF, QColor]] = field(default_factory=list)
    strokes: list[tuple[QLineF, QPen]] = field(default_factory=list)  # over the bars
    texts: list[Text] = field(default_factory=list)
    hits: list[tuple[QRectF, str]] = field(default_factory=list)  # tooltips
    marks: dict[tuple[int, int], QRectF] = field(default_factory=dict)  # (series, category)


def paint(painter: QPainter, scene: Scene, size: QSizeF) -> None:
    painter.fillRect(QRectF(QPointF(0, 0), size), BACKGROUND)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setPen(QPen(GRID, 1))
    for line in scene.grid:
        painter.drawLine(line)
    for rect, color in scene.fills:
        painter.fillRect(rect, color)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    for polygon, color in scene.polylines:
        painter.setPen(QPen(color, 2))
        painter.drawPolyline(polygon)
    painter.setPen(Qt.PenStyle.NoPen)
    for point, color in scene.dots:
        painter.setBrush(color)
        painter.drawEllipse(point, 3.5, 3.5)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for line, pen in scene.strokes:
        painter.setPen(pen)
        painter.drawLine(line)
    for t in scene.texts:
        painter.setFont(t.font)
        painter.setPen(t.color)
        if t.background is not None:
            painter.fillRect(t.rect, t.background)
        if t.origin is None:
            painter.drawText(t.rect, t.flags, t.text)
            continue
        painter.save()
        painter.translate(t.origin)
        painter.rotate(t.angle)
        painter.drawText(t.rect, t.flags, t.text)
        painter.restore()


def _file_stem(title: str) -> str:
    stem = re.sub(r'[\\/:*?"<>|\s]+', "_", title).strip("_")
    return stem or "chart"


class ChartWidget(QWidget):
    """A chart's data, scene and exports; subclasses implement ``build_scene``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = ""
        self.categories: tuple[str, ...] = ()
        self.series: tuple[Series, ...] = ()
        self.percent = False
        self.reference: ReferenceLine | None = None
        self.value_format: ValueFormat | None = None
        self.value_labels = True
        self.axis_range: tuple[float, float] | None = None
        self.legend: bool | None = None  # None: shown when there is more than one series
        self.empty_text = self.tr("Nothing to show yet.")
        self.export_folder: Path | None = None
        # An edge: tests (and callers with their own dialog) replace it.
        self.ask_save_path: Callable[[Path], Path | None] = self._ask_save_path
        self._scene: Scene | None = None
        self._scene_size = QSize()
        self.save_action = QAction(self.tr("Save as PNG…"), self)
        self.save_action.triggered.connect(self.save_as_png)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(240, 160)

    # -- data ---------------------------------------------------------------------------------

    def set_data(
        self,
        categories: Sequence[str],
        series: Sequence[SeriesLike],
        *,
        title: str | None = None,
        percent: bool | None = None,
        reference: ReferenceLine | None = None,
        value_format: ValueFormat | None = None,
        axis_range: tuple[float, float] | None = None,
    ) -> None:
        """Categories along the axis and ``(name, values, colour)`` series, one value per
        category. ``percent``: values are fractions shown as % (axis and labels)."""
        self.categories = tuple(str(c) for c in categories)
        self.series = as_series(series, len(self.categories))
        if title is not None:
            self.title = title
        if percent is not None:
            self.percent = percent
        self.reference = reference
        self.value_format = value_format
        self.axis_range = axis_range
        self.invalidate()

    def clear(self, empty_text: str | None = None) -> None:
        if empty_text is not None:
            self.empty_text = empty_text
        self.set_data([], [], reference=None)

    def is_empty(self) -> bool:
        return not self.categories or not self.series

    def format_value(self, value: float) -> str:
        if self.value_format is not None:
            return self.value_format(value)
        return value_text(value, percent=self.percent)

    def show_legend(self) -> bool:
        return len(self.series) > 1 if self.legend is None else self.legend

    # -- the scene ----------------------------------------------------------------------------

    def invalidate(self) -> None:
        """The scene is built again before the next paint (data, size or font changed)."""
        self._scene = None
        self.updateGeometry()
        self.update()

    def scene(self) -> Scene:
        """The scene for the current size, built if the data, size or font changed."""
        if self._scene is None or self._scene_size != self.size():
            self._scene_size = self.size()
            self._scene = self.build_scene(QSizeF(self.size()), Fonts.from_widget(self.font()))
        return self._scene

    def build_scene(self, size: QSizeF, fonts: Fonts) -> Scene:
        raise NotImplementedError

    def frame(self, size: QSizeF, fonts: Fonts) -> tuple[Scene, QRectF]:
        """The title and the legend; returns the scene and the area left for the plot."""
        scene = Scene()
        area = QRectF(MARGIN, MARGIN, size.width() - 2 * MARGIN, size.height() - 2 * MARGIN)
        if self.title:
            height = QFontMetricsF(fonts.title).height()
            scene.texts.append(Text(QRectF(area.left(), area.top(), area.width(), height),
                                    self.title, fonts.title))  # fmt: skip
            area.setTop(area.top() + height + 4)
        if self.show_legend() and self.series:
            area.setTop(self._legend(scene, area, fonts.small) + 4)
        return scene, area

    def _legend(self, scene: Scene, area: QRectF, font: QFont) -> float:
        """Swatches and names in rows, centred; returns the bottom of the legend."""
        metrics = QFontMetricsF(font)
        height, swatch = metrics.height(), metrics.height() * 0.7
        widths = [swatch + 4 + metrics.horizontalAdvance(s.name) for s in self.series]
        rows: list[list[int]] = [[]]
        used = 0.0
        for i, w in enumerate(widths):
            if rows[-1] and used + w > area.width():
                rows.append([])
                used = 0.0
            rows[-1].append(i)
            used += w + 14
        y = area.top()
        for row in rows:
            x = area.left() + (area.width() - sum(widths[i] + 14 for i in row) + 14) / 2
            for i in row:
                s = self.series[i]
                box = QRectF(x, y + (height - swatch) / 2, swatch, swatch)
                scene.fills.append((box, s.color))
                label = QRectF(x + swatch + 4, y, widths[i] - swatch - 4 + 1, height)
                scene.texts.append(Text(label, s.name, font, flags=LEFT))
                x += widths[i] + 14
            y += height
        return y

    def empty_scene(self, scene: Scene, area: QRectF, fonts: Fonts) -> Scene:
        flags = int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap)
        scene.texts.append(Text(area, self.empty_text, fonts.normal, QColor(AXIS), flags))
        return scene

    # -- Qt events ----------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        paint(painter, self.scene(), QSizeF(self.size()))
        painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._scene = None
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self.invalidate()
        super().changeEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(QPointF(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def tooltip_at(self, point: QPointF) -> str:
        return next((text for rect, text in self.scene().hits if rect.contains(point)), "")

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = QMenu(self)
        menu.addAction(self.save_action)
        menu.exec(event.globalPos())

    def sizeHint(self) -> QSize:
        return QSize(520, 320)

    # -- images -------------------------------------------------------------------------------

    def render_image(self, *, scale: float = 2.0, size: QSize | None = None) -> QImage:
        """The chart drawn into an image ``scale`` times the widget's size (or ``size``)."""
        logical = QSizeF(size if size is not None else self.size())
        if logical.isEmpty():
            logical = QSizeF(self.sizeHint())
        if logical == QSizeF(self.size()):
            scene = self.scene()
        else:
            scene = self.build_scene(logical, Fonts.from_widget(self.font()))
        pixels = QSize(round(logical.width() * scale), round(logical.height() * scale))
        image = QImage(pixels, QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(scale)
        painter = QPainter(image)
        paint(painter, scene, logical)
        painter.end()
        return image

    def save_png(self, path: Path | str, *, scale: float = 2.0) -> Path:
        """Write the chart as a PNG, at ``scale`` × its size on screen (sharp when printed)."""
        path = Path(path)
        if not self.render_image(scale=scale).save(str(path), "PNG"):
            raise UserError(
                self.tr("The picture could not be written to {path}.").format(path=path),
                self.tr("Choose a folder you can write to, or another file name."),
            )
        return path

    def suggested_path(self) -> Path:
        folder = self.export_folder or Path.home()
        return folder / f"{_file_stem(self.title)}.png"

    def save_as_png(self) -> Path | None:
        """图片另存为: ask where, then write the PNG (errors as a plain message)."""
        path = self.ask_save_path(self.suggested_path())
        if path is None:
            return None
        try:
            return self.save_png(path)
        except UserError as exc:
            show_user_error(self, exc)
            return None

    def _ask_save_path(self, suggested: Path) -> Path | None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save chart as PNG"), str(suggested), self.tr("PNG image (*.png)")
        )
        if not chosen:
            return None
        return Path(chosen) if chosen.lower().endswith(".png") else Path(chosen + ".png")
