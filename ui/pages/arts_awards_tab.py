"""美育 → 获奖: the school year's awards (won by students in the tree's scope), with the warnings
of the counting rules; new, edit, delete, and import through the generic import wizard."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.arts.award_rules import award_warnings, counts_toward_arts_specialty
from app.arts.constants import AwardDomain
from app.arts.models import Award
from app.errors import UserError
from app.services.awards import delete_award, list_awards
from ui.errors import show_user_error
from ui.icons import icon
from ui.models.arts_award_model import ArtsAwardModel, AwardRow
from ui.models.arts_labels import domain_labels
from ui.models.record_table_model import RecordFilterProxy
from ui.pages.arts_tab_base import ArtsTab
from ui.widgets.empty_hint import EmptyHint, HintStack
from ui.widgets.record_view import record_table, select_record_rows, selected_records

if TYPE_CHECKING:
    from ui.pages.arts_page import ArtsPage


class ArtsAwardsTab(ArtsTab):
    def __init__(self, page: ArtsPage) -> None:
        super().__init__(page)
        self.model = ArtsAwardModel(self)
        self.proxy = RecordFilterProxy(self.model, self)
        self.new_action = self.add_action(self.tr("New award"), self.new_award, icon("add"))
        self.edit_action = self.add_action(self.tr("Edit"), self.edit_award, icon("edit"))
        self.delete_action = self.add_action(
            self.tr("Delete"), self.delete_award, self.trash_icon()
        )
        self.toolbar.addSeparator()
        self.import_action = self.add_action(self.tr("Import"), self.start_import, icon("import"))
        self.domain = QComboBox()
        self.domain.addItem(self.tr("All domains"), None)
        for domain, label in domain_labels().items():
            self.domain.addItem(label, domain.value)
        self.domain.currentIndexChanged.connect(self._domain_changed)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Domain:")))
        bar.addWidget(self.domain)
        bar.addStretch(1)
        self.table = record_table(self.proxy, widths=(22, 14, 6, 8, 8, 10, 14, 5))
        self.table.sortByColumn(5, Qt.SortOrder.DescendingOrder)
        self.table.doubleClicked.connect(self._double_clicked)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addLayout(bar)
        inner.addWidget(self.table, 1)
        hint = EmptyHint()
        self.first_new_button = hint.add_button(self.tr("New award"), self.new_award, icon("add"))
        self.first_import_button = hint.add_button(
            self.tr("Import"), self.start_import, icon("import")
        )
        self.stack = HintStack(content, hint)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.stack, 1)
        self._update_actions()

    def reload(self, *, select_uuid: str | None = None) -> None:
        students = self.page.students
        rows = []
        for award in list_awards(self.page.ws.db, school_year=self.page.school_year):
            if award.winners and not any(self.page.in_scope(w) for w in award.winners):
                continue
            names = [students[w].student.name for w in award.winners if w in students]
            rows.append(
                AwardRow(
                    award,
                    "、".join(names) or award.team_name,
                    tuple(award_warnings(award)),
                    counts_toward_arts_specialty(award),
                )
            )
        self.model.set_rows(rows)
        if rows:
            self.stack.show_content()
        else:
            self.stack.show_hint(
                self.tr(
                    "No awards recorded for the school year {year} here yet. Record one from its "
                    "certificate, or import the list of winners from a spreadsheet."
                ).format(year=self.page.school_year)
            )
        if select_uuid:
            select_record_rows(self.table, lambda r: r.award.meta.uuid == select_uuid)
        self._update_actions()

    def _domain_changed(self, _index: int) -> None:
        value = self.domain.currentData()
        domain = AwardDomain(value) if value else None
        self.proxy.set_predicate(
            "domain", None if domain is None else (lambda r: r.award.domain is domain)
        )

    def selected(self) -> list[AwardRow]:
        return selected_records(self.table)

    def _update_actions(self, *_args: object) -> None:
        one = len(self.selected()) == 1
        self.edit_action.setEnabled(one)
        self.delete_action.setEnabled(one)

    def _double_clicked(self, _index: QModelIndex) -> None:
        self.edit_award()

    def new_award(self) -> None:
        self._open(None)

    def edit_award(self) -> None:
        chosen = self.selected()
        if len(chosen) == 1:
            self._open(chosen[0].award)

    def _open(self, award: Award | None) -> None:
        from ui.dialogs.award_dialog import AwardDialog

        dialog = AwardDialog(
            self.page.ws, self.page.students, award=award, today=self.page.today, parent=self
        )
        self.open_dialog(dialog, dialog.award_saved, self._saved)

    def _saved(self, uuid: str) -> None:
        self.reload(select_uuid=uuid)

    def delete_award(self) -> None:
        chosen = self.selected()
        if len(chosen) != 1:
            return
        award = chosen[0].award
        if not self.ask_confirm(
            self.tr("Delete award"),
            self.tr("Delete the award “{award}” of {winners}?").format(
                award=award.label_zh, winners=chosen[0].winners
            ),
        ):
            return
        try:
            delete_award(self.page.ws.db, award.meta.uuid, actor=self.page.ws.actor)
        except UserError as exc:
            show_user_error(self, exc)
        self.reload()

    def start_import(self) -> None:
        from ui.dialogs.import_wizard import ImportWizard
        from ui.imports.awards_import_spec import AwardsImportSpec

        wizard = ImportWizard(
            AwardsImportSpec(today=self.page.today), self.page.ws, self.page.runner, parent=self
        )
        self.open_dialog(wizard, wizard.imported, self._imported)

    def _imported(self, _report: object) -> None:
        self.reload()
