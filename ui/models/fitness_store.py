"""The class grid's reads and writes, through ``app.services.fitness_records`` only.

One store serves one sheet context at a time (学年, attempt, test date); the model asks it to
load a class and to save cells. Writes are small and synchronous on the GUI thread's connection:
a save is well under a millisecond (bench/fitness_grid_bench.py), far below what a background
task would cost, and it keeps the order of the user's edits without any locking between threads.

A block (paste, delete, undo of a paste) is saved in ONE transaction with ``save_values`` per
student inside a savepoint, not with ``bulk_save``: ``bulk_save`` takes no test date and returns
no results, while the grid records the sheet's test date and rescores the rows from what the
service returns. Each student still gets exactly one new revision.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from sqlite_utils import Database

from app.errors import UserError
from app.scoring.fitness_score import FitnessResult
from app.services import fitness_records
from app.services.fitness_records import FitnessSheet

ATTEMPT_FIRST = "first"
ATTEMPT_RETEST = "retest"


@dataclass
class SaveOutcome:
    results: dict[str, FitnessResult] = field(default_factory=dict)  # student uuid → result
    errors: dict[str, str] = field(default_factory=dict)  # student uuid → why nothing was saved


class FitnessStore:
    def __init__(self, db: Database, actor: str, school_year: str) -> None:
        self.db = db
        self.actor = actor
        self.school_year = school_year
        self.attempt = ATTEMPT_FIRST
        self.test_date: dt.date | None = None

    def load(self, class_uuid: str) -> FitnessSheet:
        return fitness_records.class_sheet(self.db, class_uuid, self.school_year)

    def save_rows(self, rows: Sequence[tuple[str, Mapping[str, float | None]]]) -> SaveOutcome:
        """Save each student's values (already checked); one transaction for all of them.

        A student the service refuses (deleted meanwhile, retest not allowed…) is reported and
        the others are saved all the same.
        """
        outcome = SaveOutcome()
        with self.db.atomic():
            for uuid, values in rows:
                try:
                    with self.db.atomic():  # a savepoint: a refused student leaves no trace
                        outcome.results[uuid] = fitness_records.save_values(
                            self.db,
                            uuid,
                            self.school_year,
                            values,
                            attempt=self.attempt,
                            test_date=self.test_date,
                            actor=self.actor,
                        )
                except UserError as exc:
                    outcome.errors[uuid] = str(exc)
        return outcome

    def set_exempt(self, uuid: str, reason: str | None) -> FitnessResult:
        return fitness_records.set_exempt(self.db, uuid, self.school_year, reason, actor=self.actor)

    def set_absent(self, uuid: str, items: Iterable[str], *, absent: bool) -> FitnessResult:
        return fitness_records.set_absent(
            self.db,
            uuid,
            self.school_year,
            list(items),
            absent=absent,
            attempt=self.attempt,
            actor=self.actor,
        )

    def apply_test_date(self, uuids: Iterable[str]) -> int:
        """Record the sheet's test date on these students' stored attempts, in one transaction."""
        count = 0
        with self.db.atomic():
            for uuid in uuids:
                fitness_records.save_values(
                    self.db,
                    uuid,
                    self.school_year,
                    {},
                    attempt=self.attempt,
                    test_date=self.test_date,
                    actor=self.actor,
                )
                count += 1
        return count
