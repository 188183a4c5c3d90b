"""Row checks of the awards import: each row is one student's award, checked like the award form
(``app.services.awards.award_values``) plus the student lookup by 学籍号 and the name check."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

from app.arts.award_rules import award_warnings
from app.arts.constants import AwardDomain, parse_domain
from app.arts.models import Award
from app.i18n import tr
from app.services.awards import AwardInput, award_values
from app.services.import_common import join_reasons
from app.services.roster_rows import RejectedRow
from app.validation.text import clean, clean_name
from db.repo_awards import award_from_row

# Field keys in the order the reasons of a rejected row are given.
FIELDS = (
    "student_no", "name", "event", "organizer", "education_authority", "level", "rank", "date",
    "certificate_no", "adviser", "domain", "whitelist", "category", "team_name",
)  # fmt: skip
REQUIRED = ("student_no", "event", "organizer", "education_authority", "level", "rank", "date")
FIELD_LABELS_ZH = {
    "student_no": "学籍号", "name": "姓名", "event": "比赛名称", "organizer": "主办单位",
    "education_authority": "是否教育行政部门", "level": "级别", "rank": "等次", "date": "日期",
    "certificate_no": "证书编号", "adviser": "指导教师", "domain": "领域",
    "whitelist": "是否白名单赛事", "category": "项目", "team_name": "团队名称",
}  # fmt: skip
# Which form field an award_values() error belongs to → import field.
_FORM_TO_FIELD = {"rank_text": "rank", "team_name": "team_name"}
_YES = {"是", "y", "yes", "true", "1", "√", "教育行政部门", "教育部门", "有"}
_NO = {"否", "n", "no", "false", "0", "×", "x", "其他", "其它", "非教育行政部门", "无"}


class ValidAwardRow(NamedTuple):
    row: int
    student_uuid: str
    values: dict[str, Any]  # award columns (school_code aside)
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class StudentRef:
    uuid: str
    name: str


def parse_yes_no(value: object) -> bool | None:
    text = clean(value).casefold()
    if isinstance(value, float) and value.is_integer():
        text = str(int(value))
    if text in _YES:
        return True
    if text in _NO:
        return False
    return None


def cell_text(value: object) -> str:
    """A text cell; whole-number floats (certificate numbers read by calamine) lose the ``.0``."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value).strip()


def check_row(
    row_no: int,
    raw: Mapping[str, object],
    students: Mapping[str, StudentRef],
    *,
    default_domain: AwardDomain,
    today: dt.date,
) -> tuple[ValidAwardRow | None, dict[str, str]]:
    """The checked row, or None and what is wrong per field."""
    errors: dict[str, str] = {}
    for f in REQUIRED:
        if raw.get(f) is None:
            errors[f] = tr("The cell is empty.")
    number = clean(cell_text(raw.get("student_no"))).upper()
    student = students.get(number)
    if number and student is None:
        errors["student_no"] = tr(
            "No student of this school has the student number {number}.", number=number
        )
    name = clean_name(raw.get("name"))
    if student is not None and name and name != student.name:
        errors["name"] = tr("The student with this number is {name}.", name=student.name)
    authority = parse_yes_no(raw.get("education_authority"))
    if authority is None and "education_authority" not in errors:
        errors["education_authority"] = tr("Write 是 or 否.")
    whitelist = parse_yes_no(raw["whitelist"]) if raw.get("whitelist") is not None else None
    if raw.get("whitelist") is not None and whitelist is None:
        errors["whitelist"] = tr("Write 是 or 否.")
    domain = default_domain if raw.get("domain") is None else parse_domain(raw.get("domain"))
    if domain is None:
        errors["domain"] = tr(
            "'{value}' is not a domain (美育, 体育, 劳动, 其他).", value=raw.get("domain")
        )
    data = AwardInput(
        event=cell_text(raw.get("event")),
        organizer=cell_text(raw.get("organizer")),
        organizer_is_education_authority=bool(authority),
        level=cell_text(raw.get("level")),
        rank_text=cell_text(raw.get("rank")),
        date=raw.get("date") or "",  # type: ignore[arg-type]  # parse_date takes cells as read
        domain=domain or default_domain,
        certificate_no=cell_text(raw.get("certificate_no")),
        on_moe_whitelist=whitelist,
        adviser=cell_text(raw.get("adviser")),
        team_name=cell_text(raw.get("team_name")),
        category=cell_text(raw.get("category")),
    )
    values, form_errors = award_values(data, today=today)
    for key, msg in form_errors.items():
        errors.setdefault(_FORM_TO_FIELD.get(key, key), msg)
    if errors or student is None:
        return None, errors
    award = _as_award(values)
    return ValidAwardRow(row_no, student.uuid, values, tuple(award_warnings(award))), {}


def _as_award(values: Mapping[str, Any]) -> Award:
    """The award a row describes, to run the counting rules on before it is stored."""
    return award_from_row(
        {
            **values,
            "school_code": "",
            "uuid": "",
            "revision": 1,
            "updated_at": "",
            "updated_by": "",
            "deleted": 0,
        }
    )


def rejection(
    row_no: int, cells: list[object], errors: Mapping[str, str], headers: Mapping[str, str]
) -> RejectedRow:
    problems = [
        (headers.get(f, FIELD_LABELS_ZH.get(f, f)), errors[f]) for f in FIELDS if f in errors
    ]
    problems += [(k, v) for k, v in errors.items() if k not in FIELDS]
    first_header, first_reason = problems[0]
    field = first_header if first_header in headers.values() else ""
    return RejectedRow(row_no, field, join_reasons(first_reason, problems[1:]), tuple(cells))
