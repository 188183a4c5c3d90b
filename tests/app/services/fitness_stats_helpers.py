"""A small 七年级 with chosen fitness values for the statistics, workbook and card tests.

Every expected figure in those tests is computed from ``score_student`` over the values below,
never typed in: the fixture only decides who is tested, exempt, incomplete or retested.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.scoring.fitness_score import FitnessResult, score_student
from app.services import fitness_records as fr
from app.services.workspace import Workspace
from tests.app.services.fitness_helpers import YEAR, add_student

Values = dict[str, float]
BOY: Values = {"height_cm": 165.0, "weight_kg": 55.0, "vital_capacity": 3000, "run_50m": 8.0,
               "sit_and_reach": 10.0, "standing_long_jump": 200, "pull_up": 8, "run_1000m": 245}  # fmt: skip
GIRL: Values = {"height_cm": 158.0, "weight_kg": 48.0, "vital_capacity": 2400, "run_50m": 9.0,
                "sit_and_reach": 15.0, "standing_long_jump": 170, "sit_up_1min": 40,
                "run_800m": 225}  # fmt: skip
STRONG_BOY: Values = {**BOY, "run_50m": 7.1, "pull_up": 14, "run_1000m": 215,
                      "standing_long_jump": 245}  # fmt: skip
WEAK_BOY: Values = {**BOY, "weight_kg": 72.0, "run_1000m": 290, "pull_up": 2,
                    "vital_capacity": 1900}  # fmt: skip
WEAK_GIRL: Values = {**GIRL, "sit_up_1min": 12, "run_800m": 290, "vital_capacity": 1400}
HEAVY_GIRL: Values = {**GIRL, "weight_kg": 75.0}
FAILING_BOY: Values = {**BOY, "run_1000m": 330, "pull_up": 0, "vital_capacity": 1500,
                       "run_50m": 10.5, "standing_long_jump": 150}  # fmt: skip
RETEST_BOY: Values = {**BOY, "run_1000m": 260, "pull_up": 6}


@dataclass
class Seventh:
    """uuid → (class, sex, decisive values) of the students with a result, and the others."""

    c1: str = ""
    c2: str = ""
    decisive: dict[str, tuple[str, str, Values]] = field(default_factory=dict)
    exempt: list[str] = field(default_factory=list)
    incomplete: dict[str, tuple[str, str, Values]] = field(default_factory=dict)
    untested: list[str] = field(default_factory=list)
    retested: str = ""
    first_of_retested: Values = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)

    def result(self, uuid: str) -> FitnessResult:
        _, sex, values = {**self.decisive, **self.incomplete}[uuid]
        return score_student(21, sex, values)

    def tested(self, klass: str | None = None, sex: str | None = None) -> list[str]:
        """Non-exempt students with a record (complete or not) in the class / of the sex."""
        return [
            u
            for u, (c, s, _) in {**self.decisive, **self.incomplete}.items()
            if (klass is None or c == klass) and (sex is None or s == sex)
        ]


def build_seventh(ws: Workspace) -> Seventh:
    """Class 1: four complete results; class 2: a retest, an obese girl, an exempt boy, a girl
    with a missing item and a boy not tested yet."""
    f = Seventh()
    plan = [
        (1, "1班", BOY), (2, "1班", GIRL), (3, "1班", WEAK_BOY), (4, "1班", WEAK_GIRL),
        (5, "2班", FAILING_BOY), (6, "2班", HEAVY_GIRL), (7, "2班", None), (8, "2班", GIRL),
        (9, "2班", None), (11, "1班", STRONG_BOY),
    ]  # fmt: skip
    for n, klass, values in plan:
        student = add_student(ws, n, grade="七年级", klass=klass)
        uuid, sex = student.meta.uuid, student.sex.value
        f.names[uuid] = student.name
        if klass == "1班":
            f.c1 = student.class_uuid
        else:
            f.c2 = student.class_uuid
        if n == 7:
            fr.set_exempt(ws.db, uuid, YEAR, "腿部骨折", actor="t")
            f.exempt.append(uuid)
        elif n == 9:
            f.untested.append(uuid)
        elif n == 8:
            partial = {k: v for k, v in GIRL.items() if k != "run_800m"}
            fr.save_values(ws.db, uuid, YEAR, partial, actor="t")
            f.incomplete[uuid] = (student.class_uuid, sex, partial)
        else:
            assert values is not None
            fr.save_values(ws.db, uuid, YEAR, values, actor="t")
            decisive = values
            if n == 5:
                fr.record_retest(ws.db, uuid, YEAR, RETEST_BOY, actor="t")
                f.retested, f.first_of_retested, decisive = uuid, values, RETEST_BOY
            f.decisive[uuid] = (student.class_uuid, sex, decisive)
    return f
