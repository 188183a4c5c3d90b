"""The national fitness upload files of every school in one action: one file per school, named by
its 学校标识码 (``<code>.xlsx``), written by the school-level export (``fitness_export``) so the
district's files are exactly what each school would upload itself."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlite_utils import Database

from app.errors import Cancelled, UserError
from app.i18n import tr
from app.services.district.scope import SchoolInfo, SchoolType, schools_of_type
from app.services.fitness_export import export_national
from app.terms import parse_school_year

Progress = Callable[[int, int], None]


def _held_schools(db: Database) -> dict[str, str]:
    """code → stage of the schools whose records the bureau holds (with students on roll)."""
    return {
        code: stage
        for code, stage in db.execute(
            "SELECT c.code, c.stage FROM schools c WHERE c.deleted = 0 AND EXISTS (SELECT 1 "
            "FROM students s WHERE s.school_code = c.code AND s.deleted = 0 "
            "AND s.status IN ('enrolled', 'transferred_in')) ORDER BY c.code"
        )
    }


def export_national_files(
    db: Database,
    folder: Path | str,
    *,
    school_year: str,
    school_type: SchoolType | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[Path]:
    """Write ``<folder>/<school code>.xlsx`` for every school with students on roll (of the
    type); returns the files written, in school-code order. A file of the same name is
    replaced; files already written stay when the export is cancelled."""
    year = parse_school_year(school_year)
    target = Path(folder)
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(
            tr("The folder {path} cannot be created ({reason}).", path=target, reason=exc.strerror),
            tr("Choose another folder."),
        ) from None
    held = _held_schools(db)
    infos = {c: SchoolInfo(c, "", stage) for c, stage in held.items()}
    codes = list(schools_of_type(infos, school_type))
    written: list[Path] = []
    for done, code in enumerate(codes):
        if cancelled is not None and cancelled():
            raise Cancelled()
        path = target / f"{code}.xlsx"
        export_national(db, path, school_year=year, school_code=code)
        written.append(path)
        if progress is not None:
            progress(done + 1, len(codes))
    return written
