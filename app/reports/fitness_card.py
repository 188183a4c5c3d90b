"""体质健康 result cards (成绩单) for a class: what each student and parent is shown (issue 3, the
district plan's 定期向家长反馈), as data (``ResultCard``) and as print-friendly HTML.

A card shows the year's decisive result (the 补测 when there is one): the measurements with units,
each item's result (run times as m'ss), score and level word, BMI and its category, standard
score, bonus, total and level; the change since the previous 学年 (total and per item, or that
there is no result to compare); and one kind, concrete sentence of advice per weak item.
An exempt (免测) student's card says so with the reason; a student with no record says that too.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Final

from sqlite_utils import Database

from app.i18n import tr
from app.reports.fitness_advice import advice_for
from app.scoring.bmi_category import bmi_category, bmi_category_label
from app.scoring.fitness_ranges import TIME_ITEMS, item_label
from app.scoring.fitness_score import level_of
from app.scoring.run_time import format_run_time
from app.services.fitness_graduation import Graduation, graduation_results
from app.services.fitness_values import sex_label
from app.services.fitness_year_rows import (
    ON_ROLL,
    StudentYear,
    class_index,
    class_name_in_year,
    year_results,
)
from app.services.roster import find_students
from app.services.value_added import Change, compare
from app.services.workspace import current_term, require_school
from app.terms import parse_school_year, previous_school_year
from db.repo_fitness import ATTEMPT_RETEST

COMPLETE, INCOMPLETE, EXEMPT, UNTESTED = "complete", "incomplete", "exempt", "untested"
_ONE_DECIMAL: Final = frozenset({"height_cm", "weight_kg", "run_50m", "sit_and_reach"})


def level_word(level: str | None) -> str:
    """A level (优秀 …) in the current language; "" for none."""
    words = {
        "优秀": tr("excellent"),
        "良好": tr("good"),
        "及格": tr("pass"),
        "不及格": tr("fail"),
    }
    return words.get(level, level) if level else ""


def _unit(key: str) -> str:
    units = {
        "height_cm": tr("cm"),
        "weight_kg": tr("kg"),
        "vital_capacity": tr("mL"),
        "run_50m": tr("seconds"),
        "sit_and_reach": tr("cm"),
        "standing_long_jump": tr("cm"),
        "bmi": "kg/m²",
    }
    if key in TIME_ITEMS:
        return ""  # m'ss carries its own unit
    return units.get(key, tr("times"))


def value_text(key: str, value: float) -> str:
    """A result as printed: m'ss for run times, one decimal where the item has one."""
    if key in TIME_ITEMS:
        return format_run_time(value)
    if key in _ONE_DECIMAL or key == "bmi":
        return f"{value:.1f}"
    return f"{value:g}"


@dataclass(frozen=True, slots=True)
class CardItem:
    key: str
    label: str
    value: str  # "" when not measured
    unit: str
    score: int | None
    level: str  # level word of the item score, "" when unscored
    change: int | None  # score change since last year


@dataclass(frozen=True)
class ResultCard:
    student_uuid: str
    name: str
    student_no: str
    class_name: str
    sex: str  # in the current language
    school_year: str
    status: str  # complete / incomplete / exempt / untested
    test_date: str  # ISO date, "" when unknown
    retest: bool  # the result shown is the 补测
    measurements: tuple[tuple[str, str], ...]  # (label, "165.0 厘米")
    items: tuple[CardItem, ...]  # BMI first
    bmi: float | None
    bmi_category: str  # in the current language, "" when unknown
    standard_score: float | None
    bonus: int | None
    total: float | None
    level: str  # level word
    exempt_reason: str
    missing: tuple[str, ...]  # labels of the items still to test
    previous_year: str
    previous_total: float | None
    total_change: float | None  # None: no complete result last year (see change_note)
    change_note: str
    advice: tuple[str, ...]
    graduation: str = ""  # 毕业成绩 line for a graduating grade, "" otherwise


def fitness_result_cards(db: Database, class_uuid: str, school_year: str) -> list[ResultCard]:
    """One card per student on roll in the class, by 学籍号."""
    year = parse_school_year(school_year)
    before = previous_school_year(year)
    school = require_school(db).code
    now = year_results(db, school, year, class_uuid=class_uuid)
    then = year_results(db, school, before, class_uuid=class_uuid)
    info = class_index(db, school).get(class_uuid)
    class_name = class_name_in_year(info, current_term(db).school_year, year) if info else ""
    finals = [
        (uuid, sy.grade_code, sy.result.total_score)
        for uuid, sy in now.items()
        if sy.result.total_score is not None
    ]
    graduations = graduation_results(db, finals, year)
    cards = []
    for row in find_students(db, class_uuid=class_uuid, statuses=ON_ROLL):
        s = row.student
        card = _card(now.get(s.meta.uuid), then.get(s.meta.uuid), year, before)
        grad = graduations.get(s.meta.uuid)
        if grad is not None:
            card = replace(card, graduation=_graduation_note(grad))
        cards.append(
            _with_identity(card, s.meta.uuid, s.name, s.student_no, class_name, s.sex.value)
        )
    return cards


