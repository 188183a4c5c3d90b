"""Writing the district's workbooks: the .xlsx check and an all-or-nothing save."""

from __future__ import annotations

import io
import os
from pathlib import Path

from openpyxl import Workbook

from app.errors import UserError
from app.i18n import tr


def xlsx_path(path: Path | str) -> Path:
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise UserError(
            tr("The workbook is written as .xlsx, not as {name}.", name=path.name),
            tr("Give the file name the ending .xlsx."),
        )
    return path


def save_workbook(book: Workbook, path: Path) -> Path:
    """Built in memory, then written beside the target and renamed: a failure never leaves half
    a workbook under the clerk's file name."""
    buffer = io.BytesIO()
    book.save(buffer)
    partial = path.with_name(f".{path.name}.partial")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(buffer.getvalue())
        os.replace(partial, path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise UserError(
            tr("The file {path} cannot be written ({reason}).", path=path, reason=exc.strerror),
            tr("Close it in Excel or WPS if it is open there, or choose another name."),
        ) from None
    return path
