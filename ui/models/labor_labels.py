"""Translated names of the labor vocabulary (categories, the ten task groups, settings, raters,
literacy dimensions, evaluation states). Literal ``QCoreApplication.translate`` calls, so that
``pyside6-lupdate`` finds every one."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.labor.constants import Category, Dimension, EvaluationStatus, Rater, Setting


def category_labels() -> dict[Category, str]:
    return {
        Category.DAILY: QCoreApplication.translate("LaborLabels", "Daily-life labor"),
        Category.PRODUCTION: QCoreApplication.translate("LaborLabels", "Productive labor"),
        Category.SERVICE: QCoreApplication.translate("LaborLabels", "Service labor"),
    }


def task_group_labels() -> dict[int, str]:
    """Task group number → "3 Cooking and nutrition" (课标 2022's order)."""
    names = (
        QCoreApplication.translate("LaborLabels", "Cleaning and hygiene"),
        QCoreApplication.translate("LaborLabels", "Tidying and storage"),
        QCoreApplication.translate("LaborLabels", "Cooking and nutrition"),
        QCoreApplication.translate("LaborLabels", "Using and maintaining household appliances"),
        QCoreApplication.translate("LaborLabels", "Agricultural production"),
        QCoreApplication.translate("LaborLabels", "Traditional crafts"),
        QCoreApplication.translate("LaborLabels", "Industrial production"),
        QCoreApplication.translate("LaborLabels", "New technology"),
        QCoreApplication.translate("LaborLabels", "Modern service work"),
        QCoreApplication.translate("LaborLabels", "Public welfare and volunteering"),
    )
    return {no: f"{no} {name}" for no, name in enumerate(names, start=1)}


def setting_labels() -> dict[Setting, str]:
    return {
        Setting.CLASSROOM: QCoreApplication.translate("LaborLabels", "Labor lesson"),
        Setting.ON_CAMPUS: QCoreApplication.translate("LaborLabels", "On campus"),
        Setting.HOME: QCoreApplication.translate("LaborLabels", "At home"),
        Setting.COMMUNITY: QCoreApplication.translate("LaborLabels", "In the community"),
        Setting.BASE: QCoreApplication.translate("LaborLabels", "Labor base"),
        Setting.LABOR_WEEK: QCoreApplication.translate("LaborLabels", "Labor week"),
    }


def rater_labels() -> dict[Rater, str]:
    return {
        Rater.SELF: QCoreApplication.translate("LaborLabels", "Self"),
        Rater.PEER: QCoreApplication.translate("LaborLabels", "Peers"),
        Rater.TEACHER: QCoreApplication.translate("LaborLabels", "Teacher"),
        Rater.PARENT: QCoreApplication.translate("LaborLabels", "Parents"),
    }


def dimension_labels() -> dict[Dimension, str]:
    return {
        Dimension.CONCEPT: QCoreApplication.translate("LaborLabels", "Labor concepts"),
        Dimension.ABILITY: QCoreApplication.translate("LaborLabels", "Labor ability"),
        Dimension.HABITS: QCoreApplication.translate("LaborLabels", "Habits and character"),
        Dimension.SPIRIT: QCoreApplication.translate("LaborLabels", "Labor spirit"),
    }


def evaluation_status_labels() -> dict[EvaluationStatus, str]:
    return {
        EvaluationStatus.DRAFT: QCoreApplication.translate("LaborLabels", "Draft"),
        EvaluationStatus.PUBLICIZED: QCoreApplication.translate(
            "LaborLabels", "Under public notice"
        ),
        EvaluationStatus.CONFIRMED: QCoreApplication.translate("LaborLabels", "Confirmed"),
    }
