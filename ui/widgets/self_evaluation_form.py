"""The annual 学校艺术教育工作自评 as a form: one box per configured section with the school's own
score (0 to the section's weight) and the section's fields, as the official form names them.

Values go to the service as typed (it checks and converts them: ``app.arts.self_eval``); its
errors, keyed ``section.field``, appear under the field. 在校学生数 and 生师比 are computed by
the service and shown read-only.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.arts.config import ArtsConfig
from app.arts.self_eval import BUILTIN_FIELDS, FieldSpec, ratio_text
from ui.widgets.form_field import FieldWithMessage


def _shown(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if kind == "list" and isinstance(value, list):
        return "、".join(str(v) for v in value)
    if kind == "ratio":
        return ratio_text(value)
    return str(value)


class SelfEvaluationForm(QWidget):
    def __init__(self, config: ArtsConfig, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.specs: dict[str, tuple[FieldSpec, ...]] = {}
        self.inputs: dict[str, QLineEdit] = {}  # "section.field" or "section.score"
        self.computed: dict[str, tuple[QLabel, str]] = {}
        self.fields: dict[str, FieldWithMessage] = {}
        layout = QVBoxLayout(self)
        for section in config.self_eval_sections:
            specs = BUILTIN_FIELDS.get(section.key) or tuple(
                FieldSpec(name, name, "text") for name in section.fields
            )
            self.specs[section.key] = specs
            box = QGroupBox(
                self.tr("{name} ({weight} points)").format(name=section.name, weight=section.weight)
            )
            form = QFormLayout(box)
            score = QLineEdit()
            score.setPlaceholderText(self.tr("0 to {weight}").format(weight=section.weight))
            self._add(form, f"{section.key}.score", self.tr("Score:"), score)
            for spec in specs:
                key = f"{section.key}.{spec.key}"
                if spec.computed:
                    label = QLabel()
                    self.computed[key] = (label, spec.kind)
                    form.addRow(spec.label + ":", label)
                    continue
                edit = QLineEdit()
                if spec.kind == "list":
                    edit.setPlaceholderText(self.tr("separated by 、"))
                self._add(form, key, spec.label + ":", edit)
            layout.addWidget(box)
        self.general = QLabel()
        self.general.setWordWrap(True)
        self.general.setStyleSheet("color: #c62828;")
        layout.addWidget(self.general)
        layout.addStretch(1)

    def _add(self, form: QFormLayout, key: str, label: str, edit: QLineEdit) -> None:
        self.inputs[key] = edit
        self.fields[key] = FieldWithMessage(edit)
        form.addRow(label, self.fields[key])

    def values(self) -> dict[str, dict[str, Any]]:
        out: dict[str, dict[str, Any]] = {}
        for section, specs in self.specs.items():
            fields = {
                s.key: self.inputs[f"{section}.{s.key}"].text().strip() or None
                for s in specs
                if not s.computed
            }
            score = self.inputs[f"{section}.score"].text().strip() or None
            out[section] = {"score": score, "fields": fields}
        return out

    def set_values(
        self, sections: Mapping[str, Mapping[str, Any]], *, only_given: bool = False
    ) -> None:
        """Show stored (or pre-filled) sections; ``only_given`` keeps what the others hold."""
        for section, specs in self.specs.items():
            given = sections.get(section)
            if given is None and only_given:
                continue
            given = given or {}
            fields = given.get("fields", {}) or {}
            if not only_given or given.get("score") is not None:
                self.inputs[f"{section}.score"].setText(_shown(given.get("score"), "int"))
            for spec in specs:
                key = f"{section}.{spec.key}"
                if only_given and spec.key not in fields:
                    continue
                text = _shown(fields.get(spec.key), spec.kind)
                if spec.computed:
                    self.computed[key][0].setText(text)
                else:
                    self.inputs[key].setText(text)

    def show_errors(self, errors: Mapping[str, str]) -> None:
        for key, field in self.fields.items():
            field.set_message(errors.get(key, ""))
        self.general.setText(errors.get("", ""))

    def messages(self) -> dict[str, str]:
        return {k: f.message_text() for k, f in self.fields.items() if f.message_text()}
