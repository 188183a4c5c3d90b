"""Arts activities of a term (社团, 兴趣小组, 艺术节, 展演) with their participant counts, and the
school's programmes (一校一品, clubs, interest groups) with their members in the school year."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from ui.models.arts_labels import activity_kind_labels, field_labels, programme_kind_labels
from ui.models.record_table_model import Column, RecordTableModel


def activity_columns(class_names: dict[str, str]) -> list[Column]:
    kinds = activity_kind_labels()
    return [
        Column(
            QCoreApplication.translate("ArtsActivityModel", "Kind"),
            QCoreApplication.translate(
                "ArtsActivityModel", "Club, interest group, arts festival or performance."
            ),
            lambda a: kinds[a.kind],
        ),
        Column(
            QCoreApplication.translate("ArtsActivityModel", "Name"),
            QCoreApplication.translate("ArtsActivityModel", "The activity's name."),
            lambda a: a.name,
        ),
        Column(
            QCoreApplication.translate("ArtsActivityModel", "Date"),
            QCoreApplication.translate(
                "ArtsActivityModel", "Year-month-day; empty for a term-long activity."
            ),
            lambda a: a.date.isoformat() if a.date else "",
        ),
        Column(
            QCoreApplication.translate("ArtsActivityModel", "Class"),
            QCoreApplication.translate(
                "ArtsActivityModel", "The class, for one class's activity; empty for the school."
            ),
            lambda a: class_names.get(a.class_uuid or "", ""),
        ),
        Column(
            QCoreApplication.translate("ArtsActivityModel", "Participants"),
            QCoreApplication.translate("ArtsActivityModel", "Number of students taking part."),
            lambda a: a.participants,
            sort=lambda a: a.participants,
            number=True,
        ),
        Column(
            QCoreApplication.translate("ArtsActivityModel", "Description"),
            QCoreApplication.translate("ArtsActivityModel", "What happened."),
            lambda a: a.description,
        ),
    ]


class ArtsActivityModel(RecordTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(activity_columns({}), parent)

    def set_class_names(self, names: dict[str, str]) -> None:
        self.columns = tuple(activity_columns(names))


def programme_columns() -> list[Column]:
    kinds, fields = programme_kind_labels(), field_labels()
    return [
        Column(
            QCoreApplication.translate("ArtsProgrammeModel", "Kind"),
            QCoreApplication.translate(
                "ArtsProgrammeModel", "Signature programme (一校一品), club or interest group."
            ),
            lambda p: kinds[p.kind],
        ),
        Column(
            QCoreApplication.translate("ArtsProgrammeModel", "Field"),
            QCoreApplication.translate("ArtsProgrammeModel", "Arts or sports."),
            lambda p: fields[p.field],
        ),
        Column(
            QCoreApplication.translate("ArtsProgrammeModel", "Name"),
            QCoreApplication.translate("ArtsProgrammeModel", "E.g. 合唱团, 校园足球."),
            lambda p: p.name,
        ),
        Column(
            QCoreApplication.translate("ArtsProgrammeModel", "Project"),
            QCoreApplication.translate("ArtsProgrammeModel", "E.g. 合唱, 民乐, 书法."),
            lambda p: p.project,
        ),
        Column(
            QCoreApplication.translate("ArtsProgrammeModel", "Adviser"),
            QCoreApplication.translate("ArtsProgrammeModel", "The teacher in charge."),
            lambda p: p.adviser,
        ),
        Column(
            QCoreApplication.translate("ArtsProgrammeModel", "Members"),
            QCoreApplication.translate(
                "ArtsProgrammeModel", "Students who are members in the school year."
            ),
            lambda p: p.members,
            sort=lambda p: p.members,
            number=True,
        ),
    ]


class ArtsProgrammeModel(RecordTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(programme_columns(), parent)
