"""``validate_student`` for thousands of rows at once (the roster import), with the same answers.

Most rows of a roster have one shape: plain ASCII G/J student and ID numbers, a date cell (or
nothing), and sex, grade, class and ethnicity written with a handful of distinct strings. A
``StudentBatchValidator`` accepts such rows on a fast path: the repeated strings are parsed once
per import (by the ordinary parsers), the identifiers' arithmetic runs on bytes. Anything else
(another shape, a blank required cell, any problem at all) goes to ``validate_student`` itself, so
the fast path only ever answers "valid, with these fields" and every rejection and message comes
from the one implementation. tests/app/services/test_roster_import_fast_path.py checks with
hypothesis that both always give the same result.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from functools import partial
from typing import Any

from app.errors import ValidationError
from app.models import Sex
from app.validation.codes import parse_class, parse_ethnicity, parse_grade, parse_sex
from app.validation.dates import parse_date
from app.validation.student import REQUIRED, StudentFields, validate_student

# A G or J 学籍号 / an ID number exactly as ``clean(...).upper()`` would leave it. ASCII digits
# only: ``\d`` in the full parsers also takes other scripts' digits, which go the slow way.
_PLAIN_STUDENT_NO = re.compile(r"[GJ][1-9][0-9]{16}[0-9X]")
_PLAIN_ID = re.compile(r"[1-9][0-9]{16}[0-9X]")
_CHECK_CHARS = "10X98765432"


def _check_char(body: str) -> str:
    """The MOD 11-2 check character of a plain ID body (its first 17 characters ASCII digits).

    The weights 7, 9, 10, 5 … 2 are 2**17 … 2**1 modulo 11, and 13 ≡ 2 (mod 11), so the weighted
    sum is 2 × (the 17 digits read as a base-13 number) modulo 11: one C call instead of 17
    multiplications. tests/app/services/test_roster_import_fast_path.py checks it against
    ``mod11_2_check_char``.
    """
    return _CHECK_CHARS[2 * int(body[:17], 13) % 11]


def _plain_name(value: object) -> bool:
    """True for a non-empty name with ``clean_name(value) == value``: NFKC leaves it alone and it
    has no whitespace (every whitespace character but the ASCII space is non-printable), so
    ``clean_name``'s normalising, collapsing and trimming change nothing.
    """
    return (
        type(value) is str
        and value != ""
        and value.isprintable()
        and " " not in value
        and unicodedata.is_normalized("NFKC", value)
    )


class StudentBatchValidator:
    """``validate_student`` for the rows of one import: one ``today``, one school's grades.

    Rows are sequences of values in the order of ``fields`` (e.g. the mapped columns of a file).
    """

    def __init__(
        self,
        fields: Sequence[str],
        *,
        today: dt.date,
        allowed_grades: tuple[int, ...] | None = None,
    ) -> None:
        self.fields = tuple(fields)
        self.today = today
        self.allowed_grades = allowed_grades
        position = {f: i for i, f in enumerate(self.fields)}  # the last wins, as in dict(zip())
        # Without a required column every row is rejected: nothing for a fast path to do.
        self._usable = all(f in position for f in REQUIRED)
        self._at = tuple(position.get(f, -1) for f in _FIELD_ORDER)
        # The codes that repeat down a column, parsed once per distinct text.
        self._sex = _Memo(parse_sex)
        self._ethnicity = _Memo(_ethnicity_or_default)
        self._grade_class = _Memo(self._parse_grade_and_class)
        self._date_text = _Memo(partial(parse_date, today=today))
        self._embedded: dict[str, dt.date | None] = {}  # 8 digits of a number → its birth date

    def validate(self, values: Sequence[object]) -> tuple[StudentFields | None, dict[str, str]]:
        """Exactly ``validate_student(dict(zip(fields, values)), today=…, allowed_grades=…)``."""
        fields = self.fast(values)
        if fields is not None:
            return fields, {}
        return self.full(values)

    def full(self, values: Sequence[object]) -> tuple[StudentFields | None, dict[str, str]]:
        """``validate_student`` itself, for the rows the fast path leaves."""
        raw: Mapping[str, object] = dict(zip(self.fields, values, strict=True))
        return validate_student(raw, today=self.today, allowed_grades=self.allowed_grades)

    def fast(self, values: Sequence[object]) -> StudentFields | None:
        """The fields of a row of the common shape that ``validate_student`` accepts; else None.

        None means "ask ``validate_student``", never "invalid".
        """
        if not self._usable:
            return None
        at_no, at_name, at_sex, at_grade, at_class, at_birth, at_ethnicity, at_id = self._at
        identity = self._identity(values[at_no], values[at_id] if at_id >= 0 else None)
        if identity is None:
            return None
        number, id_number, source_birth, source_sex = identity
        name, sex = values[at_name], values[at_sex]
        if not _plain_name(name) or type(sex) is not str or self._sex[sex] is not source_sex:
            return None
        birth = self._birth(values[at_birth] if at_birth >= 0 else None)
        if birth is None or (birth is not _ABSENT and birth != source_birth):
            return None
        grade, klass = values[at_grade], values[at_class]
        grade_class = (
            self._grade_class[grade, klass] if type(grade) is str and type(klass) is str else None
        )
        ethnicity = values[at_ethnicity] if at_ethnicity >= 0 else None
        code = "01" if ethnicity is None else self._ethnicity_code(ethnicity)
        if grade_class is None or code is None:
            return None
        # tuple.__new__ builds the NamedTuple in C: a third of the time of StudentFields(...).
        return _new_tuple(
            StudentFields,
            (number, name, source_sex, source_birth, code, id_number, *grade_class),
        )

    def _identity(
        self, number: object, id_number: object
    ) -> tuple[str, str | None, dt.date, Sex] | None:
        """学籍号, 身份证号, and the birth date and sex of the number that decides them (the ID
        number when there is one) for plain valid G/J and ID numbers; None otherwise."""
        if type(number) is not str or not _PLAIN_STUDENT_NO.fullmatch(number):
            return None
        body = number[1:]
        birth = self._number_birth(body)
        if birth is None:
            return None
        # Mostly the ID number is the G number's own body, already checked.
        if id_number is not None and id_number != body:
            if type(id_number) is not str or not _PLAIN_ID.fullmatch(id_number):
                return None
            body = id_number
            birth = self._number_birth(body)
            if birth is None:
                return None
        sex = Sex.MALE if body[16] in "13579" else Sex.FEMALE  # odd 顺序码 digit: male
        return number, id_number, birth, sex

    def _number_birth(self, body: str) -> dt.date | None:
        """The birth date of a plain 18-character body whose date and check character are valid
        (as ``_embedded_date`` and MOD 11-2 decide); None otherwise."""
        if _check_char(body) != body[17]:
            return None
        digits = body[6:14]
        try:
            return self._embedded[digits]
        except KeyError:
            date = self._embedded[digits] = _embedded_date(digits, self.today)
            return date

    def _birth(self, value: object) -> Any:
        """A date cell or a date text that ``parse_date`` accepts; _ABSENT for a blank cell
        (the number's date is used); None when only the full check can tell."""
        if type(value) is dt.date:  # what calamine gives for a date cell
            return value if value <= self.today and value.year >= 1900 else None
        if value is None:
            return _ABSENT
        if type(value) is str:
            return _ABSENT if not value or value.isspace() else self._date_text[value]
        return None

    def _ethnicity_code(self, value: object) -> str | None:
        return self._ethnicity[value] if type(value) is str else None

    def _parse_grade_and_class(self, grade_and_class: tuple[str, str]) -> tuple[int, int] | None:
        """(grade code, class number) when both parse, agree, and the school has the grade."""
        grade, class_ref = parse_grade(grade_and_class[0]), parse_class(grade_and_class[1])
        if class_ref.grade_code not in (None, grade):
            return None  # 三(2)班 in a row of 四年级
        if self.allowed_grades is not None and grade not in self.allowed_grades:
            return None
        return grade, class_ref.class_no


_new_tuple = tuple.__new__
if StudentFields._fields != ("student_no", "name", "sex", "birth_date", "ethnicity_code",
                             "id_number", "grade_code", "class_no"):  # fmt: skip
    raise RuntimeError("StudentBatchValidator.fast builds StudentFields in this field order")
# The positions StudentBatchValidator.fast unpacks, in this order.
_FIELD_ORDER = (*REQUIRED, "birth_date", "ethnicity", "id_number")
_ABSENT: Any = object()  # a blank optional cell


def _ethnicity_or_default(text: str) -> str:
    return "01" if not text or text.isspace() else parse_ethnicity(text)  # blank: the default


def _embedded_date(digits: str, today: dt.date) -> dt.date | None:
    try:
        date = dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return None
    return date if date <= today and date.year >= 1900 else None


class _Memo(dict[Any, Any]):
    """Parser results by value, for the values that repeat down a column: a repeated value costs
    one dict lookup. None for a value the parser rejects (the full check gives the message)."""

    def __init__(self, parse: Callable[[Any], object]) -> None:
        super().__init__()
        self._parse = parse

    def __missing__(self, value: Any) -> Any:
        try:
            result = self._parse(value)
        except ValidationError:
            result = None
        self[value] = result
        return result
