"""Translated names for the 报送 page: kinds of record (the packet's tables), packet statuses
and modes, the bureau's flags, and how times and fingerprints are shown.

Each label is a literal ``QCoreApplication.translate`` call so that ``pyside6-lupdate`` finds it.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from app.packets.keys import format_fingerprint

STATUS_COLOURS = {
    "exported": QColor("#fff4cc"),  # waiting for the bureau's receipt
    "acknowledged": QColor("#d4f4dd"),
    "returned": QColor("#ffd6d6"),
}
FLAG_COLOURS = {
    "returned": QColor("#ffd6d6"),
    "rejected": QColor("#ffd6d6"),
    "conflict": QColor("#fff4cc"),
}


def table_labels() -> dict[str, str]:
    return {
        "schools": QCoreApplication.translate("PacketLabels", "School"),
        "classes": QCoreApplication.translate("PacketLabels", "Class"),
        "students": QCoreApplication.translate("PacketLabels", "Student"),
        "student_events": QCoreApplication.translate("PacketLabels", "Student event"),
        "school_programmes": QCoreApplication.translate("PacketLabels", "School programme"),
        "programme_members": QCoreApplication.translate("PacketLabels", "Programme member"),
        "arts_activities": QCoreApplication.translate("PacketLabels", "Arts activity"),
        "arts_activity_participants": QCoreApplication.translate(
            "PacketLabels", "Arts activity participant"
        ),
        "arts_course_records": QCoreApplication.translate("PacketLabels", "Arts course record"),
        "arts_specialties": QCoreApplication.translate("PacketLabels", "Arts specialty"),
        "arts_assessments": QCoreApplication.translate("PacketLabels", "Arts assessment"),
        "arts_self_evaluations": QCoreApplication.translate("PacketLabels", "Arts self-evaluation"),
        "awards": QCoreApplication.translate("PacketLabels", "Award"),
        "award_winners": QCoreApplication.translate("PacketLabels", "Award winner"),
        "labor_activities": QCoreApplication.translate("PacketLabels", "Labor activity"),
        "labor_participations": QCoreApplication.translate("PacketLabels", "Labor participation"),
        "labor_evidence": QCoreApplication.translate("PacketLabels", "Labor evidence"),
        "labor_literacy_evaluations": QCoreApplication.translate(
            "PacketLabels", "Labor literacy evaluation"
        ),
        "labor_evaluation_corrections": QCoreApplication.translate(
            "PacketLabels", "Labor evaluation correction"
        ),
        "pe_process_records": QCoreApplication.translate("PacketLabels", "PE process record"),
    }


def table_label(name: str) -> str:
    """A later table without a label yet shows its technical name rather than nothing."""
    return table_labels().get(name, name)


def packet_status_labels() -> dict[str, str]:
    return {
        "exported": QCoreApplication.translate("PacketLabels", "Exported, no receipt yet"),
        "acknowledged": QCoreApplication.translate("PacketLabels", "Acknowledged"),
        "returned": QCoreApplication.translate("PacketLabels", "Returned for correction"),
    }


def mode_labels() -> dict[str, str]:
    return {
        "full": QCoreApplication.translate("PacketLabels", "Full"),
        "incremental": QCoreApplication.translate("PacketLabels", "Incremental"),
    }


def flag_labels() -> dict[str, str]:
    return {
        "returned": QCoreApplication.translate("PacketLabels", "Returned for correction"),
        "rejected": QCoreApplication.translate("PacketLabels", "Rejected"),
        "conflict": QCoreApplication.translate("PacketLabels", "Held for review"),
    }


def counts_text(counts: dict[str, int], *, skip_empty: bool = True) -> str:
    """Like "学生 60, 班级 3", in the packet's table order."""
    parts = [f"{table_label(t)} {n:,}" for t, n in counts.items() if n or not skip_empty]
    return QCoreApplication.translate("PacketLabels", ", ").join(parts)


def local_time(utc_text: str | None) -> str:
    """``2026-12-01T08:30:00Z`` → ``2026-12-01 16:30`` in the computer's time zone."""
    if not utc_text:
        return ""
    try:
        moment = dt.datetime.fromisoformat(utc_text.replace("Z", "+00:00"))
    except ValueError:
        return utc_text
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def fingerprint_lines(fp: str) -> str:
    """The full fingerprint in two lines of eight groups, for reading aloud."""
    groups = format_fingerprint(fp).split("-")
    return "\n".join("-".join(groups[i : i + 8]) for i in range(0, len(groups), 8))


def short_fingerprint(fp: str) -> str:
    return format_fingerprint(fp, short=True)