def _graduation_note(grad: Graduation) -> str:
    if not grad.other_years:
        return tr(
            "Graduation score {score} ({level}): no earlier year of this stage is on record, "
            "so this year's total stands alone.",
            score=f"{grad.score:.1f}",
            level=level_word(grad.level),
        )
    return tr(
        "Graduation score {score} ({level}) = this year's total × 50% + the mean of {years} × 50%.",
        score=f"{grad.score:.1f}",
        level=level_word(grad.level),
        years="、".join(grad.other_years),
    )


def _with_identity(
    card: ResultCard, uuid: str, name: str, student_no: str, class_name: str, sex: str
) -> ResultCard:
    return replace(
        card,
        student_uuid=uuid,
        name=name,
        student_no=student_no,
        class_name=class_name,
        sex=sex_label(sex),
    )


def _measurements(sy: StudentYear) -> tuple[tuple[str, str], ...]:
    out = []
    for key in ("height_cm", "weight_kg"):
        value = sy.values.get(key)
        if value is not None:
            out.append((item_label(key), f"{value_text(key, value)} {_unit(key)}"))
    return tuple(out)


def _items(sy: StudentYear, change: Change | None) -> tuple[CardItem, ...]:
    r = sy.result
    items = []
    for key, value, score in zip(r.keys, r.values, r.scores, strict=True):
        items.append(
            CardItem(
                key=key,
                label=item_label(key),
                value="" if value is None else value_text(key, value),
                unit=_unit(key),
                score=score,
                level=level_word(level_of(score)) if score is not None else "",
                change=change.item_changes.get(key) if change else None,
            )
        )
    return tuple(items)


def _card(
    sy: StudentYear | None, earlier: StudentYear | None, year: str, before: str
) -> ResultCard:
    blank = ResultCard("", "", "", "", "", year, UNTESTED, "", False, (), (), None, "", None,
                       None, None, "", "", (), before, None, None,
                       tr("No fitness result is recorded for this school year yet."), ())  # fmt: skip
    if sy is None:
        return blank
    r = sy.result
    change = compare(earlier.result, r) if earlier is not None else None
    category = bmi_category(sy.grade_code, sy.sex, r.bmi) if r.bmi is not None else None
    status = EXEMPT if r.exempt else COMPLETE if r.total_score is not None else INCOMPLETE
    advice = () if r.exempt else advice_for(dict(zip(r.keys, r.scores, strict=True)), category)
    return replace(
        blank,
        status=status,
        test_date=sy.test_date or "",
        retest=sy.attempt == ATTEMPT_RETEST,
        measurements=_measurements(sy),
        items=() if r.exempt else _items(sy, change),
        bmi=r.bmi,
        bmi_category=bmi_category_label(category) if category else "",
        standard_score=r.standard_score,
        bonus=r.bonus_total,
        total=r.total_score,
        level=level_word(r.level),
        exempt_reason=r.exempt_reason or "",
        missing=tuple(item_label(k) for k in r.missing),
        previous_total=change.previous_total if change else None,
        total_change=change.total_change if change else None,
        change_note=_change_note(status, change, before),
        advice=tuple(text for _, text in advice),
    )


def _change_note(status: str, change: Change | None, before: str) -> str:
    if status == EXEMPT:
        return tr("Exempt (免测) this school year: no score is given.")
    if change is None:
        if status == INCOMPLETE:
            return tr("Some items are still to be tested; the total follows when all are done.")
        return tr("No result last year to compare with.")
    return tr(
        "Total {change} since {year} ({before} → {now}).",
        change=f"{change.total_change:+.1f}",
        year=before,
        before=f"{change.previous_total:.1f}",
        now=f"{change.total:.1f}",
    )


def render_cards_html(cards: list[ResultCard]) -> str:
    """Print-friendly HTML of the cards, one per page (see ``fitness_card_html``)."""
    # Imported here: the HTML module imports this one's dataclasses.
    from app.reports.fitness_card_html import cards_html

    return cards_html(cards)
