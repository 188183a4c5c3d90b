"""Real roster files for the import tests: valid identifiers, and .xlsx/.xls/.csv writers."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import xlwt
from openpyxl import Workbook
from sqlite_utils import Database

from app.validation.ids import mod11_2_check_char

HEADERS = ["学籍号", "姓名", "性别", "出生日期", "民族", "身份证号", "年级", "班级"]
Row = Sequence[object]


def make_id(birth: dt.date, seq: int, area: str = "410308") -> str:
    """A valid 身份证号: odd ``seq`` is a boy, even a girl."""
    first17 = f"{area}{birth:%Y%m%d}{seq:03d}"
    return first17 + mod11_2_check_char(first17)


def student_row(
    n: int,
    *,
    grade: object = "三年级",
    klass: object = "2班",
    birth: dt.date | None = None,
    ethnicity: object = "汉族",
    **overrides: object,
) -> list[object]:
    """One valid row in ``HEADERS`` order; ``n`` (1–499) makes the identifiers unique."""
    birth = birth or dt.date(2017, 3, 1 + n % 28)
    seq = 2 * n + 1 if n % 2 else 2 * n  # alternate boys and girls
    ident = make_id(birth, seq)
    values: dict[str, object] = {
        "学籍号": "G" + ident,
        "姓名": "学生" + "甲乙丙丁戊己庚辛壬癸"[n % 10] + str(n),
        "性别": "男" if seq % 2 else "女",
        "出生日期": birth,
        "民族": ethnicity,
        "身份证号": ident,
        "年级": grade,
        "班级": klass,
    }
    values.update(overrides)
    return [values[h] for h in HEADERS]


def write_xlsx(path: Path, rows: Sequence[Row], *, above: Sequence[Row] = ()) -> Path:
    """``above`` (e.g. a title row) goes before ``rows``; text cells are written as text."""
    book = Workbook()
    sheet = book.active
    for row in [*above, *rows]:
        sheet.append(list(row))
    book.save(path)
    return path


def write_xls(path: Path, rows: Sequence[Row]) -> Path:
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("名单")
    date_style = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is None:
                continue
            if isinstance(value, dt.date):
                sheet.write(r, c, value, date_style)
            else:
                sheet.write(r, c, value)
    book.save(str(path))
    return path


def write_csv(path: Path, rows: Sequence[Row], *, encoding: str = "utf-8") -> Path:
    with path.open("w", encoding=encoding, newline="") as fh:
        writer = csv.writer(fh)
        for row in rows:
            writer.writerow(["" if v is None else _text(v) for v in row])
    return path


def _text(value: object) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def dump(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, to compare the whole database before and after."""
    names = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return {
        name: sorted(db.execute(f"SELECT * FROM [{name}]").fetchall(), key=repr) for name in names
    }
