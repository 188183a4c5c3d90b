"""The background half of printing a class report: gather the records with the task's own
connection, build the HTML, render the PDF (all on the TaskRunner's worker thread).

Report kinds are plain strings so that pages can name one when they open the dialog; a kind
whose module is not in this version (``available_kinds``) is not offered.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from app.errors import UserError
from ui.reports.pdf_renderer import render_html_to_pdf
from ui.tasks import TaskContext

COMPREHENSIVE = "comprehensive"  # 综合素质档案, per term
FITNESS_CARD = "fitness_card"  # 体质健康成绩单, per 学年
KINDS = (COMPREHENSIVE, FITNESS_CARD)
_MODULES = {
    COMPREHENSIVE: "app.reports.comprehensive_record",
    FITNESS_CARD: "app.reports.fitness_card",
}


def available_kinds() -> tuple[str, ...]:
    """The report kinds this version can print (the fitness card came in a separate change)."""
    return tuple(k for k in KINDS if importlib.util.find_spec(_MODULES[k]) is not None)


def uses_terms(kind: str) -> bool:
    """The comprehensive record is per term; the fitness card per school year."""
    return kind == COMPREHENSIVE


@dataclass(frozen=True)
class ReportRequest:
    kind: str
    class_uuid: str
    period: str  # a term (2026-2027-1) or a school year (2026-2027), see ``uses_terms``
    path: Path
    title: str  # the PDF's document title
    family: str | None  # the CJK font, chosen on the GUI thread
    today: dt.date | None = None


@dataclass(frozen=True)
class ReportResult:
    path: Path
    pages: int
    students: int


class ClassReportJob:
    """Runs on the worker thread. Progress: the first half gathering, the second painting."""

    def __init__(self, request: ReportRequest) -> None:
        self.request = request

    def __call__(self, ctx: TaskContext) -> ReportResult:
        r = self.request
        html, students = self._html(ctx)
        total = 2 * max(students, 1)

        def painted(page: int, pages: int) -> None:
            ctx.progress(total // 2 + page * (total // 2) // max(pages, 1), total)

        try:
            r.path.parent.mkdir(parents=True, exist_ok=True)
            pages = render_html_to_pdf(
                html,
                r.path,
                title=r.title,
                family=r.family,
                progress=painted,
                cancelled=ctx.cancelled,
            )
        except OSError as exc:
            raise _write_error(r.path, exc) from exc
        return ReportResult(r.path, pages, students)

    def _html(self, ctx: TaskContext) -> tuple[str, int]:
        r = self.request

        def gathered(done: int, students: int) -> None:
            ctx.progress(done, 2 * max(students, 1))

        if r.kind == COMPREHENSIVE:
            from app.reports.comprehensive_record import (
                comprehensive_records,
                render_records_html,
            )

            records = comprehensive_records(
                ctx.db,
                r.class_uuid,
                r.period,
                today=r.today,
                progress=gathered,
                cancelled=ctx.cancelled,
            )
            return render_records_html(records, today=r.today), len(records)
        if r.kind == FITNESS_CARD:
            from app.reports.fitness_card import fitness_result_cards, render_cards_html

            cards = fitness_result_cards(ctx.db, r.class_uuid, r.period)
            ctx.check_cancelled()
            return render_cards_html(cards), len(cards)
        raise ValueError(f"unknown report kind {r.kind!r}")


def _write_error(path: Path, exc: OSError) -> UserError:
    """A PDF that cannot be written is the user's to fix (on Windows a PDF open in a viewer
    cannot be replaced), not a crash."""
    return UserError(
        QCoreApplication.translate(
            "ClassReportJob", "The PDF could not be written to {path}: {reason}"
        ).format(path=path, reason=exc.strerror or exc),
        QCoreApplication.translate(
            "ClassReportJob",
            "Close the file if another program has it open, or choose another file or folder.",
        ),
    )
