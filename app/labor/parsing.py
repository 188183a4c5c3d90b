"""Labor values as people type them in a dialog or a spreadsheet → the stored codes.

类别 日常生活劳动 / 日常 / daily; 任务群 3, 3.0, 烹饪与营养, "3、烹饪与营养", 任务群3; 场所 课堂 / 家庭 / 校内劳动;
时长 40, 40.0, "40分钟", "1.5小时", "2h" (minutes, a whole number). Each parser raises
``ValidationError`` with a reason the clerk can act on.
"""

from __future__ import annotations

import math
import re

from app.errors import ValidationError
from app.i18n import tr
from app.labor.constants import TASK_GROUP_BY_NO, TASK_GROUPS, Category, Setting
from app.validation.text import clean

_CATEGORY_NAMES: dict[str, Category] = {
    "日常生活劳动": Category.DAILY, "日常生活": Category.DAILY, "日常劳动": Category.DAILY,
    "生活劳动": Category.DAILY, "日常": Category.DAILY,
    "生产劳动": Category.PRODUCTION, "生产": Category.PRODUCTION,
    "服务性劳动": Category.SERVICE, "服务劳动": Category.SERVICE, "服务性": Category.SERVICE,
    "服务": Category.SERVICE,
}  # fmt: skip
_SETTING_NAMES: dict[str, Setting] = {
    "课堂": Setting.CLASSROOM, "劳动课": Setting.CLASSROOM, "课内": Setting.CLASSROOM,
    "校内": Setting.ON_CAMPUS, "校内劳动": Setting.ON_CAMPUS, "校园": Setting.ON_CAMPUS,
    "校内课外": Setting.ON_CAMPUS,
    "家庭": Setting.HOME, "家庭劳动": Setting.HOME, "家务": Setting.HOME, "家里": Setting.HOME,
    "社区": Setting.COMMUNITY, "社会": Setting.COMMUNITY, "社区服务": Setting.COMMUNITY,
    "劳动基地": Setting.BASE, "基地": Setting.BASE, "实践基地": Setting.BASE,
    "劳动周": Setting.LABOR_WEEK, "劳动教育周": Setting.LABOR_WEEK,
}  # fmt: skip
_GROUP_NAMES = {g.name: g.no for g in TASK_GROUPS}
_GROUP_PREFIX = re.compile(r"^(?:任务群|第)?(\d{1,2})(?:任务群)?[、.．:：\-]?(.*)$")
_MINUTES = re.compile(r"^(\d+(?:\.\d+)?)(分钟|分|min|mins|minutes)?$")
_HOURS = re.compile(r"^(\d+(?:\.\d+)?)(小时|时|h|hr|hrs|hours)$")


def _shown(value: object) -> str:
    """The value as the clerk typed it (calamine reads a typed 11 as 11.0)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return clean(value)


def _text(value: object) -> str:
    return _shown(value).lower()


def parse_category(value: object) -> Category:
    text = _text(value)
    if not text:
        raise ValidationError(
            tr("The labor category is empty."), tr("Enter 日常生活劳动, 生产劳动 or 服务性劳动.")
        )
    found = _CATEGORY_NAMES.get(text) or next((c for c in Category if c.value == text), None)
    if found is None:
        raise ValidationError(
            tr("'{value}' is not a labor category.", value=_shown(value)),
            tr("Enter 日常生活劳动, 生产劳动 or 服务性劳动."),
        )
    return found


def parse_task_group(value: object) -> int:
    """A 任务群 by number (1–10), by name, or both ("3、烹饪与营养")."""
    text = _text(value)
    if not text:
        raise ValidationError(
            tr("The task group is empty."),
            tr("Enter its number (1–10) or its name, e.g. 烹饪与营养."),
        )
    if text in _GROUP_NAMES:
        return _GROUP_NAMES[text]
    m = _GROUP_PREFIX.match(text)
    if m:
        no, rest = int(m.group(1)), m.group(2)
        if no in TASK_GROUP_BY_NO and (not rest or _GROUP_NAMES.get(rest) == no):
            return no
    raise ValidationError(
        tr("'{value}' is not one of the ten task groups.", value=_shown(value)),
        tr("Enter its number (1–10) or its name, e.g. 烹饪与营养."),
    )


def parse_setting(value: object) -> Setting:
    text = _text(value)
    if not text:
        raise ValidationError(
            tr("The setting is empty."), tr("Enter 课堂, 校内, 家庭, 社区, 劳动基地 or 劳动周.")
        )
    found = _SETTING_NAMES.get(text) or next((s for s in Setting if s.value == text), None)
    if found is None:
        raise ValidationError(
            tr("'{value}' is not a labor setting.", value=_shown(value)),
            tr("Enter 课堂, 校内, 家庭, 社区, 劳动基地 or 劳动周."),
        )
    return found


def parse_minutes(value: object, *, max_minutes: int, allow_zero: bool = False) -> int:
    """Whole minutes in 1 … ``max_minutes`` (0 allowed with ``allow_zero``)."""
    amount = _amount(value)
    low = 0 if allow_zero else 1
    if amount is None or not amount.is_integer():
        raise ValidationError(
            tr("'{value}' is not a number of minutes.", value=_shown(value)),
            tr("Enter whole minutes, e.g. 40 or 40分钟."),
        )
    if not low <= amount <= max_minutes:
        raise ValidationError(
            tr("{minutes} minutes is out of range.", minutes=int(amount)),
            tr("Enter between {low} and {high} minutes.", low=low, high=max_minutes),
        )
    return int(amount)


def _amount(value: object) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value) if math.isfinite(value) else None
    text = _text(value)
    if m := _MINUTES.match(text):
        return float(m.group(1))
    if m := _HOURS.match(text):
        return round(float(m.group(1)) * 60, 6)
    return None


def check_group_category(task_group: int, category: Category) -> None:
    """The category must be the task group's own (课标 2022 puts each group in one category)."""
    group = TASK_GROUP_BY_NO[task_group]
    if group.category is not category:
        raise ValidationError(
            tr(
                "Task group {group} belongs to {expected}, not {given}.",
                group=group.name,
                expected=group.category.label_zh,
                given=category.label_zh,
            ),
            tr("Correct the category or the task group."),
        )
