"""Translated names of the arts vocabulary (award levels and ranks, domains, activity kinds,
subjects, ratings, specialty groups and routes, programme kinds, sub-scores, bands). Literal
``QCoreApplication.translate`` calls, so that ``pyside6-lupdate`` finds every one. The specialty
categories themselves (声乐, 书法 …) are the national list's names and stay as written."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.arts.constants import (
    ActivityKind,
    ArtsSubject,
    AwardDomain,
    AwardLevel,
    AwardRank,
    ProgrammeField,
    ProgrammeKind,
    Rating,
    SpecialtyGroup,
    SpecialtyRoute,
)


def level_labels() -> dict[AwardLevel, str]:
    return {
        AwardLevel.NATIONAL: QCoreApplication.translate("ArtsLabels", "National"),
        AwardLevel.PROVINCIAL: QCoreApplication.translate("ArtsLabels", "Provincial"),
        AwardLevel.CITY: QCoreApplication.translate("ArtsLabels", "City"),
        AwardLevel.COUNTY: QCoreApplication.translate("ArtsLabels", "County or district"),
        AwardLevel.SCHOOL: QCoreApplication.translate("ArtsLabels", "School"),
    }


def rank_labels() -> dict[AwardRank, str]:
    return {
        AwardRank.SPECIAL: QCoreApplication.translate("ArtsLabels", "Special prize"),
        AwardRank.FIRST: QCoreApplication.translate("ArtsLabels", "First prize"),
        AwardRank.SECOND: QCoreApplication.translate("ArtsLabels", "Second prize"),
        AwardRank.THIRD: QCoreApplication.translate("ArtsLabels", "Third prize"),
        AwardRank.MERIT: QCoreApplication.translate("ArtsLabels", "Merit award"),
        AwardRank.OTHER: QCoreApplication.translate("ArtsLabels", "Other"),
    }


def domain_labels() -> dict[AwardDomain, str]:
    return {
        AwardDomain.ARTS: QCoreApplication.translate("ArtsLabels", "Arts"),
        AwardDomain.SPORTS: QCoreApplication.translate("ArtsLabels", "Sports"),
        AwardDomain.LABOR: QCoreApplication.translate("ArtsLabels", "Labor"),
        AwardDomain.OTHER: QCoreApplication.translate("ArtsLabels", "Other"),
    }


def activity_kind_labels() -> dict[ActivityKind, str]:
    return {
        ActivityKind.CLUB: QCoreApplication.translate("ArtsLabels", "Club"),
        ActivityKind.INTEREST_GROUP: QCoreApplication.translate("ArtsLabels", "Interest group"),
        ActivityKind.FESTIVAL: QCoreApplication.translate("ArtsLabels", "Arts festival"),
        ActivityKind.PERFORMANCE: QCoreApplication.translate("ArtsLabels", "Performance"),
    }


def subject_labels() -> dict[ArtsSubject, str]:
    return {
        ArtsSubject.MUSIC: QCoreApplication.translate("ArtsLabels", "Music"),
        ArtsSubject.FINE_ART: QCoreApplication.translate("ArtsLabels", "Fine art"),
        ArtsSubject.INTEGRATED: QCoreApplication.translate("ArtsLabels", "Integrated arts"),
        ArtsSubject.LOCAL: QCoreApplication.translate("ArtsLabels", "Local or school-based arts"),
    }


def rating_labels() -> dict[Rating, str]:
    return {
        Rating.EXCELLENT: QCoreApplication.translate("ArtsLabels", "Excellent"),
        Rating.GOOD: QCoreApplication.translate("ArtsLabels", "Good"),
        Rating.PASS: QCoreApplication.translate("ArtsLabels", "Pass"),
        Rating.POOR: QCoreApplication.translate("ArtsLabels", "Needs improvement"),
    }


def group_labels() -> dict[SpecialtyGroup, str]:
    return {
        SpecialtyGroup.PERFORMANCE: QCoreApplication.translate("ArtsLabels", "Performing arts"),
        SpecialtyGroup.WORKS: QCoreApplication.translate("ArtsLabels", "Art works"),
        SpecialtyGroup.WORKSHOP: QCoreApplication.translate("ArtsLabels", "Arts practice workshop"),
    }


def route_labels() -> dict[SpecialtyRoute, str]:
    return {
        SpecialtyRoute.IN_SCHOOL_SPECIALIST: QCoreApplication.translate(
            "ArtsLabels", "In-school specialist training"
        ),
        SpecialtyRoute.CLUB: QCoreApplication.translate("ArtsLabels", "School club"),
        SpecialtyRoute.OUTSIDE: QCoreApplication.translate("ArtsLabels", "Outside school"),
    }


def programme_kind_labels() -> dict[ProgrammeKind, str]:
    return {
        ProgrammeKind.SIGNATURE: QCoreApplication.translate(
            "ArtsLabels", "Signature programme (一校一品)"
        ),
        ProgrammeKind.CLUB: QCoreApplication.translate("ArtsLabels", "Club"),
        ProgrammeKind.INTEREST_GROUP: QCoreApplication.translate("ArtsLabels", "Interest group"),
    }


def field_labels() -> dict[ProgrammeField, str]:
    return {
        ProgrammeField.ART: QCoreApplication.translate("ArtsLabels", "Arts"),
        ProgrammeField.SPORT: QCoreApplication.translate("ArtsLabels", "Sports"),
    }


def sub_score_labels() -> dict[str, str]:
    return {
        "course_learning": QCoreApplication.translate("ArtsLabels", "Course learning"),
        "extracurricular": QCoreApplication.translate("ArtsLabels", "Extracurricular"),
        "basic_knowledge": QCoreApplication.translate("ArtsLabels", "Basic knowledge"),
        "basic_skills": QCoreApplication.translate("ArtsLabels", "Basic skills"),
        "outside_learning": QCoreApplication.translate("ArtsLabels", "Outside learning"),
        "art_specialty": QCoreApplication.translate("ArtsLabels", "Arts specialty"),
    }


def band_labels() -> dict[str, str]:
    return {
        "excellent": QCoreApplication.translate("ArtsLabels", "Excellent"),
        "good": QCoreApplication.translate("ArtsLabels", "Good"),
        "pass": QCoreApplication.translate("ArtsLabels", "Pass"),
        "fail": QCoreApplication.translate("ArtsLabels", "Fail"),
    }
