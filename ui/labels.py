"""Translated names of the domain's enums and codes, shared by models, dialogs and pages.

Each label is a literal ``QCoreApplication.translate`` call so that ``pyside6-lupdate`` finds it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.models import SchoolStage, Sex, StudentStatus, Term


def status_labels() -> dict[StudentStatus, str]:
    return {
        StudentStatus.ENROLLED: QCoreApplication.translate("Labels", "Enrolled"),
        StudentStatus.TRANSFERRED_IN: QCoreApplication.translate("Labels", "Transferred in"),
        StudentStatus.TRANSFERRED_OUT: QCoreApplication.translate("Labels", "Transferred out"),
        StudentStatus.SUSPENDED: QCoreApplication.translate("Labels", "Suspended"),
        StudentStatus.GRADUATED: QCoreApplication.translate("Labels", "Graduated"),
    }


def sex_labels() -> dict[Sex, str]:
    return {
        Sex.MALE: QCoreApplication.translate("Labels", "Male"),
        Sex.FEMALE: QCoreApplication.translate("Labels", "Female"),
    }


def stage_labels() -> dict[SchoolStage, str]:
    return {
        SchoolStage.PRIMARY: QCoreApplication.translate("Labels", "Primary school"),
        SchoolStage.JUNIOR: QCoreApplication.translate("Labels", "Junior secondary school"),
        SchoolStage.NINE_YEAR: QCoreApplication.translate("Labels", "Nine-year school"),
        SchoolStage.SENIOR: QCoreApplication.translate("Labels", "Senior secondary school"),
        SchoolStage.COMPLETE: QCoreApplication.translate("Labels", "Complete secondary school"),
    }


def grade_labels() -> dict[int, str]:
    return {
        11: QCoreApplication.translate("Labels", "Grade 1"),
        12: QCoreApplication.translate("Labels", "Grade 2"),
        13: QCoreApplication.translate("Labels", "Grade 3"),
        14: QCoreApplication.translate("Labels", "Grade 4"),
        15: QCoreApplication.translate("Labels", "Grade 5"),
        16: QCoreApplication.translate("Labels", "Grade 6"),
        21: QCoreApplication.translate("Labels", "Grade 7"),
        22: QCoreApplication.translate("Labels", "Grade 8"),
        23: QCoreApplication.translate("Labels", "Grade 9"),
        31: QCoreApplication.translate("Labels", "Senior grade 1"),
        32: QCoreApplication.translate("Labels", "Senior grade 2"),
        33: QCoreApplication.translate("Labels", "Senior grade 3"),
    }


def term_label(term: Term) -> str:
    if term.semester == 1:
        text = QCoreApplication.translate("Labels", "{year}, first term")
    else:
        text = QCoreApplication.translate("Labels", "{year}, second term")
    return text.format(year=term.school_year)


def yes_label() -> str:
    return QCoreApplication.translate("Labels", "Yes")
