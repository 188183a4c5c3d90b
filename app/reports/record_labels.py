"""Translated names of the codes a comprehensive record prints (categories, task groups, states,
award levels …). Each name is a literal ``tr()`` call, so the catalog test finds it; values the
school enters in Chinese (rating scales, fitness levels, specialty names) are printed as stored.
"""

from __future__ import annotations

from app.arts.constants import AwardDomain, AwardLevel, AwardRank, SpecialtyRoute
from app.i18n import tr
from app.labor.constants import Category, Dimension, EvaluationStatus
from app.models import Sex, Term
from app.reports.record_models import CQDimension


def term_title(term: Term) -> str:
    if term.semester == 1:
        return tr("School year {year}, first term", year=term.school_year)
    return tr("School year {year}, second term", year=term.school_year)


def sex_label(sex: Sex) -> str:
    return tr("male") if sex is Sex.MALE else tr("female")


def dimension_label(dimension: CQDimension) -> str:
    return {
        CQDimension.MORAL: tr("Moral character"),
        CQDimension.ACADEMIC: tr("Academic achievement"),
        CQDimension.HEALTH: tr("Physical and mental health"),
        CQDimension.ARTS: tr("Artistic literacy"),
        CQDimension.PRACTICE: tr("Social practice (labor)"),
    }[dimension]


def category_label(category: Category) -> str:
    return {
        Category.DAILY: tr("Daily-life labor"),
        Category.PRODUCTION: tr("Productive labor"),
        Category.SERVICE: tr("Service labor"),
    }[category]


def task_group_label(number: int) -> str:
    names = {
        1: tr("Cleaning and hygiene"),
        2: tr("Tidying and storage"),
        3: tr("Cooking and nutrition"),
        4: tr("Using and maintaining household appliances"),
        5: tr("Agricultural labor"),
        6: tr("Traditional crafts"),
        7: tr("Industrial labor"),
        8: tr("New technology"),
        9: tr("Modern service labor"),
        10: tr("Public-benefit labor and volunteer service"),
    }
    return names.get(number, str(number))


def literacy_dimension_label(dimension: Dimension) -> str:
    return {
        Dimension.CONCEPT: tr("Attitude to labor"),
        Dimension.ABILITY: tr("Labor ability"),
        Dimension.HABITS: tr("Labor habits and qualities"),
        Dimension.SPIRIT: tr("Labor spirit"),
    }[dimension]


def evaluation_status_label(status: EvaluationStatus) -> str:
    return {
        EvaluationStatus.DRAFT: tr("Draft"),
        EvaluationStatus.PUBLICIZED: tr("Under public notice"),
        EvaluationStatus.CONFIRMED: tr("Confirmed"),
    }[status]


def arts_band_label(band: str | None) -> str:
    names = {
        "excellent": tr("Excellent"),
        "good": tr("Good"),
        "pass": tr("Pass"),
        "fail": tr("Fail"),
    }
    return names.get(band or "", "—")


def sub_score_label(key: str) -> str:
    names = {
        "course_learning": tr("Course learning"),
        "extracurricular": tr("Extracurricular activities"),
        "basic_knowledge": tr("Basic knowledge"),
        "basic_skills": tr("Basic skills"),
        "outside_learning": tr("Learning outside school"),
        "art_specialty": tr("Arts specialty"),
    }
    return names.get(key, key)


def route_label(route: SpecialtyRoute) -> str:
    return {
        SpecialtyRoute.IN_SCHOOL_SPECIALIST: tr("school specialist training"),
        SpecialtyRoute.CLUB: tr("school club"),
        SpecialtyRoute.OUTSIDE: tr("outside school"),
    }[route]


def level_label(level: AwardLevel) -> str:
    return {
        AwardLevel.NATIONAL: tr("National"),
        AwardLevel.PROVINCIAL: tr("Provincial"),
        AwardLevel.CITY: tr("City"),
        AwardLevel.COUNTY: tr("County/district"),
        AwardLevel.SCHOOL: tr("School"),
    }[level]


def rank_label(rank: AwardRank, rank_text: str) -> str:
    """The certificate's own wording when there is one (金奖, 第一名 …), else the class's name."""
    if rank_text:
        return rank_text
    return {
        AwardRank.SPECIAL: tr("Special prize"),
        AwardRank.FIRST: tr("First prize"),
        AwardRank.SECOND: tr("Second prize"),
        AwardRank.THIRD: tr("Third prize"),
        AwardRank.MERIT: tr("Merit award"),
        AwardRank.OTHER: tr("Other"),
    }[rank]


def domain_label(domain: AwardDomain) -> str:
    return {
        AwardDomain.ARTS: tr("Arts"),
        AwardDomain.SPORTS: tr("Sports"),
        AwardDomain.LABOR: tr("Labor"),
        AwardDomain.OTHER: tr("Other"),
    }[domain]


def hours(minutes: float) -> str:
    """Minutes as hours with one decimal (the unit the 纲要's weekly rules use)."""
    return f"{minutes / 60:.1f}"


def round_hours(minutes: float) -> str:
    """A requirement in hours without trailing zeros: 180 → "3", 150 → "2.5"."""
    return f"{minutes / 60:.2f}".rstrip("0").rstrip(".")
