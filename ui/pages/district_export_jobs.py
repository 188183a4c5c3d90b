"""The background half of the district exports (区域概览 → 导出), on TaskRunner workers with the
task's own connection: the national fitness upload file of every school, the district
statistics workbook, and each school's feedback report as a PDF.

The export services live in ``app.services.district`` and are imported when a job runs, so this
page does not depend on them at import time; ``available()`` says which ones this version has
(the page disables the others' buttons).
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from PySide6.QtCore import QCoreApplication

from app.errors import UserError
from app.services.district.scope import SchoolType
from ui.reports.pdf_renderer import render_html_to_pdf
from ui.tasks import TaskContext

NATIONAL, WORKBOOK, FEEDBACK = "national", "workbook", "feedback"
MODULES: Final = {
    NATIONAL: "app.services.district.national_files",
    WORKBOOK: "app.services.district.workbook",
    FEEDBACK: "app.services.district.feedback_html",
}
_UNSAFE: Final = re.compile(r'[\\/:*?"<>|\s]+')


def available(kind: str) -> bool:
    try:
        return importlib.util.find_spec(MODULES[kind]) is not None
    except ModuleNotFoundError:
        return False


def file_stem(text: str) -> str:
    """A school's name as part of a file name on Windows (no \\ / : * ? " < > |)."""
    return _UNSAFE.sub("_", text).strip("_")


@dataclass(frozen=True)
class Written:
    folder: Path
    paths: tuple[Path, ...]


class NationalFilesJob:
    """One national upload file per school, named by the school's code."""

    def __init__(self, folder: Path, school_year: str, school_type: SchoolType | None) -> None:
        self.folder = folder
        self.school_year = school_year
        self.school_type = school_type

    def __call__(self, ctx: TaskContext) -> Written:
        from app.services.district.national_files import export_national_files

        paths = export_national_files(
            ctx.db,
            self.folder,
            school_year=self.school_year,
            school_type=self.school_type,
            progress=ctx.progress,
            cancelled=ctx.cancelled,
        )
        return Written(self.folder, tuple(paths))


class WorkbookJob:
    def __init__(
        self, path: Path, term: str, school_type: SchoolType | None, today: dt.date
    ) -> None:
        self.path = path
        self.term = term
        self.school_type = school_type
        self.today = today

    def __call__(self, ctx: TaskContext) -> Written:
        from app.services.district.workbook import export_district_workbook

        path = export_district_workbook(
            ctx.db,
            self.path,
            term=self.term,
            school_type=self.school_type,
            today=self.today,
            progress=ctx.progress,
        )
        return Written(Path(path).parent, (Path(path),))


@dataclass(frozen=True)
class FeedbackRequest:
    folder: Path
    term: str
    schools: Sequence[tuple[str, str]]  # (code, name), in order
    family: str | None  # the CJK font, chosen on the GUI thread
    today: dt.date


class FeedbackJob:
    """A PDF per school: its figures beside the district's, its students below the thresholds
    by class. The district's figures are computed once (the first steps of the progress), then
    each school is a step; Cancel stops before the next school (a PDF is written whole or not
    at all, see ``render_html_to_pdf``)."""

    def __init__(self, request: FeedbackRequest) -> None:
        self.request = request

    def __call__(self, ctx: TaskContext) -> Written:
        from app.services.district.feedback import school_feedback
        from app.services.district.feedback_html import render_school_feedback_html
        from app.services.district.workbook import STEPS, district_figures

        r = self.request
        total = STEPS + len(r.schools)

        # The district of the report is every school, whatever the page's type filter.
        def gathered(done: int, _steps: int) -> None:
            ctx.progress(done, total)

        figures = district_figures(ctx.db, term=r.term, today=r.today, progress=gathered)
        r.folder.mkdir(parents=True, exist_ok=True)
        written: list[Path] = []
        for done, (code, name) in enumerate(r.schools, start=STEPS + 1):
            ctx.check_cancelled()
            feedback = school_feedback(ctx.db, code, r.term, figures=figures, today=r.today)
            html = render_school_feedback_html(feedback)
            path = r.folder / (f"{code} {file_stem(name)}".strip() + ".pdf")
            title = QCoreApplication.translate(
                "DistrictExportJobs", "{school}: feedback report {term}"
            ).format(school=name or code, term=r.term)
            try:
                render_html_to_pdf(html, path, title=title, family=r.family,
                                   cancelled=ctx.cancelled)  # fmt: skip
            except OSError as exc:
                raise _write_error(path, exc) from exc
            written.append(path)
            ctx.progress(done, total)
        return Written(r.folder, tuple(written))


def _write_error(path: Path, exc: OSError) -> UserError:
    return UserError(
        QCoreApplication.translate(
            "DistrictExportJobs", "The PDF could not be written to {path}: {reason}"
        ).format(path=path, reason=exc.strerror or exc),
        QCoreApplication.translate(
            "DistrictExportJobs",
            "Close the file if another program has it open, or choose another folder.",
        ),
    )
