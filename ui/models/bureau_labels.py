"""Translated names the bureau's pages share: synchronised tables, record fields, key statuses
and fingerprints in their grouped form.

Each label is a literal ``QCoreApplication.translate`` call so that ``pyside6-lupdate`` finds it.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from app.packets.keys import format_fingerprint


def table_labels() -> dict[str, str]:
    return {
        "schools": QCoreApplication.translate("BureauLabels", "Schools"),
        "classes": QCoreApplication.translate("BureauLabels", "Classes"),
        "students": QCoreApplication.translate("BureauLabels", "Students"),
        "student_events": QCoreApplication.translate("BureauLabels", "Student status changes"),
        "school_programmes": QCoreApplication.translate("BureauLabels", "School programmes"),
        "programme_members": QCoreApplication.translate("BureauLabels", "Programme members"),
        "arts_activities": QCoreApplication.translate("BureauLabels", "Arts activities"),
        "arts_activity_participants": QCoreApplication.translate(
            "BureauLabels", "Arts activity participants"
        ),
        "arts_course_records": QCoreApplication.translate("BureauLabels", "Arts course records"),
        "arts_specialties": QCoreApplication.translate("BureauLabels", "Arts specialties"),
        "arts_assessments": QCoreApplication.translate("BureauLabels", "Arts assessments"),
        "arts_self_evaluations": QCoreApplication.translate(
            "BureauLabels", "Arts self-evaluations"
        ),
        "awards": QCoreApplication.translate("BureauLabels", "Awards"),
        "award_winners": QCoreApplication.translate("BureauLabels", "Award winners"),
        "labor_activities": QCoreApplication.translate("BureauLabels", "Labor activities"),
        "labor_participations": QCoreApplication.translate("BureauLabels", "Labor participations"),
        "labor_evidence": QCoreApplication.translate("BureauLabels", "Labor evidence"),
        "labor_literacy_evaluations": QCoreApplication.translate(
            "BureauLabels", "Labor literacy evaluations"
        ),
        "labor_evaluation_corrections": QCoreApplication.translate(
            "BureauLabels", "Labor evaluation corrections"
        ),
        "pe_process_records": QCoreApplication.translate("BureauLabels", "PE process records"),
    }


def table_label(name: str) -> str:
    """A table's name for people; a table this version does not know keeps its own name."""
    return table_labels().get(name, name)


def field_labels() -> dict[str, str]:
    """The fields a conflict most often differs in; any other field shows its column name."""
    return {
        "uuid": QCoreApplication.translate("BureauLabels", "Record ID"),
        "revision": QCoreApplication.translate("BureauLabels", "Revision"),
        "updated_at": QCoreApplication.translate("BureauLabels", "Changed at (UTC)"),
        "updated_by": QCoreApplication.translate("BureauLabels", "Changed by"),
        "deleted": QCoreApplication.translate("BureauLabels", "Deleted"),
        "school_code": QCoreApplication.translate("BureauLabels", "School code"),
        "student_no": QCoreApplication.translate("BureauLabels", "Student number (学籍号)"),
        "name": QCoreApplication.translate("BureauLabels", "Name"),
        "sex": QCoreApplication.translate("BureauLabels", "Sex"),
        "birth_date": QCoreApplication.translate("BureauLabels", "Date of birth"),
        "ethnicity_code": QCoreApplication.translate("BureauLabels", "Ethnicity code"),
        "id_number": QCoreApplication.translate("BureauLabels", "ID card number"),
        "class_uuid": QCoreApplication.translate("BureauLabels", "Class"),
        "status": QCoreApplication.translate("BureauLabels", "Status"),
        "term": QCoreApplication.translate("BureauLabels", "Term"),
        "school_year": QCoreApplication.translate("BureauLabels", "School year"),
        "date": QCoreApplication.translate("BureauLabels", "Date"),
        "minutes": QCoreApplication.translate("BureauLabels", "Minutes"),
        "note": QCoreApplication.translate("BureauLabels", "Note"),
    }


def field_label(name: str) -> str:
    return field_labels().get(name, name)


def key_status_labels() -> dict[str, str]:
    return {
        "active": QCoreApplication.translate("BureauLabels", "Active"),
        "rotated": QCoreApplication.translate("BureauLabels", "Replaced by a new key"),
        "revoked": QCoreApplication.translate("BureauLabels", "Revoked"),
    }


def conflict_kind_labels() -> dict[str, str]:
    return {
        "revision": QCoreApplication.translate("BureauLabels", "Same revision, other content"),
        "transfer": QCoreApplication.translate("BureauLabels", "Student at two schools"),
    }


def grouped_fingerprint(fp: str) -> str:
    """The whole fingerprint in two lines of 8 groups, as people compare it by phone."""
    groups = format_fingerprint(fp).split("-")
    return "-".join(groups[:8]) + "\n" + "-".join(groups[8:])


def short_fingerprint(fp: str) -> str:
    return format_fingerprint(fp, short=True)


def local_time(utc_text: str | None) -> str:
    """A stored UTC time (``2026-12-01T02:10:44.123Z``) as this PC's local date and minute."""
    if not utc_text:
        return ""
    try:
        moment = dt.datetime.fromisoformat(utc_text.replace("Z", "+00:00"))
    except ValueError:
        return utc_text
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")
