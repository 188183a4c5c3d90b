"""Labor values as clerks type them: categories, task groups, settings, minutes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.errors import ValidationError
from app.labor.constants import TASK_GROUPS, Category, Setting
from app.labor.parsing import (
    check_group_category,
    parse_category,
    parse_minutes,
    parse_setting,
    parse_task_group,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("日常生活劳动", Category.DAILY), (" 生产 ", Category.PRODUCTION), ("服务性劳动", Category.SERVICE),
     ("service", Category.SERVICE), ("ＤＡＩＬＹ", Category.DAILY)],
)  # fmt: skip
def test_categories(text: str, expected: Category) -> None:
    assert parse_category(text) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(3, 3), (3.0, 3), ("3", 3), ("烹饪与营养", 3), ("3、烹饪与营养", 3), ("3 烹饪与营养", 3),
     ("任务群10", 10), ("１０", 10)],
)  # fmt: skip
def test_task_groups(value: object, expected: int) -> None:
    assert parse_task_group(value) == expected


@pytest.mark.parametrize("value", [0, 11, "3、清洁与卫生", "做饭", None, ""])
def test_not_task_groups(value: object) -> None:
    with pytest.raises(ValidationError):
        parse_task_group(value)


def test_every_task_group_by_its_name_and_number() -> None:
    for g in TASK_GROUPS:
        assert parse_task_group(g.name) == parse_task_group(f"{g.no}.{g.name}") == g.no


@pytest.mark.parametrize(
    ("text", "expected"),
    [("课堂", Setting.CLASSROOM), ("校内劳动", Setting.ON_CAMPUS), ("家务", Setting.HOME),
     ("社区", Setting.COMMUNITY), ("基地", Setting.BASE), ("劳动教育周", Setting.LABOR_WEEK)],
)  # fmt: skip
def test_settings(text: str, expected: Setting) -> None:
    assert parse_setting(text) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(40, 40), (40.0, 40), ("40", 40), ("40分钟", 40), ("45 分", 45), ("1.5小时", 90), ("2h", 120)],
)
def test_minutes(value: object, expected: int) -> None:
    assert parse_minutes(value, max_minutes=600) == expected


@pytest.mark.parametrize("value", [0, -5, 601, 40.5, "0.33小时", "abc", None, True, float("nan")])
def test_not_minutes(value: object) -> None:
    with pytest.raises(ValidationError):
        parse_minutes(value, max_minutes=600)


@given(st.integers(-10_000, 10_000), st.sampled_from(["", "分钟", "分", "min"]))
def test_minutes_are_accepted_exactly_in_range(n: int, unit: str) -> None:
    text = f"{n}{unit}"
    if 1 <= n <= 600:
        assert parse_minutes(text, max_minutes=600) == n
    else:
        with pytest.raises(ValidationError):
            parse_minutes(text, max_minutes=600)


@given(st.text(max_size=12))
def test_a_parser_gives_a_valid_value_or_a_validation_error(text: str) -> None:
    cases = (
        (parse_category, set(Category)),
        (parse_task_group, set(range(1, 11))),
        (parse_setting, set(Setting)),
    )
    for parse, valid in cases:
        try:
            result = parse(text)
        except ValidationError as exc:
            assert exc.what and exc.todo
            continue
        assert result in valid


def test_a_group_belongs_to_one_category() -> None:
    check_group_category(10, Category.SERVICE)
    with pytest.raises(ValidationError, match="belongs to 服务性劳动"):
        check_group_category(10, Category.DAILY)
